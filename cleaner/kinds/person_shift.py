"""person_shift: first person ("us", "our", "we") outside quotes in reported news.

A news report speaks of its sources in the third person; a stray "has forced us
to reconsider" outside quotation marks is a quote whose marks were lost, or a
translation that kept the speaker's voice. Only documents that read as reported
news are judged: at least `min_cues` reporting cues (`cues`: said, according to,
…) and at most `max_pronouns` stray pronouns, since a text with more is written
in the first person (a blog, a column, a letter).

`pronouns` ("us") are flagged wherever they stand outside quotes;
`attributed_pronouns` ("we", "our", which English writers also use for
themselves and for people in general) only in a sentence that also carries a
reporting cue, the shape of a quote that lost its marks ("We will not allow it,
the minister said."). Every first-person pronoun counts towards `max_pronouns`.
Left alone: text inside quotation marks (an
unclosed quote counts to the end of its paragraph), the newsroom's own voice
(`allow`: "told us", "our correspondent"), lines that address the reader
(`reader_words`: you, your), "our" before a capitalised name ("Our Standards"),
"US", and paragraphs outside the article body or not prose. The finding spans
the pronoun with the word it goes with ("forced us", "our security").
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

import regex

from cleaner.document import TextView
from cleaner.kinds.common import default_message
from cleaner.kinds.gate import Gated, LanguageGate
from cleaner.kinds.quoting import Span, paragraphs, scan
from cleaner.kinds.tokens import sentence_spans
from cleaner.layout import is_prose, zone_of
from cleaner.params import Params
from cleaner.patterns import Match, Pattern, finditer, literal_alternation
from cleaner.rule import Finding, Level, RuleSpec

_BEFORE = regex.compile(r"\p{L}+[^\S\n]+$")
_AFTER = regex.compile(r"[^\S\n]+\p{L}+")
_CAPITAL_AFTER = regex.compile(r"[^\S\n]+\p{Lu}")


def _alternation(params: Params, key: str) -> Pattern:
    words = params.texts(key)
    return params.compile(
        key, rf"\b(?:{literal_alternation(words, ignore_case=True) or '(?!)'})\b", ignore_case=True
    )


class PersonShift(Gated):
    """Detector for the person_shift kind."""

    produces_edits = False

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.gate = LanguageGate(params)
        anywhere = params.texts("pronouns")
        attributed = params.texts("attributed_pronouns")
        self.anywhere = frozenset(word.casefold() for word in anywhere)
        self.pronouns = params.compile(
            "pronouns",
            rf"\b(?:{literal_alternation([*anywhere, *attributed], ignore_case=True)})\b",
            ignore_case=True,
        )
        self.objects = frozenset(w.casefold() for w in params.texts("object_pronouns"))
        self.cues = _alternation(params, "cues")
        self.reader = _alternation(params, "reader_words")
        self.allow = [
            params.compile(f"allow[{i}]", source, ignore_case=True)
            for i, source in enumerate(params.texts("allow"))
        ]
        self.min_cues = params.integer("min_cues", 2, minimum=1)
        self.max_pronouns = params.integer("max_pronouns", 2, minimum=1)
        self.message = params.text("message", default_message(spec))
        self.level: Level = spec.level
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Finding]:
        """Findings for a few stray first-person pronouns in a reported text."""
        if not self.gate.applies(view):
            return
        if len(list(islice(finditer(self.cues, view.text), self.min_cues))) < self.min_cues:
            return
        voice, hits = 0, []
        for start, end in self._paragraphs(view):
            for match, attributed in self._outside_quotes(view.text, start, end):
                voice += 1
                if attributed or match.group().casefold() in self.anywhere:
                    hits.append(match)
        if voice > self.max_pronouns:
            return
        for match in hits:
            start, end = self._phrase(view.text, match)
            message = f"{self.message}: '{match.group()}'"
            yield Finding(start, end, self.rule, self.level, message)

    def _paragraphs(self, view: TextView) -> Iterator[Span]:
        """Prose paragraphs of the article body with a first-person pronoun.

        Those that address the reader are left out. Most paragraphs of a report have
        no first person at all, and the pronoun search rules them out first.
        """
        for start, end in paragraphs(view):
            if self.pronouns.search(view.text, start, end) is None:
                continue
            text = view.text[start:end]
            if zone_of(view, view.line_index(start)) != "body" or not is_prose(text):
                continue
            if self.reader.search(text) is None:
                yield start, end

    def _outside_quotes(self, text: str, start: int, end: int) -> Iterator[tuple[Match, bool]]:
        """First-person pronouns of a paragraph outside quotes and allowed phrases.

        Each comes with whether its sentence is attributed to someone.
        """
        shielded = scan(text, start, end).quoted
        shielded += [m.span() for p in self.allow for m in p.finditer(text, start, end)]
        for first, last in sentence_spans(text, start, end):
            attributed = self.cues.search(text, first, last) is not None
            for match in self.pronouns.finditer(text, first, last):
                if not self._excused(text, match, shielded):
                    yield match, attributed

    def _excused(self, text: str, match: Match, shielded: list[Span]) -> bool:
        word = match.group()
        if word.isupper() and len(word) > 1:  # US, WE: the country, a shouted heading
            return True
        if word.casefold() == "our" and _CAPITAL_AFTER.match(text, match.end()):
            return True
        return any(start <= match.start() < end for start, end in shielded)

    def _phrase(self, text: str, match: Match) -> Span:
        """The pronoun with its neighbour: the verb before an object, the word after others."""
        start, end = match.span()
        if match.group().casefold() in self.objects:
            before = _BEFORE.search(text, max(start - 40, 0), start)
            return (before.start(), end) if before else (start, end)
        after = _AFTER.match(text, end, end + 40)
        return (start, after.end()) if after else (start, end)
