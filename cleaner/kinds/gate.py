"""The document-language gate shared by the translation kinds.

Translation artifacts are judged against the language a text was translated into:
a decimal comma or „quotes“ are residue in an English article and correct in a
German one. Each rule names the document languages it is written for
(`languages: [en]`, empty for any); a document whose dominant language is another
one is left alone, so mixed-language corpora stay quiet.

The dominant language is a vote of the document's lines weighted by their letters,
not one guess on the whole text: a model reading a whole page is easily swayed by
a few long foreign lines, which are exactly the residue the rules look for. Lines
that are mostly names do not vote.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from cleaner.document import TextView
from cleaner.kinds.tokens import find_words, is_titled
from cleaner.language import BACKENDS, Guess, backend, identify
from cleaner.params import Params

# The first lines are enough to tell a document's language, and bound the cost.
SAMPLE_CHARS = 6000
# Lines made mostly of capitalised words (names, titles) tell nothing about the language.
NAMES_SHARE = 0.6
# What warm_up asks the model: any text loads it.
WARM_UP_TEXT = "The model is loaded before the workers start."
# The ASCII characters that are not letters (str.isalpha): what letter_count deletes.
_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())


class LanguageGate:
    """Whether a document is in one of the languages a rule is written for."""

    def __init__(self, params: Params) -> None:
        self.languages = frozenset(params.texts("languages", ("en",)))
        self.backend = params.choice("backend", tuple(BACKENDS), "fast")
        self.confidence = params.number("document_confidence", 0.5)

    def applies(self, view: TextView) -> bool:
        """True when the document's dominant language is one of the rule's (or unknown)."""
        if not self.languages:
            return True
        language = dominant_language(self.backend, view.text[:SAMPLE_CHARS], self.confidence)
        return not language or language in self.languages

    def foreign(self, language: str) -> bool:
        """Whether a detected language is outside the rule's languages."""
        return bool(language) and language not in self.languages

    def warm_up(self) -> None:
        """Load the language model now rather than on the first document."""
        backend(self.backend).identify(WARM_UP_TEXT)


class Gated:
    """Base of the detectors that judge by language through a LanguageGate.

    A model loaded in one process before worker processes fork is shared by all of
    them; loaded on first use, each worker loads its own for every pass (about 0.25 s
    of CPU each). `warm_up` is what Pipeline.warm_up calls before forking.
    """

    gate: LanguageGate

    def warm_up(self) -> None:
        """Load the gate's language model in this process."""
        self.gate.warm_up()


@lru_cache(maxsize=256)
def dominant_language(backend: str, text: str, confidence: float) -> str:
    """The language holding most letters among lines identified with `confidence`.

    Ties go to the language of the earliest line. The longest lines are identified
    first, and the vote stops once no language can catch up with the leader, even
    if every line still unread went to it: a page of prose is decided by its few
    long paragraphs, and its menus and captions need no model.
    """
    lines = [
        (order, count, line)
        for order, line in enumerate(text.splitlines())
        if (count := letter_count(line)) >= 2
    ]
    # Lines not yet read, names included: an upper bound of the votes still to come.
    unread = sum(count for _, count, _ in lines)
    letters: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    for order, count, line in sorted(lines, key=lambda voter: -voter[1]):
        unread -= count
        guess = _vote(backend, line)
        if guess is None or guess.score < confidence:
            continue
        letters[guess.language] += count
        first_line[guess.language] = min(order, first_line.get(guess.language, order))
        (leader, most), *rest = letters.most_common(2)
        if most > (rest[0][1] if rest else 0) + unread:
            return leader
    if not letters:
        return ""
    return max(letters, key=lambda language: (letters[language], -first_line[language]))


def letter_count(line: str) -> int:
    """sum(map(str.isalpha, line)); for an ASCII line, counted by bytes.translate in C.

    Every line of the sample is counted, and one str.isalpha call per character was
    the largest part of the vote's cost. A test compares the two.
    """
    if line.isascii():
        return len(line.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    return sum(map(str.isalpha, line))


@lru_cache(maxsize=8192)
def _vote(backend: str, line: str) -> Guess | None:
    """The line's language, or None for a line made mostly of names (it does not vote).

    Remembered by the line's text: a document's lines are read again when the
    cleaned text is judged, and a corpus repeats its furniture lines.
    """
    found = find_words(line)
    if sum(map(is_titled, found)) > NAMES_SHARE * len(found):
        return None
    return identify(backend, line.strip())
