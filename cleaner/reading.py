"""From paths on disk to documents: discovery, decoding, front matter, JSONL records.

Text files are decoded by cleaner.encodings: UTF-8, UTF-16/32 with a BOM, or a
reported guess; broken input is an `InputError` naming the file and the line, never
a silent replacement character. A JSONL file yields one document per
line; lines that are blank, not JSON, or lack the text field pass through untouched
and carry the error, so an output file never loses a record. A text file's YAML
front matter is split off: it is metadata, and the engine only sees the body.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.encodings import Decoded, decode
from cleaner.errors import InputError
from cleaner.frontmatter import Split, split

JSONL_SUFFIXES = (".jsonl",)
_NO_FRONT_MATTER = Split("", {}, "")
_UTF8 = Decoded("")


@dataclass(frozen=True, slots=True)
class Source:
    """An input file and the relative name its outputs and change records use."""

    path: Path
    rel: str

    @property
    def is_jsonl(self) -> bool:
        """JSONL files hold one document per line."""
        return self.path.name.endswith(JSONL_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Document:
    """One document: a whole text file, or one JSONL record (with its raw line)."""

    doc_id: str
    source: Source
    text: str | None
    line: int | None = None
    record: dict[str, Any] | None = None
    raw: str | None = None
    error: InputError | None = None
    field: str | None = None
    front: Split = _NO_FRONT_MATTER
    encoding: Decoded = _UTF8


def discover(paths: Iterable[str | Path], glob: str = "*.txt") -> list[Source]:
    """Files named directly, plus files under directories that match `glob`."""
    sources: list[Source] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            sources.extend(
                Source(found, found.relative_to(path).as_posix())
                for found in sorted(path.rglob(glob))
                if found.is_file() and not _hidden(found.relative_to(path))
            )
        elif path.is_file():
            sources.append(Source(path, path.name))
        else:
            raise InputError("no such file or directory", path=str(path))
    return sources


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_bytes(path: Path) -> bytes:
    """Read a file, turning OS errors into an InputError that names the file."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None


def documents(source: Source, text_field: str = "text") -> Iterator[Document]:
    """The documents in one input file, in order."""
    if not source.is_jsonl:
        try:
            data = read_bytes(source.path)
        except InputError as error:
            yield Document(source.rel, source, None, error=error)
            return
        yield text_document(source, data)
        return
    yield from _records(source, text_field)


def text_document(source: Source, data: bytes) -> Document:
    """The document a text file's bytes hold (or the error that stops it)."""
    try:
        decoded = decode(data, str(source.path))
    except InputError as error:
        return Document(source.rel, source, None, error=error)
    front = split(decoded.text)
    return Document(source.rel, source, front.body, front=front, encoding=decoded)


def _records(source: Source, text_field: str) -> Iterator[Document]:
    try:
        handle = source.path.open("r", encoding="utf-8", newline="")
    except OSError as exc:
        error = InputError(f"cannot read: {exc.strerror or exc}", path=str(source.path))
        yield Document(source.rel, source, None, error=error)
        return
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                yield _record(source, number, raw, text_field)
        except UnicodeDecodeError as exc:
            message = f"not valid UTF-8 ({exc.reason}); convert the file to UTF-8"
            error = InputError(message, path=str(source.path))
            yield Document(source.rel, source, None, error=error)


def _record(source: Source, number: int, raw: str, text_field: str) -> Document:
    doc_id = f"{source.rel}:{number}"
    if not raw.strip():
        return Document(doc_id, source, None, line=number, raw=raw)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        error = InputError(
            f"not JSON ({exc.msg}); record kept as is", path=str(source.path), line=number
        )
        return Document(doc_id, source, None, line=number, raw=raw, error=error)
    text = data.get(text_field) if isinstance(data, dict) else None
    if not isinstance(text, str):
        problem = f"no string field {text_field!r} (set --text-field); record kept as is"
        error = InputError(problem, path=str(source.path), line=number)
        return Document(doc_id, source, None, line=number, raw=raw, error=error)
    return Document(doc_id, source, text, line=number, record=data, raw=raw, field=text_field)
