"""Choose a consistent set of edits and apply it.

Rules look at the same text independently, so their edits may overlap. The engine
keeps the leftmost edit of any overlapping group (ties go to the rule listed first)
and leaves the rest for the next pass, where they are detected again on the new
text if they still apply. Two insertions at the same point also conflict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cleaner.rule import Edit


def non_overlapping(edits: Sequence[Edit], rule_order: Mapping[str, int]) -> list[Edit]:
    """The edits to apply this pass, sorted by position, none overlapping another."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end, rule_order.get(e.rule, 0)))
    chosen: list[Edit] = []
    last_end = -1
    for edit in ordered:
        if chosen and (edit.start < last_end or _same_insertion_point(chosen[-1], edit)):
            continue
        chosen.append(edit)
        last_end = edit.end
    return chosen


def _same_insertion_point(previous: Edit, edit: Edit) -> bool:
    return previous.start == previous.end == edit.start == edit.end


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
