"""Words and sentences for the translation kinds: spans into the text, never copies.

The kinds that judge names, pronouns and languages need the same few things: the
letter runs of a line with their offsets, where sentences start, and whether a
word sits inside a URL, an e-mail address, a handle or a hashtag (where case and
spelling follow other rules than prose).
"""

from __future__ import annotations

import operator
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from itertools import accumulate, chain, compress, count, repeat
from typing import NamedTuple

import regex

from cleaner.document import TextView

WORD = regex.compile(r"[\p{L}\p{M}]+")
# WORD on ASCII text, where the only letters are A-Z and a-z and there are no marks:
# the standard re module runs a plain class about twice as fast as regex.
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?…])[\"”»’')\]]*\s+(?=[\"“«„(\[]?[\p{Lu}\d])")
_OPENERS = "\"“«„'‘([—–-"
_MARKUP_BEFORE = frozenset("@#/\\_.:=&%~")
_MARKUP_AFTER = frozenset("@/\\_=&%~")
# Next to every word in_markup accepts, one of these: a markup sign, or a full stop
# before anything but spaces and punctuation (a letter, a digit, a combining mark).
_NEAR_MARKUP = re.compile(r"[@#/\\_:=&%~]|\.[^\s.,;:!?'\"“”‘’()\[\]«»-]")


class Word(NamedTuple):
    """One run of letters: its span and whether it starts a sentence."""

    start: int
    end: int
    text: str
    initial: bool


def find_words(text: str) -> list[str]:
    """WORD.findall(text); on ASCII text (str.isascii() is a flag, not a scan) by re."""
    return (_ASCII_WORD if text.isascii() else WORD).findall(text)


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the sentences in text[start:end], split after . ! ? … before a capital."""
    position = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        if match.start() > position:
            yield position, match.start()
        position = match.end()
    if end > position:
        yield position, end


def in_markup(text: str, start: int, end: int) -> bool:
    """Whether a word is part of a URL, address, handle, hashtag or file name."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in _MARKUP_BEFORE or after in _MARKUP_AFTER:
        return True
    return after == "." and end + 1 < len(text) and text[end + 1].isalnum()


def may_hold_markup(line: str) -> bool:
    """Whether a line may hold a word in_markup accepts; on the others, no word is.

    One scan in C per line spares the per-word check on the prose lines that make
    up most of a corpus (a test compares the two).
    """
    return _NEAR_MARKUP.search(line) is not None


def starts_sentence(text: str, start: int, line_start: int) -> bool:
    """Whether the word at `start` opens a sentence (line start, or after . ! ? : …)."""
    position = start - 1
    while position >= line_start and (text[position].isspace() or text[position] in _OPENERS):
        position -= 1
    return position < line_start or text[position] in ".!?…:;"


# What starts_sentence steps over: every character str.isspace() accepts (Unicode
# 14, as Python 3.11; a test checks the list against str.isspace), then the openers.
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SKIPPED = _SPACES + _OPENERS
_SENTENCE_ENDS = frozenset(".!?…:;")
_GAPS_AND_WORDS = regex.compile(r"([\p{L}\p{M}]+)")
# The same on ASCII lines (see _ASCII_WORD): most lines of an English corpus.
_ASCII_GAPS_AND_WORDS = re.compile(r"([A-Za-z]+)")
_last = operator.itemgetter(slice(-1, None))
_word = partial(tuple.__new__, Word)


class Pieces(NamedTuple):
    """One line cut at its words: gap, word, gap, ..., gap, and the offsets between."""

    parts: list[str]
    edges: list[int]


def _cut(line: str, start: int) -> Pieces:
    """The gaps and words of a line that starts at offset `start` of its text."""
    parts = (_ASCII_GAPS_AND_WORDS if line.isascii() else _GAPS_AND_WORDS).split(line)
    return Pieces(parts, list(accumulate(map(len, parts), initial=start)))


def words(text: str, start: int, end: int) -> list[Word]:
    """The words of text[start:end] (one line), with their sentence-initial flag."""
    return words_of(_cut(text[start:end], start))


def words_of(cut: Pieces) -> list[Word]:
    """Every word of a line, each built in C, not by a Python call per word.

    A Python call and a match object per word cost half as much again. A word
    opens a sentence when its gap, stripped of spaces and openers, ends in
    . ! ? … : ; or is the empty start of the line: starts_sentence's scan (a test
    compares the two).
    """
    parts, edges = cut
    gaps = list(map(str.rstrip, parts[0:-1:2], repeat(_SKIPPED)))
    initial = list(map(_SENTENCE_ENDS.__contains__, map(_last, gaps)))
    if gaps and not gaps[0]:
        initial[0] = True
    return list(map(_word, zip(edges[1:-1:2], edges[2::2], parts[1::2], initial, strict=True)))


def word_at(cut: Pieces, index: int) -> Word:
    """Word number `index` of a line (as words_of builds it)."""
    parts, edges = cut
    initial = opens_sentence(cut, index)
    return Word(edges[2 * index + 1], edges[2 * index + 2], parts[2 * index + 1], initial)


def opens_sentence(cut: Pieces, index: int) -> bool:
    """Whether word number `index` of a line opens a sentence (as words_of decides)."""
    before = cut.parts[2 * index].rstrip(_SKIPPED)
    return before[-1] in _SENTENCE_ENDS if before else index == 0


_PIECES: weakref.WeakKeyDictionary[TextView, list[Pieces]] = weakref.WeakKeyDictionary()


def line_pieces(view: TextView) -> list[Pieces]:
    """The pieces of every line of a view, cut once per view for every rule."""
    found = _PIECES.get(view)
    if found is None:
        found = _PIECES[view] = [_cut(line.text, line.start) for line in view.lines]
    return found


def view_words(view: TextView) -> list[str]:
    """find_words(view.text), read from the view's cut lines if a rule has cut them.

    The name rules cut every line of an English text before mixed-script counts its
    words; taking the words from those pieces costs a tenth of searching the text
    again. Otherwise the text is searched: cutting it would cost more.
    """
    cut = _PIECES.get(view)
    if cut is None:
        return find_words(view.text)
    return list(chain.from_iterable(pieces.parts[1::2] for pieces in cut))


def line_words(view: TextView) -> list[list[Word]]:
    """The words of every line of a view, each a Word tuple.

    The plain form that the rules' shortcuts (words_where, may_hold_markup) are
    checked against; the rules themselves build Words only for the words they keep.
    """
    return [words_of(cut) for cut in line_pieces(view)]


def words_where(
    view: TextView, keep: Callable[[str], object], lines: Iterable[int] | None = None
) -> list[Word]:
    """The words whose text `keep` accepts, on `lines` (all by default), line by line.

    Judging a document looks for a few words (capitalised ones, known names):
    `keep` runs over each line's word texts in C, and only the words kept become
    Word tuples, a fraction of the cost of line_words.
    """
    cuts = line_pieces(view)
    found: list[Word] = []
    for line in range(len(cuts)) if lines is None else lines:
        cut = cuts[line]
        texts = cut.parts[1::2]
        found.extend(word_at(cut, index) for index in compress(count(), map(keep, texts)))
    return found


@lru_cache(maxsize=65536)
def is_titled(word: str) -> bool:
    """A capitalised word: a capital first letter followed by lower-case letters."""
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word[1:])


@lru_cache(maxsize=65536)
def fold_accents(word: str) -> str:
    """Lower case without diacritics, for comparing spellings of one name."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
