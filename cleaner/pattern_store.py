"""Compiled rule patterns, kept on disk between runs.

Compiling the rule packs is most of a short run's time: the `regex` module parses a
pattern in Python, and phrase lists make large patterns (2 to 3 s of CPU for the
default packs, for a pre-commit hook that then checks one file in milliseconds). A
pickled `regex` pattern carries its compiled code, and loading it skips the parser
(0.004 s instead of 0.34 s for the largest pattern). So each pattern is compiled once
per machine and loaded from the store afterwards.

The store is one file in the user's cache folder (`$XDG_CACHE_HOME/cleaner`, else
`~/.cache/cleaner`; `%LOCALAPPDATA%\\cleaner` on Windows), or in the folder named by
`CLEANER_PATTERN_CACHE`; `CLEANER_PATTERN_CACHE=off` turns it off. Entries are keyed
by the pattern's text, its flags, and the versions of `regex` and Python, so a
changed rule or an upgrade compiles afresh; nothing else is trusted. The file is
read with an unpickler that builds nothing but `regex` patterns, and a store that
cannot be read or written is ignored: the patterns are compiled as before.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import regex

from cleaner.writing import atomic_write

ENVIRONMENT = "CLEANER_PATTERN_CACHE"
MAX_ENTRIES = 2000
_VERSION = f"regex-{regex.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"


class PatternStore:
    """Compiled patterns by source and flags: in memory, backed by one file."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / f"patterns-{_VERSION}.pickle" if folder else None
        self._stored: dict[str, bytes] | None = None
        self._loaded: dict[str, Any] = {}
        self._new: set[str] = set()

    def compiled(self, source: str, flags: int) -> Any:
        """The pattern compiled with `flags`, from the store when it holds it.

        A pattern that does not compile raises `regex.error` as `regex.compile` does.
        """
        key = _key(source, flags)
        pattern = self._loaded.get(key)
        if pattern is None:
            pattern = self._stored_pattern(key, source, flags)
        if pattern is None:
            pattern = regex.compile(source, flags)
            self._new.add(key)
        self._loaded[key] = pattern
        return pattern

    def derived(
        self, name: str, source: str, flags: int, compute: Callable[[], tuple[str, ...] | None]
    ) -> tuple[str, ...] | None:
        """What `compute` finds out about a pattern (strings, or None), kept like the pattern.

        For facts that cost as much to work out as compiling does (see cleaner.anchors).
        """
        key = f"{name}:{_key(source, flags)}"
        if key in self._loaded:
            return cast(tuple[str, ...] | None, self._loaded[key])
        data = self._entries().get(key)
        value = _load_pattern(data) if data is not None else _MISSING
        if not _is_strings(value):
            value = compute()
            self._new.add(key)
        self._loaded[key] = value
        return cast(tuple[str, ...] | None, value)

    def _stored_pattern(self, key: str, source: str, flags: int) -> Any:
        """The stored pattern for `key`, if it is there, loads, and is what was asked for."""
        data = self._entries().get(key)
        pattern = _load_pattern(data) if data is not None else None
        if pattern is None or pattern.pattern != source or pattern.flags & flags != flags:
            return None
        return pattern

    def save(self) -> None:
        """Write the patterns compiled since the store was read, atomically; errors ignored."""
        if self.path is None or not self._new:
            return
        new = {key: pickle.dumps(self._loaded[key], pickle.HIGHEST_PROTOCOL) for key in self._new}
        entries = {**self._entries(), **new}
        if len(entries) > MAX_ENTRIES:  # drop the oldest: rules were edited many times
            entries = dict(list(entries.items())[-MAX_ENTRIES:])
        try:
            atomic_write(self.path, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return
        self._stored, self._new = entries, set()

    def _entries(self) -> dict[str, bytes]:
        if self._stored is None:
            self._stored = _read(self.path) if self.path else {}
        return self._stored


def default_folder() -> Path | None:
    """Where the store lives, or None when `CLEANER_PATTERN_CACHE=off`."""
    chosen = os.environ.get(ENVIRONMENT, "")
    if chosen.lower() in {"off", "0", "no", "false"}:
        return None
    if chosen:
        return Path(chosen)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "cleaner"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cleaner"


def _key(source: str, flags: int) -> str:
    return hashlib.blake2b(f"{flags}\0{source}".encode(), digest_size=16).hexdigest()


# How a pickled `regex` pattern names the function that rebuilds it from its code.
_PATTERN_BUILDERS = frozenset({("regex._regex", "compile"), ("_regex", "compile")})


class _PatternsOnly(pickle.Unpickler):
    """An unpickler that can build `regex` patterns and plain data, and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _PATTERN_BUILDERS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refused: {module}.{name}")


_MISSING = object()


def _is_strings(value: object) -> bool:
    """None or a tuple of strings: what `derived` keeps."""
    return value is None or (isinstance(value, tuple) and all(isinstance(v, str) for v in value))


def _load_pattern(data: bytes) -> Any:
    try:
        return _PatternsOnly(io.BytesIO(data)).load()
    except Exception:  # any damaged entry is compiled afresh
        return None


def _read(path: Path) -> dict[str, bytes]:
    try:
        entries = _PatternsOnly(io.BytesIO(path.read_bytes())).load()
    except Exception:  # a missing or damaged store is an empty one
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, bytes)}
