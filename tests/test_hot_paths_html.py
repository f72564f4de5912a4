"""html_document's page text, with breaks put inside elements, is the plain one.

The kind used to put a paragraph break before and after each block element and to
replace each <br> with a line break; bs4 looks an element up among its siblings for
that, which made a page of thousands of paragraphs in one parent quadratic. The
breaks now go inside the elements. This property holds the new text to the old way
on pages built from nested blocks, line breaks, inline elements, comments, scripts
and text between elements.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from hypothesis import given
from hypothesis import strategies as st

from cleaner.kinds.html_document import _BLANK_RUNS, _SPACES, HtmlDocument
from tests.conftest import shipped_detector

INLINE = st.sampled_from(["text", " spaced  words ", "<b>bold</b>", "<br>", "<br/>", "&amp;"])
INLINE |= st.sampled_from(["<!-- note -->", "<span>in <i>line</i></span>", "\n", ""])
BLOCKS = ["p", "div", "li", "h2", "td", "blockquote", "section", "nav", "script"]


def _element(children: list[str], name: str) -> str:
    return f"<{name}>{''.join(children)}</{name}>"


PAGES = st.recursive(
    INLINE,
    lambda inner: st.builds(_element, st.lists(inner, max_size=4), st.sampled_from(BLOCKS)),
    max_leaves=25,
)


def _plain_page_text(detector: HtmlDocument, soup: BeautifulSoup) -> str:
    """The old way: breaks inserted beside the block elements, <br> replaced."""
    for element in soup.find_all(detector.drop):
        element.decompose()
    for element in soup.find_all(True):
        if isinstance(element, Tag) and element.name == "br":
            element.replace_with("\n")
        elif isinstance(element, Tag) and element.name in detector.blocks:
            element.insert_before("\n\n")
            element.insert_after("\n\n")
    lines = (_SPACES.sub(" ", line).strip() for line in soup.get_text().split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip() + "\n"


@given(st.lists(PAGES, min_size=1, max_size=6))
def test_breaks_inside_elements_give_the_text_breaks_beside_them_gave(pieces):
    page = "<html><body>" + "".join(pieces) + "</body></html>"
    detector = shipped_detector("encoding.html-pages", HtmlDocument)
    new = detector.page_text(BeautifulSoup(page, "html.parser"))
    assert new == _plain_page_text(detector, BeautifulSoup(page, "html.parser"))
