"""Machine formats for `check`: one JSON object per run, and GitHub annotation lines.

Both are built from `Item`s: an edit or a finding located in the *file*, the way
`check`'s text lines locate them, so every format points at the same place. SARIF
(cleaner.report.sarif) uses the same items.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner import __version__
from cleaner.batch import Outcome
from cleaner.changelog import Change, to_original
from cleaner.document import TextView
from cleaner.kinds.common import snippet
from cleaner.output import flag_record
from cleaner.report.lines import file_position, in_text
from cleaner.rule import Finding, Level

EDIT, FINDING = "edit", "finding"
GITHUB_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


@dataclass(frozen=True, slots=True)
class Item:
    """One pending edit or finding, located in its input file (1-based line and column).

    `text` is what the edit removes or what the finding flags; `text_line` and
    `text_col` locate it inside the document's text (they differ from the file
    position for JSONL records and files with front matter).
    """

    kind: str
    rule: str
    level: Level
    message: str
    text: str
    path: str
    doc: str
    line: int
    col: int
    end_line: int
    end_col: int
    text_line: int
    text_col: int


def items(outcome: Outcome) -> Iterator[Item]:
    """The edits, then the findings, of one document."""
    result = outcome.result
    if result is None:
        return
    for change in result.changes:
        start = (change.line, change.col)
        yield _item(outcome, start, _advance(start, change.before.strip() or change.before), change)
    view = TextView(result.original)
    for finding in result.findings:
        start = view.position(to_original(finding.start, result.changes))
        end = view.position(to_original(finding.end, result.changes))
        yield _item(outcome, start, end, finding)


def _advance(start: tuple[int, int], text: str) -> tuple[int, int]:
    """Where `text` ends when it starts at (line, col): an edit's region in the original.

    The change log gives where an edit's words start; their end follows from the
    words themselves, without replaying the log (which is quadratic in edits).
    """
    line, col = start
    breaks = text.count("\n")
    if not breaks:
        return line, col + len(text)
    return line + breaks, len(text) - text.rindex("\n")


def _item(
    outcome: Outcome,
    start: tuple[int, int],
    end: tuple[int, int],
    source: Change | Finding,
) -> Item:
    """Locate an edit or a finding in the file, from its start and end in the text."""
    line, col = file_position(outcome, *start)
    end_line, end_col = file_position(outcome, *end)
    if isinstance(source, Change):
        kind, level, message, text = EDIT, Level.ERROR, source.reason, source.before
    else:
        kind, level, message = FINDING, source.level, source.message
        assert outcome.result is not None
        text = outcome.result.text[source.start : source.end]
    return Item(
        kind=kind,
        rule=source.rule,
        level=level,
        message=message,
        text=text,
        path=str(outcome.document.source.path),
        doc=outcome.document.doc_id,
        line=line,
        col=col,
        end_line=max(end_line, line),
        end_col=end_col if end_line > line else max(end_col, col),
        text_line=start[0],
        text_col=start[1],
    )


def github_lines(outcome: Outcome) -> Iterator[str]:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`."""
    for item in items(outcome):
        quoted = f' "{snippet(item.text)}"' if item.text.strip() else ""
        extra = in_text(outcome, item.text_line, item.text_col)
        properties = {
            "file": workspace_path(item.path),
            "line": item.line,
            "col": item.col,
            "endLine": item.end_line,
            "endColumn": item.end_col,
            "title": item.rule,
        }
        fields = ",".join(f"{key}={_escape(str(value), True)}" for key, value in properties.items())
        message = _escape(f"{item.message}:{quoted}{extra}", False)
        yield f"::{GITHUB_LEVEL[item.level]} {fields}::{message}"


def workspace_path(path: str) -> str:
    """The path relative to the working directory when inside it (CI annotates those)."""
    given = Path(path)
    if given.is_absolute():
        try:
            return given.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return given.as_posix()
    return given.as_posix()


def _escape(value: str, is_property: bool) -> str:
    """The escaping GitHub's toolkit applies to command data and properties."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def json_document(outcome: Outcome) -> dict[str, Any]:
    """One document of the JSON format: its edits and findings, with file locations.

    Edits are changes.jsonl objects, findings flags.jsonl objects (offsets in the
    cleaned text); both gain `file_line` / `file_col`, where `check` locates them.
    """
    document = outcome.document
    record: dict[str, Any] = {"doc": document.doc_id, "path": str(document.source.path)}
    if outcome.error is not None or outcome.result is None:
        record["error"] = str(outcome.error)
        return record
    result = outcome.result
    located = list(items(outcome))
    edits = [change.to_record(document.doc_id) for change in result.changes]
    cleaned = TextView(result.text)
    findings = [flag_record(document.doc_id, f, cleaned) for f in result.findings]
    for entry, item in zip([*edits, *findings], located, strict=True):
        del entry["doc"]
        entry["file_line"], entry["file_col"] = item.line, item.col
    record.update(edits=edits, findings=findings, metadata=outcome.metadata)
    return record


def json_run(documents: Iterable[dict[str, Any]], summary: dict[str, int]) -> dict[str, Any]:
    """The whole run as one JSON object: tool, documents, and the closing counts."""
    return {
        "tool": {"name": "cleaner", "version": __version__},
        "documents": list(documents),
        "summary": summary,
    }
