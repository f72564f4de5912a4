"""flag: report matches of phrases or patterns as findings; the text is left alone.

For things a reviewer should look at but a machine must not decide: a suspicious
phrase, a foreign convention, a leftover marker. A named group `flag` narrows the
reported span to part of the match.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import TextView
from cleaner.kinds.common import default_message
from cleaner.layout import WHERE_CHOICES, allowed, finditer_where
from cleaner.params import Params
from cleaner.patterns import literal_alternation
from cleaner.rule import Finding, Level, RuleSpec


class Flag:
    """Detector for the flag kind."""

    produces_edits = False

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", False)
        phrases = params.texts("phrases")
        sources = list(params.texts("patterns"))
        if phrases:
            sources.insert(0, rf"\b(?:{literal_alternation(phrases, ignore_case=ignore_case)})\b")
        if not sources:
            raise params.error("phrases", "give at least one phrase or pattern")
        self.patterns = [
            params.compile(f"patterns[{i}]", source, ignore_case=ignore_case)
            for i, source in enumerate(sources)
        ]
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.message = params.text("message", default_message(spec))
        self.level: Level = spec.level
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Finding]:
        """One finding per non-empty match."""
        for pattern in self.patterns:
            for match in finditer_where(pattern, view, self.where):
                has_group = "flag" in pattern.groupindex and match.start("flag") >= 0
                start, end = match.span("flag") if has_group else match.span()
                if start < end and allowed(view, view.line_index(start), self.where):
                    yield Finding(start, end, self.rule, self.level, self.message)
