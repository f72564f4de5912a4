"""cleaner revert: rebuild the originals from a `run` output folder, byte for byte.

Reads DIR/changes.jsonl and undoes each document's changes over its cleaned text.
Text files come back byte for byte; JSONL records get their original text back
(records that were never changed keep their exact line).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cleaner.changelog import Change, revert
from cleaner.commands.common import add_out_option
from cleaner.encodings import decode
from cleaner.errors import CleanerError
from cleaner.frontmatter import split
from cleaner.output import LOG_NAMES
from cleaner.reading import read_bytes
from cleaner.writing import TEMP_PREFIX, atomic_write


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner revert`."""
    parser.add_argument("cleaned", type=Path, metavar="DIR", help="output folder of `cleaner run`")
    add_out_option(parser, out_help="folder to write the restored originals to")
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSONL field holding the text (default: %(default)s)",
    )


def main(args: argparse.Namespace) -> int:
    """Restore every document of the folder; exit 2 if the log does not fit."""
    changes, field_changes = load_changes(args.cleaned / "changes.jsonl")
    merges, encodings = load_metadata_log(args.cleaned / "metadata.jsonl")
    restored = 0
    for path in _documents(args.cleaned):
        rel = path.relative_to(args.cleaned).as_posix()
        data = _uncompressed(path, rel)
        if rel.endswith((".jsonl", ".jsonl.gz")):
            logs = (changes, merges, field_changes)
            raw = data.decode("utf-8", errors="surrogateescape")  # bad lines were kept as is
            text = _revert_jsonl(rel, raw, logs, args.text_field)
        else:
            # Cleaning may empty a file (blank lines only); decode() refuses empty input.
            cleaned = split(decode(data, str(path)).text if data else "")
            text = cleaned.raw + revert(cleaned.body, changes.pop(rel, []))
        encoding = encodings.get(rel, "utf-8")
        restored_bytes = text.encode(encoding, errors="surrogateescape")
        if rel.endswith(".gz"):  # the content comes back exactly, in a new gzip container
            restored_bytes = gzip.compress(restored_bytes, mtime=0)
        atomic_write(args.out / rel, restored_bytes)
        restored += 1
    if changes:
        missing = ", ".join(sorted(changes)[:5])
        raise CleanerError(
            f"changes.jsonl lists documents with no cleaned file: {missing}", path=str(args.cleaned)
        )
    print(f"{restored} files restored -> {args.out}", file=sys.stderr)
    return 0


def _log_records(path: Path) -> Iterator[dict[str, Any]]:
    text = decode(read_bytes(path), str(path)).text if path.stat().st_size else ""
    # Only "\n" ends a log line: str.splitlines would also cut at U+2028 or U+0085,
    # which a change's "before" may hold verbatim (the logs keep non-ASCII readable).
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise CleanerError(f"not JSON: {exc.msg}", path=str(path), line=number) from None


FieldChanges = dict[str, dict[str, list[Change]]]


def load_changes(path: Path) -> tuple[dict[str, list[Change]], FieldChanges]:
    """The change log grouped by document, in application order.

    Second, the changes to metadata field values, by document and field. Only those
    of JSONL records are undone: a text file's copy keeps its front matter as it was.
    """
    grouped: dict[str, list[Change]] = {}
    fields: FieldChanges = {}
    for record in _log_records(path):
        doc, change = str(record.get("doc")), Change.from_record(record)
        if "field" in record:
            fields.setdefault(doc, {}).setdefault(str(record["field"]), []).append(change)
        else:
            grouped.setdefault(doc, []).append(change)
    return grouped, fields


Merges = dict[str, tuple[list[str], bool]]


def load_metadata_log(path: Path) -> tuple[Merges, dict[str, str]]:
    """What revert needs from metadata.jsonl: merged record keys and source encodings.

    For JSONL records: the metadata keys `run` merged in and whether it created the
    "metadata" field. For text files: the encoding of inputs that were not UTF-8.
    """
    merges: Merges = {}
    encodings: dict[str, str] = {}
    if not path.is_file():
        return merges, encodings
    for record in _log_records(path):
        doc = str(record["doc"])
        if record.get("merged_into_record"):
            merges[doc] = (record["merged_into_record"], bool(record["created_record_metadata"]))
        if record.get("source_encoding"):
            encodings[doc] = str(record["source_encoding"])
    return merges, encodings


def _uncompressed(path: Path, rel: str) -> bytes:
    """The bytes of a cleaned file, decompressed when it is a .jsonl.gz."""
    data = read_bytes(path)
    if not rel.endswith(".gz"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as exc:
        raise CleanerError(f"cannot decompress: {exc}", path=str(path)) from None


def _documents(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise CleanerError("not a folder written by `cleaner run --out`", path=str(folder))
    if not (folder / "changes.jsonl").is_file():
        raise CleanerError(
            "no changes.jsonl here; was it written by `cleaner run`?", path=str(folder)
        )
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.name not in LOG_NAMES and not path.name.startswith(TEMP_PREFIX)
    )


Logs = tuple[dict[str, list[Change]], Merges, FieldChanges]


def _revert_jsonl(rel: str, text: str, logs: Logs, field: str) -> str:
    changes, merges, field_changes = logs
    # The same line breaks the reader splits records at (cleaner.reading), no others.
    lines = list(io.StringIO(text, newline=""))
    for index, line in enumerate(lines):
        doc = f"{rel}:{index + 1}"
        record_changes, merge = changes.pop(doc, None), merges.pop(doc, None)
        repairs = field_changes.pop(doc, {})
        if record_changes or merge or repairs:
            record = json.loads(line)
            record[field] = revert(record[field], record_changes or [])
            for name, repair in repairs.items():
                record[name] = revert(record[name], repair)
            _unmerge(record, merge)
            ending = line[len(line.rstrip("\r\n")) :]
            lines[index] = json.dumps(record, ensure_ascii=False) + ending
    return "".join(lines)


def _unmerge(record: dict[str, Any], merge: tuple[list[str], bool] | None) -> None:
    """Take out the metadata keys `run` merged into a record."""
    if merge is None:
        return
    keys, created = merge
    if created:
        del record["metadata"]
        return
    for key in keys:
        record["metadata"].pop(key, None)
