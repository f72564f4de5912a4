"""Project configuration: `[tool.cleaner]` in pyproject.toml, or a cleaner.toml.

Found by walking up from the working directory, like ruff and black do, so a
pre-commit hook run from anywhere in a corpus repository gets the same settings.
Command-line options add to (select, ignore, rules) or override (the rest) what
the file says. Unknown keys are errors naming the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.errors import CleanerError

KEYS = frozenset(
    {
        "select",
        "ignore",
        "rules",
        "per-file-ignores",
        "levels",
        "params",
        "fail-level",
        "glob",
        "text-field",
        "baseline",
        "cache-dir",
        "exclude",
    }
)


@dataclass(frozen=True)
class Config:
    """Settings read from a configuration file; paths are resolved against its folder."""

    source: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    levels: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    fail_level: str | None = None
    glob: str | None = None
    text_field: str | None = None
    baseline: Path | None = None
    cache_dir: Path | None = None

    @property
    def root(self) -> Path:
        """The folder the configuration belongs to (the working directory without one)."""
        return self.source.parent if self.source else Path.cwd()


def find(start: Path | None = None) -> Path | None:
    """The nearest cleaner.toml, or pyproject.toml with a [tool.cleaner] table."""
    folder = (start or Path.cwd()).resolve()
    for candidate in [folder, *folder.parents]:
        own = candidate / "cleaner.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and "cleaner" in _read(project).get("tool", {}):
            return project
    return None


def load(path: Path | None = None) -> Config:
    """Read the configuration file (found automatically when `path` is None)."""
    path = path or find()
    if path is None:
        return Config()
    data = _read(path)
    table = data.get("tool", {}).get("cleaner", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise CleanerError("[tool.cleaner] must be a table", path=str(path))
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise CleanerError(f"unknown setting {unknown[0]!r}; known: {sorted(KEYS)}", path=str(path))
    return _parse(table, path)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CleanerError(f"cannot read configuration: {exc}", path=str(path)) from None


def _parse(table: dict[str, Any], path: Path) -> Config:
    root = path.parent

    def strings(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CleanerError(f"{key} must be a list of strings", path=str(path))
        return tuple(value)

    def optional_path(key: str) -> Path | None:
        value = table.get(key)
        return root / str(value) if value is not None else None

    per_file = {glob: tuple(ids) for glob, ids in table.get("per-file-ignores", {}).items()}
    return Config(
        source=path,
        select=strings("select"),
        ignore=strings("ignore"),
        rules=tuple(root / folder for folder in strings("rules")),
        per_file_ignores=per_file,
        levels=dict(table.get("levels", {})),
        params=dict(table.get("params", {})),
        exclude=strings("exclude"),
        fail_level=table.get("fail-level"),
        glob=table.get("glob"),
        text_field=table.get("text-field"),
        baseline=optional_path("baseline"),
        cache_dir=optional_path("cache-dir"),
    )
