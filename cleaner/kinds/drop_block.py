"""drop_block: remove a run of lines that starts with one pattern and continues with others.

Generated appendices are a numbered topic line followed by numbered guest lines
(see rules/boilerplate/interview-topics.yaml); no single line is conclusive, the
run is. An optional `lead_in` pattern takes
the one line right before the run with it (the lone generated question).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import Line, TextView
from cleaner.kinds.common import default_message, remove_lines
from cleaner.kinds.line_memo import WholeLineMatch
from cleaner.layout import WHERE_CHOICES, allowed
from cleaner.params import Params
from cleaner.patterns import Pattern, folded_anchors, fullmatch
from cleaner.rule import Edit, RuleSpec


class DropBlock:
    """Detector for the drop_block kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", False)
        self.start = self._alternation(params, "start", ignore_case)
        self.follow = self._alternation(params, "continue", ignore_case)
        # The first-line patterns open with their field's words: a regex call fails fast
        self._starts = WholeLineMatch(self.start, anchored=False)
        # A run opens with a first line: a text without one of its anchors is skipped.
        self.implied_requires = folded_anchors(self.start)
        lead_in = params.texts("lead_in")
        self.lead_in = self._alternation(params, "lead_in", ignore_case) if lead_in else None
        self.allow_blank = params.boolean("allow_blank", True)
        self.min_lines = params.integer("min_lines", 2, minimum=1)
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    @staticmethod
    def _alternation(params: Params, key: str, ignore_case: bool) -> Pattern:
        sources = params.texts(key)
        if not sources:
            raise params.error(key, "give at least one pattern")
        for index, source in enumerate(sources):
            params.compile(f"{key}[{index}]", source, ignore_case=ignore_case)
        joined = "|".join(f"(?:{source})" for source in sources)
        return params.compile(
            key, f"[^\\S\\r\\n]*(?:{joined})[^\\S\\r\\n]*", ignore_case=ignore_case
        )

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per qualifying run of lines."""
        lines = view.lines
        index = 0
        while index < len(lines):
            if not self._starts(lines[index].text):  # remembered (cleaner.kinds.line_memo)
                index += 1
                continue
            last, count = self._extend(lines, index)
            first = self._lead_in(lines, index)
            if count >= self.min_lines and allowed(view, first, self.where):
                reason = f"{self.message} ({count} lines)"
                yield remove_lines(view, first, last, self.rule, reason)
            index = last + 1

    def _extend(self, lines: list[Line], first: int) -> tuple[int, int]:
        """Last line of the run starting at `first`, and how many content lines it has."""
        last, count = first, 1
        for candidate in range(first + 1, len(lines)):
            text = lines[candidate].text
            if not text.strip():
                if not self.allow_blank:
                    break
                continue
            if not (fullmatch(self.follow, text) or self._starts(text)):
                break
            last, count = candidate, count + 1
        return last, count

    def _lead_in(self, lines: list[Line], first: int) -> int:
        """The run's first line, moved up by one when the line before is its lead-in."""
        if self.lead_in is None or first == 0:
            return first
        previous = lines[first - 1].text
        return first - 1 if fullmatch(self.lead_in, previous) else first
