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
from typing import Any
from weakref import WeakKeyDictionary

import ahocorasick
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
from cleaner.kinds.line_batch import line_matches
from cleaner.layout import WHERE_CHOICES, allowed_lines, table_lines
from cleaner.params import Params
from cleaner.patterns import Match, pattern_anchors
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
        count = _COUNT if params.boolean("count", False) else ""
        # With counters, each button of a sequence may carry its own ("Share 0 Tweet 0 Pin 0").
        separator = f"{count}{_SEPARATOR}"
        body = f"{item}(?:{separator}{item})*" if params.boolean("sequence", False) else item
        decoration = DECORATION if params.boolean("decoration", True) else SPACES
        source = f"^{decoration}(?P<body>{body}){count}{decoration}\r?$"
        self.pattern = params.compile("phrases", source, ignore_case=ignore_case)
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.max_words = params.integer("max_words", 0)
        self.spare_tables = params.boolean("spare_tables", False)
        self.capture = Capture.read(params, [self.pattern])
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id
        self.requires = spec.requires
        self.anchors = _anchor_automaton(pattern_anchors(self.pattern))
        self._staying: set[str] = set()
        self._removable: dict[str, MetadataItems] = {}

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per matching line (consecutive matches are removed together).

        Each line is judged on its own (the unknown lines of a text in one search,
        see cleaner.kinds.line_batch), and a line's verdict is remembered by its
        text: the engine's later passes, and the same widget in the next document,
        cost a dictionary lookup. The lines already known to stay are taken out of
        the view's set of lines in one set difference, so a rule that has seen
        every line of a text before does no work per line. Lines with more words
        than `max_words` allows, lines without any of the words the rule
        `requires`, lines outside `where` and, with `spare_tables`, the rows of a
        table (see cleaner.layout.table_lines) never reach the pattern.
        """
        unsettled = view.chunk_set.difference(self._staying)
        if not unsettled:
            return
        chunks = view.chunks
        open_lines = [index for index, chunk in enumerate(chunks) if chunk in unsettled]
        if self.where != "anywhere":
            permitted = allowed_lines(view, self.where)
            open_lines = [index for index in open_lines if permitted[index]]
        if self.spare_tables and (rows := table_lines(view)):
            open_lines = [index for index in open_lines if index not in rows]
        verdicts = self._verdicts(view, open_lines)
        for index in open_lines:
            verdict = verdicts[chunks[index]]
            if verdict is not None:
                yield remove_lines(view, index, index, self.rule, self.message, verdict)

    def _verdicts(self, view: TextView, indexes: list[int]) -> dict[str, MetadataItems | None]:
        """The verdict on each distinct line: remembered, or judged now and remembered."""
        chunks = view.chunks
        verdicts: dict[str, MetadataItems | None] = {}
        fresh: list[int] = []
        for index in indexes:
            chunk = chunks[index]
            if chunk not in verdicts:
                known = self._removable.get(chunk, _UNKNOWN)
                verdicts[chunk] = None if known is _UNKNOWN else known
                if known is _UNKNOWN:
                    fresh.append(index)
        for index, verdict in self._judge_lines(view, fresh):
            verdicts[chunks[index]] = verdict
            self._remember(chunks[index], verdict)
        return verdicts

    def _remember(self, chunk: str, verdict: MetadataItems | None) -> None:
        """Keep a line's verdict, forgetting all of them when the cache is full."""
        if len(self._staying) + len(self._removable) >= VERDICT_CACHE:
            self._staying.clear()
            self._removable.clear()
        if verdict is None:
            self._staying.add(chunk)
        else:
            self._removable[chunk] = verdict

    def _judge_lines(self, view: TextView, indexes: list[int]) -> Iterator[Verdict]:
        """The verdicts of lines not judged before: metadata to keep, or None to stay.

        Lines with more words than `max_words` allows and lines without any of the
        words the rule `requires` stay without a search (a substring test per
        required word rules out most lines before a pattern that must search the
        line). The rest are searched together (see cleaner.kinds.line_batch): one
        search per rule and text instead of one per line, since each search with a
        timeout pays for a clock reading.
        """
        searched = []
        for index in indexes:
            if self._may_match(view, index):
                searched.append(index)
            else:
                yield index, None
        for index, match in line_matches(self.pattern, view, searched):
            yield index, self._accepted(match)

    def _may_match(self, view: TextView, index: int) -> bool:
        """Whether the line passes the cheap tests before the pattern is tried.

        Few enough words, a required word, and one of the pattern's anchors (strings
        every match holds, see cleaner.anchors): on real pages the anchors rule out
        three tries of the pattern in four.
        """
        if self.max_words and letter_words(view, index) > self.max_words:
            return False
        folded = view.folded_lines[index]
        if self.requires and not holds_one_of(folded, self.requires):
            return False
        return self.anchors is None or next(self.anchors.iter(folded), None) is not None

    def _accepted(self, match: Match | None) -> MetadataItems | None:
        """The metadata a line's match carries, or None when the line stays."""
        if match is None or match.end() == match.start():
            return None  # no match, or an empty one
        if self.max_words and len(match.group("body").split()) > self.max_words:
            return None
        return self.capture.metadata(match, "body")

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the verdicts (worker processes and Dask ship detectors)."""
        return {**self.__dict__, "_staying": set(), "_removable": {}}


def _anchor_automaton(anchors: frozenset[str] | None) -> Any:
    """An Aho-Corasick automaton that finds any of the anchors in one pass, or None."""
    if anchors is None or "" in anchors:
        return None
    automaton = ahocorasick.Automaton()
    for anchor in anchors:
        automaton.add_word(anchor, anchor)
    automaton.make_automaton()
    return automaton


_UNKNOWN: MetadataItems = (("", ""),)
Verdict = tuple[int, MetadataItems | None]
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
