"""Anchors (cleaner.anchors): strings of which every match of a pattern holds one.

drop_line skips a line that holds none of its pattern's anchors, so an anchor set
that claims too much would keep a widget line. The sets are held to the patterns
three ways: small patterns with known answers, random patterns against random
texts (every match must hold an anchor), and every shipped drop_line rule against
every line of every rule's examples.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.anchors import anchors
from cleaner.kinds.drop_line import DropLine
from cleaner.patterns import match_at, pattern_anchors
from cleaner.ruleset import Selection, load_rules
from tests.test_requires import _example_lines

IGNORE = regex.IGNORECASE | regex.FULLCASE | regex.MULTILINE | regex.UNICODE


def test_literal_words_and_alternations():
    assert anchors(r"^\s*(?:Share|Tweet)(?:[ ,]+(?:Share|Tweet))*\s*$") == {"share", "tweet"}
    assert anchors(r"\bfoo\d+bar") in ({"foo"}, {"bar"})
    assert anchors(r"Foto:\s*\p{Lu}\w+", IGNORE) == {"foto:"}
    assert anchors(r"[^\S\r\n]*(?:read more|weiterlesen)[.!]?") == {"read more", "weiterlesen"}


def test_case_is_folded_as_str_casefold_does():
    assert anchors(r"(?i)Straße") == {"strasse"}
    assert anchors(r"(?-i:[Ss]hare)") == {"share"}


def test_parts_that_guarantee_nothing():
    assert anchors(r"\d+") is None
    assert anchors(r"(?:a|\d)") is None  # one branch holds no literal
    assert anchors(r"x*") is None
    assert anchors(r"(?=foo)\w+") is None  # a lookahead's content is not relied on
    assert anchors(r"(\w)\1") is None


def test_flags_that_open_a_group_apply_to_it():
    # The regex module reads "(?x)" inside a group from there on; spaces are then ignored.
    assert anchors(r"^(?:(?x) foo \s bar )$") in ({"foo"}, {"bar"})
    assert anchors(r"^(?:(?x) (?m) ^ abc )$") == {"abc"}


def test_unreadable_patterns_have_none():
    assert anchors(r"(?|a|b)") is None  # branch reset: regex module only
    assert anchors(r"a(?P<x") is None


def test_lookarounds_are_zero_width():
    assert anchors(r"(?<=\w+)abc") == {"abc"}  # variable width: read, not compiled
    assert anchors(r"(?<!was )informed that") == {"informed that"}


_ATOMS = st.sampled_from(
    ["a", "b", "ab", "ß", "S", "[ab]", "[^a]", r"\d", ".", r"\s", "(?=a)", r"\b", "^", "$"]
)


def _patterns(depth: int = 2) -> st.SearchStrategy[str]:
    if depth == 0:
        return _ATOMS
    inner = _patterns(depth - 1)
    return st.one_of(
        _ATOMS,
        st.lists(inner, min_size=1, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{2}", "{1,3}", "+?", "++"])).map(
            lambda pair: f"(?:{pair[0]}){pair[1]}"
        ),
        inner.map(lambda part: f"(?-i:{part})"),
    )


@settings(max_examples=400)
@given(_patterns(), st.lists(st.text(alphabet="abABsSß1 \n", max_size=12), max_size=4))
def test_every_match_of_a_random_pattern_holds_an_anchor(source, texts):
    found = anchors(source, IGNORE)
    if found is None:
        return
    pattern = regex.compile(source, IGNORE)
    for text in texts:
        for match in pattern.finditer(text):
            held = match.group().casefold()
            assert any(anchor in held for anchor in found), (source, text, match, found)


def test_every_line_a_default_rule_matches_holds_an_anchor():
    rules = [r for r in load_rules(selection=Selection()) if isinstance(r.detector, DropLine)]
    anchored = 0
    for rule in rules:
        detector = rule.detector
        assert isinstance(detector, DropLine)
        found = pattern_anchors(detector.pattern)
        if found is None:
            continue
        anchored += 1
        for line in _example_lines():
            if match_at(detector.pattern, line, 0, len(line)) is not None:
                assert any(anchor in line.casefold() for anchor in found), (rule.id, line)
    assert anchored >= len(rules) // 2  # most rules are anchored: the shortcut matters
