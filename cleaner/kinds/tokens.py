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
from itertools import accumulate, compress, count, repeat
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
_last = operator.itemgetter(slice(-1, None))
_word = partial(tuple.__new__, Word)


class _Pieces(NamedTuple):
    """One line cut at its words: gap, word, gap, ..., gap, and the offsets between."""

    parts: list[str]
    edges: list[int]


def _cut(line: str, start: int) -> _Pieces:
    """The gaps and words of a line that starts at offset `start` of its text."""
    parts = _GAPS_AND_WORDS.split(line)
    return _Pieces(parts, list(accumulate(map(len, parts), initial=start)))


def words(text: str, start: int, end: int) -> list[Word]:
    """The words of text[start:end] (one line), with their sentence-initial flag."""
    return _all_words(_cut(text[start:end], start))


def _all_words(cut: _Pieces) -> list[Word]:
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


def _one_word(cut: _Pieces, index: int) -> Word:
    """Word number `index` of a line (as _all_words builds it)."""
    parts, edges = cut
    before = parts[2 * index].rstrip(_SKIPPED)
    initial = before[-1] in _SENTENCE_ENDS if before else index == 0
    return Word(edges[2 * index + 1], edges[2 * index + 2], parts[2 * index + 1], initial)


_PIECES: weakref.WeakKeyDictionary[TextView, list[_Pieces]] = weakref.WeakKeyDictionary()
_LINE_WORDS: weakref.WeakKeyDictionary[TextView, list[list[Word]]] = weakref.WeakKeyDictionary()


def _line_pieces(view: TextView) -> list[_Pieces]:
    """The pieces of every line of a view, cut once per view for every rule."""
    found = _PIECES.get(view)
    if found is None:
        found = _PIECES[view] = [_cut(line.text, line.start) for line in view.lines]
    return found


def line_words(view: TextView) -> list[list[Word]]:
    """The words of every line of a view, computed once per view.

    Several translation rules read the same words in the same pass (and twice
    each: to count, then to judge); the view is shared, so they share the list.
    """
    found = _LINE_WORDS.get(view)
    if found is None:
        found = _LINE_WORDS[view] = [_all_words(cut) for cut in _line_pieces(view)]
    return found


def words_where(
    view: TextView, keep: Callable[[str], object], lines: Iterable[int] | None = None
) -> list[Word]:
    """The words whose text `keep` accepts, on `lines` (all by default), line by line.

    Judging a document looks for a few words (capitalised ones, known names):
    `keep` runs over each line's word texts in C, and only the words kept become
    Word tuples, a fraction of the cost of line_words.
    """
    cuts = _line_pieces(view)
    found: list[Word] = []
    for line in range(len(cuts)) if lines is None else lines:
        cut = cuts[line]
        texts = cut.parts[1::2]
        found.extend(_one_word(cut, index) for index in compress(count(), map(keep, texts)))
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
