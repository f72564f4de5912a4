"""foreign_language: lines or sentences left untranslated in a translated document.

Language ID on every sentence would be slow and, on short lines, wrong: names,
numbers and headlines confuse any model. So each sentence goes through cheap
gates first, and only what survives them reaches the model:

1. script: mostly non-Latin letters (`script_share`) is residue as soon as the
   model names a foreign language with some confidence (`script_confidence`):
   decorations made of letters get no language;
2. English pre-check: enough common function words (`english_words`,
   `english_share`) and the sentence is the document's language, no model needed;
3. names: a run of capitalised words (a title, a list of names) is not judged;
4. language ID (`backend`), trusted from `min_confidence` on; a short sentence
   (under `short_words` words) also needs a second signal, a letter of the guessed
   language (`letters`) or a word of its lexicon (`lexicon`).
Adjacent flagged sentences of one line in the same language make one finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from cleaner.document import Line, TextView
from cleaner.kinds.common import default_message
from cleaner.kinds.gate import Gated, LanguageGate
from cleaner.kinds.tokens import find_words, is_titled, sentence_spans
from cleaner.language import identify
from cleaner.params import Params
from cleaner.rule import Finding, Level, RuleSpec

_LATIN = regex.compile(r"\p{Script=Latin}")
# A letter of another script, or a mark: without one, every letter is Latin and the
# script gate cannot fire, so most sentences skip counting their Latin letters.
_NON_LATIN = regex.compile(r"\p{M}|[^\p{Script=Latin}\P{L}]")
_MARKUP = regex.compile(r"\S*(?:https?://|www\.|@|#)\S*|\S+\.(?:com|org|net|html?|php)\S*")
# What every _MARKUP match holds: most sentences have none, and skip the slow search.
_MARKUP_HINT = re.compile(r"://|www\.|[@#]|\.(?:com|org|net|html?|php)")

Span = tuple[int, int, str]


class ForeignLanguage(Gated):
    """Detector for the foreign_language kind."""

    produces_edits = False

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.gate = LanguageGate(params)
        self.english = frozenset(
            word.casefold() for item in params.texts("english_words") for word in item.split()
        )
        self.english_share = params.number("english_share", 0.2)
        self.script_share = params.number("script_share", 0.5)
        self.script_confidence = params.number("script_confidence", 0.5)
        self.names_share = params.number("names_share", 0.8)
        self.min_confidence = params.number("min_confidence", 0.8)
        self.short_words = params.integer("short_words", 4, minimum=1)
        self.letters = {k: frozenset(v) for k, v in params.mapping("letters").items()}
        self.lexicon = {
            k: frozenset(v.casefold().split()) for k, v in params.mapping("lexicon").items()
        }
        self.message = params.text("message", default_message(spec))
        self.level: Level = spec.level
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Finding]:
        """One finding per run of foreign sentences on a line."""
        if not self.gate.applies(view):
            return
        for line in view.lines:
            if not line.is_blank:
                for start, end, language in self._runs(view.text, line):
                    message = f"{self.message}: reads as {language}"
                    yield Finding(start, end, self.rule, self.level, message)

    def _runs(self, text: str, line: Line) -> Iterator[Span]:
        """Flagged sentences of one line, adjacent ones of one language merged."""
        pending: Span | None = None
        for first, last in sentence_spans(text, line.start, line.end):
            start, end = _trimmed(text, first, last)
            language = self.judge(text[start:end]) if start < end else ""
            if language and pending is not None and pending[2] == language:
                pending = (pending[0], end, language)
                continue
            if pending is not None:
                yield pending
            pending = (start, end, language) if language else None
        if pending is not None:
            yield pending

    def judge(self, sentence: str) -> str:
        """The foreign language a sentence is in, or "" when it passes.

        Most sentences are English and stop at gate 2: the words are counted and
        tested with C-level maps, not a Python step per word, and an ASCII sentence
        (no letter but Latin ones, no mark) skips the script search.
        """
        plain = _MARKUP.sub(" ", sentence) if _MARKUP_HINT.search(sentence) else sentence
        tokens = find_words(plain)
        letters = sum(map(len, tokens))
        if letters < 2:
            return ""
        foreign_script = self.script_share <= 0 or (
            not plain.isascii() and _NON_LATIN.search(plain) is not None
        )
        if foreign_script and 1 - len(_LATIN.findall(plain)) / letters >= self.script_share:
            guess = identify(self.gate.backend, plain)
            known = self.gate.foreign(guess.language) and guess.score >= self.script_confidence
            return guess.language if known else ""
        return self._latin(plain, tokens)

    def _latin(self, plain: str, tokens: list[str]) -> str:
        """Gates 2 to 4 for a sentence in Latin letters."""
        folded = list(map(str.casefold, tokens))
        if sum(map(self.english.__contains__, folded)) >= self.english_share * len(folded):
            return ""
        if sum(is_titled(t) or t.isupper() for t in tokens) >= self.names_share * len(tokens):
            return ""
        guess = identify(self.gate.backend, plain)
        if not self.gate.foreign(guess.language) or guess.score < self.min_confidence:
            return ""
        short = len(tokens) < self.short_words
        if short and not self._second_signal(plain, folded, guess.language):
            return ""
        return guess.language

    def _second_signal(self, plain: str, folded: list[str], language: str) -> bool:
        """A letter or a word that belongs to the guessed language (for short lines)."""
        letters = self.letters.get(language, frozenset())
        lexicon = self.lexicon.get(language, frozenset())
        return any(c in letters for c in plain) or any(w in lexicon for w in folded)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
