"""Turn a rewritten stretch of text into small edits a reviewer can read.

Kinds that delegate to a whole-string fixer (ftfy, unicodedata) get back a new
string, not edits. One edit for a whole line would be correct but unreadable in
the change log, and a character diff is quadratic on long lines. ftfy keeps printable ASCII
characters in place (it may turn a space into the no-break space it once was), so
they anchor the alignment: the stretches of other text between them are compared
pairwise, in linear time.
"""

from __future__ import annotations

import regex

Span = tuple[int, int, str]
"""start, end (offsets into the old text) and the text that replaces them."""

_ANCHORS = regex.compile(r"([!-~]+)")
"""Printable ASCII other than space: what mojibake repair never changes."""


def trimmed(old: str, new: str, offset: int = 0) -> Span:
    """One replacement for the part of `old` that differs from `new`.

    Common prefix and suffix are left out, so "cafÃ© au lait" -> "café au lait"
    becomes "Ã©" -> "é" rather than the whole string.
    """
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return offset + head, offset + len(old) - tail, new[head : len(new) - tail]


def changed_runs(old: str, new: str) -> list[Span]:
    """The runs between printable ASCII characters that changed, each trimmed.

    When the rewrite kept every printable ASCII character where it was, each run
    of other text (spaces, non-ASCII) is paired with its counterpart and only
    differing runs give a span. Otherwise (a fixer that removed or produced such a
    character) the result is one trimmed span, which is still exact, only larger.
    """
    if old == new:
        return []
    old_parts = _ANCHORS.split(old)
    new_parts = _ANCHORS.split(new)
    if old_parts[1::2] != new_parts[1::2]:
        return [trimmed(old, new)]
    spans: list[Span] = []
    offset = 0
    for index, (before, after) in enumerate(zip(old_parts, new_parts, strict=True)):
        if index % 2 == 0 and before != after:
            spans.append(trimmed(before, after, offset))
        offset += len(before)
    return spans
