"""Where a closing heading's removal and its run's removal start and end.

An after_marker rule takes a marker line ("Related articles") and the short lines under
it. Other rules often remove the marker line (or the line above it) on their own in the
same pass, and the engine keeps only one of two overlapping edits. If the run were one
edit with the marker, it could lose to them, and on the next pass the run would be judged
without its marker. So the marker goes with the span a single-line rule gives it (widened
over the blank lines above it when the run ends the text), and the run with a span that
starts where that one ends and touches nothing above it.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import TextView, previous_content
from cleaner.rule import Edit


def marker_edits(
    view: TextView, marker: int, last: int | None, rule: str, reason: str
) -> Iterator[Edit]:
    """The marker's own removal, and the run's removal (lines up to `last`) beside it."""
    alone = view.removal_span(marker, marker)
    if last is None:  # a heading left over from an earlier pass, or nothing under it
        yield Edit(alone[0], alone[1], "", rule, reason)
        return
    first, start, end = _spans(view, marker, last, alone)
    yield Edit(first, alone[1], "", rule, reason)
    if start < end:
        yield Edit(start, end, "", rule, reason)


def _spans(view: TextView, marker: int, last: int, alone: tuple[int, int]) -> tuple[int, int, int]:
    """Where the marker's removal starts, and where the run's removal starts and ends."""
    lines = view.lines
    start = max(alone[1], view.next_line_start(marker))
    if any(not line.is_blank for line in lines[last + 1 :]):
        block = view.removal_span(marker, last)
        end = block[1] if block[0] >= lines[marker].start else view.next_line_start(last)
        return alone[0], start, end
    # Up to the end: keep the line break above the marker only if the text ended with
    # one, as removing the last lines of a text always does.
    final_break = view.text.endswith("\n")
    above = previous_content(lines, marker)  # the marker is below the body: there is one
    if above is None:
        return alone[0], start, len(view.text)
    gap = lines[above + 1].start if final_break else lines[above].end
    return min(gap, alone[0]), start if final_break else alone[1], len(view.text)
