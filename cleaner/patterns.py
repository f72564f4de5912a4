"""Regular expressions for rules: the `regex` module, compiled once, run with a timeout.

Rule authors write patterns in YAML; a careless one can backtrack for minutes on a
hostile line. Every search goes through `finditer` here, which passes the timeout so
the engine can skip the rule for that document instead of hanging the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex

DEFAULT_TIMEOUT_SECONDS = 2.0
_timeout = DEFAULT_TIMEOUT_SECONDS

Pattern = Any  # regex.Pattern[str]; the regex module ships no type hints.
Match = Any


def set_timeout(seconds: float) -> None:
    """Change how long one regex search may run before the rule is skipped."""
    global _timeout  # noqa: PLW0603 - one process-wide setting, like regex's own cache.
    _timeout = seconds


def compile_pattern(source: str, *, ignore_case: bool = False, multiline: bool = True) -> Pattern:
    """Compile a rule pattern; raises regex.error with the position of the mistake."""
    flags = regex.UNICODE
    if ignore_case:
        flags |= regex.IGNORECASE | regex.FULLCASE
    if multiline:
        flags |= regex.MULTILINE
    return regex.compile(source, flags)


def finditer(pattern: Pattern, text: str, start: int = 0) -> Iterator[Match]:
    """Search with the process timeout; TimeoutError propagates to the engine."""
    return pattern.finditer(text, start, timeout=_timeout)  # type: ignore[no-any-return]


def match_at(pattern: Pattern, text: str, start: int, end: int) -> Match | None:
    """A match starting exactly at `start` and not past `end`, with the process timeout."""
    return pattern.match(text, start, end, timeout=_timeout)


def fullmatch(pattern: Pattern, text: str) -> Match | None:
    """Whole-string match with the process timeout."""
    return pattern.fullmatch(text, timeout=_timeout)


def literal_alternation(phrases: Iterable[str]) -> str:
    """One alternation for many phrases, longest first, with flexible inner spaces."""
    unique = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(r"[^\S\r\n]+".join(regex.escape(word) for word in p.split()) for p in unique)
