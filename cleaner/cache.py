"""A cache of results for files that need no edit, keyed by content, never by mtime.

A key hashes the tool version, the resolved rules and settings, the corpus
statistics (when corpus-level rules run) and the file's bytes (see
`cleaner.project`). Only documents that cleaning left unchanged are stored, with
their findings and metadata: that is what makes re-checking an unchanged, clean
corpus fast, and a file with pending edits is simply cleaned again. Corpus-level
rules also need the statistics of all documents before any result: each file's
are stored, and so is the digest of their sum for a set of files, so a warm
re-check neither builds the rules nor adds up statistics.

One SQLite file in WAL mode, so parallel pre-commit batches read and write it
safely; lookups go in batches, not one query per file.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from cleaner.engine import CorpusStats
from cleaner.rule import Finding, Level

DEFAULT_DIR = ".cleaner_cache"
FILE_NAME = "results.sqlite"
TABLES = ("clean", "observed", "corpus")
# SQLite limits the number of parameters of one statement; stay well below it.
BATCH = 500

Verdict = tuple[tuple[Finding, ...], dict[str, Any]]
EMPTY = "{}"  # the stored value of a clean file with no findings and no metadata


class Cache:
    """Clean-file verdicts and per-file corpus statistics in SQLite."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():  # like ruff's cache: never committed by accident
            ignore.write_text("# Created by cleaner.\n*\n", encoding="utf-8")
        self.connection = sqlite3.connect(folder / FILE_NAME, timeout=30, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        for table in TABLES:
            self.connection.execute(
                f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
        self._pending: dict[str, list[tuple[str, str]]] = {table: [] for table in TABLES}

    @classmethod
    def open(cls, folder: Path) -> Cache | None:
        """The cache in `folder`, or None when it cannot be used (read-only disk, ...).

        A cache is an optimisation: failing to open one must never fail a check.
        """
        try:
            return cls(folder)
        except (OSError, sqlite3.Error):
            return None

    def verdicts(self, keys: Sequence[str]) -> dict[str, Verdict]:
        """The findings and metadata stored for those keys that are known clean."""
        return {key: _verdict(value) for key, value in self._select("clean", keys)}

    def observations(self, keys: Sequence[str]) -> dict[str, CorpusStats]:
        """The corpus statistics stored for those keys that have them."""
        found: dict[str, CorpusStats] = {}
        for key, value in self._select("observed", keys):
            found[key] = {rule: Counter(counts) for rule, counts in json.loads(value).items()}
        return found

    def corpus_digest(self, key: str) -> str | None:
        """The digest of the corpus statistics of one set of files, if it was computed."""
        return next((value for _, value in self._select("corpus", [key])), None)

    def _select(self, table: str, keys: Sequence[str]) -> Iterator[tuple[str, str]]:
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), BATCH):
            chunk = unique[start : start + BATCH]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, value FROM {table} WHERE key IN ({marks})"
            yield from self.connection.execute(query, chunk)

    def put(self, key: str, findings: tuple[Finding, ...], metadata: dict[str, Any]) -> None:
        """Remember a clean file's findings and metadata (written on `flush`)."""
        value = {"findings": [_finding_data(f) for f in findings], "metadata": metadata}
        text = json.dumps(value, ensure_ascii=False) if findings or metadata else EMPTY
        self._pending["clean"].append((key, text))

    def put_observation(self, key: str, stats: CorpusStats) -> None:
        """Remember one file's corpus statistics (written on `flush`)."""
        self._pending["observed"].append((key, json.dumps(stats, ensure_ascii=False)))

    def put_corpus_digest(self, key: str, digest: str) -> None:
        """Remember the digest of the statistics of one set of files (written on `flush`)."""
        self._pending["corpus"].append((key, digest))

    def flush(self) -> None:
        """Write what `put` collected in one transaction."""
        if not any(self._pending.values()):
            return
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            for table, rows in self._pending.items():
                self.connection.executemany(
                    f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)",
                    rows,
                )
        except sqlite3.Error:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")
        for rows in self._pending.values():
            rows.clear()

    def close(self) -> None:
        """Flush and close the database."""
        self.flush()
        self.connection.close()


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "start": finding.start,
        "end": finding.end,
        "rule": finding.rule,
        "level": str(finding.level),
        "message": finding.message,
    }


def _verdict(value: str) -> Verdict:
    if value == EMPTY:  # most files of a clean corpus: no JSON to parse
        return (), {}
    data = json.loads(value)
    findings = tuple(
        Finding(f["start"], f["end"], f["rule"], Level.parse(f["level"]), f["message"])
        for f in data["findings"]
    )
    return findings, data["metadata"]


def clear(folder: Path) -> bool:
    """Delete the cache; returns whether there was one."""
    path = folder / FILE_NAME
    existed = path.exists()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return existed
