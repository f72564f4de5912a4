"""html_entities: decode HTML character references left in extracted text.

"AT&amp;T", "&nbsp;" and "&#8220;" are markup that leaked into text: an extractor
copied the page source instead of the rendered page. Only complete references
are decoded: a name HTML5 defines, followed by ";", or a numeric reference to a
character. A bare ampersand ("AT&T", "Q&A", "R&D"), a name without ";" and an
unknown name all stay, since those are text, not markup. References that decode
to nothing or to U+FFFD (NUL, surrogates, out of range) stay too: decoding them
would lose what was written without gaining a character.

`only` limits decoding to some names, `keep` exempts some (both without "&" and
";"); `numeric: false` leaves numeric references alone.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from html.entities import html5

import regex

from cleaner.document import TextView
from cleaner.kinds.common import default_message
from cleaner.params import Params
from cleaner.patterns import finditer
from cleaner.rule import Edit, RuleSpec

REFERENCE = regex.compile(
    r"&(?:(?P<name>[A-Za-z][A-Za-z0-9]{0,31})|#(?P<number>[0-9]{1,7}|[xX][0-9a-fA-F]{1,6}));"
)
"""The syntax of a complete character reference (HTML5 tokenizer), not a word list."""


class HtmlEntities:
    """Detector for the html_entities kind."""

    repairs = True  # the valve counts only blank replacements (cleaner.engine)

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.only = frozenset(params.texts("only"))
        self.keep = frozenset(params.texts("keep"))
        for key, names in (("only", self.only), ("keep", self.keep)):
            unknown = sorted(name for name in names if f"{name};" not in html5)
            if unknown:
                raise params.error(key, f"{unknown[0]!r} is not an HTML5 entity name")
        self.numeric = params.boolean("numeric", True)
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def wanted(self, name: str | None) -> bool:
        """Whether this reference is to be decoded under the only/keep/numeric params."""
        if name is None:
            return self.numeric
        if self.only and name not in self.only:
            return False
        return name not in self.keep

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per complete reference that decodes to a real character."""
        if "&" not in view.text:
            return
        for match in finditer(REFERENCE, view.text):
            name = match.group("name")
            if name is not None and f"{name};" not in html5:
                continue
            if not self.wanted(name):
                continue
            decoded = html.unescape(match.group())
            if decoded and "\ufffd" not in decoded and decoded != match.group():
                yield Edit(match.start(), match.end(), decoded, self.rule, self.message)
