"""From files to documents: decoding, front matter, JSONL records (finding files: discovery).

Text files are decoded by cleaner.encodings: UTF-8, UTF-16/32 with a BOM, or a
reported guess; broken input is an `InputError` naming the file and the line, never
a silent replacement character. A JSONL file yields one document per
line; lines that are blank, not JSON, or lack the text field pass through untouched
and carry the error, so an output file never loses a record. A text file's YAML
front matter is split off: it is metadata, and the engine only sees the body.

JSONL files (also gzip-compressed, `.jsonl.gz`) are read one record at a time, so
memory does not grow with the file. A document larger than `max_bytes` is never
read whole: it comes out `skipped` (its size), and writers copy it through as is
(see `copy_record`).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cleaner.encodings import Decoded, decode
from cleaner.errors import InputError
from cleaner.frontmatter import Split, split

BLANK_MESSAGE = "blank file (only whitespace): nothing to clean; delete it or add text"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
COPY_CHUNK = 1 << 20
_NO_FRONT_MATTER = Split("", {}, "")
_UTF8 = Decoded("")
# Lone surrogates: bytes that were not UTF-8 (surrogateescape), or JSON "\\ud800" escapes.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Source:
    """An input file and the relative name its outputs and change records use."""

    path: Path
    rel: str

    @property
    def is_jsonl(self) -> bool:
        """JSONL files hold one document per line."""
        return self.path.name.endswith(JSONL_SUFFIXES)

    @property
    def is_gzip(self) -> bool:
        """`.gz` files are read and written through gzip."""
        return self.path.name.endswith(".gz")


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
    skipped: int | None = None  # size in bytes of a document over max_bytes, left as is


SIZE_UNITS = {"K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(text: str) -> int:
    """'10M' -> 10485760, '500K', '1G'; plain numbers are bytes. ValueError if not a size."""
    number, unit = (text[:-1], text[-1].upper()) if text[-1:].isalpha() else (text, "")
    try:
        size = int(float(number) * SIZE_UNITS[unit]) if unit else int(number)
    except (KeyError, ValueError):
        raise ValueError(f"not a size: {text!r} (e.g. 500K, 10M)") from None
    if size <= 0:
        raise ValueError(f"not a positive size: {text!r}")
    return size


def read_bytes(path: Path) -> bytes:
    """Read a file, turning OS errors into an InputError that names the file."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None


def documents(
    source: Source, text_field: str = "text", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document]:
    """The documents in one input file, in order, one at a time."""
    if not source.is_jsonl:
        yield _text_file(source, max_bytes)
        return
    yield from _records(source, text_field, max_bytes)


def _text_file(source: Source, max_bytes: int) -> Document:
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            return Document(source.rel, source, None, skipped=size)
        data = read_bytes(source.path)
    except OSError as exc:
        error = InputError(f"cannot read: {exc.strerror or exc}", path=str(source.path))
        return Document(source.rel, source, None, error=error)
    except InputError as error:
        return Document(source.rel, source, None, error=error)
    return text_document(source, data)


def text_document(source: Source, data: bytes) -> Document:
    """The document a text file's bytes hold (or the error that stops it)."""
    try:
        decoded = decode(data, str(source.path))
        if not decoded.text.strip():  # like an empty file; cleaning would empty it
            raise InputError(BLANK_MESSAGE, path=str(source.path))
    except InputError as error:
        return Document(source.rel, source, None, error=error)
    front = split(decoded.text)
    return Document(source.rel, source, front.body, front=front, encoding=decoded)


def open_records(path: Path) -> IO[str]:
    """A JSONL file as text, split at the same line breaks everywhere (newline="").

    Bytes that are not UTF-8 become lone surrogates (surrogateescape): the record
    that holds them is reported and copied through byte for byte.
    """
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline="")
    return path.open("r", encoding="utf-8", errors="surrogateescape", newline="")


def _records(source: Source, text_field: str, max_bytes: int) -> Iterator[Document]:
    try:
        handle = open_records(source.path)
    except OSError as exc:
        error = InputError(f"cannot read: {exc.strerror or exc}", path=str(source.path))
        yield Document(source.rel, source, None, error=error)
        return
    with handle:
        number = 0
        try:
            while raw := handle.readline(max_bytes + 1):
                number += 1
                size = _size(raw, max_bytes)
                if size > max_bytes:
                    size += _skip_rest(handle, raw)
                    yield Document(f"{source.rel}:{number}", source, None, number, skipped=size)
                else:
                    yield _record(source, number, raw, text_field)
        except (UnicodeDecodeError, OSError, EOFError) as exc:
            reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
            message = f"not valid UTF-8 ({reason}); convert the file to UTF-8"
            if not isinstance(exc, UnicodeDecodeError):
                message = f"cannot read ({reason}); check the file"
            error = InputError(message, path=str(source.path))
            yield Document(source.rel, source, None, error=error)


def _size(raw: str, max_bytes: int) -> int:
    """Bytes of a record line; only encoded when its characters could exceed the limit."""
    if len(raw) > max_bytes:
        return len(raw)  # at least one byte per character: over the limit either way
    return len(raw.encode("utf-8", "surrogateescape")) if 4 * len(raw) > max_bytes else len(raw)


def _skip_rest(handle: IO[str], head: str) -> int:
    """Read past the rest of a line whose start is `head`, chunk by chunk; bytes skipped."""
    skipped = 0
    chunk = head
    while chunk and not chunk.endswith(("\n", "\r")):
        chunk = handle.readline(COPY_CHUNK)
        skipped += len(chunk.encode("utf-8", "surrogateescape"))
    return skipped


def copy_record(source: Source, number: int, out: IO[str]) -> None:
    """Copy record `number` of a JSONL file to `out` without holding it in memory.

    Used for records over max_bytes, which were never parsed: the output keeps them
    byte for byte, like any other record that did not change.
    """
    with open_records(source.path) as handle:
        for _ in range(number - 1):
            _skip_rest(handle, handle.readline(COPY_CHUNK))
        chunk = handle.readline(COPY_CHUNK)
        out.write(chunk)
        while chunk and not chunk.endswith(("\n", "\r")):
            chunk = handle.readline(COPY_CHUNK)
            out.write(chunk)


def copy_file(source: Source, out: IO[bytes]) -> None:
    """Copy a text file's bytes to `out` in chunks (a document over max_bytes)."""
    with source.path.open("rb") as handle:
        shutil.copyfileobj(handle, out, COPY_CHUNK)


def _record(source: Source, number: int, raw: str, text_field: str) -> Document:
    doc_id = f"{source.rel}:{number}"
    if not raw.strip():
        return Document(doc_id, source, None, line=number, raw=raw)
    problem = _unreadable(raw)
    if problem is None:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            problem = f"not JSON ({exc.msg}, column {exc.colno}); fix or remove the line"
    if problem is None:
        text = data.get(text_field) if isinstance(data, dict) else None
        if not isinstance(text, str):
            problem = f"no string field {text_field!r}; set --text-field or fix the record"
        elif ("\\ud" in raw or "\\uD" in raw) and _SURROGATE.search(_dumped(data)):
            problem = "holds a lone surrogate escape (\\ud800-\\udfff), not a character"
    if problem is not None:
        error = InputError(f"{problem}; record kept as is", path=str(source.path), line=number)
        return Document(doc_id, source, None, line=number, raw=raw, error=error)
    return Document(doc_id, source, text, line=number, record=data, raw=raw, field=text_field)


def _unreadable(raw: str) -> str | None:
    """What is wrong with a line holding bytes that are not UTF-8 (escaped surrogates)."""
    bad = _SURROGATE.search(raw)
    if bad is None:
        return None
    byte = ord(bad.group()) - 0xDC00
    return f"not valid UTF-8 (byte 0x{byte:02x} at column {bad.start() + 1}); convert the file"


def _dumped(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)
