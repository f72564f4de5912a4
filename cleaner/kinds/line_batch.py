"""One search for many lines: a line pattern run over a text's candidate lines at once.

A `drop_line` rule judges each line on its own: its pattern must match the whole
line. Run one line at a time, every judgement is a call into the `regex` module with
the process timeout, and a call with a timeout reads the process clock first, which
costs several times what matching a short line does (about 2.5 µs against 0.4 µs
here, on a real page a thousand times over). So the lines a rule still has to judge
are joined, each with its own line break, into one string that is searched once,
with one timeout for all of them.

The pattern is anchored at a line's start and end (`^…$` in multiline mode), so in
the joined string each match covers one line, as it would alone. A line is judged
without its own line break (a pattern ending in `\\s*` takes the line, not the
break), in the joined string and alone alike. A match that takes a line break (a
pattern's white space meeting it) is not taken on trust: every line it touches is
judged on its own again, in the document. A line where no match starts is taken to
have none: only a lookaround reaching past the line could see the difference, and
tests/test_hot_paths_lines.py holds every shipped rule to the line-by-line answer.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from cleaner.document import TextView
from cleaner.patterns import Match, Pattern, finditer, match_at

# The most text one search covers. A search over a long stretch of a huge document
# could outlast the timeout that each of its lines alone keeps far below, so the lines
# go in batches of about this size: still one clock reading for many lines.
BATCH_CHARS = 32_768


def line_matches(
    pattern: Pattern, view: TextView, indexes: list[int]
) -> Iterator[tuple[int, Match | None]]:
    """Each line of `indexes` (ascending) with the pattern's match on it, or None."""
    for batch in _batches(view, indexes):
        yield from _batch_matches(pattern, view, batch)


def _batches(view: TextView, indexes: list[int]) -> Iterator[list[int]]:
    """The lines in consecutive groups of at most BATCH_CHARS (a longer line alone)."""
    batch: list[int] = []
    size = 0
    for index in indexes:
        length = len(view.chunks[index])
        if batch and size + length > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(index)
        size += length
    if batch:
        yield batch


def _batch_matches(
    pattern: Pattern, view: TextView, indexes: list[int]
) -> Iterator[tuple[int, Match | None]]:
    """`line_matches` for one batch: a single search over the joined lines."""
    if len(indexes) < 2:
        for index in indexes:
            yield index, _alone(pattern, view, index)
        return
    pieces = [view.chunks[index] for index in indexes]
    offsets = [0]
    for piece in pieces[:-1]:
        offsets.append(offsets[-1] + len(piece))
    joined = "".join(pieces)
    found: dict[int, Match | None] = {}
    for match in finditer(pattern, joined, 0, len(joined)):
        first = bisect.bisect_right(offsets, match.start()) - 1
        last = bisect.bisect_right(offsets, max(match.start(), match.end() - 1)) - 1
        line_end = offsets[first] + len(pieces[first].removesuffix("\n"))
        if match.start() == offsets[first] and match.end() <= line_end:
            found[first] = match
        else:
            for place in range(first, last + 1):
                found[place] = _alone(pattern, view, indexes[place])
    for place, index in enumerate(indexes):
        yield index, found.get(place)


def _alone(pattern: Pattern, view: TextView, index: int) -> Match | None:
    """The pattern's match on line `index` without its line break, searched in place."""
    start = view.line_starts[index]
    chunk = view.chunks[index]
    return match_at(pattern, view.text, start, start + len(chunk) - chunk.endswith("\n"))
