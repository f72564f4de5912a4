"""The remembered whole-line tests give the answer of the plain whole-line match.

after_marker's marker and drop_block's first line are tested by
cleaner.kinds.line_memo.WholeLineMatch: a line without one of the pattern's anchors
(cleaner.anchors) is not searched, and the answer is remembered by the line's text.
Every shipped rule of the two kinds is held to the plain answer, `fullmatch(pattern,
line)`, on every line of the furniture probes and of the rules' own examples, and
on lines built from the markers.
"""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Line
from cleaner.kinds.after_marker import AfterMarker
from cleaner.kinds.drop_block import DropBlock
from cleaner.kinds.line_memo import WholeLineMatch
from cleaner.patterns import fullmatch
from cleaner.ruleset import Selection, load_rules
from tests.test_requires import _probe_lines


@cache
def _after_marker_rules() -> list[AfterMarker]:
    rules = load_rules([], Selection())
    return [rule.detector for rule in rules if isinstance(rule.detector, AfterMarker)]


@cache
def _example_lines() -> tuple[str, ...]:
    lines = {
        line
        for rule in load_rules([], Selection())
        for example in rule.spec.examples
        for line in example.input.split("\n")
    }
    return tuple(sorted(line for line in lines if line.strip()))


def _is_marker(detector: AfterMarker, text: str) -> bool:
    return detector._is_marker(Line(0, 0, len(text), text))


@cache
def _line_tests() -> list[tuple[str, WholeLineMatch]]:
    """Every shipped whole-line test: after_marker's markers, drop_block's first lines."""
    tests = []
    for rule in load_rules([], Selection()):
        detector = rule.detector
        if isinstance(detector, AfterMarker):
            tests.append((rule.id, detector._is_marker_text))
        elif isinstance(detector, DropBlock):
            tests.append((rule.id, detector._starts))
    return tests


def test_every_probe_and_example_line_is_judged_as_the_plain_match_judges_it():
    tests = _line_tests()
    assert len(tests) > 20
    lines = (*_probe_lines(), *_example_lines())
    for rule_id, test in tests:
        for text in lines:
            plain = fullmatch(test.pattern, text) is not None
            assert test(text) == plain, (rule_id, text)
            assert test(text) == plain, (rule_id, text)  # remembered


DECORATION = st.sampled_from(["", "• ", "» ", "## ", " ", ":", " (3)", "\u00a0"])
CASES = st.sampled_from([str.lower, str.upper, str.title, lambda text: text])


@given(st.data(), DECORATION, DECORATION, CASES)
def test_marker_lines_with_decoration_and_case_are_judged_as_the_plain_match(
    data, before, after, case
):
    detector = data.draw(st.sampled_from(_after_marker_rules()))
    text = before + case(data.draw(st.sampled_from(_marker_phrases(detector.rule)))) + after
    plain = len(text) <= detector.max_chars and fullmatch(detector.marker, text) is not None
    assert _is_marker(detector, text) == plain, (detector.rule, text)


@cache
def _marker_phrases(rule_id: str) -> tuple[str, ...]:
    rule = next(rule for rule in load_rules([], Selection()) if rule.id == rule_id)
    return tuple(rule.spec.params.get("markers", ())) or ("Related",)
