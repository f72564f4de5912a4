"""A read-only view of a document's text with line lookups.

Offsets everywhere in cleaner are Python string indices, i.e. Unicode code
points. Lines are split on "\\n"; a line's text excludes its terminator and a
trailing "\\r", so rules see the same line content in LF and CRLF files.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from cleaner.folding import fold
from cleaner.layout import body_range

if TYPE_CHECKING:
    from cleaner.seams import Removal


@dataclass(frozen=True, slots=True)
class Line:
    """One line: its 0-based index, its span without terminator, and its text."""

    index: int
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        """Blank lines separate paragraphs; whitespace-only counts as blank."""
        return not self.text.strip()


class TextView:
    """Text plus lazily computed line starts; shared by every rule in one pass.

    `field` names the metadata field when the text is a field's value (a title, a
    date) rather than a document body, for the few kinds that act differently there.
    `removals` holds the whole lines earlier passes removed, placed in this text, for
    the kind that judges a line by what was removed around it (cleaner.seams).
    """

    def __init__(
        self, text: str, field: str | None = None, removals: Sequence[Removal] = ()
    ) -> None:
        self.text = text
        self.field = field
        self.removals = removals

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets where each line begins; the first is always 0."""
        starts = [0]
        find = self.text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        return starts

    @cached_property
    def lines(self) -> list[Line]:
        """Every line, in order; a text ending in "\\n" has an empty last line."""
        text, starts = self.text, self.line_starts
        result = []
        for index, start in enumerate(starts):
            end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
            if end > start and text[end - 1] == "\r":
                end -= 1
            result.append(Line(index, start, end, text[start:end]))
        return result

    @cached_property
    def content_lines(self) -> list[Line]:
        """The lines that are not blank, in order (many rules walk only these; do not mutate)."""
        return [line for line in self.lines if not line.is_blank]

    @cached_property
    def chunks(self) -> list[str]:
        """Every line with its terminator, as rules that remember lines by text key them."""
        text, starts = self.text, self.line_starts
        ends = [*starts[1:], len(text)]
        return [text[start:end] for start, end in zip(starts, ends, strict=True)]

    @cached_property
    def chunk_set(self) -> frozenset[str]:
        """The distinct `chunks`, for rules that rule out the lines they already know."""
        return frozenset(self.chunks)

    @cached_property
    def folded(self) -> str:
        """The text folded (case and accents), for `requires` and anchors (cleaner.folding)."""
        return fold(self.text)

    @cached_property
    def folded_lines(self) -> list[str]:
        """The folded text split at line breaks: index i is line i folded.

        Folding never makes or removes a line break, so the pieces line up with
        `lines`; drop_line tests a rule's `requires` on one line with them.
        """
        return self.folded.split("\n")

    @cached_property
    def body(self) -> tuple[int, int] | None:
        """First and last prose line of the article body (see cleaner.layout)."""
        return body_range(self.lines)

    def line_index(self, offset: int) -> int:
        """The 0-based index of the line holding `offset`."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset, the way editors and linters count."""
        index = self.line_index(offset)
        return index + 1, offset - self.line_starts[index] + 1

    def next_line_start(self, index: int) -> int:
        """Where the line after `index` starts, or the end of the text."""
        starts = self.line_starts
        return starts[index + 1] if index + 1 < len(starts) else len(self.text)

    def removal_span(self, first: int, last: int) -> tuple[int, int]:
        """The span that removes lines first..last and leaves paragraphs well separated.

        Dropping a line must not leave a double blank line, a leading blank line, or
        blank lines at the end: a paragraph that stood alone takes one neighbouring
        separator with it; a line inside a paragraph takes only its own terminator.
        """
        lines = self.lines
        before = previous_content(lines, first)
        after = _next_content(lines, last)
        if after is None:
            if before is None:
                return 0, len(self.text)
            return lines[before].end, self._tail_end()
        if before is None:
            return 0, lines[after].start
        if lines[first - 1].is_blank:
            return lines[first].start, lines[after].start
        if lines[last + 1].is_blank:
            # Last lines of a paragraph: take the terminator before them and keep the
            # blank line that separates this paragraph from the next one.
            return lines[first - 1].end, lines[last].end
        return lines[first].start, self.next_line_start(last)

    def _tail_end(self) -> int:
        """End of a removed tail: keep the document's final line break if it had one."""
        lines = self.lines
        if len(lines) > 1 and lines[-1].text == "":
            return lines[-2].end
        return len(self.text)


def previous_content(lines: list[Line], index: int) -> int | None:
    """The last non-blank line above `index`, or None when there is none."""
    for candidate in range(index - 1, -1, -1):
        if not lines[candidate].is_blank:
            return candidate
    return None


def _next_content(lines: list[Line], index: int) -> int | None:
    for candidate in range(index + 1, len(lines)):
        if not lines[candidate].is_blank:
            return candidate
    return None
