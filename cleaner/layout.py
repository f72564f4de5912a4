"""Where the article body is: the span from the first to the last prose line.

Page furniture clusters at the edges of a document, before the first paragraph of
running prose and after the last one. Rules that may only fire at the edges (a
category label, a lone widget word) ask this module where the edges are, so the
same words inside the article body are left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import regex

if TYPE_CHECKING:
    from cleaner.document import Line, TextView

Zone = Literal["header", "body", "footer"]
WHERE_CHOICES = ("anywhere", "edges", "header", "footer")

PROSE_MIN_WORDS = 8
_SENTENCE_END = regex.compile(r"[.!?…。！？][\"”»’'\)\]]*\s*$")


def is_prose(text: str) -> bool:
    """A line of running prose: enough words and a sentence-closing mark at the end."""
    return len(text.split()) >= PROSE_MIN_WORDS and _SENTENCE_END.search(text) is not None


def body_range(lines: list[Line]) -> tuple[int, int] | None:
    """Indexes of the first and last prose lines, or None for a text with no prose."""
    prose = [line.index for line in lines if is_prose(line.text)]
    if not prose:
        return None
    return prose[0], prose[-1]


def zone_of(view: TextView, index: int) -> Zone:
    """The zone a line sits in; a text without prose is all body (nothing is an edge)."""
    bounds = view.body
    if bounds is None:
        return "body"
    first, last = bounds
    if index < first:
        return "header"
    if index > last:
        return "footer"
    return "body"


def allowed(view: TextView, index: int, where: str) -> bool:
    """Whether a rule limited to `where` may act on line `index`."""
    if where == "anywhere":
        return True
    zone = zone_of(view, index)
    if where == "edges":
        return zone != "body"
    return zone == where
