"""cleaner revert: rebuild the originals from a `run` output folder, byte for byte.

Reads DIR/changes.jsonl and undoes each document's changes over its cleaned text.
Text files come back byte for byte; JSONL records get their original text back
(records that were never changed keep their exact line).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cleaner.changelog import Change, revert
from cleaner.errors import CleanerError
from cleaner.output import LOG_NAMES
from cleaner.reading import decode, read_bytes
from cleaner.writing import TEMP_PREFIX, atomic_write


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner revert`."""
    parser.add_argument("cleaned", type=Path, metavar="DIR", help="output folder of `cleaner run`")
    parser.add_argument(
        "--out",
        "-o",
        required=True,
        type=Path,
        metavar="DIR",
        help="folder to write the restored originals to",
    )
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSONL field holding the text (default: %(default)s)",
    )


def main(args: argparse.Namespace) -> int:
    """Restore every document of the folder; exit 2 if the log does not fit."""
    changes = load_changes(args.cleaned / "changes.jsonl")
    restored = 0
    for path in _documents(args.cleaned):
        rel = path.relative_to(args.cleaned).as_posix()
        data = read_bytes(path)
        if rel.endswith(".jsonl"):
            text = _revert_jsonl(rel, data.decode("utf-8"), changes, args.text_field)
        else:
            text = revert(decode(data, str(path)), changes.pop(rel, []))
        atomic_write(args.out / rel, text.encode("utf-8"))
        restored += 1
    if changes:
        missing = ", ".join(sorted(changes)[:5])
        raise CleanerError(
            f"changes.jsonl lists documents with no cleaned file: {missing}", path=str(args.cleaned)
        )
    print(f"{restored} files restored -> {args.out}", file=sys.stderr)
    return 0


def load_changes(path: Path) -> dict[str, list[Change]]:
    """The change log grouped by document, in application order."""
    grouped: dict[str, list[Change]] = {}
    text = decode(read_bytes(path), str(path)) if path.stat().st_size else ""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CleanerError(f"not JSON: {exc.msg}", path=str(path), line=number) from None
        grouped.setdefault(str(record.get("doc")), []).append(Change.from_record(record))
    return grouped


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


def _revert_jsonl(rel: str, text: str, changes: dict[str, list[Change]], field: str) -> str:
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        record_changes = changes.pop(f"{rel}:{index + 1}", None)
        if record_changes:
            record = json.loads(line)
            record[field] = revert(record[field], record_changes)
            ending = line[len(line.rstrip("\r\n")) :]
            lines[index] = json.dumps(record, ensure_ascii=False) + ending
    return "".join(lines)
