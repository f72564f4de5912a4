"""translate: replace characters (or short strings) by a table given in the rule.

For choices that are a one-to-one mapping rather than a pattern, such as typographic
quotes to ASCII ones: a regex substitution has a single replacement, a table has one
per entry. The table is the rule's `mapping` param, so the characters are data in
the rule file, never in code. Longer keys win over their prefixes.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.document import TextView
from cleaner.kinds.common import default_message
from cleaner.params import Params
from cleaner.patterns import finditer
from cleaner.rule import Edit, RuleSpec


class Translate:
    """Detector for the translate kind."""

    repairs = True  # the valve counts only blank replacements (cleaner.engine)

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.mapping = params.mapping("mapping")
        if not self.mapping or "" in self.mapping:
            raise params.error("mapping", "give at least one non-empty key")
        # A value holding a key would be rewritten again on the next pass, forever.
        for key, value in self.mapping.items():
            if any(other in value for other in self.mapping):
                raise params.error("mapping", f"the value for {key!r} contains a key")
        keys = sorted(self.mapping, key=lambda key: (-len(key), key))
        self.pattern = params.compile("mapping", "|".join(regex.escape(key) for key in keys))
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per occurrence of a key."""
        for match in finditer(self.pattern, view.text):
            replacement = self.mapping[match.group()]
            yield Edit(match.start(), match.end(), replacement, self.rule, self.message)
