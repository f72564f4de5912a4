"""html_document: a document that is mostly HTML markup, turned into its text.

The regex rules of the encoding pack strip tags left here and there in a text. A
document that is a whole page (a doctype, a head, nested markup, attributes holding
">") needs a real parser: beautifulsoup4 with Python's own html.parser, so no
compiled dependency. The kind acts only when markup is dense (`min_markup_ratio` of
the characters inside tags, at least `min_tags` tags) or the text starts with a
doctype or <html>. It then drops the elements named in `drop_elements` (script,
style, head, and the navigation landmarks a page wraps around its article), keeps
the page's <title> as the `title` metadata field, breaks lines at block elements,
and proposes one edit replacing the document with its text.

The detector is `exclusive`: in a pass where it proposes its edit, the engine
applies it alone, so the tag rules do not nibble at the page first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from cleaner.document import TextView
from cleaner.kinds.common import default_message
from cleaner.params import Params
from cleaner.patterns import finditer
from cleaner.rule import Edit, RuleSpec

if TYPE_CHECKING:  # bs4 costs 0.1 s to import: loaded only when a page is converted
    from bs4 import BeautifulSoup

_TAG = regex.compile(
    r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z][A-Za-z0-9-]*|!--|!doctype)[^<>]{0,2000}>"
)
_PAGE_START = regex.compile(r"\A\s*<(?:!doctype\s+html|html)\b", regex.IGNORECASE)
_SPACES = regex.compile(r"[^\S\n]+")
_BLANK_RUNS = regex.compile(r"\n\s*\n\s*")


class HtmlDocument:
    """Detector for the html_document kind."""

    repairs = True  # the valve counts only blank replacements (cleaner.engine)

    exclusive = True

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.min_ratio = params.number("min_markup_ratio", 0.3)
        self.min_tags = params.integer("min_tags", 10, minimum=1)
        self.drop = set(params.texts("drop_elements"))
        self.blocks = set(params.texts("block_elements"))
        self.title_field = params.text("title_field", "title")
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def is_markup(self, text: str) -> bool:
        """Whether the text is a page rather than prose with a few stray tags."""
        if _PAGE_START.match(text):
            return True
        tags = [match.end() - match.start() for match in finditer(_TAG, text)]
        return len(tags) >= self.min_tags and sum(tags) >= self.min_ratio * len(text)

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit: the whole document replaced by the text of the page."""
        if "<" not in view.text or not self.is_markup(view.text):
            return
        from bs4 import BeautifulSoup  # noqa: PLC0415 - 0.1 s to import, rarely needed

        soup = BeautifulSoup(view.text, "html.parser")
        title = soup.title.get_text(" ", strip=True) if soup.title else ""
        tags = len(soup.find_all(True))
        text = self.page_text(soup)
        metadata = ((self.title_field, title),) if title else ()
        reason = f"{self.message} ({tags} elements)"
        yield Edit(0, len(view.text), text, self.rule, reason, metadata)

    def page_text(self, soup: BeautifulSoup) -> str:
        """The page's text: dropped elements gone, a paragraph break at each block."""
        from bs4 import Tag  # noqa: PLC0415 - see detect

        for element in soup.find_all(self.drop):
            element.decompose()
        # The breaks go inside each element, first and last child: the same text in the
        # same order as breaks around it, but inserting beside an element makes bs4 look
        # for it among its siblings, and a page of ten thousand paragraphs in one <body>
        # took minutes.
        for element in soup.find_all(True):
            if isinstance(element, Tag) and element.name == "br":
                element.append("\n")
            elif isinstance(element, Tag) and element.name in self.blocks:
                element.insert(0, "\n\n")
                element.append("\n\n")
        lines = (_SPACES.sub(" ", line).strip() for line in soup.get_text().split("\n"))
        text: str = _BLANK_RUNS.sub("\n\n", "\n".join(lines))
        return text.strip() + "\n"
