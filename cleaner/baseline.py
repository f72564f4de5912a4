"""A baseline of accepted findings, so a corpus never needs inline markers.

Each accepted finding is keyed by the file's path, the rule id and a hash of the
flagged text (not its line number), with a count: editing elsewhere in the file
does not resurrect it, while a new occurrence of the same text beyond the count
is reported. `cleaner check --update-baseline` writes the file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from cleaner.errors import CleanerError
from cleaner.rule import Finding
from cleaner.writing import atomic_write

Key = tuple[str, str, str]
VERSION = 1


def fingerprint(rule: str, text: str) -> str:
    """A stable hash of what was flagged, independent of where it sits."""
    return hashlib.sha256(f"{rule}\0{' '.join(text.split())}".encode()).hexdigest()[:16]


def keys(path: str, findings: Iterable[Finding], text: str) -> list[Key]:
    """The baseline keys of a document's findings (`text` is the text they point into)."""
    return [
        (path, f.rule, fingerprint(f.rule, text[f.start : f.end] or f.message)) for f in findings
    ]


class Baseline:
    """Accepted findings with counts; `accept` consumes them as findings are filtered."""

    def __init__(self, accepted: Counter[Key] | None = None) -> None:
        self.accepted: Counter[Key] = accepted or Counter()

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file; a missing file is an empty baseline."""
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["findings"]
            counter = Counter({(e["path"], e["rule"], e["hash"]): int(e["count"]) for e in entries})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CleanerError(
                f"invalid baseline file ({exc}); regenerate it with "
                "`cleaner check --update-baseline`",
                path=str(path),
            ) from None
        return cls(counter)

    def filter(self, path: str, findings: tuple[Finding, ...], text: str) -> tuple[Finding, ...]:
        """The findings the baseline does not accept."""
        if not self.accepted:
            return findings
        kept = []
        for finding, key in zip(findings, keys(path, findings, text), strict=True):
            if self.accepted[key] > 0:
                self.accepted[key] -= 1
            else:
                kept.append(finding)
        return tuple(kept)

    @staticmethod
    def update(path: Path, found: Counter[Key], checked: set[str]) -> None:
        """Accept `found` for the files in `checked`; other files keep their entries.

        Checking a few files (a pre-commit batch) must not forget the rest. A baseline
        that cannot be read is replaced, since rewriting it is how it gets repaired.
        """
        try:
            old = Baseline.load(path).accepted
        except CleanerError:
            old = Counter()
        kept = Counter({key: count for key, count in old.items() if key[0] not in checked})
        Baseline.write(path, kept + found)

    @staticmethod
    def write(path: Path, found: Counter[Key]) -> None:
        """Write a baseline accepting exactly `found`, sorted so diffs stay small."""
        entries = [
            {"path": p, "rule": rule, "hash": digest, "count": count}
            for (p, rule, digest), count in sorted(found.items())
        ]
        text = json.dumps({"version": VERSION, "findings": entries}, indent=1, ensure_ascii=False)
        atomic_write(path, (text + "\n").encode("utf-8"))
