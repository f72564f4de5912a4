"""drop_line: remove whole lines that consist of a known widget phrase or pattern.

The line must match *as a whole* (after optional decoration such as bullets, arrows
or a trailing colon, up to 32 characters at each end, and an optional count like
"(3)"), which is what keeps
"Share prices fell 3%" safe from a rule that drops the line "Share". With `capture`,
the line's text (or a pattern's named group `value`) is kept as metadata, and with
`fields` each listed named group becomes a field of its own. With `spare_tables` and
`spare_lists`, a matching line that is a row of a table or an item of a list of
figures stays: in that context it is the story's data (cleaner.story_blocks).
"""

from __future__ import annotations

from collections.abc import Iterator

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
from cleaner.kinds.line_verdicts import LineVerdicts
from cleaner.layout import WHERE_CHOICES, allowed_lines
from cleaner.params import Params
from cleaner.patterns import Match, folded_anchors
from cleaner.rule import Edit, MetadataItems, RuleSpec
from cleaner.story_blocks import list_lines, table_lines

# Items of a sequence are apart, or glued where an extractor dropped the space between
# two links ("ShareTweet", "BlogThis!Share", with counters: "Share0Tweet0"): a capital
# right after a small letter, "!" or a counter.
_SEPARATOR = r"(?:(?:[^\S\r\n]|[|•·▪/,;:\-–—])+|[0-9]{0,6}(?-i:(?<=[\p{Ll}!0-9])(?=\p{Lu})))"
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
        self.spare_lists = params.boolean("spare_lists", False)
        self.capture = Capture.read(params, [self.pattern])
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id
        self.requires = spec.requires
        self.anchor_words = folded_anchors(self.pattern)
        self.verdicts = LineVerdicts()
        self.seat = self.verdicts.join(self)

    def share(self, group: LineVerdicts) -> None:
        """Judge lines in `group` with the other drop_line rules (cleaner.kinds.line_verdicts)."""
        self.verdicts = group
        self.seat = group.join(self)

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per matching line, in the lines `where` and the `spare_*` options leave it.

        A line's verdict depends on its text alone. All the drop_line rules of a run
        judge a text's lines together and remember each verdict by the line's text
        (cleaner.kinds.line_verdicts), so the engine's later passes and the same
        widget in the next document cost a lookup, and this call only filters the
        lines this rule removes.
        """
        found = self.verdicts.removable(view, self.seat)
        if not found:
            return
        if self.where != "anywhere":
            permitted = allowed_lines(view, self.where)
            found = [(index, verdict) for index, verdict in found if permitted[index]]
        spared = self._spared(view)
        for index, verdict in found:
            if index not in spared:
                yield remove_lines(view, index, index, self.rule, self.message, verdict)

    def _spared(self, view: TextView) -> frozenset[int]:
        """The story's own rows and items this rule leaves (cleaner.story_blocks)."""
        tables = table_lines(view) if self.spare_tables else frozenset()
        lists = list_lines(view) if self.spare_lists else frozenset()
        return tables | lists

    def judge(self, view: TextView, indexes: list[int]) -> Iterator[tuple[int, MetadataItems]]:
        """The lines among `indexes` that this rule removes, with the metadata each keeps.

        The lines come through the cheap tests already (cleaner.kinds.line_sieve):
        few enough words (`max_words`), a word the rule `requires`, and one of the
        pattern's anchors (strings every match holds, see cleaner.anchors). They are
        searched together (see cleaner.kinds.line_batch): one search per rule and
        text instead of one per line, since each search with a timeout pays for a
        clock reading.
        """
        for index, match in line_matches(self.pattern, view, indexes):
            verdict = self._accepted(match)
            if verdict is not None:
                yield index, verdict

    def _accepted(self, match: Match | None) -> MetadataItems | None:
        """The metadata a line's match carries, or None when the line stays."""
        if match is None or match.end() == match.start():
            return None  # no match, or an empty one
        if self.max_words and len(match.group("body").split()) > self.max_words:
            return None
        return self.capture.metadata(match, "body")
