"""The corpus rules' first pass counts what the plain, word-by-word way counts.

Pass one reads every document of a corpus, so its counting takes shortcuts: lines
without markup skip the per-word URL check, only capitalised words become Word
tuples, and each spelling is judged once per document. Each shortcut is compared
here with the computation it replaces (see also tests/test_hot_paths.py).
"""

from __future__ import annotations

import copy
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import TypeVar

from hypothesis import example, given
from hypothesis import strategies as st

from cleaner.document import TextView
from cleaner.kinds import name_variants, tokens
from cleaner.kinds.lowercase_names import LowercaseNames
from cleaner.kinds.mixed_script import MixedScript
from cleaner.kinds.name_variants import NameVariants
from cleaner.kinds.tokens import Word, in_markup, is_titled, line_words
from tests.conftest import shipped_detector

T = TypeVar("T")

# Words and gaps that make names, sentence starts, URLs, handles, look-alike letters
# and letters of no script of ours meet in every order.
_WORDS = [
    "kyiv", "Kyiv", "KYIV", "the", "The", "of", "Al", "x", "e.g", "Zelensky", "Biden",
    "é", "e\u0301", "ß", "Straße", "Kаrl", "\u0430", "Ω", "µmol", "ˆab", "ª", "\u0301", "1", "",
]  # fmt: skip
_GAPS = [
    " ", " ", " ", " ", "  ", "\n", "\r\n", ". ", "! ", ", ", ": ", " “", " (", " — ",
    "@", "#", "/", "\\", "_", ".", ":", "=", "&", "%", "~", "",
]  # fmt: skip
TEXTS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=30).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)
T_WORDS = st.text(alphabet="azAZé\u0301ª µ1.-_[`{@#/:=&%~\u0430Ω’\n\t", max_size=40)


def _detector(rule_id: str, kind: type[T]) -> T:
    """A copy of a shipped rule's detector that counts every text, whatever its language."""
    detector = copy.copy(shipped_detector(rule_id, kind))
    if hasattr(detector, "gate"):
        detector.gate = copy.copy(detector.gate)
        detector.gate.languages = frozenset()
    return detector


@given(st.one_of(TEXTS, T_WORDS))
@example(".\u0301")  # a word of one combining mark after a full stop
def test_a_line_without_the_markup_hint_has_no_word_in_markup(text):
    view = TextView(text)
    for line, found in zip(view.lines, line_words(view), strict=True):
        if any(in_markup(text, word.start, word.end) for word in found):
            assert tokens.may_hold_markup(line.text), line.text


def _lowercase_word_by_word(detector: LowercaseNames, view: TextView) -> Counter[str]:
    """LowercaseNames.observe as it was: every word a Word, every word checked."""
    lower: Counter[str] = Counter()
    capitals: Counter[str] = Counter()
    for found in line_words(view):
        for index, word in enumerate(found):
            if len(word.text) < detector.min_length or in_markup(view.text, word.start, word.end):
                continue
            if word.text.islower():
                lower[word.text] += 1
                continue
            neighbours = found[max(index - 1, 0) : index] + found[index + 1 : index + 2]
            lone = all(not other.text[0].isupper() for other in neighbours)
            if is_titled(word.text) and not word.initial and lone:
                capitals[word.text.casefold()] += 1
    return Counter(
        {"l:" + w: n for w, n in lower.items()} | {"c:" + w: n for w, n in capitals.items()}
    )


@given(st.one_of(TEXTS, T_WORDS))
def test_lowercase_names_counts_as_word_by_word(text):
    detector = _detector("translation.lowercase-names", LowercaseNames)
    view = TextView(text)
    assert detector.observe(view) == _lowercase_word_by_word(detector, view)


def _names_word_by_word(
    detector: NameVariants, view: TextView
) -> Iterator[tuple[Word, bool, list[Word]]]:
    """NameVariants.names as it was: from every word of every line."""
    for found in line_words(view):
        titled = [word for word in found if is_titled(word.text)]
        headline = len(found) >= 3 and len(titled) >= detector.headline_share * len(found)
        for index, word in enumerate(found):
            if is_titled(word.text) and detector._candidate(view.text, word):
                near = [found[i] for i in (index - 1, index + 1) if 0 <= i < len(found)]
                beside = [
                    w
                    for w in near
                    if is_titled(w.text) and name_variants._adjacent(view.text, word, w)
                ]
                yield word, not (word.initial or headline), beside


@given(st.one_of(TEXTS, T_WORDS))
def test_name_variants_finds_the_names_word_by_word_finds(text):
    detector = _detector("translation.name-variants", NameVariants)
    view = TextView(text)
    assert list(detector.names(view)) == list(_names_word_by_word(detector, view))


def _mixed_script_word_by_word(detector: MixedScript, text: str) -> Counter[str]:
    """MixedScript.observe as it was: each use of each word judged letter by letter."""
    counts: Counter[str] = Counter()
    for found in tokens.WORD.findall(text):
        word = unicodedata.normalize("NFC", found)
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= detector.min_length and len({detector._script(c) for c in letters}) == 1:
            counts[word.casefold()] += 1
    return counts


@given(st.one_of(TEXTS, T_WORDS))
def test_mixed_script_counts_as_letter_by_letter(text):
    detector = _detector("translation.mixed-script", MixedScript)
    assert detector.observe(TextView(text)) == _mixed_script_word_by_word(detector, text)
