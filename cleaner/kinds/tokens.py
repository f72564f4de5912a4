"""Words and sentences for the translation kinds: spans into the text, never copies.

The kinds that judge names, pronouns and languages need the same few things: the
letter runs of a line with their offsets, where sentences start, and whether a
word sits inside a URL, an e-mail address, a handle or a hashtag (where case and
spelling follow other rules than prose).
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from cleaner.document import TextView

WORD = regex.compile(r"[\p{L}\p{M}]+")
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


def words(text: str, start: int, end: int) -> list[Word]:
    """The words of text[start:end] (one line), with their sentence-initial flag."""
    return [
        Word(match.start(), match.end(), match.group(), starts_sentence(text, match.start(), start))
        for match in WORD.finditer(text, start, end)
    ]


_LINE_WORDS: weakref.WeakKeyDictionary[TextView, list[list[Word]]] = weakref.WeakKeyDictionary()


def line_words(view: TextView) -> list[list[Word]]:
    """The words of every line of a view, computed once per view.

    Several translation rules read the same words in the same pass (and twice
    each: to count, then to judge); the view is shared, so they share the list.
    """
    found = _LINE_WORDS.get(view)
    if found is None:
        text = view.text
        found = [words(text, line.start, line.end) for line in view.lines]
        _LINE_WORDS[view] = found
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
