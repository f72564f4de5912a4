"""A cache of results for files that need no edit, keyed by content, never by mtime.

The key hashes the tool version, the resolved rules and settings, the corpus
statistics (when corpus-level rules run) and the file's bytes. Only documents that
cleaning left unchanged are stored, with their findings and metadata: that is what
makes re-checking an unchanged, clean corpus fast, and a file with pending edits is
simply cleaned again. One SQLite file, safe for parallel pre-commit batches.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from cleaner.rule import Finding, Level

DEFAULT_DIR = ".cleaner_cache"
FILE_NAME = "results.sqlite"


def content_key(salt: str, data: bytes) -> str:
    """The cache key of one file's bytes under one configuration (`salt`)."""
    return hashlib.sha256(salt.encode() + b"\0" + data).hexdigest()


class Cache:
    """Clean-file verdicts in SQLite; a missing or broken cache is just empty."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():  # like ruff's cache: never committed by accident
            ignore.write_text("# Created by cleaner.\n*\n", encoding="utf-8")
        self.connection = sqlite3.connect(folder / FILE_NAME, timeout=30, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS clean (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
        )
        self._pending: list[tuple[str, str]] = []

    def get(self, key: str) -> tuple[tuple[Finding, ...], dict[str, Any]] | None:
        """The findings and metadata stored for a clean file, if any."""
        row = self.connection.execute("SELECT value FROM clean WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        findings = tuple(
            Finding(f["start"], f["end"], f["rule"], Level.parse(f["level"]), f["message"])
            for f in data["findings"]
        )
        return findings, data["metadata"]

    def put(self, key: str, findings: tuple[Finding, ...], metadata: dict[str, Any]) -> None:
        """Remember a clean file's findings and metadata (written on `flush`)."""
        value = {
            "findings": [
                {
                    "start": f.start,
                    "end": f.end,
                    "rule": f.rule,
                    "level": str(f.level),
                    "message": f.message,
                }
                for f in findings
            ],
            "metadata": metadata,
        }
        self._pending.append((key, json.dumps(value, ensure_ascii=False)))

    def flush(self) -> None:
        """Write what `put` collected in one transaction."""
        if not self._pending:
            return
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            self.connection.executemany(
                "INSERT OR REPLACE INTO clean (key, value) VALUES (?, ?)", self._pending
            )
        except sqlite3.Error:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")
        self._pending.clear()

    def close(self) -> None:
        """Flush and close the database."""
        self.flush()
        self.connection.close()


def clear(folder: Path) -> bool:
    """Delete the cache; returns whether there was one."""
    path = folder / FILE_NAME
    existed = path.exists()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return existed
