"""Inline boxes with `min_plain_lines` and `run_needs`: a box holds entries, a paragraph is not one.

An after_marker box may let one sentence of prose in (its pitch: "We are looking for
drivers"). Without a further test, a subheading over a short paragraph reads as a box
title over its pitch, and the short paragraph right after a real box reads as the box's
last line. `min_plain_lines` asks the box for lines that are not prose and ends it at
the last of them. `run_needs` asks it for the one line that makes it a box: a ticket
box's call to buy, a weather box's temperature.
"""

from __future__ import annotations

import pytest

from cleaner.errors import RuleError
from tests.conftest import LONG, one_rule


def test_after_marker_min_plain_lines_asks_a_box_for_lines_that_are_not_prose():
    params = {"markers": ["Volunteer with us"], "inline": True, "max_prose_in_run": 1}
    pitch = "We are looking for drivers, interpreters and warehouse helpers in Dover."
    box = f"{LONG}\n\nVolunteer with us\n{pitch}\nFind a role near you\n\n{LONG}"
    subheading = f"{LONG}\n\nVolunteer with us\n{pitch}\n\n{LONG}"
    assert one_rule("after_marker", **params).clean(subheading).text == f"{LONG}\n\n{LONG}"
    strict = one_rule("after_marker", **params, min_plain_lines=1)
    assert strict.clean(subheading).text == subheading
    assert strict.clean(box).text == f"{LONG}\n\n{LONG}"
    assert one_rule("after_marker", **params, min_plain_lines=2).clean(box).text == box


def test_after_marker_min_plain_lines_ends_the_box_at_its_last_entry():
    params = {"markers": ["Tickets"], "inline": True, "max_prose_in_run": 1, "max_words": 30}
    short_paragraph = "The programme runs from Haydn to a piece written for the evening by a pupil."
    page = f"{LONG}\n\nTickets\nfrom £24.90\nplus fees\n{short_paragraph}"
    assert one_rule("after_marker", **params).clean(page).text == LONG
    kept = one_rule("after_marker", **params, min_plain_lines=1).clean(page).text
    assert kept == f"{LONG}\n\n{short_paragraph}"


def test_min_plain_lines_is_refused_where_it_would_do_nothing():
    for params in ({}, {"inline": True, "run_above": True}):
        with pytest.raises(RuleError, match="min_plain_lines"):
            one_rule("after_marker", markers=["Tickets"], min_plain_lines=1, **params)


def test_after_marker_run_needs_asks_the_box_for_the_line_that_makes_it_one():
    """A ticket box closes with its call to buy; the story's own price list has none."""
    params = {"markers": ["Tickets"], "inline": True, "run_needs": "buy tickets|see all dates"}
    box = f"{LONG}\n\nTickets\nAdults: £12\nChildren: £6\nBuy tickets\n\n{LONG}"
    price_list = f"{LONG}\n\nTickets\nAdults: £12\nChildren: £6\n\n{LONG}"
    assert one_rule("after_marker", **params).clean(box).text == f"{LONG}\n\n{LONG}"
    assert one_rule("after_marker", **params).clean(price_list).text == price_list
    assert one_rule("after_marker", markers=["Tickets"], inline=True).clean(price_list).text == (
        f"{LONG}\n\n{LONG}"
    )


def test_after_marker_run_needs_holds_for_closing_sections_and_boxes_above():
    closing = {"markers": ["Related"], "run_needs": "[0-9]{1,2}:[0-9]{2}"}
    with_times = f"{LONG}\n\nRelated\nFerry fares rise\n12:40"
    without = f"{LONG}\n\nRelated\nFerry fares rise\nTram vote delayed"
    assert one_rule("after_marker", **closing).clean(with_times).text == LONG
    assert one_rule("after_marker", **closing).clean(without).text == without
    above = {"markers": ["View full table"], "inline": True, "run_above": True}
    above["run_needs"] = ".*[0-9]+ pts"
    table = f"{LONG}\n\n1. Rovers 31 pts\n2. United 29 pts\nView full table\n\n{LONG}"
    plain = f"{LONG}\n\nRovers\nUnited\nView full table\n\n{LONG}"
    assert one_rule("after_marker", **above).clean(table).text == f"{LONG}\n\n{LONG}"
    assert "Rovers\nUnited" in one_rule("after_marker", **above).clean(plain).text
