"""lowercase_names: a proper noun written in lower case ("won by kyiv in August").

Translation tools and hurried editors lose capitals on names the source language
writes differently. Two kinds of evidence make a lower-case word a name:

- a `gazetteer` of names that are capitalised in English whatever the context
  (places, nationalities, weekdays; never words that are also common nouns or
  verbs, like "turkey", "polish" or "march");
- corpus evidence: the word occurs capitalised on its own in mid-sentence at least
  `min_capitalised` times, and in lower case at most `max_lower` times in the whole
  corpus (this use included): a slip, not a common word that also names a product
  ("Windows" / "windows"). Capitals inside runs of capitalised words ("White
  House") are not counted, nor are sentence starts, so common words do not turn
  into names.

Words listed in `skip` are never flagged. Only prose lines are judged (eight or
more words ending a sentence), so menus, code and lower-case handles stay quiet.
A corpus-level rule: counts are summed over the corpus in a first pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import compress, count

from cleaner.document import TextView
from cleaner.kinds.gate import Gated, LanguageGate
from cleaner.kinds.tokens import (
    Pieces,
    Word,
    in_markup,
    is_titled,
    line_pieces,
    may_hold_markup,
    opens_sentence,
    words_of,
    words_where,
)
from cleaner.layout import is_prose
from cleaner.params import Params
from cleaner.rule import Finding, Level, RuleSpec


class LowercaseNames(Gated):
    """Detector for the lowercase_names kind (a CorpusDetector)."""

    produces_edits = False

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.gate = LanguageGate(params)
        names = [name for item in params.texts("gazetteer") for name in item.split()]
        self.gazetteer = {name.casefold(): name for name in names}
        self.skip = frozenset(w.casefold() for item in params.texts("skip") for w in item.split())
        self.min_capitalised = params.integer("min_capitalised", 5, minimum=1)
        self.max_lower = params.integer("max_lower", 1, minimum=1)
        self.min_length = params.integer("min_length", 3, minimum=1)
        self._known: tuple[Counter[str], frozenset[str]] | None = None
        self.level: Level = spec.level
        self.rule = spec.id

    def _counted(self, view: TextView, word: Word) -> bool:
        """Long enough, and not part of a URL, handle or hashtag."""
        return len(word.text) >= self.min_length and not in_markup(view.text, word.start, word.end)

    def observe(self, view: TextView) -> Counter[str]:
        """c:<word> for lone mid-sentence capitals, l:<word> for lower-case uses."""
        counts: Counter[str] = Counter()
        if not self.gate.applies(view):
            return counts
        lower: Counter[str] = Counter()
        capitals: Counter[str] = Counter()
        for line, cut in zip(view.lines, line_pieces(view), strict=True):
            if may_hold_markup(line.text):
                self._count_checked(view, words_of(cut), lower, capitals)
            else:
                self._count_plain(cut, lower, capitals)
        # Prefixed once per distinct word, not once per use.
        minimum = self.min_length
        counts.update({"l:" + word: n for word, n in lower.items() if len(word) >= minimum})
        counts.update({"c:" + word: n for word, n in capitals.items()})
        return counts

    def _count_plain(self, cut: Pieces, lower: Counter[str], capitals: Counter[str]) -> None:
        """Count a line that holds no markup: every word counts, so no Word per word.

        Lower-case words are counted in C and kept by length once per spelling (in
        `observe`); only the few capitalised words are looked at one by one.
        """
        texts = cut.parts[1::2]
        lower.update(filter(str.islower, texts))
        minimum = self.min_length
        for index in compress(count(), map(is_titled, texts)):
            word = texts[index]
            if len(word) < minimum or opens_sentence(cut, index):
                continue
            if _lone_capital(texts, index):
                capitals[word.casefold()] += 1

    def _count_checked(
        self, view: TextView, found: list[Word], lower: Counter[str], capitals: Counter[str]
    ) -> None:
        """Count a line that may hold URLs or handles, word by word."""
        texts = [word.text for word in found]
        for index, word in enumerate(found):
            if not self._counted(view, word):
                continue
            if word.text.islower():
                lower[word.text] += 1
            elif is_titled(word.text) and not word.initial and _lone_capital(texts, index):
                capitals[word.text.casefold()] += 1

    def detect(self, view: TextView) -> Iterator[Finding]:
        """Judge one text by its own counts."""
        return self.detect_with(view, self.observe(view))

    def detect_with(self, view: TextView, stats: Counter[str]) -> Iterator[Finding]:
        """Flag lower-case words of prose lines that are names."""
        if not self.gate.applies(view):
            return
        names = self._names(stats)
        prose = [line.index for line in view.lines if is_prose(line.text)]
        for word in words_where(view, names.__contains__, prose):
            if self._counted(view, word):
                message = self._judge(word.text, stats)
                yield Finding(word.start, word.end, self.rule, self.level, message)

    def _names(self, stats: Counter[str]) -> frozenset[str]:
        """Every lower-case spelling the rule would flag, given these counts.

        Worked out once per set of counts (the corpus's are shared by every
        document), so judging a word is one set lookup.
        """
        if self._known is not None and self._known[0] is stats:
            return self._known[1]
        corpus = {
            key[2:]
            for key, capitals in stats.items()
            if key.startswith("c:") and capitals >= self.min_capitalised
        }
        names = {word for word in corpus if stats["l:" + word] <= self.max_lower}
        flagged = frozenset(w for w in names | set(self.gazetteer) if w.islower())
        self._known = (stats, flagged - self.skip)
        return self._known[1]

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the remembered counts (worker processes and Dask ship detectors)."""
        return {**self.__dict__, "_known": None}

    def _judge(self, word: str, stats: Counter[str]) -> str:
        if word in self.gazetteer:
            return f"'{word}' is a name: write '{self.gazetteer[word]}'"
        capitals, lower = stats["c:" + word], stats["l:" + word]
        return (
            f"'{word}' is capitalised {capitals}× elsewhere and in lower case {lower}×:"
            f" write '{word.capitalize()}'"
        )


def _lone_capital(texts: list[str], index: int) -> bool:
    """A capital whose neighbours on its line are in lower case (not "White House")."""
    neighbours = texts[max(index - 1, 0) : index] + texts[index + 1 : index + 2]
    return all(not word[0].isupper() for word in neighbours)
