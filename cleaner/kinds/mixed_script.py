"""mixed_script: a word whose letters come from two scripts (Cyrillic U+0430 in "Ukraine").

Keyboard switching, OCR and copy-paste from Cyrillic sources leave look-alike
letters inside words: the word looks right and breaks search, counting and
spell-checking. Words are examined after NFC with the regex module's script
properties; a word mixing the scripts in `scripts` whose minority letters all have
a look-alike in the majority script (`confusables`, written as other-script
letter -> Latin letter and used both ways) is a homoglyph accident. Words whose
other letters have no look-alike (a deliberate mix) are left alone.

The fix is safe, and applied, only when the repaired word occurs elsewhere in the
corpus in the pure script: then the intended spelling is known. Otherwise the
word is reported with the repair as a suggestion. A corpus-level rule: the first
pass counts every pure-script word (case-folded).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import compress, filterfalse

import regex

from cleaner.document import TextView
from cleaner.kinds.tokens import WORD, view_words
from cleaner.params import Params
from cleaner.patterns import Match
from cleaner.rule import Edit, Finding, Level, Outcome, RuleSpec

_FIRST_NON_LATIN = "\u0370"  # Greek and Coptic, the first block after the Latin ones
# Characters outside ASCII that may be letters: everything but the Latin-1 and
# General Punctuation signs news text is full of (quotes, dashes, no-break spaces).
# Only lines holding one can have a word that mixes scripts; the standard `re`
# module finds them several times faster than `regex` scans every word.
_LETTER_HINT = re.compile(
    "[^\x00-\x7f\u00a0-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u00bf\u2000-\u206f]"
)
# Characters from U+0370 on, punctuation and currency signs aside: a word can only
# mix scripts if it holds one (see MixedScript.repair), so detection reads only the
# lines that do; German, French or Polish prose has none.
_BEYOND_LATIN_HINT = re.compile("[^\x00-\u036f\u2000-\u20cf]")


class MixedScript:
    """Detector for the mixed_script kind (a CorpusDetector)."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.scripts = params.texts("scripts", ("Latin", "Cyrillic", "Greek"))
        self.patterns = {
            name: params.compile("scripts", rf"\p{{Script={name}}}") for name in self.scripts
        }
        self.min_length = params.integer("min_length", 3, minimum=2)
        self.to_latin = params.mapping("confusables")
        self.level: Level = spec.level
        self.rule = spec.id
        self._script_of: dict[str, str] = {}
        # Letters below U+0370 are Latin or Common (checked in tests/test_hot_paths.py).
        self._latin_shortcut = "Common" not in self.scripts
        self._odd_below = _letters_below_greek_not_latin()
        self.into = self._tables()

    def _tables(self) -> dict[str, dict[str, str]]:
        """Per target script, the look-alike to write for a letter of another script."""
        into: dict[str, dict[str, str]] = {name: {} for name in self.scripts}
        for other, latin in self.to_latin.items():
            into.setdefault("Latin", {})[other] = latin
            source = self._script(other)
            if source:
                into.setdefault(source, {}).setdefault(latin, other)
        return into

    def _script(self, char: str) -> str:
        """The script of a letter among `scripts` ("" for any other), looked up once."""
        known = self._script_of.get(char)
        if known is None:
            known = next((name for name, p in self.patterns.items() if p.match(char)), "")
            self._script_of[char] = known
        return known

    def repair(self, word: str) -> str | None:
        """The word in its majority script, or None if it is not a homoglyph accident.

        Below U+0370 every letter is Latin or of no script of ours, and either way the
        word mixes nothing: German, French or Polish words take that shortcut.
        """
        if self._latin_shortcut and max(word, default="\0") < _FIRST_NON_LATIN:
            return None
        scripts = Counter(self._script(c) for c in word if c.isalpha())
        if "" in scripts or len(scripts) < 2:
            return None
        (majority, top), (_, second) = scripts.most_common(2)
        table = self.into.get(majority, {})
        if top == second:
            return None
        letters = [
            c if not c.isalpha() or self._script(c) == majority else table.get(c) for c in word
        ]
        if any(letter is None for letter in letters):
            return None
        return "".join(letter for letter in letters if letter is not None)

    def _non_ascii_words(
        self, text: str, hints: re.Pattern[str] = _LETTER_HINT
    ) -> Iterator[tuple[int, int, str]]:
        """Words with a non-ASCII letter and at least min_length letters, NFC.

        Only the lines `hints` finds are read. An ASCII word is written in one
        script by definition: `observe` counts those apart, detection skips them.
        """
        for match in _hinted_words(text, hints):
            word = match.group()
            if word.isascii():
                continue
            word = unicodedata.normalize("NFC", word)
            if sum(map(str.isalpha, word)) >= self.min_length:
                yield match.start(), match.end(), word

    def _suspects(self, text: str) -> Iterator[tuple[int, int, str]]:
        """The words that may mix scripts: non-ASCII, on lines past the Latin letters."""
        return self._non_ascii_words(
            text, _BEYOND_LATIN_HINT if self._latin_shortcut else _LETTER_HINT
        )

    def observe(self, view: TextView) -> Counter[str]:
        """Every word written in one script, case-folded.

        ASCII words (letters only, all Latin; casefold is lower) are counted in C;
        each other spelling is judged once, then counted as often as it occurs.
        """
        minimum = self.min_length
        found = view_words(view)
        long_enough = compress(found, map(minimum.__le__, map(len, found)))
        counts = Counter(map(str.lower, filter(str.isascii, long_enough)))
        if view.text.isascii():
            return counts
        for spelling, n in Counter(filterfalse(str.isascii, found)).items():
            word = unicodedata.normalize("NFC", spelling)
            if sum(map(str.isalpha, word)) >= minimum and self._one_script(word):
                counts[word.casefold()] += n
        return counts

    def _one_script(self, word: str) -> bool:
        """Whether the letters of a word are all of one script (or all of none of ours).

        Words below U+0370 without the few letters there that are not Latin (µ, ˆ)
        are all Latin: German, French or Polish words are settled without a lookup
        per letter (a test compares the two).
        """
        if max(word) < _FIRST_NON_LATIN and self._odd_below.isdisjoint(word):
            return True
        return len({self._script(c) for c in word if c.isalpha()}) == 1

    def detect(self, view: TextView) -> Iterator[Outcome]:
        """Judge one text by its own counts (only counted when a word mixes scripts)."""
        text = view.text
        if text.isascii() or all(self.repair(w) is None for _, _, w in self._suspects(text)):
            return iter(())
        return self.detect_with(view, self.observe(view))

    def detect_with(self, view: TextView, stats: Counter[str]) -> Iterator[Outcome]:
        """Repair words whose pure spelling the corpus knows; report the others."""
        for start, end, word in self._suspects(view.text):
            repaired = self.repair(word)
            if repaired is None:
                continue
            if stats[repaired.casefold()]:
                reason = f"letters from two scripts in '{repaired}' (look-alikes replaced)"
                yield Edit(start, end, repaired, self.rule, reason)
            else:
                message = f"letters from two scripts: did you mean '{repaired}'?"
                yield Finding(start, end, self.rule, self.level, message)


def _letters_below_greek_not_latin() -> frozenset[str]:
    """The letters (str.isalpha) below U+0370 whose script is not Latin."""
    latin = regex.compile(r"\p{Script=Latin}")
    below = map(chr, range(ord(_FIRST_NON_LATIN)))
    return frozenset(c for c in below if c.isalpha() and not latin.match(c))


def _hinted_words(text: str, hints: re.Pattern[str] = _LETTER_HINT) -> Iterator[Match]:
    """The words of the lines holding a character `hints` finds (see _LETTER_HINT)."""
    end = -1
    for hint in hints.finditer(text):
        if hint.start() < end:
            continue
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.start())
        end = len(text) if end == -1 else end
        yield from WORD.finditer(text, start, end)
