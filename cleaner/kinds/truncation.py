"""truncation: text that stops where it should go on.

Two shapes of the same accident (a length limit in a translation tool, an
extractor cutting at a character count, a teaser kept instead of the paragraph):

- the last paragraph is running prose (mostly lower case, no menu separators) and
  stops without closing punctuation, with evidence of the cut: it ends inside a
  word (a lone letter, "… the security of Ukraine is o"), on a word that cannot
  end a sentence (`dangling`: "with", "the"), on a comma or dash, or it is a long
  paragraph (`long_words`). Short unpunctuated endings without such evidence are
  teasers, headlines and blurbs, and are left alone;
- a line of `min_words` or more is a strict prefix of a later line, cut inside a
  word or before a comma the later line goes on with.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.document import Line, TextView
from cleaner.kinds.gate import Gated, LanguageGate
from cleaner.kinds.prefix_index import PrefixIndex, first_after
from cleaner.kinds.tokens import sentence_spans
from cleaner.params import Params
from cleaner.rule import Finding, Level, RuleSpec

_CLOSED = regex.compile(r"[.!?…:;)\]\"”»’'*]$")
# From the run's first character only: linear on a long run of spaces inside a line.
_INVISIBLE = regex.compile(r"(?<![\p{Cf}\s])[\p{Cf}\s]+$")
_MARKUP_END = regex.compile(r"(?:https?://|www\.|@|#)\S*$|\S+\.\w{2,}$")
ENDING = "last paragraph stops without closing punctuation: cut off? (ends '{tail}')"
PREFIX = "this line is the start of line {line}, cut off: a truncated copy"


class Truncation(Gated):
    """Detector for the truncation kind."""

    produces_edits = False

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.gate = LanguageGate(params)
        self.min_words = params.integer("min_words", 8, minimum=1)
        self.long_words = params.integer("long_words", 25, minimum=1)
        self.lowercase_share = params.number("lowercase_share", 0.5)
        self.separators = frozenset(params.text("separators", "|•·›»/"))
        self.dangling = frozenset(
            word.casefold() for item in params.texts("dangling") for word in item.split()
        )
        self.whole_letters = frozenset(params.text("whole_letters", "aAI"))
        self.level: Level = spec.level
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Finding]:
        """The cut-off ending, then the cut-off copies."""
        if not self.gate.applies(view):
            return
        content = view.content_lines
        if content and self._cut_off(content[-1].text):
            line = content[-1]
            end = line.start + len(_INVISIBLE.sub("", line.text))
            start = list(sentence_spans(view.text, line.start, end))[-1][0]
            message = ENDING.format(tail=" ".join(line.text.split()[-3:]))
            yield Finding(start, end, self.rule, self.level, message)
        yield from self._prefixes(content)

    def _cut_off(self, text: str) -> bool:
        """Running prose that stops without a closing mark, with evidence of the cut."""
        text = _INVISIBLE.sub("", text)
        found = text.split()
        if len(found) < self.min_words or _CLOSED.search(text) or _MARKUP_END.search(text):
            return False
        if any(c in self.separators for c in text):
            return False
        lower = sum(word[:1].islower() for word in found[1:])
        if lower < self.lowercase_share * (len(found) - 1):
            return False
        last = found[-1]
        fragment = len(last) == 1 and last.isalpha() and last not in self.whole_letters
        return (
            fragment
            or last.casefold() in self.dangling
            or text[-1] in ",–—-"
            or len(found) >= self.long_words
        )

    def _prefixes(self, content: list[Line]) -> Iterator[Finding]:
        for group in self._groups(content).values():
            if len(group) < 2:
                continue  # no other line opens with the same words: nothing continues it
            index = PrefixIndex([flat for _, flat in group])
            for position, (line, flat) in enumerate(group):
                later = _first_continuation(flat, position, index)
                if later is not None:
                    end = line.start + len(line.text.rstrip())
                    message = PREFIX.format(line=group[later][0].index + 1)
                    yield Finding(line.start, end, self.rule, self.level, message)

    def _groups(self, content: list[Line]) -> dict[str, list[tuple[Line, str]]]:
        """Lines long enough to be cut off, flattened, grouped by their first words.

        Each line is split once: the words of the flattened line are the line's own
        words, so neither the count nor the key needs a second split.
        """
        groups: dict[str, list[tuple[Line, str]]] = {}
        for line in content:
            words = line.text.split()
            if len(words) >= self.min_words:
                key = " ".join(words[: self.min_words - 1])  # the cut is in a later word
                groups.setdefault(key, []).append((line, " ".join(words)))
        return groups


def _first_continuation(flat: str, position: int, index: PrefixIndex) -> int | None:
    """The place of the first later line of the group that goes on from `flat`."""
    found: int | None = None
    for text, places in index.extending(flat):
        if _cut(flat, text):
            after = first_after(places, position)
            if after is not None and (found is None or after < found):
                found = after
    return found


def _cut(prefix: str, text: str) -> bool:
    """Whether `text` goes on from `prefix` inside a word or before a comma."""
    if len(text) <= len(prefix) or not text.startswith(prefix):
        return False
    following = text[len(prefix)]
    if following.isalnum():
        return prefix[-1].isalnum()
    return following in ",;–—"
