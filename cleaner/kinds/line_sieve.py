"""The cheap tests of every drop_line rule on a line, made in one scan of the line.

Before its pattern is tried on a line, a drop_line rule asks three cheap questions:
has the line few enough words (`max_words`), does it hold one of the words the rule
`requires`, and one of its pattern's anchors (strings every match holds, see
cleaner.anchors)? Asked rule by rule, that is a hundred filters over a text's new
lines, most of them prose that no rule will take. Here every rule's words and
anchors go into one Aho-Corasick automaton: one scan of a line finds all of them,
and the answer for all the rules is a bit mask (bit i for the group's rule i). Only
the rules whose bit is set try their pattern. The answers are the same as the
rule-by-rule tests: the automaton reports every occurrence of every string.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import regex

from cleaner.required_words import automaton_of


class Sieved(Protocol):
    """What the sieve reads of a rule: its word limit, required words and anchors."""

    max_words: int
    requires: tuple[str, ...]
    anchor_words: frozenset[str] | None


class LineSieve:
    """For a line: the bit mask of the rules that pass their cheap tests on it."""

    def __init__(self, rules: Sequence[Sieved]) -> None:
        self._by_word: dict[str, int] = {}  # required word -> rules requiring it
        self._by_anchor: dict[str, int] = {}  # anchor -> rules whose pattern holds it
        self._free_words = 0  # rules that require no word
        self._free_anchors = 0  # rules with no anchor to look for
        for seat, rule in enumerate(rules):
            bit = 1 << seat
            if not rule.requires or "" in rule.requires:
                self._free_words |= bit
            else:
                for word in rule.requires:
                    self._by_word[word] = self._by_word.get(word, 0) | bit
            if rule.anchor_words is None:
                self._free_anchors |= bit
            else:
                for anchor in rule.anchor_words:
                    self._by_anchor[anchor] = self._by_anchor.get(anchor, 0) | bit
        self._automaton: Any = automaton_of([*self._by_word, *self._by_anchor])
        self._limits = [(rule.max_words, 1 << seat) for seat, rule in enumerate(rules)]
        self._longest = max((limit for limit, _ in self._limits), default=0)
        self._short_enough: dict[int, int] = {}

    def passing(self, folded_line: str, letter_words: int) -> int:
        """The rules that pass on a line: folded (cleaner.folding), with its word count.

        The word limit is tested first: most lines of a page are prose, longer than
        any limit but a few rules'.
        """
        mask = self._within_limit(letter_words)
        if not mask:
            return 0
        words, anchors = self._free_words, self._free_anchors
        if self._automaton is not None:
            for found in {found for _, found in self._automaton.iter(folded_line)}:
                words |= self._by_word.get(found, 0)
                anchors |= self._by_anchor.get(found, 0)
        return mask & words & anchors

    def _within_limit(self, letter_words: int) -> int:
        """The rules whose `max_words` (0 for none) allows a line of this many words."""
        letter_words = min(letter_words, self._longest + 1)  # all longer lines alike
        mask = self._short_enough.get(letter_words)
        if mask is None:
            mask = 0
            for limit, bit in self._limits:
                if not limit or letter_words <= limit:
                    mask |= bit
            self._short_enough[letter_words] = mask
        return mask


def seats(mask: int) -> list[int]:
    """The set bits of a mask, lowest first."""
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


def letter_words(line: str) -> int:
    """Words of a line that must be part of a match's body, not decoration or a count.

    Decoration is punctuation, symbols and spaces, and a count is digits with an
    optional k/M: a word with any other letter can only be in the body, so a line
    with more such words than max_words can never give an accepted match. (Where
    `\\s` and str.split disagree, this count is lower, never higher: safe.)
    """
    words = line.split()
    if len(words) <= 1:
        return len(words)
    return len(_LETTER_WORD.findall(line))


_LETTER_WORD = regex.compile(r"\S*?(?![kKmM])\p{L}\S*")
