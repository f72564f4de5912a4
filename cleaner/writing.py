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
from pathlib import Path
from typing import Any

from cleaner.reading import Document

TEMP_PREFIX = ".cleaner-tmp-"


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, creating parent folders as needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def render(document: Document, text: str) -> str:
    """What one document contributes to its output file, given its cleaned text.

    A text file is its text. A JSONL record keeps its raw line when nothing changed
    (byte for byte) and is re-serialised with the new text otherwise.
    """
    if document.record is None:
        return text if document.line is None else document.raw or ""
    if text == document.text and document.raw is not None:
        return document.raw
    record: dict[str, Any] = dict(document.record)
    record[document.field or "text"] = text
    raw = document.raw or ""
    ending = raw[len(raw.rstrip("\r\n")) :]
    return json.dumps(record, ensure_ascii=False) + ending
