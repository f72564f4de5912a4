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
from cleaner.folding import fold
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
from cleaner.required_words import automaton_of
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
        found = pattern_anchors(self.pattern)
        anchors = None if found is None else {fold(anchor) for anchor in found}
        self.anchors = None if anchors is None or "" in anchors else automaton_of(anchors)
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
        lines = {chunks[index]: index for index in indexes}  # one index per distinct line
        removable = self._removable
        verdicts: dict[str, MetadataItems | None] = {
            chunk: removable[chunk] for chunk in lines if chunk in removable
        }
        fresh = [index for chunk, index in lines.items() if chunk not in removable]
        if fresh:
            judged = {chunks[index]: verdict for index, verdict in self._judge(view, fresh).items()}
            self._remember(judged)
            verdicts.update(judged)
        return verdicts

    def _remember(self, judged: dict[str, MetadataItems | None]) -> None:
        """Keep the lines' verdicts, forgetting all earlier ones when the cache is full."""
        if len(self._staying) + len(self._removable) + len(judged) > VERDICT_CACHE:
            self._staying.clear()
            self._removable.clear()
        for chunk, verdict in judged.items():
            if verdict is not None:
                self._removable[chunk] = verdict
        self._staying.update(chunk for chunk, verdict in judged.items() if verdict is None)

    def _judge(self, view: TextView, indexes: list[int]) -> dict[int, MetadataItems | None]:
        """The verdicts of lines not judged before: metadata to keep, or None to stay.

        Lines that fail the cheap tests (see `_worth_searching`) stay without a search.
        The rest are searched together (see cleaner.kinds.line_batch): one search per
        rule and text instead of one per line, since each search with a timeout pays
        for a clock reading.
        """
        verdicts: dict[int, MetadataItems | None] = dict.fromkeys(indexes)
        for index, match in line_matches(self.pattern, view, self._worth_searching(view, indexes)):
            verdicts[index] = self._accepted(match)
        return verdicts

    def _worth_searching(self, view: TextView, indexes: list[int]) -> list[int]:
        """The lines that pass the cheap tests, each a filter over the whole list.

        Few enough words (`max_words`), a word the rule `requires`, and one of the
        pattern's anchors (strings every match holds, see cleaner.anchors): on real
        pages the anchors rule out three tries of the pattern in four.
        """
        if self.max_words:
            counts, limit = letter_word_counts(view), self.max_words
            indexes = [index for index in indexes if counts[index] <= limit]
        folded = view.folded_lines
        if self.requires:
            words = self.requires
            indexes = [index for index in indexes if holds_one_of(folded[index], words)]
        if self.anchors is not None:
            find = self.anchors.iter
            indexes = [index for index in indexes if next(find(folded[index]), None) is not None]
        return indexes

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


VERDICT_CACHE = 8192
_LETTER_WORDS: WeakKeyDictionary[TextView, _LineCounts] = WeakKeyDictionary()


def letter_word_counts(view: TextView) -> _LineCounts:
    """`_letter_words` of each line of the view, counted once for every drop_line rule.

    Most lines of a page are prose, longer than any rule's `max_words`; the count
    that rules them out is the same for the thirty-odd rules asking about the line.
    """
    counts = _LETTER_WORDS.get(view)
    if counts is None:
        counts = _LETTER_WORDS[view] = _LineCounts(view.chunks)
    return counts


class _LineCounts(dict[int, int]):
    """Line index -> letter words, counted when first asked for."""

    def __init__(self, chunks: list[str]) -> None:
        super().__init__()
        self.chunks = chunks

    def __missing__(self, index: int) -> int:
        found = self[index] = _letter_words(self.chunks[index])
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
