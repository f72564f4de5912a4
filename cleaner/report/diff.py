"""Unified diffs of what `fix` would do, each hunk annotated with the rules behind it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence

from cleaner.changelog import Change

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def rules_in_range(changes: Sequence[Change], first: int, count: int) -> list[str]:
    """Rules whose changes touch original lines first..first+count (1-based)."""
    last = first + max(count, 1)
    touched = []
    for change in changes:
        end_line = change.line + change.before.count("\n")
        if change.line <= last and end_line >= first - 1 and change.rule not in touched:
            touched.append(change.rule)
    return touched


def unified(original: str, cleaned: str, name: str, changes: Sequence[Change]) -> Iterator[str]:
    """Diff lines (with terminators) from original to cleaned, hunks annotated."""
    old = original.splitlines(keepends=True)
    new = cleaned.splitlines(keepends=True)
    for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}", n=1):
        match = _HUNK.match(line)
        if match:
            first, count = int(match.group(1)), int(match.group(2) or 1)
            yield f"{line.rstrip()} {', '.join(rules_in_range(changes, first, count))}\n"
        elif not line.endswith("\n"):
            yield line + "\n\\ No newline at end of file\n"
        else:
            yield line
