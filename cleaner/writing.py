"""Writing outputs without ever leaving a half-written file behind.

`atomic_write` writes to a temporary file in the target's directory, flushes it to
disk and renames it over the target: a reader (or a crash) sees the old content or
the new, never a mix. The file keeps its permission bits.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cleaner.frontmatter import merged
from cleaner.reading import Document

TEMP_PREFIX = ".cleaner-tmp-"


def temp_prefix() -> str:
    """Temporary names carry the writer's pid, so a later run can tell orphans apart."""
    return f"{TEMP_PREFIX}{os.getpid()}-"


def sweep_stale_temporaries(folder: Path) -> int:
    """Delete temporary files left in `folder` by writers that died (e.g. SIGKILL).

    A temporary file whose pid is no longer running can never be renamed into
    place; the target still holds its old content, so the orphan is safe to drop.
    """
    removed = 0
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        pid = path.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, creating parent folders as needed."""
    atomic_copy(lambda temp: temp.write(data), path)


def atomic_copy(fill: Callable[[IO[bytes]], object], path: Path) -> None:
    """Replace `path` atomically with what `fill` writes (e.g. a chunked copy)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(), dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            fill(temp)
            temp.flush()
            os.fsync(temp.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


@dataclass(frozen=True, slots=True)
class Rendered:
    """A document's output text, and which metadata keys went into a JSONL record."""

    text: str
    merged_keys: tuple[str, ...] = ()
    created_metadata: bool = False


def render(
    document: Document,
    text: str,
    metadata: dict[str, Any],
    *,
    front_matter: bool = False,
    repaired: dict[str, str] | None = None,
) -> Rendered:
    """What one document contributes to its output file, given its cleaned text.

    A text file is its front matter plus its text; with `front_matter`, recovered
    metadata and `repaired` field values are written into the front matter (without
    it, the front matter stays byte for byte and the repairs are in the logs). A
    JSONL record keeps its raw line when nothing changed (byte for byte); otherwise
    it is re-serialised with the new text, its repaired fields, and the recovered
    metadata merged under "metadata".
    """
    repaired = repaired or {}
    if document.line is None:
        head = merged(document.front, metadata, repaired) if front_matter else document.front.raw
        return Rendered(head + text)
    if document.record is None or document.raw is None:
        return Rendered(document.raw or "")
    if text == document.text and not metadata and not repaired:
        return Rendered(document.raw)
    record: dict[str, Any] = {**document.record, **repaired}
    record[document.field or "text"] = text
    keys, created = _merge_metadata(record, metadata)
    ending = document.raw[len(document.raw.rstrip("\r\n")) :]
    return Rendered(json.dumps(record, ensure_ascii=False) + ending, keys, created)


def _merge_metadata(
    record: dict[str, Any], metadata: dict[str, Any]
) -> tuple[tuple[str, ...], bool]:
    """Add recovered fields under record["metadata"] without overwriting any."""
    existing = record.get("metadata", {})
    if not metadata or not isinstance(existing, dict):
        return (), False
    keys = tuple(key for key in metadata if key not in existing)
    if not keys:
        return (), False
    created = "metadata" not in record
    record["metadata"] = {**existing, **{key: metadata[key] for key in keys}}
    return keys, created
