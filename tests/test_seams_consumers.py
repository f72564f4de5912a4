"""carry's consumers: a paragraph an orphan rule removes takes its removal points with it.

Carried on, the points would stand next to the neighbouring paragraph, which would
then look robbed in turn (see cleaner.seams). The points of the neighbours stay.
"""

from __future__ import annotations

from cleaner import edits as edit_ops
from cleaner.rule import Edit
from cleaner.seams import Removal, carry

ORPHAN = "boilerplate.orphan-lines"
WIDGET = "boilerplate.widgets"
TEXT = "Top para\n\nKept\n\nNext para"  # "Kept" spans 10..14, "Next para" starts at 16


def _points(removals: list[Removal]) -> list[tuple[int, str]]:
    return [(removal.point, removal.rule) for removal in removals]


def _widget(point: int) -> Removal:
    return Removal(point, WIDGET, "Widget one\nWidget two\n")


def _carry(edits: list[Edit], points: list[int], consumers: frozenset[str]) -> list[Removal]:
    starts = edit_ops.apply(TEXT, edits)[1]
    return carry([_widget(point) for point in points], edits, starts, TEXT, consumers)


def test_a_removal_with_the_blank_line_above_takes_the_points_at_its_end():
    edit = Edit(8, 14, "", ORPHAN, "orphan")  # "\n\nKept"
    assert TEXT[8:14] == "\n\nKept"
    kept = _carry([edit], [14, 8], frozenset({ORPHAN}))
    # The point under "Kept" goes; the one at the end of "Top para" is that paragraph's.
    assert _points(kept) == [(8, WIDGET), (8, ORPHAN)]


def test_a_removal_with_the_blank_line_below_takes_the_points_at_its_start():
    edit = Edit(10, 16, "", ORPHAN, "orphan")  # "Kept\n\n"
    assert TEXT[10:16] == "Kept\n\n"
    kept = _carry([edit], [10, 16], frozenset({ORPHAN}))
    # The point over "Kept" goes; the one over "Next para" is that paragraph's.
    assert _points(kept) == [(10, WIDGET), (10, ORPHAN)]


def test_without_consumers_every_point_is_carried():
    edit = Edit(8, 14, "", ORPHAN, "orphan")
    assert _points(_carry([edit], [14, 8], frozenset())) == [(8, WIDGET), (8, WIDGET), (8, ORPHAN)]


def test_only_a_consumers_removal_takes_points():
    edit = Edit(8, 14, "", WIDGET, "widget")
    assert len(_carry([edit], [14], frozenset({ORPHAN}))) == 2


def test_of_two_removals_meeting_at_a_point_the_second_can_take_it():
    # "Top para\n\n" (ends at the point, with its blank line) and "Kept" (starts there)
    first, second = Edit(0, 10, "", ORPHAN, "orphan"), Edit(10, 14, "", ORPHAN, "orphan")
    kept = _carry([first, second], [10], frozenset({ORPHAN}))
    assert all(rule == ORPHAN for _, rule in _points(kept))
