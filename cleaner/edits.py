"""Choose a consistent set of edits and apply it.

Rules look at the same text independently, so their edits may overlap. The engine
keeps the leftmost edit of any overlapping group and leaves the rest for the next
pass, where they are detected again on the new text if they still apply. Edits that
keep metadata are placed before all others (a byline's author or a category label
is never lost to a menu rule covering its line), and a wider deletion around one is
applied in pieces on either side of it. Of edits starting at the same point, the
longer wins (a stack of widget lines taken whole rather than its first line alone,
which would strand the rest below the stack's minimum), then the rule listed first.
Two insertions at the same point also conflict.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from cleaner.rule import Edit


def non_overlapping(edits: Sequence[Edit], rule_order: Mapping[str, int]) -> list[Edit]:
    """The edits to apply this pass, sorted by position, none overlapping another.

    Edits that keep metadata are placed first, so a byline's author or a category
    label is never lost to a wider rule covering the same line; a wider deletion
    is carved around them and applied in pieces (a menu stack with a category
    label inside it, a related-posts run ending in a tag line).
    """

    def priority(edit: Edit) -> tuple[int, int, int]:
        return edit.start, -edit.end, rule_order.get(edit.rule, 0)

    keeping = sorted((edit for edit in edits if edit.metadata), key=priority)
    others = sorted((edit for edit in edits if not edit.metadata), key=priority)
    chosen: list[Edit] = []
    spans: list[tuple[int, int]] = []
    for edit in keeping:
        _place(edit, chosen, spans)
    kept, kept_spans = list(chosen), list(spans)
    for edit in others:
        for piece in _carve(edit, kept, kept_spans):
            _place(piece, chosen, spans)
    return chosen


def _place(edit: Edit, chosen: list[Edit], spans: list[tuple[int, int]]) -> None:
    """Add `edit` to the sorted, disjoint `chosen` unless it conflicts with one of them."""
    index = bisect_right(spans, (edit.start, edit.end))
    if not any(_conflict(edit, other) for other in chosen[max(index - 1, 0) : index + 2]):
        chosen.insert(index, edit)
        spans.insert(index, (edit.start, edit.end))


def _carve(edit: Edit, kept: Sequence[Edit], kept_spans: Sequence[tuple[int, int]]) -> list[Edit]:
    """A deletion split around the metadata-keeping edits that lie wholly inside it.

    `kept` is sorted and disjoint, with `kept_spans` its (start, end) pairs: the
    candidates are found by bisection, not by a scan per edit.
    """
    if edit.replacement:
        return [edit]
    low = bisect_left(kept_spans, (edit.start, edit.start))
    high = bisect_right(kept_spans, (edit.end, edit.end))
    inside = [k for k in kept[low:high] if k.end <= edit.end and k.start < k.end]
    if not inside:
        return [edit]
    pieces: list[Edit] = []
    start = edit.start
    for keeper in inside:
        if start < keeper.start:
            pieces.append(replace(edit, start=start, end=keeper.start))
        start = keeper.end
    if start < edit.end:
        pieces.append(replace(edit, start=start, end=edit.end))
    return pieces


def _conflict(edit: Edit, other: Edit) -> bool:
    """Two edits overlap, or insert at the same point."""
    if edit.start == edit.end == other.start == other.end:
        return True
    return edit.start < other.end and other.start < edit.end


def apply(text: str, edits: Sequence[Edit]) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping edits; also return where each one starts afterwards.

    The returned start of edit k is its offset in the text with edits 0..k-1 applied,
    which is exactly the change-log convention (see cleaner.changelog).
    """
    pieces: list[str] = []
    starts: list[int] = []
    cursor = 0
    shift = 0
    for edit in edits:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        starts.append(edit.start + shift)
        shift += len(edit.replacement) - (edit.end - edit.start)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), starts
