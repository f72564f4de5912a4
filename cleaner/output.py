"""The output folder of `cleaner run`: cleaned copies plus three JSONL logs.

DIR/<relative path>   cleaned text of each input file (JSONL: cleaned records)
DIR/changes.jsonl     one object per applied edit (see cleaner.changelog); edits
                      to a metadata field's value carry its name under "field"
DIR/flags.jsonl       one object per finding on the cleaned text
DIR/metadata.jsonl    one object per document: front matter fields plus the fields
                      recovered from the body; for JSONL records, which keys were
                      merged into the record's "metadata" (so revert can undo it);
                      `source_encoding` for inputs that were not UTF-8
All three logs are written even when empty. Files are written atomically.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from cleaner.batch import Outcome
from cleaner.changelog import dumps
from cleaner.document import TextView
from cleaner.errors import CleanerError
from cleaner.reading import copy_file, copy_record
from cleaner.rule import Finding
from cleaner.writing import Rendered, atomic_copy, atomic_write, temp_prefix

LOG_NAMES = ("changes.jsonl", "flags.jsonl", "metadata.jsonl")


class _PendingFile:
    """A file written under a temporary name and renamed into place on success."""

    def __init__(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, self.temp_name = tempfile.mkstemp(prefix=temp_prefix(), dir=target.parent)
        self.raw: IO[bytes] = os.fdopen(handle, "wb")
        binary: IO[bytes] | gzip.GzipFile = self.raw
        if target.name.endswith(".gz"):
            # No name and no time in the header: the same input gives the same bytes.
            binary = gzip.GzipFile(filename="", mode="wb", fileobj=self.raw, mtime=0)
        # surrogateescape: a JSONL line that was not UTF-8 is copied byte for byte.
        self.stream: IO[str] = io.TextIOWrapper(
            binary, encoding="utf-8", errors="surrogateescape", newline=""
        )
        self.target = target

    def write(self, text: str) -> None:
        self.stream.write(text)

    def close(self, *, keep: bool) -> None:
        self.stream.close()
        self.raw.close()
        if keep:
            os.replace(self.temp_name, self.target)
        else:
            with contextlib.suppress(OSError):
                os.unlink(self.temp_name)


class RunWriter:
    """Streams outcomes into an output folder; use as a context manager."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._logs: dict[str, _PendingFile] = {}
        self._jsonl: dict[Path, _PendingFile] = {}

    def __enter__(self) -> RunWriter:
        for name in LOG_NAMES:
            self._logs[name] = _PendingFile(self.out_dir / name)
        return self

    def target(self, rel: str) -> Path:
        """Where a source's cleaned copy goes; log names are reserved."""
        if rel in LOG_NAMES:
            raise CleanerError(f"input file name {rel!r} clashes with a log of the output folder")
        return self.out_dir / rel

    def add(self, outcome: Outcome) -> None:
        """Write one document's cleaned output and its log records."""
        document = outcome.document
        if document.error is not None and document.line is None:
            return  # An unreadable file has no output; its error is reported elsewhere.
        target = self.target(document.source.rel)
        if document.skipped is not None:
            self._copy_through(outcome, target)
            return
        rendered = outcome.render()
        if document.line is None:
            atomic_write(target, rendered.text.encode("utf-8"))
        else:
            self._jsonl_file(target).write(rendered.text)
        if outcome.result is not None:
            self._log(document.doc_id, outcome, rendered)

    def _jsonl_file(self, target: Path) -> _PendingFile:
        """The output of a JSONL source; the previous source's file is finished first.

        Outcomes arrive source by source, so at most one output file is open at a time.
        """
        if target not in self._jsonl:
            for pending in self._jsonl.values():
                pending.close(keep=True)
            self._jsonl = {target: _PendingFile(target)}
        return self._jsonl[target]

    def _copy_through(self, outcome: Outcome, target: Path) -> None:
        """A document too large to clean: its bytes go to the output as they are."""
        document = outcome.document
        if document.line is None:
            atomic_copy(lambda out: copy_file(document.source, out), target)
        else:
            copy_record(document.source, document.line, self._jsonl_file(target).stream)
        if outcome.notice is not None:
            record = flag_record(document.doc_id, outcome.notice, TextView(""))
            self._logs["flags.jsonl"].write(dumps(record) + "\n")
        self._logs["metadata.jsonl"].write(dumps({"doc": document.doc_id, "metadata": {}}) + "\n")

    def _log(self, doc: str, outcome: Outcome, rendered: Rendered) -> None:
        result = outcome.result
        assert result is not None
        for change in result.changes:
            self._logs["changes.jsonl"].write(dumps(change.to_record(doc)) + "\n")
        for repair in result.field_changes:
            for change_record in repair.to_records(doc):
                self._logs["changes.jsonl"].write(dumps(change_record) + "\n")
        view = TextView(result.text)
        for finding in result.findings:
            self._logs["flags.jsonl"].write(dumps(flag_record(doc, finding, view)) + "\n")
        record: dict[str, Any] = {"doc": doc, "metadata": outcome.metadata}
        if outcome.encoding != "utf-8":
            record["source_encoding"] = outcome.encoding
        if rendered.merged_keys:
            record["merged_into_record"] = list(rendered.merged_keys)
            record["created_record_metadata"] = rendered.created_metadata
        self._logs["metadata.jsonl"].write(dumps(record) + "\n")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for pending in [*self._logs.values(), *self._jsonl.values()]:
            pending.close(keep=kind is None)


def flag_record(doc: str, finding: Finding, view: TextView) -> dict[str, Any]:
    """A finding as flags.jsonl (and `check --format json`) writes it."""
    line, col = view.position(finding.start)
    return {
        "doc": doc,
        "rule": finding.rule,
        "level": str(finding.level),
        "start": finding.start,
        "end": finding.end,
        "line": line,
        "col": col,
        "text": view.text[finding.start : finding.end],
        "message": finding.message,
    }
