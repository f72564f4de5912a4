"""The shortcuts that make cleaning fast give the answers of the slow, obvious way.

Each speed-up (a prefix-tree alternation, a rule's `requires` words, searching only
the lines a `where` allows, worked out from the zones' bounds, finding words with one
regex split, building only the words a rule keeps, scanning only lines that may hold
a non-ASCII letter, skipping the script test for words below U+0370, compiling a
glued headline's pattern only for lines that open with its first word, stopping the
language vote once it is decided) is checked here against the plain computation it
replaces; tests/test_hot_paths_translation.py does the same for the translation
rules' judging, tests/test_line_verdicts.py for drop_line's shared judging of lines.
"""

from __future__ import annotations

import copy
import sys
from collections import Counter
from functools import cache
from typing import TypeVar
from unittest.mock import patch

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from cleaner.document import TextView
from cleaner.kinds import gate, tokens
from cleaner.kinds.dedupe import glued_pattern, may_open_with
from cleaner.kinds.gate import NAMES_SHARE
from cleaner.kinds.mixed_script import MixedScript, _hinted_words
from cleaner.kinds.tokens import WORD, is_titled, line_words, starts_sentence, words, words_where
from cleaner.language import Guess
from cleaner.layout import (
    WHERE_CHOICES,
    allowed,
    allowed_lines,
    core_range,
    finditer_where,
    zone_of,
)
from cleaner.patterns import APOSTROPHES, literal_alternation
from cleaner.rule import Rule
from cleaner.ruleset import Selection, load_rules, load_specs

# No "ß": under full case folding the regex module matches "SSASS" against the
# tree "ß(?:Aß)?" but not against the flat "ßAß|ß" (the tree is the right one).
T = TypeVar("T")
PHRASE_WORDS = st.text(alphabet="abAB.é-'’", min_size=1, max_size=4)
PHRASES = st.lists(
    st.lists(PHRASE_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8
)


def _flat(phrases: list[str]) -> str:
    """The obvious alternation: every phrase spelled out, longest first, any apostrophe."""
    unique = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    space = r"[^\S\r\n]+"
    return "|".join(space.join(_spelled(word) for word in p.split()) for p in unique)


def _spelled(word: str) -> str:
    return "".join(f"[{APOSTROPHES}]" if c in APOSTROPHES else regex.escape(c) for c in word)


def test_a_phrase_apostrophe_matches_the_typographic_ones():
    phrases = literal_alternation(["Editors' picks"], ignore_case=True)
    pattern = regex.compile(rf"^(?:{phrases})$", regex.IGNORECASE)
    for text in ("Editors' picks", "Editors’ picks", "Editors‘ picks", "Editorsʼ picks"):
        assert pattern.match(text), text
    assert not pattern.match("Editors picks")
    assert not pattern.match('Editors" picks')


@given(
    PHRASES, st.lists(st.sampled_from(["a", "b", " ", "  ", ".", "ss", "é", "É", "-", "'", "’"]))
)
def test_prefix_tree_matches_what_the_flat_alternation_matches(phrases, pieces):
    candidates = [*phrases, "".join(pieces), *(p.upper() for p in phrases)]
    for ignore_case in (False, True):
        flags = regex.UNICODE | (regex.IGNORECASE | regex.FULLCASE if ignore_case else 0)
        tree = regex.compile(
            rf"^(?:{literal_alternation(phrases, ignore_case=ignore_case)})$", flags
        )
        flat = regex.compile(rf"^(?:{_flat(phrases)})$", flags)
        for text in candidates:
            assert bool(tree.match(text)) == bool(flat.match(text)), (phrases, text)


@given(PHRASES, st.text(alphabet="abAB. é-x'’ʼ", max_size=30))
@example(phrases=["B", "b."], text="B.A")  # case variants: one branch, the longer wins
def test_prefix_tree_prefers_the_longest_phrase_like_the_flat_alternation(phrases, text):
    tree = regex.compile(
        rf"\b(?:{literal_alternation(phrases, ignore_case=True)})\b", regex.IGNORECASE
    )
    flat = regex.compile(rf"\b(?:{_flat(phrases)})\b", regex.IGNORECASE)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


LINES = st.lists(
    st.sampled_from(
        [
            "",
            "Share",
            "By Jane Doe | 12.05.2024",
            "The council approved the new budget for the coming year after a debate.",
            "Prices rose sharply in the second quarter, officials said on Monday.",
            "Related",
            "Read more: the full report",
        ]
    ),
    max_size=12,
).map("\n".join)


@given(LINES, st.sampled_from(WHERE_CHOICES))
def test_searching_allowed_lines_finds_the_allowed_matches_of_a_full_search(text, where):
    pattern = regex.compile(r"^[^\n]*\b(?:Share|Jane|budget|Related)\b[^\n]*$", regex.M)
    view = TextView(text)
    expected = [
        m.span() for m in pattern.finditer(text) if allowed(view, view.line_index(m.start()), where)
    ]
    assert [m.span() for m in finditer_where(pattern, view, where)] == expected


@given(LINES, st.sampled_from([*WHERE_CHOICES, "body"]))
def test_the_allowed_lines_are_each_line_judged_by_its_zone(text, where):
    view = TextView(text)
    plain = [_in_zone(view, index, where) for index in range(len(view.line_starts))]
    assert allowed_lines(view, where) == plain


def _in_zone(view: TextView, index: int, where: str) -> bool:
    """The plain way: the line's zone, and the core's bounds for `margins`."""
    if where == "anywhere":
        return True
    zone = zone_of(view, index)
    if where == "edges":
        return zone != "body"
    if where == "margins":
        core = core_range(view)
        return core is not None and not core[0] < index < core[1]
    return zone == where


WORD_LINE = st.text(alphabet="ab A.!?…:;\"“«„‘[(—–-'\u00a0\u2003\x1c\x1f\x85\té\u0301", max_size=40)


@given(
    st.sampled_from(["", "A. ", "x", "x\n", "Ends. \n"]), WORD_LINE, st.sampled_from(["", "\nB."])
)
def test_words_flag_sentence_openers_as_starts_sentence_does(before, line, after):
    text = before + line + after
    start, end = len(before), len(before) + len(line)
    expected = [
        (m.start(), m.end(), m.group(), starts_sentence(text, m.start(), start))
        for m in WORD.finditer(text, start, end)
    ]
    assert [tuple(word) for word in words(text, start, end)] == expected


@given(st.lists(WORD_LINE, max_size=4).map("\n".join), st.sets(st.integers(0, 3)))
@example(text="ab\n. Ab a", chosen={1})
def test_words_where_keeps_what_a_filter_of_line_words_keeps(text, chosen):
    view = TextView(text)
    lines = sorted(index for index in chosen if index < len(view.lines))
    for keep in (is_titled, str.islower, {"ab", "A"}.__contains__):
        expected = [word for i in lines for word in line_words(view)[i] if keep(word.text)]
        assert words_where(view, keep, lines) == expected
        everywhere = [word for found in line_words(view) for word in found if keep(word.text)]
        assert words_where(view, keep) == everywhere


def test_words_skip_the_spaces_starts_sentence_skips():
    spaces = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(tokens._SPACES) == spaces


@given(st.text(alphabet="aé’ Кx\u0301.bª\n“µ—\u00a0ǅ", max_size=40))
def test_hinted_lines_hold_every_non_ascii_word(text):
    full = [m.span() for m in WORD.finditer(text) if not m.group().isascii()]
    hinted = [m.span() for m in _hinted_words(text) if not m.group().isascii()]
    assert hinted == full


SPACED_BEFORE = (
    r"(?<![\d+(/.,:-][\s\u00a0\u202f\u2009]?)(?<![\d+(/.,:-])\b[1-9]\d{0,2}"
    r"(?:[\u00a0\u202f\u2009 ]\d{3})+\b(?![\s\u00a0\u202f\u2009]?[\d/-])(?!\.\d)"
)


@given(st.text(alphabet="0123456789 \u00a0\u202f+(/.,:-a\n", max_size=30))
def test_spaced_thousands_pattern_finds_what_its_slower_first_form_found(text):
    faster = regex.compile(_shipped_pattern("translation.spaced-thousands"), regex.MULTILINE)
    slower = regex.compile(SPACED_BEFORE, regex.MULTILINE)
    assert [m.span() for m in faster.finditer(text)] == [m.span() for m in slower.finditer(text)]


@cache
def _shipped_pattern(rule_id: str) -> str:
    spec = next(spec for spec in load_specs() if spec.id == rule_id)
    return str(spec.params["patterns"][0])


def test_every_letter_below_greek_is_latin_or_common():
    scripts = {
        name: regex.compile(rf"\p{{Script={name}}}") for name in ("Latin", "Common", "Greek")
    }
    for char in map(chr, range(0x370)):
        if char.isalpha():
            assert scripts["Latin"].match(char) or scripts["Common"].match(char), hex(ord(char))
    assert scripts["Greek"].match("\u0370")


@cache
def _mixed_script_rule() -> MixedScript:
    rule = next(r for r in _default_rules() if r.id == "translation.mixed-script")
    assert isinstance(rule.detector, MixedScript)
    return rule.detector


@cache
def _default_rules() -> list[Rule]:
    return load_rules([], Selection(select=("translation.mixed-script",)))


@given(
    st.text(alphabet="aeoAKxéüßµªǅ\u0301\u02b9\u0430\u0435\u043e\u041a\u03bf\u0391Ω", max_size=8)
)
def test_mixed_script_shortcut_and_lookups_repair_as_the_plain_script_test_does(word):
    detector = _mixed_script_rule()
    plain = copy.copy(detector)
    plain._latin_shortcut = False
    plain._script_of = {}
    plain._script = lambda char: next(  # type: ignore[method-assign]
        (name for name, p in detector.patterns.items() if p.match(char)), ""
    )
    assert detector.repair(word) == plain.repair(word)


@given(st.text(alphabet="aeoKpxüé\u0301ⁿ“€ \n\u0430\u0435\u043e\u0440\u041a\u03bf", max_size=40))
def test_mixed_script_reads_only_lines_past_latin_and_finds_what_reading_all_finds(text):
    detector = _mixed_script_rule()
    plain = copy.copy(detector)
    plain._latin_shortcut = False
    plain._suspects = plain._non_ascii_words  # type: ignore[method-assign]
    view = TextView(text)
    assert list(detector.detect(view)) == list(plain.detect(view))


CASE_LETTERS = "aAsSßẞſKkKıIİiσςΣΐΐǅǄǆµΜμﬀǰᾀ \t\u00a0\x1c"


HEADLINE_WORDS = st.lists(
    st.text(alphabet=CASE_LETTERS.replace(" ", "").strip(" \t\u00a0\x1c"), min_size=1, max_size=3),
    min_size=1,
    max_size=3,
)


@given(HEADLINE_WORDS, st.text(alphabet=CASE_LETTERS, max_size=12))
@example(words=["İs"], text="\tis\u00a0 İS b")  # a regex-only letter pair, odd spacing
def test_a_line_the_headline_pattern_matches_passes_the_cheap_words_test(words, text):
    retyped = " " + "\t".join(w.swapcase() for w in words) + " rest"
    pattern = regex.compile(glued_pattern(words), regex.IGNORECASE)
    for line in (text, retyped, " ".join([*words, *words, "x"])):
        if regex.fullmatch(pattern, line):
            assert may_open_with(line, words)


def _vote_of_every_line(text: str, confidence: float) -> str:
    """The gate's vote as first written: every line identified, in order."""
    letters: Counter[str] = Counter()
    for line in text.splitlines():
        count = sum(map(str.isalpha, line))
        found = WORD.findall(line)
        if count < 2 or sum(map(is_titled, found)) > NAMES_SHARE * len(found):
            continue
        guess = gate.identify("fake", line.strip())
        if guess.score >= confidence:
            letters[guess.language] += count
    return letters.most_common(1)[0][0] if letters else ""


def _fake_identify(backend: str, line: str) -> Guess:
    """A stand-in model: the language is the line's first letter, the score its length."""
    first = next((c for c in line if c.isalpha()), "x").lower()
    return Guess(first, min(len(line) / 10, 1.0))


LANGUAGE_LINES = st.lists(st.text(alphabet="abc Ab.", max_size=14), max_size=10).map("\n".join)


@given(LANGUAGE_LINES, st.sampled_from([0.0, 0.5, 0.9]))
@example(text="bbbb\naaaaaaaa\nbbbb", confidence=0.0)  # a tie: the earliest line's language
def test_the_language_vote_stops_early_with_the_answer_of_reading_every_line(text, confidence):
    with patch.object(gate, "identify", _fake_identify):
        gate.dominant_language.cache_clear()
        assert gate.dominant_language("fake", text, confidence) == _vote_of_every_line(
            text, confidence
        )
    gate.dominant_language.cache_clear()
