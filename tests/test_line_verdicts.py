"""drop_line's shared judging gives the answers of each rule judging each line alone.

The drop_line rules of a load judge a text's new lines together, after one scan of
each line for every rule's cheap tests (cleaner.kinds.line_verdicts and
cleaner.kinds.line_sieve), and remember the verdicts by line text. Here the plain
way is the reference: for each rule and each line, its word limit, required words and
anchors tested one by one, then its pattern on that line alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import TextView
from cleaner.kinds.drop_line import DropLine
from cleaner.kinds.line_sieve import LineSieve, letter_words
from cleaner.kinds.line_verdicts import LineVerdicts, share_line_verdicts
from cleaner.layout import allowed
from cleaner.patterns import DEFAULT_TIMEOUT_SECONDS, set_timeout
from cleaner.rule import Level, MetadataItems, RuleSpec, holds_one_of
from cleaner.ruleset import Selection, build, load_rules

PIECES = [
    "Share",
    "Share this article",
    "Teilen: Facebook Twitter",
    "Foto: dpa",
    "Photo: Reuters",
    "(AP Photo/Jane Doe)",
    "Mehr zum Thema",
    "Advertisement",
    "Anzeige",
    "Read more:",
    "Lesen Sie auch",
    "Newsletter abonnieren",
    "By Jane Doe",
    "Von Max Mustermann, dpa",
    "Updated 3 hours ago",
    "5 min read",
    "Réagir à cet article",
    "Share prices fell 3% on Monday.",
    "The talks lasted four hours on Monday.",
    "Latest news",
    "Subscribe",
    "Sign in",
    "© 2024 Example Media",
    "#news #politics",
    "Group | For | Against",
    "Labour | 6 | 1",
    "",
    " ",
]
LINES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14)


@cache
def _shared() -> list[DropLine]:
    rules = load_rules([], Selection(select=("boilerplate", "metadata")))
    return [rule.detector for rule in rules if isinstance(rule.detector, DropLine)]


def _plain(detector: DropLine, view: TextView) -> list[tuple[int, MetadataItems]]:
    """Rule by rule, line by line: the cheap tests, then the pattern on the line alone."""
    found = []
    for index, chunk in enumerate(view.chunks):
        folded = view.folded_lines[index]
        if detector.max_words and letter_words(chunk) > detector.max_words:
            continue
        if detector.requires and not holds_one_of(folded, detector.requires):
            continue
        anchors = detector.anchor_words
        if anchors is not None and not any(anchor in folded for anchor in anchors):
            continue
        found.extend(detector.judge(view, [index]))
    return found


@dataclass
class _Cheap:
    """A rule as the sieve sees it."""

    max_words: int
    requires: tuple[str, ...]
    anchor_words: frozenset[str] | None


CHEAP_RULES = st.lists(
    st.builds(
        _Cheap,
        st.integers(0, 4),
        st.lists(st.sampled_from(["ab", "b", "ba", "", "c"]), max_size=3).map(tuple),
        st.none() | st.frozensets(st.sampled_from(["a", "bc", "cab"]), min_size=1),
    ),
    min_size=1,
    max_size=6,
)


@given(CHEAP_RULES, st.text(alphabet="abc ", max_size=12), st.integers(0, 6))
def test_the_sieve_answers_each_rule_s_cheap_tests(rules, line, words):
    passing = LineSieve(rules).passing(line, words)
    for seat, rule in enumerate(rules):
        plain = (
            (not rule.max_words or words <= rule.max_words)
            and (not rule.requires or holds_one_of(line, rule.requires))
            and (rule.anchor_words is None or any(a in line for a in rule.anchor_words))
        )
        assert bool(passing >> seat & 1) == plain, (seat, rule)


def test_the_rules_of_one_load_share_one_group():
    detectors = _shared()
    assert len(detectors) > 50
    assert len({id(detector.verdicts) for detector in detectors}) == 1
    assert [detector.seat for detector in detectors] == list(range(len(detectors)))


def _in_zone(detector: DropLine, view: TextView, found: list[tuple[int, MetadataItems]]) -> object:
    return [(index, metadata) for index, metadata in found if allowed(view, index, detector.where)]


@given(LINES, LINES)
def test_shared_verdicts_are_each_rule_judging_each_line_alone(first, second):
    # The second text repeats lines of the first in other places, at the edges or in
    # the body: some verdicts are remembered ones, some are judged now, in the zone.
    for lines in (first, second + first + second):
        view = TextView("\n".join(lines) + "\n")
        for detector in _shared():
            removable = detector.verdicts.removable(view, detector.seat)
            expected = _in_zone(detector, view, _plain(detector, view))
            assert _in_zone(detector, view, removable) == expected, (detector.rule, lines)


def _widget_rule(rule_id: str, pattern: str) -> DropLine:
    params = {"patterns": [pattern]}
    spec = RuleSpec(rule_id, "drop_line", Level.ERROR, "Widgets.", params, (), "<test>")
    detector = build(spec).detector
    assert isinstance(detector, DropLine)
    return detector


def test_a_rule_that_times_out_leaves_the_others_their_verdicts_and_tries_again():
    hostile = _widget_rule("t.hostile", "(a|aa)+$x")
    widget = _widget_rule("t.widget", "Widget line")
    share_line_verdicts([hostile, widget])
    group = widget.verdicts
    assert hostile.verdicts is group
    view = TextView("a" * 5000 + "!x\nWidget line\nThe end of the story, officials said.\n")
    set_timeout(0.05)
    try:
        for text in (view.text, view.text.replace("Widget line\n", "")):
            view = TextView(text)  # the same hostile line in the next pass: tried again
            with pytest.raises(TimeoutError):
                group.removable(view, hostile.seat)
        assert group.removable(view, widget.seat) == []
        assert group.removable(TextView("Widget line\n"), widget.seat) == [(0, ())]
    finally:
        set_timeout(DEFAULT_TIMEOUT_SECONDS)


def test_a_rule_already_in_a_group_stays_there():
    first = _widget_rule("t.one", "Widget line")
    second = _widget_rule("t.two", "Other widget")
    share_line_verdicts([first, second])
    group = first.verdicts
    share_line_verdicts([first])  # another pipeline of the same rules
    assert first.verdicts is group and second.verdicts is group
    assert isinstance(group, LineVerdicts) and len(group.members) == 2
