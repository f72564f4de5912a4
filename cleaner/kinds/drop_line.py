"""drop_line: remove whole lines that consist of a known widget phrase or pattern.

The line must match *as a whole* (after optional decoration such as bullets, arrows
or a trailing colon, and an optional count like "(3)"), which is what keeps
"Share prices fell 3%" safe from a rule that drops the line "Share". With `capture`,
the line's text (or a pattern's named group `value`) is kept as metadata, and with
`fields` each listed named group becomes a field of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import TextView
from cleaner.kinds.common import Capture, default_message, phrase_alternatives, remove_lines
from cleaner.layout import WHERE_CHOICES, allowed
from cleaner.params import Params
from cleaner.patterns import finditer
from cleaner.rule import Edit, MetadataItems, RuleSpec

_SPACE = r"[^\S\r\n]"
_DECORATION = r"(?:[\p{P}\p{S}]|[^\S\r\n])*"
_SEPARATOR = r"(?:[^\S\r\n]|[|•·/,;:\-–—])+"
_COUNT = r"(?:[^\S\r\n]*[(\[]?[0-9][0-9.,]*[kKmM]?[)\]]?)?"


class DropLine:
    """Detector for the drop_line kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", False)
        item = phrase_alternatives(params, "phrases", ignore_case=ignore_case)
        body = f"{item}(?:{_SEPARATOR}{item})*" if params.boolean("sequence", False) else item
        decoration = _DECORATION if params.boolean("decoration", True) else _SPACE + "*"
        count = _COUNT if params.boolean("count", False) else ""
        source = f"^{decoration}(?P<body>{body}){count}{decoration}\r?$"
        self.pattern = params.compile("phrases", source, ignore_case=ignore_case)
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.max_words = params.integer("max_words", 0)
        self.capture = Capture.read(params, [self.pattern])
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per matching line (consecutive matches are removed together)."""
        matched: list[tuple[int, MetadataItems]] = []
        for match in finditer(self.pattern, view.text):
            if match.end() == match.start() or "\n" in match.group():
                continue  # empty, or a phrase's inner space matched a line break
            index = view.line_index(match.start())
            words = len(match.group("body").split())
            if self.max_words and words > self.max_words:
                continue
            if allowed(view, index, self.where):
                matched.append((index, self.capture.metadata(match, "body")))
        for index, metadata in matched:
            yield remove_lines(view, index, index, self.rule, self.message, metadata)
