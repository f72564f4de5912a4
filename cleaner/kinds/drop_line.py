"""drop_line: remove whole lines that consist of a known widget phrase or pattern.

The line must match *as a whole* (after optional decoration such as bullets, arrows
or a trailing colon, up to 32 characters at each end, and an optional count like
"(3)"), which is what keeps
"Share prices fell 3%" safe from a rule that drops the line "Share". With `capture`,
the line's text (or a pattern's named group `value`) is kept as metadata, and with
`fields` each listed named group becomes a field of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from weakref import WeakKeyDictionary

import regex

from cleaner.document import TextView
from cleaner.kinds.common import (
    DECORATION,
    SPACES,
    Capture,
    default_message,
    phrase_alternatives,
    remove_lines,
)
from cleaner.layout import WHERE_CHOICES, allowed_lines
from cleaner.params import Params
from cleaner.patterns import match_at
from cleaner.rule import Edit, MetadataItems, RuleSpec, holds_one_of

# Items of a sequence are apart, or glued where an extractor dropped the space between
# two links ("ShareTweet", "BlogThis!Share", with counters: "Share0Tweet0"): a capital
# right after a small letter, "!" or a counter.
_SEPARATOR = r"(?:(?:[^\S\r\n]|[|•·/,;:\-–—])+|[0-9]{0,6}(?-i:(?<=[\p{Ll}!0-9])(?=\p{Lu})))"
_COUNT = r"(?:[^\S\r\n]*[(\[]?[0-9][0-9.,]*[kKmM]?[)\]]?)?"


class DropLine:
    """Detector for the drop_line kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", False)
        item = phrase_alternatives(params, "phrases", ignore_case=ignore_case)
        body = f"{item}(?:{_SEPARATOR}{item})*" if params.boolean("sequence", False) else item
        decoration = DECORATION if params.boolean("decoration", True) else SPACES
        count = _COUNT if params.boolean("count", False) else ""
        source = f"^{decoration}(?P<body>{body}){count}{decoration}\r?$"
        self.pattern = params.compile("phrases", source, ignore_case=ignore_case)
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.max_words = params.integer("max_words", 0)
        self.capture = Capture.read(params, [self.pattern])
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id
        self.requires = spec.requires
        self._staying: set[str] = set()
        self._removable: dict[str, MetadataItems] = {}

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per matching line (consecutive matches are removed together).

        Lines are judged one at a time, and a line's verdict is remembered by its
        text: the engine's later passes, and the same widget in the next document,
        cost a dictionary lookup. The lines already known to stay are taken out of
        the view's set of lines in one set difference, so a rule that has seen
        every line of a text before does no work per line. Lines with more words
        than `max_words` allows, lines without any of the words the rule
        `requires`, and lines outside `where` never reach the pattern.
        """
        unsettled = view.chunk_set.difference(self._staying)
        if not unsettled:
            return
        chunks = view.chunks
        open_lines = [index for index, chunk in enumerate(chunks) if chunk in unsettled]
        if self.where != "anywhere":
            permitted = allowed_lines(view, self.where)
            open_lines = [index for index in open_lines if permitted[index]]
        starts = view.line_starts
        for index in open_lines:
            verdict: MetadataItems | None = self._removable.get(chunks[index], _UNKNOWN)
            if verdict is _UNKNOWN:
                verdict = self._judge(view, index, starts[index])
                self._remember(chunks[index], verdict)
            if verdict is not None:
                yield remove_lines(view, index, index, self.rule, self.message, verdict)

    def _remember(self, chunk: str, verdict: MetadataItems | None) -> None:
        """Keep a line's verdict, forgetting all of them when the cache is full."""
        if len(self._staying) + len(self._removable) >= VERDICT_CACHE:
            self._staying.clear()
            self._removable.clear()
        if verdict is None:
            self._staying.add(chunk)
        else:
            self._removable[chunk] = verdict

    def _judge(self, view: TextView, index: int, start: int) -> MetadataItems | None:
        """The metadata a removable line carries, or None when the line stays."""
        if self.max_words and letter_words(view, index) > self.max_words:
            return None
        # A match is the whole line: a substring test per required word rules out most
        # lines before a pattern that must search the line (a credit label) runs.
        if self.requires and not holds_one_of(view.folded_lines[index], self.requires):
            return None
        match = match_at(self.pattern, view.text, start, start + len(view.chunks[index]))
        if match is None or match.end() == match.start() or "\n" in match.group():
            return None  # no match, empty, or a phrase's inner space matched a line break
        if self.max_words and len(match.group("body").split()) > self.max_words:
            return None
        return self.capture.metadata(match, "body")

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the verdicts (worker processes and Dask ship detectors)."""
        return {**self.__dict__, "_staying": set(), "_removable": {}}


_UNKNOWN: MetadataItems = (("", ""),)
VERDICT_CACHE = 8192
_LETTER_WORDS: WeakKeyDictionary[TextView, dict[int, int]] = WeakKeyDictionary()


def letter_words(view: TextView, index: int) -> int:
    """`_letter_words` of line `index`, counted once per view for every drop_line rule.

    Most lines of a page are prose, longer than any rule's `max_words`; the count
    that rules them out is the same for the thirty-odd rules asking about the line.
    """
    counts = _LETTER_WORDS.get(view)
    if counts is None:
        counts = _LETTER_WORDS[view] = {}
    found = counts.get(index)
    if found is None:
        found = counts[index] = _letter_words(view.chunks[index])
    return found


def _letter_words(line: str) -> int:
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
