"""extract_date's `digit_within`: searching only lines with an early digit finds the same.

A rule that says every match starts on a line with a digit among its first N
characters is searched only on such lines. The shipped date rules are held to the
same rules without the shortcut on texts of date lines, labels, menus and prose.
"""

from __future__ import annotations

import copy
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.document import TextView
from cleaner.kinds.dates import ExtractDate
from cleaner.rule import Rule
from cleaner.ruleset import Selection, load_rules

LINES = [
    "Published: 12 March 2024",
    "Updated 10:42 AM ET, Tue March 9, 2021",
    "Dienstag, 09.03.2021, 10.42 Uhr",
    "  -- 08:04",
    "18 November 2024",
    "08:04",
    "Menu",
    "Termin: 28.02.2020, 18:30 Uhr",
    "Von Anna Schmidt | 14.05.2024 | 3 Min. Lesezeit",
    "The council met on 12 March 2024 and voted to close the depot, the mayor said on Friday.",
    "A very long label that runs on and on and on before it ever comes to a date: 4 May 2023",
    "",
]


@cache
def _date_rules() -> tuple[Rule, ...]:
    rules = load_rules(selection=Selection())
    found = tuple(r for r in rules if isinstance(r.detector, ExtractDate) and r.detector.digit_within)
    assert {r.id for r in found} >= {"metadata.datelines", "boilerplate.date-lines"}
    return found


def _edits(detector: ExtractDate, text: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.replacement) for e in detector.detect(TextView(text))]


@settings(max_examples=150)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12))
def test_digit_within_finds_what_the_whole_zone_finds(lines):
    text = "\n".join(lines)
    for rule in _date_rules():
        detector = rule.detector
        assert isinstance(detector, ExtractDate)
        plain = copy.copy(detector)
        plain.digit_within = 0
        assert _edits(detector, text) == _edits(plain, text), rule.id


def test_every_example_date_starts_on_a_line_with_an_early_digit():
    for rule in _date_rules():
        detector = rule.detector
        assert isinstance(detector, ExtractDate)
        plain = copy.copy(detector)
        plain.digit_within = 0
        for example in rule.spec.examples:
            text = example.input or ""
            assert _edits(detector, text) == _edits(plain, text), (rule.id, text)
