"""Project configuration: `[tool.cleaner]` in pyproject.toml, or a cleaner.toml.

Found by walking up from the working directory, like ruff and black do, so a
pre-commit hook run from anywhere in a corpus repository gets the same settings.
Command-line options add to (select, ignore, rules) or override (the rest) what
the file says. Unknown keys and values of the wrong type are errors naming the
file and the key, so a typo never silently turns a setting off.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.errors import CleanerError
from cleaner.language import BACKENDS
from cleaner.reading import parse_size

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
        "language",
        "max-bytes",
    }
)
LANGUAGE_KEYS = frozenset({"languages", "backend"})
LEVELS = ("info", "warning", "error")
DEFAULT_BASELINE = "cleaner-baseline.json"


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
    language: Mapping[str, Any] = field(default_factory=dict)
    max_bytes: int | None = None

    @property
    def root(self) -> Path:
        """The folder the configuration belongs to (the working directory without one)."""
        return self.source.parent if self.source else Path.cwd()

    @property
    def baseline_path(self) -> Path:
        """Where the baseline lives: the `baseline` setting, or cleaner-baseline.json."""
        return self.baseline or self.root / DEFAULT_BASELINE


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
    reader = _Reader(table, path)
    per_file, levels, params = (reader.table(k) for k in ("per-file-ignores", "levels", "params"))
    return Config(
        source=path,
        select=reader.strings("select"),
        ignore=reader.strings("ignore"),
        rules=tuple(root / folder for folder in reader.strings("rules")),
        per_file_ignores={g: reader.strings(g, per_file, "per-file-ignores") for g in per_file},
        levels={rule: reader.level(rule, levels, "levels") for rule in levels},
        params={rule: reader.table(rule, params, "params") for rule in params},
        exclude=reader.strings("exclude"),
        fail_level=reader.level("fail-level", table) if "fail-level" in table else None,
        glob=reader.text("glob"),
        text_field=reader.text("text-field"),
        baseline=root / value if (value := reader.text("baseline")) else None,
        cache_dir=root / value if (value := reader.text("cache-dir")) else None,
        language=_language(reader),
        max_bytes=reader.size("max-bytes"),
    )


class _Reader:
    """Typed access to one configuration table; a wrong type names the key."""

    def __init__(self, table: dict[str, Any], path: Path) -> None:
        self.top = table
        self.path = path

    def fail(self, key: str, problem: str) -> CleanerError:
        return CleanerError(f"{key} {problem}", path=str(self.path))

    def strings(
        self, key: str, table: Mapping[str, Any] | None = None, within: str = ""
    ) -> tuple[str, ...]:
        value = (self.top if table is None else table).get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(_name(within, key), "must be a list of strings")
        return tuple(value)

    def text(self, key: str) -> str | None:
        value = self.top.get(key)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, "must be a string")
        return value

    def size(self, key: str) -> int | None:
        """A size in bytes: a positive number, or text such as "500K" or "10M"."""
        value = self.top.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise self.fail(key, 'must be a size such as 10485760 or "10M"')
        try:
            return parse_size(str(value))
        except ValueError as exc:
            raise self.fail(key, f"is {exc}") from None

    def table(
        self, key: str, table: Mapping[str, Any] | None = None, within: str = ""
    ) -> dict[str, Any]:
        value = (self.top if table is None else table).get(key, {})
        if not isinstance(value, dict):
            raise self.fail(_name(within, key), "must be a table")
        return value

    def level(self, key: str, table: Mapping[str, Any], within: str = "") -> str:
        value = table.get(key)
        if value not in LEVELS:
            raise self.fail(
                _name(within, key), f"must be one of {', '.join(LEVELS)}, not {value!r}"
            )
        return str(value)


def _name(within: str, key: str) -> str:
    return f"{within}.{key}" if within else key


def _language(reader: _Reader) -> dict[str, Any]:
    """[tool.cleaner.language]: the corpus languages and the language-ID backend."""
    table = reader.table("language")
    unknown = sorted(set(table) - LANGUAGE_KEYS)
    if unknown:
        raise reader.fail(f"language.{unknown[0]}", f"is unknown; known: {sorted(LANGUAGE_KEYS)}")
    settings: dict[str, Any] = {}
    if "languages" in table:
        settings["languages"] = list(reader.strings("languages", table, "language"))
    if "backend" in table:
        backend = table["backend"]
        if backend not in BACKENDS:
            raise reader.fail("language.backend", f"must be one of {', '.join(BACKENDS)}")
        settings["backend"] = backend
    return settings
