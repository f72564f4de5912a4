"""`path:line:col: rule-id message` lines, the format editors and CI annotate from."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.batch import Outcome
from cleaner.changelog import to_original
from cleaner.document import TextView
from cleaner.kinds.common import snippet
from cleaner.rule import Level


def file_position(outcome: Outcome, line: int, col: int) -> tuple[int, int]:
    """A position in the document's text as a position in its file.

    A text file's front matter is not part of the text the rules see, so its lines
    are added back; a JSONL document is located at its record's line.
    """
    document = outcome.document
    if document.line is not None:
        return document.line, 1
    return line + document.front.raw.count("\n"), col


def location(outcome: Outcome, line: int, col: int) -> str:
    """Where a position is: in the file for text files, at the record for JSONL."""
    file_line, file_col = file_position(outcome, line, col)
    return f"{outcome.document.source.path}:{file_line}:{file_col}"


def in_text(outcome: Outcome, line: int, col: int) -> str:
    """For a JSONL record, the position inside its text, which the file location lacks."""
    return f" (text {line}:{col})" if outcome.document.line is not None else ""


def edit_lines(outcome: Outcome) -> Iterator[str]:
    """One line per pending edit, the text's first, then its metadata fields'."""
    if outcome.result is None:
        return
    for change in outcome.result.changes:
        quoted = f' "{snippet(change.before)}"' if change.before.strip() else ""
        where = location(outcome, change.line, change.col)
        extra = in_text(outcome, change.line, change.col)
        yield f"{where}: {change.rule} {change.reason}:{quoted}{extra}"
    for repair in outcome.result.field_changes:
        where = f"{outcome.document.source.path}:{field_line(outcome, repair.field)}:1"
        for change in repair.changes:
            quoted = f' "{snippet(change.before)}" -> "{snippet(change.after)}"'
            yield f"{where}: {change.rule} {change.reason} (field {repair.field!r}):{quoted}"


def field_line(outcome: Outcome, name: str) -> int:
    """The file line of a metadata field: its front matter line, or its record's line."""
    document = outcome.document
    if document.line is not None:
        return document.line
    for number, line in enumerate(document.front.raw.splitlines(), start=1):
        if line.startswith((f"{name}:", f'"{name}":', f"'{name}':")):
            return number
    return 1


def finding_lines(outcome: Outcome, minimum: Level = Level.INFO) -> Iterator[str]:
    """One line per finding at or above `minimum`, located in the original text."""
    notice = outcome.notice  # a document not cleaned (over --max-bytes)
    if notice is not None and notice.level >= minimum:
        yield f"{location(outcome, 1, 1)}: {notice.rule} [{notice.level}] {notice.message}"
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
        extra = in_text(outcome, line, col)
        yield f"{where}: {finding.rule} [{finding.level}] {finding.message}:{quoted}{extra}"
