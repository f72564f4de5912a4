"""Unified diffs of what `fix` would do, each hunk annotated with the rules behind it.

Lines are aligned with difflib, as any unified diff; what changed *inside* a line
comes from the change log (see cleaner.report.worddiff), so a one-paragraph line
that lost three words shows those three words, not the whole paragraph. The plain
rendering is a valid patch: the rule ids and reasons ride in the hunk header line,
where `patch` and `git apply` ignore text. The coloured rendering
(cleaner.report.terminal) is for people and puts each reason on its own line.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cleaner.changelog import Change
from cleaner.report.worddiff import DEL, INS, SAME, Piece, marks, pieces

NO_NEWLINE = "\\ No newline at end of file\n"
CONTEXT = 1
Range = tuple[int, int]
Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class DiffLine:
    """One printed line: `tag` is ---, +++, @@, ' ', -, + or \\; `text` keeps its terminator.

    `marks` are the changed ranges inside `text` (word level); a hunk header carries
    its annotations as (rule, reason) pairs in `notes`.
    """

    tag: str
    text: str
    marks: tuple[Range, ...] = ()
    notes: tuple[Pair, ...] = ()


def diff_lines(
    original: str, cleaned: str, name: str, changes: Sequence[Change], context: int = CONTEXT
) -> Iterator[DiffLine]:
    """The structured diff from original to cleaned; nothing when they are equal."""
    view = pieces(original, changes)
    old, new = _Side(original, list(marks(view, DEL))), _Side(cleaned, list(marks(view, INS)))
    matcher = difflib.SequenceMatcher(None, old.lines, new.lines, autojunk=False)
    groups = list(matcher.get_grouped_opcodes(context))
    if not groups:
        return
    yield DiffLine("---", f"--- a/{name}\n")
    yield DiffLine("+++", f"+++ b/{name}\n")
    for group in groups:
        first, last = group[0], group[-1]
        head = f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@"
        notes = _notes(view, changes, old.span(first[1], last[2]))
        yield DiffLine("@@", head + "\n", notes=notes)
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from old.show(" ", i1, i2, marked=False)
                continue
            yield from old.show("-", i1, i2, marked=True)
            yield from new.show("+", j1, j2, marked=True)


def unified(original: str, cleaned: str, name: str, changes: Sequence[Change]) -> Iterator[str]:
    """Diff lines (with terminators) from original to cleaned, hunks annotated."""
    return plain(diff_lines(original, cleaned, name, changes))


def plain(lines: Iterator[DiffLine]) -> Iterator[str]:
    """Render a structured diff without colour: a valid patch."""
    for line in lines:
        if line.tag == "@@":
            note = "; ".join(_note(rule, reason) for rule, reason in line.notes)
            yield f"{line.text.rstrip()} {note}\n" if note else line.text
        else:
            yield line.text


def _note(rule: str, reason: str) -> str:
    """`rule: reason` on one line: a line break would end the hunk header."""
    flat = " ".join(reason.split())
    return f"{rule}: {flat}" if flat else rule


def _range(start: int, stop: int) -> str:
    """A hunk range the way difflib writes it: 'first,count', 'first' when count is 1."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _notes(view: Sequence[Piece], changes: Sequence[Change], span: Range) -> tuple[Pair, ...]:
    """(rule, reason) of every change with a visible piece in the span, in text order."""
    low, high = span
    found: list[Pair] = []
    for piece in view:
        if piece.kind == SAME:
            continue
        if piece.kind == DEL and (piece.old >= high or piece.old_end <= low):
            continue
        if piece.kind == INS and not low <= piece.old <= high:
            continue
        change = changes[piece.change]
        pair = (change.rule, change.reason)
        if pair not in found:
            found.append(pair)
    return tuple(found)


class _Side:
    """One side of the diff: its lines, where they start, and its changed ranges."""

    def __init__(self, text: str, changed: list[Range]) -> None:
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.changed = changed
        self.changed_starts = [start for start, _ in changed]

    def span(self, first: int, stop: int) -> Range:
        """Offsets covered by lines first..stop (at least the point where they would be)."""
        return self.starts[first], self.starts[max(stop, first)]

    def show(self, tag: str, first: int, stop: int, *, marked: bool) -> Iterator[DiffLine]:
        """Lines first..stop with `tag`, their changed words marked when asked."""
        for index in range(first, stop):
            line = self.lines[index]
            found = self._marks(index) if marked else ()
            if line.endswith("\n"):
                yield DiffLine(tag, tag + line, found)
            else:
                yield DiffLine(tag, tag + line + "\n", found)
                yield DiffLine("\\", NO_NEWLINE)

    def _marks(self, index: int) -> tuple[Range, ...]:
        """Changed ranges inside line `index`, relative to the printed text (tag included)."""
        start = self.starts[index]
        end = start + len(self.lines[index].rstrip("\r\n"))
        found: list[Range] = []
        first = max(bisect.bisect_right(self.changed_starts, start) - 1, 0)
        for low, high in self.changed[first:]:
            if low >= end:
                break
            left, right = max(low, start) - start + 1, min(high, end) - start + 1
            if right <= left:
                continue
            if found and found[-1][1] == left:  # touching: one run
                left = found.pop()[0]
            found.append((left, right))
        return tuple(found)
