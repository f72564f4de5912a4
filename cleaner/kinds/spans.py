"""strip and substitute: edits inside a line, for residue glued to real text.

strip removes what a pattern matches (or its named group `strip`), e.g. a share
button glued to the end of a paragraph; with `capture` the removed text (or its
named group `value`) is kept as metadata, and with `fields` each listed named group
becomes a metadata field of that name (an agency tag -> `source` and `via`, see
rules/metadata/source-via.yaml); with `drop_emptied_lines`, a match that is all of its
line's text removes the line, break included. With `within_lines`, the rule promises
that no match crosses a line break; its `requires` words are then tested line by
line, and only the lines holding one are searched (a text that holds "via" once
is searched on that line, not across every space of the article).
substitute replaces a match with an expansion of `replacement` and skips matches
that would not change.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.document import TextView
from cleaner.kinds.common import Capture, default_message, remove_lines
from cleaner.layout import (
    WHERE_CHOICES,
    allowed,
    allowed_spans,
    finditer_in,
    stretches,
)
from cleaner.params import Params
from cleaner.patterns import Match, Pattern, finditer
from cleaner.rule import Edit, RuleSpec, holds_one_of


def _read_patterns(params: Params, ignore_case: bool) -> list[Pattern]:
    sources = params.texts("patterns")
    if not sources:
        raise params.error("patterns", "give at least one pattern")
    return [
        params.compile(f"patterns[{i}]", source, ignore_case=ignore_case)
        for i, source in enumerate(sources)
    ]


_GROUP_REFERENCE = regex.compile(r"\\g<([^>]*)>|\\([0-9]+)")


def _unknown_groups(pattern: Pattern, replacement: str) -> str | None:
    """The first group the replacement names that the pattern does not define."""
    for reference in _GROUP_REFERENCE.finditer(replacement):
        name = reference.group(1) or reference.group(2)
        if name.isdigit():
            if int(name) > pattern.groups:
                return str(name)
        elif name not in pattern.groupindex:
            return str(name)
    return None


def _span(match: Match, group: str) -> tuple[int, int]:
    if group in match.re.groupindex and match.start(group) >= 0:
        return match.start(group), match.end(group)
    return match.start(), match.end()


class Strip:
    """Detector for the strip kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", True)
        self.patterns = _read_patterns(params, ignore_case)
        self.capture = Capture.read(params, self.patterns)
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.drop_emptied = params.boolean("drop_emptied_lines", False)
        self.within_lines = params.boolean("within_lines", False)
        self.requires = spec.requires
        if self.within_lines and not self.requires:
            raise params.error("within_lines", "needs the rule's `requires` words to pick lines")
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One deletion per non-empty match; with `drop_emptied_lines`, an emptied line goes.

        Removing the line with its break, rather than its text alone, leaves no blank
        line behind to split a stack of widget lines that another rule takes whole. It
        is a choice: a line of HTML block tags left blank marks a paragraph break.
        """
        searched = self._stretches(view)
        for pattern in self.patterns:
            for match in finditer_in(pattern, view, searched):
                start, end = _span(match, "strip")
                index = view.line_index(start)
                if start == end or not allowed(view, index, self.where):
                    continue
                metadata = self.capture.metadata(match)
                if self.drop_emptied and _is_whole_line(view, index, start, end):
                    yield remove_lines(view, index, index, self.rule, self.message, metadata)
                else:
                    yield Edit(start, end, "", self.rule, self.message, metadata)

    def _stretches(self, view: TextView) -> list[tuple[int, int]]:
        """Where the patterns are searched: the rule's zone, cut to lines with a required word."""
        if not self.within_lines:  # the constructor made sure `requires` is set otherwise
            return allowed_spans(view, self.where)
        chosen = [
            holds_one_of(folded, self.requires) and allowed(view, index, self.where)
            for index, folded in enumerate(view.folded_lines)
        ]
        return stretches(view, chosen)


def _is_whole_line(view: TextView, index: int, start: int, end: int) -> bool:
    """Whether text[start:end] is all of line `index`'s text but its spaces."""
    line = view.lines[index].text.strip()
    return bool(line) and view.text[start:end].strip() == line


class Substitute:
    """Detector for the substitute kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", True)
        self.patterns = _read_patterns(params, ignore_case)
        self.replacement = params.text("replacement")
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id
        for index, pattern in enumerate(self.patterns):
            missing = _unknown_groups(pattern, self.replacement)
            if missing:
                raise params.error(
                    "replacement", f"refers to group {missing!r}, absent from patterns[{index}]"
                )

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One replacement per match whose expansion differs from the matched text."""
        for pattern in self.patterns:
            for match in finditer(pattern, view.text):
                after = match.expand(self.replacement)
                if after != match.group(0):
                    yield Edit(match.start(), match.end(), after, self.rule, self.message)
