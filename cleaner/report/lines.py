"""`path:line:col: rule-id message` lines, the format editors and CI annotate from."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.batch import Outcome
from cleaner.changelog import to_original
from cleaner.document import TextView
from cleaner.kinds.common import snippet
from cleaner.rule import Level


def location(outcome: Outcome, line: int, col: int) -> str:
    """Where a position is: in the file for text files, at the record for JSONL."""
    document = outcome.document
    path = str(document.source.path)
    if document.line is None:
        return f"{path}:{line}:{col}"
    return f"{path}:{document.line}:1"


def _in_text(outcome: Outcome, line: int, col: int) -> str:
    return f" (text {line}:{col})" if outcome.document.line is not None else ""


def edit_lines(outcome: Outcome) -> Iterator[str]:
    """One line per pending edit."""
    if outcome.result is None:
        return
    for change in outcome.result.changes:
        quoted = f' "{snippet(change.before)}"' if change.before.strip() else ""
        where = location(outcome, change.line, change.col)
        extra = _in_text(outcome, change.line, change.col)
        yield f"{where}: {change.rule} {change.reason}:{quoted}{extra}"


def finding_lines(outcome: Outcome, minimum: Level = Level.INFO) -> Iterator[str]:
    """One line per finding at or above `minimum`, located in the original text."""
    result = outcome.result
    if result is None:
        return
    view = TextView(result.original)
    for finding in result.findings:
        if finding.level < minimum:
            continue
        line, col = view.position(to_original(finding.start, result.changes))
        text = result.text[finding.start : finding.end]
        quoted = f' "{snippet(text)}"' if text.strip() else ""
        where = location(outcome, line, col)
        extra = _in_text(outcome, line, col)
        yield f"{where}: {finding.rule} [{finding.level}] {finding.message}:{quoted}{extra}"
