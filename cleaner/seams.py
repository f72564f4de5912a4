"""Where earlier passes removed whole lines next to a line that is still there.

A widget rarely leaves the page whole through extraction and rules alike: a cookie
box's text goes, and its "Reject non-essential" button stays; a byline stack loses
its "By" line and its date, and the organisation between them stays. Such a line
cannot be told from a subheading by its words, but by what stood around it: the
context step of jusText (Pomikálek, 2011) judges a short block by its neighbours for
the same reason. The engine carries every removal of whole lines from pass to pass
(`carry`: one binary search per removal and pass, where mapping each change of the
log through all later ones would be quadratic in a page with thousands of removed
lines) and hands them to the next pass (`TextView.removals`); `line_seams` says which
lines of the current text lost a neighbour of their own paragraph, above or below.

A removal counts only when it took whole lines that stood in the same paragraph as
the line: one that took a blank line between them removed a separate paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from cleaner.document import Line, TextView
from cleaner.rule import Edit

# A removed run of lines that ended in a blank line, or started with one, was a
# paragraph of its own, not part of the line's paragraph.
_BLANK_TAIL = re.compile(r"\n[^\S\n]*\n\Z")
_BLANK_HEAD = re.compile(r"\A\r?\n[^\S\n]*\n")


@dataclass(frozen=True)
class Seams:
    """Line indexes of the current text that lost lines of their paragraph.

    `above[i]` and `below[i]` count the non-blank lines removed right above and
    right below line i.
    """

    above: dict[int, int] = field(default_factory=dict)
    below: dict[int, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.above or self.below)


class Removal(NamedTuple):
    """Whole lines an earlier pass removed: where they stood in the current text, by whom."""

    point: int
    rule: str
    text: str


def carry(
    removals: Sequence[Removal],
    edits: Sequence[Edit],
    starts: Sequence[int],
    text: str,
    consumers: frozenset[str] = frozenset(),
) -> list[Removal]:
    """The removals after one pass of `edits` over `text`, the pass's own among them.

    `edits` are the pass's sorted, non-overlapping edits and `starts` where each
    begins afterwards (cleaner.edits.apply). A point at or after an edit's end moves
    with it, a point inside one goes to its start: the change log's `to_final`.

    A rule in `consumers` removes a paragraph for the removals around it, and they
    go with it: carried to the start of its removal, they would stand next to the
    paragraph above, which would then look robbed in turn, and so on up the page.
    """
    ends = [edit.end for edit in edits]
    kept = [r for r in removals if not _consumed(r.point, edits, ends, text, consumers)]
    carried = [
        removal._replace(point=_moved(removal.point, edits, ends, starts)) for removal in kept
    ]
    for index, (edit, start) in enumerate(zip(edits, starts, strict=True)):
        removed = text[edit.start : edit.end]
        if not edit.replacement and "\n" in removed and removed.strip():
            carried.append(
                Removal(_after_insertions(start, index, edits, starts), edit.rule, removed)
            )
    return carried


def _consumed(
    point: int, edits: Sequence[Edit], ends: list[int], text: str, consumers: frozenset[str]
) -> bool:
    """Whether a consumer's removal takes the paragraph a removal point belongs to.

    That is a point inside the removed text; at its start when the removal starts
    with the paragraph's first line (the point of lines removed above it); at its end
    when the removal stops at the end of the paragraph's last line (lines removed
    below it). A removal that starts or ends with the blank line between paragraphs
    has the neighbouring paragraph's points there, and they stay.
    """
    if not consumers:
        return False
    first = bisect.bisect_left(ends, point)  # the first edit ending at or after the point
    # and the one after it, which may start where that one ends
    return any(_takes(edit, point, text, consumers) for edit in edits[first : first + 2])


def _takes(edit: Edit, point: int, text: str, consumers: frozenset[str]) -> bool:
    """Whether this edit is a consumer's removal of the paragraph the point belongs to."""
    if edit.rule not in consumers or edit.replacement or not edit.start <= point <= edit.end:
        return False
    removed = text[edit.start : edit.end]
    if point == edit.start:
        return not removed.startswith(("\n", "\r\n"))
    return point < edit.end or not removed.endswith("\n")


def _after_insertions(point: int, index: int, edits: Sequence[Edit], starts: Sequence[int]) -> int:
    """A removal's point moved by the later edits of its pass that start right there.

    In the change log's order each later edit is applied after this one, at its own
    start (`starts`); only those starting at the point can move it, text that one
    of them inserts there comes before it (cleaner.changelog.to_final).
    """
    for later in range(index + 1, len(edits)):
        start = starts[later]
        if start > point:
            break
        edit = edits[later]
        width = edit.end - edit.start
        if point >= start + width:
            point += len(edit.replacement) - width
    return point


def _moved(point: int, edits: Sequence[Edit], ends: list[int], starts: Sequence[int]) -> int:
    before = bisect.bisect_right(ends, point) - 1  # the last edit that ends at or before it
    following = before + 1
    if following < len(edits) and edits[following].start < point:  # inside that edit
        return starts[following]
    if before < 0:
        return point
    edit = edits[before]
    return point - edit.end + starts[before] + len(edit.replacement)


def line_seams(view: TextView, counts: Callable[[str], bool]) -> Seams:
    """The seams left by earlier removals of whole lines by the rules `counts` accepts."""
    seams = Seams()
    for removal in view.removals:
        if counts(removal.rule):
            _mark(view, seams, removal.point, removal.text)
    return seams


def _mark(view: TextView, seams: Seams, point: int, removed: str) -> None:
    """File one removal under the lines it touched in their paragraph.

    Lines taken from inside a paragraph leave the point at the start of the line
    below them, and both that line and the one above lost a neighbour; lines taken
    from a paragraph's end leave it at the end of the line above them.
    """
    index = view.line_index(point)
    lines = view.lines
    taken = sum(1 for part in removed.split("\n") if part.strip())
    if point == lines[index].start and removed.endswith("\n"):
        if not _BLANK_TAIL.search(removed):
            _add(seams.above, lines[index], taken)
        if index > 0 and not removed.startswith(("\n", "\r\n")):
            _add(seams.below, lines[index - 1], taken)
    elif point == lines[index].end and not _apart_below(removed):
        _add(seams.below, lines[index], taken)


def _apart_below(removed: str) -> bool:
    """Whether lines removed right below a line were a paragraph of their own.

    Lines taken from a paragraph's end start with the terminator of the line over them;
    lines taken from inside it, whose own point a later removal of everything under
    them moved up to that line's end, end with their terminator instead.
    """
    if removed.startswith(("\n", "\r\n")):
        return _BLANK_HEAD.match(removed) is not None
    return _BLANK_TAIL.search(removed) is not None


def _add(side: dict[int, int], line: Line, taken: int) -> None:
    if not line.is_blank:
        side[line.index] = side.get(line.index, 0) + taken
