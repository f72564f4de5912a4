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
from cleaner.kinds.tokens import WORD, is_titled
from cleaner.language import BACKENDS, identify
from cleaner.params import Params

# The first lines are enough to tell a document's language, and bound the cost.
SAMPLE_CHARS = 6000
# Lines made mostly of capitalised words (names, titles) tell nothing about the language.
NAMES_SHARE = 0.6


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


@lru_cache(maxsize=256)
def dominant_language(backend: str, text: str, confidence: float) -> str:
    """The language holding most letters among lines identified with `confidence`."""
    letters: Counter[str] = Counter()
    for line in text.splitlines():
        count = sum(map(str.isalpha, line))
        found = WORD.findall(line)
        if count < 2 or sum(map(is_titled, found)) > NAMES_SHARE * len(found):
            continue
        guess = identify(backend, line.strip())
        if guess.score >= confidence:
            letters[guess.language] += count
    return letters.most_common(1)[0][0] if letters else ""
