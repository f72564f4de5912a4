"""The translation rules' shortcuts give the answers of the slow, obvious way.

Words and letters of ASCII text found by re and bytes.translate, a sentence's words
judged with C-level maps, a line split once to group cut-off copies: each is checked
against the plain computation it replaces (see also tests/test_hot_paths.py).
"""

from __future__ import annotations

import copy
from unittest.mock import patch

import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Line, TextView
from cleaner.kinds import foreign_language, gate, tokens
from cleaner.kinds.edit_neighbours import NeighbourIndex, one_edit_apart
from cleaner.kinds.foreign_language import ForeignLanguage
from cleaner.kinds.tokens import WORD, is_titled
from cleaner.kinds.truncation import Truncation
from cleaner.language import Guess
from tests.conftest import shipped_detector


def _fake_identify(backend: str, line: str) -> Guess:
    """A stand-in model: the language is the line's first letter, the score its length."""
    first = next((c for c in line if c.isalpha()), "x").lower()
    return Guess(first, min(len(line) / 10, 1.0))


@given(st.text(alphabet="azAZé\u0301ª µ1.-_[`{@\u0430Ω’\n\t", max_size=30))
def test_find_words_finds_what_the_word_pattern_finds(text):
    assert tokens.find_words(text) == WORD.findall(text)


@given(st.text(alphabet="azAZé\u0301ª µ1.-_[`{@\u0430Ω’\n\t\x7f", max_size=30))
def test_lines_are_cut_where_the_word_pattern_cuts_them(text):
    view = TextView(text)
    expected = [regex.split(r"([\p{L}\p{M}]+)", line.text) for line in view.lines]
    assert [cut.parts for cut in tokens.line_pieces(view)] == expected


@given(st.text(alphabet="azAZé\u0301ª µ1.-_[`{@\u0430Ω’\n\t", max_size=30))
def test_a_views_words_are_the_same_before_and_after_its_lines_are_cut(text):
    view = TextView(text)
    searched = tokens.view_words(view)
    tokens.line_pieces(view)
    assert searched == tokens.view_words(view) == WORD.findall(text)


def test_letter_count_counts_the_letters_str_isalpha_counts():
    assert gate.letter_count("".join(map(chr, range(128)))) == 52
    for text in ("", "a1 b", "Zürich 3ª", "\u0301x", "Ωμέγα ß"):
        assert gate.letter_count(text) == sum(map(str.isalpha, text))


@given(st.text(alphabet="aZé\u0301ª µ1.-_\u0430Ω\x7f\n", max_size=30))
def test_letter_count_agrees_with_str_isalpha_on_any_line(text):
    assert gate.letter_count(text) == sum(map(str.isalpha, text))


def _prefix_groups_splitting_thrice(content: list[Line], min_words: int) -> dict[str, list]:
    """Truncation's grouping as first written: flatten, then split the flat text again."""
    groups: dict[str, list[tuple[Line, str]]] = {}
    for line in content:
        flat = " ".join(line.text.split())
        if len(flat.split()) >= min_words:
            key = " ".join(flat.split()[: min_words - 1])
            groups.setdefault(key, []).append((line, flat))
    return groups


@given(st.lists(st.text(alphabet="ab \t\u00a0\u2003\x1c,.", max_size=24), max_size=6))
def test_truncation_groups_lines_by_one_split_as_by_three(lines):
    content = [line for line in TextView("\n".join(lines)).lines if not line.is_blank]
    shipped = shipped_detector("translation.truncation", Truncation)
    for min_words in (shipped.min_words, 2):
        detector = copy.copy(shipped)
        detector.min_words = min_words
        assert detector._groups(content) == _prefix_groups_splitting_thrice(content, min_words)


_NON_LATIN_TEST = regex.compile(r"\p{M}|[^\p{Script=Latin}\P{L}]")


def _judge_word_by_word(detector: ForeignLanguage, sentence: str) -> str:
    """ForeignLanguage.judge as first written: regex words, a Python step per word."""
    hint = foreign_language._MARKUP_HINT.search(sentence)
    plain = foreign_language._MARKUP.sub(" ", sentence) if hint else sentence
    found = WORD.findall(plain)
    letters = sum(len(token) for token in found)
    if letters < 2:
        return ""
    if detector.script_share <= 0 or _NON_LATIN_TEST.search(plain) is not None:
        latin = len(foreign_language._LATIN.findall(plain))
        if 1 - latin / letters >= detector.script_share:
            guess = foreign_language.identify(detector.gate.backend, plain)
            known = detector.gate.foreign(guess.language)
            return guess.language if known and guess.score >= detector.script_confidence else ""
    folded = [token.casefold() for token in found]
    if sum(word in detector.english for word in folded) >= detector.english_share * len(folded):
        return ""
    if sum(is_titled(t) or t.isupper() for t in found) >= detector.names_share * len(found):
        return ""
    guess = foreign_language.identify(detector.gate.backend, plain)
    if not detector.gate.foreign(guess.language) or guess.score < detector.min_confidence:
        return ""
    short = len(found) < detector.short_words
    if short and not detector._second_signal(plain, folded, guess.language):
        return ""
    return guess.language


# English and other words, other scripts, a mark, markup, and what is not a word.
SENTENCE_WORDS = st.sampled_from(
    [
        *["the", "The", "und", "Die", "Zürich", "e\u0301t\u00e9", "\u0416\u0438\u0437\u043d\u044c"],
        *["\u03a9\u03bc\u03ad\u03b3\u03b1", "x", "www.a.com", "@ab", "1,5", "“", "ß", "I", "NATO"],
    ]
)


@given(st.lists(SENTENCE_WORDS, max_size=8).map(" ".join), st.sampled_from([0.0, 0.5]))
def test_foreign_language_judges_as_it_did_word_by_word(sentence, script_share):
    detector = copy.copy(shipped_detector("translation.foreign-language", ForeignLanguage))
    detector.script_share = script_share
    with patch.object(foreign_language, "identify", _fake_identify):
        assert detector.judge(sentence) == _judge_word_by_word(detector, sentence)


@given(st.lists(st.text(alphabet="aeiyvdmr", min_size=1, max_size=9), max_size=30))
def test_the_neighbour_index_finds_every_key_one_edit_away(keys):
    index = NeighbourIndex(keys, lambda key: key)
    for key in keys:
        near = index.near(key)
        assert key in near
        for other in keys:
            if other == key or one_edit_apart(key, other) or _levenshtein_one(key, other):
                assert other in near, (key, other)


def _levenshtein_one(first: str, second: str) -> bool:
    """Plain: one substitution, insertion or deletion anywhere turns one into the other."""
    if len(first) == len(second):
        return sum(a != b for a, b in zip(first, second, strict=True)) == 1
    short, long = sorted((first, second), key=len)
    return len(long) - len(short) == 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )
