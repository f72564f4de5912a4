"""Typed, validated access to a rule's `params` mapping.

A kind reads each parameter it understands through `Params`; `finish()` then
rejects whatever was left over, so a typo in a rule file is an error that names the
file and the key instead of a silently ignored setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from cleaner.errors import RuleError
from cleaner.patterns import Pattern, compile_pattern

_MISSING: Any = object()


class Params:
    """Reads one rule's params; every accessor validates the type it returns."""

    def __init__(self, raw: Mapping[str, Any], *, source: str, rule_id: str) -> None:
        self._raw = dict(raw)
        self._used: set[str] = set()
        self.source = source
        self.rule_id = rule_id

    def error(self, key: str, problem: str) -> RuleError:
        """An error naming the file, the rule and the offending key."""
        return RuleError(f"rule {self.rule_id}: params.{key}: {problem}", path=self.source)

    def _take(self, key: str, default: Any) -> Any:
        self._used.add(key)
        if key in self._raw:
            return self._raw[key]
        if default is _MISSING:
            raise self.error(key, "is required")
        return default

    def text(self, key: str, default: Any = _MISSING) -> Any:
        """A string parameter (or the default, which may be None)."""
        value = self._take(key, default)
        if value is not default and not isinstance(value, str):
            raise self.error(key, f"must be a string, not {type(value).__name__}")
        return value

    def texts(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a one-item list."""
        value = self._take(key, default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise self.error(key, "must be a list of strings")
        return tuple(value)

    def groups(self, key: str) -> tuple[tuple[str, ...], ...]:
        """A list of lists of strings, e.g. the names of each month in several languages."""
        value = self._take(key, [])
        if not isinstance(value, list) or not all(
            isinstance(group, list) and all(isinstance(item, str) for item in group)
            for group in value
        ):
            raise self.error(key, "must be a list of lists of strings")
        return tuple(tuple(group) for group in value)

    def boolean(self, key: str, default: bool) -> bool:
        """A true/false parameter."""
        value = self._take(key, default)
        if not isinstance(value, bool):
            raise self.error(key, "must be true or false")
        return value

    def integer(self, key: str, default: int, *, minimum: int = 0) -> int:
        """A whole number no smaller than `minimum`."""
        value = self._take(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.error(key, f"must be a whole number >= {minimum}")
        return value

    def number(self, key: str, default: float) -> float:
        """A number (int or float)."""
        value = self._take(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, "must be a number")
        return float(value)

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        """One of a fixed set of words."""
        value = self.text(key, default)
        if value not in choices:
            raise self.error(key, f"must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    def mapping(self, key: str) -> dict[str, str]:
        """A string-to-string table, e.g. variant spellings to canonical ones."""
        value = self._take(key, {})
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise self.error(key, "must be a mapping of strings to strings")
        return dict(value)

    def compile(
        self, key: str, source: str, *, ignore_case: bool = False, full_case: bool = True
    ) -> Pattern:
        """Compile a pattern that came from parameter `key`, naming it on error."""
        try:
            return compile_pattern(source, ignore_case=ignore_case, full_case=full_case)
        except regex.error as exc:
            raise self.error(key, f"bad regular expression {source!r}: {exc}") from None

    def pattern(
        self,
        key: str,
        *,
        ignore_case: bool = False,
        full_case: bool = True,
        default: Any = _MISSING,
    ) -> Any:
        """A compiled regex, or `default` when the key is absent (see compile_pattern)."""
        source = self.text(key, default)
        if source is default:
            return default
        return self.compile(key, source, ignore_case=ignore_case, full_case=full_case)

    def finish(self) -> None:
        """Reject keys no accessor asked for: they are typos or unsupported settings."""
        unknown = sorted(set(self._raw) - self._used)
        if unknown:
            raise self.error(unknown[0], "unknown parameter for this kind")
