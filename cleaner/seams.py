"""Where earlier passes removed whole lines next to a line that is still there.

A widget rarely leaves the page whole through extraction and rules alike: a cookie
box's text goes, and its "Reject non-essential" button stays; a byline stack loses
its "By" line and its date, and the organisation between them stays. Such a line
cannot be told from a subheading by its words, but by what stood around it: the
context step of jusText (Pomikálek, 2011) judges a short block by its neighbours for
the same reason. The engine hands each pass the changes of the passes before it
(`TextView.history`); this module maps every line removal forward to the current
text and says which lines lost a neighbour of their own paragraph, above or below.

A removal counts only when it took whole lines that stood in the same paragraph as
the line: one that took a blank line between them removed a separate paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cleaner.changelog import Change, to_final
from cleaner.document import Line, TextView

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


def line_seams(view: TextView, counts: Callable[[str], bool]) -> Seams:
    """The seams left by earlier removals of whole lines by the rules `counts` accepts."""
    seams = Seams()
    history = view.history
    for position, change in enumerate(history):
        if not _removes_lines(change) or not counts(change.rule):
            continue
        point = to_final(change.start, history[position + 1 :])
        _mark(view, seams, point, change.before)
    return seams


def _removes_lines(change: Change) -> bool:
    """A deletion of at least one non-blank line, terminator and all."""
    return not change.after and "\n" in change.before and bool(change.before.strip())


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
    elif (
        point == lines[index].end
        and removed.startswith(("\n", "\r\n"))
        and not _BLANK_HEAD.match(removed)
    ):
        _add(seams.below, lines[index], taken)


def _add(side: dict[int, int], line: Line, taken: int) -> None:
    if not line.is_blank:
        side[line.index] = side.get(line.index, 0) + taken
