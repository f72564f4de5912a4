"""Regular expressions for rules: the `regex` module, compiled once, run with a timeout.

Rule authors write patterns in YAML; a careless one can backtrack for minutes on a
hostile line. Every search goes through `finditer` here, which passes the timeout so
the engine can skip the rule for that document instead of hanging the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import regex

from cleaner.anchors import anchors
from cleaner.folding import fold
from cleaner.pattern_store import PatternStore, default_folder

DEFAULT_TIMEOUT_SECONDS = 2.0
_timeout = DEFAULT_TIMEOUT_SECONDS

Pattern = Any  # regex.Pattern[str]; the regex module ships no type hints.
Match = Any


def set_timeout(seconds: float) -> None:
    """Change how long one regex search may run before the rule is skipped."""
    global _timeout  # noqa: PLW0603 - one process-wide setting, like regex's own cache.
    _timeout = seconds


def compile_pattern(
    source: str, *, ignore_case: bool = False, multiline: bool = True, full_case: bool = True
) -> Pattern:
    """Compile a rule pattern; raises regex.error with the position of the mistake.

    Ignoring case folds fully ("ß" matches "SS") unless `full_case` is off: a pattern
    that describes a line's shape rather than its words gains nothing from it, and
    under full folding an alternation of bounded classes such as `[^\\r\\n]{1,70}`
    can try every way of reading "ss", "st" or "ff" as one character when it fails
    (175 ms for one 215-character German line against 24 µs without).

    Compiled patterns are kept on disk between runs (cleaner.pattern_store): a
    pattern compiled once loads in a fraction of the time afterwards.
    """
    flags = regex.UNICODE
    if ignore_case:
        flags |= regex.IGNORECASE | (regex.FULLCASE if full_case else 0)
    if multiline:
        flags |= regex.MULTILINE
    return _store().compiled(source, flags)


def pattern_anchors(pattern: Pattern) -> frozenset[str] | None:
    """Folded strings one of which every match holds, or None (see cleaner.anchors).

    Reading a large pattern costs about what compiling it does, so the answer is kept
    in the pattern store too.
    """
    found = _store().derived(
        "anchors",
        pattern.pattern,
        pattern.flags,
        lambda: _as_tuple(anchors(pattern.pattern, pattern.flags)),
    )
    return None if found is None else frozenset(found)


def folded_anchors(pattern: Pattern) -> frozenset[str] | None:
    """`pattern_anchors` folded (cleaner.folding), for the quick tests on folded text.

    None when a match may hold none of them: no anchors, or one that folds to nothing.
    """
    found = pattern_anchors(pattern)
    folded = None if found is None else frozenset(fold(anchor) for anchor in found)
    return None if folded is None or "" in folded else folded


def _as_tuple(strings: frozenset[str] | None) -> tuple[str, ...] | None:
    return None if strings is None else tuple(sorted(strings))


def save_compiled() -> None:
    """Keep the patterns compiled so far for the next run (see cleaner.pattern_store)."""
    _store().save()


@cache
def _store() -> PatternStore:
    """The process's pattern store, placed where the environment says when first asked."""
    return PatternStore(default_folder())


def finditer(
    pattern: Pattern, text: str, start: int = 0, end: int | None = None
) -> Iterator[Match]:
    """Search with the process timeout; TimeoutError propagates to the engine.

    With `end`, the text stops there for the pattern (`$` and lookaheads included).
    """
    return pattern.finditer(text, start, end, timeout=_timeout)  # type: ignore[no-any-return]


def match_at(pattern: Pattern, text: str, start: int, end: int) -> Match | None:
    """A match starting exactly at `start` and not past `end`, with the process timeout."""
    return pattern.match(text, start, end, timeout=_timeout)


def fullmatch(pattern: Pattern, text: str) -> Match | None:
    """Whole-string match with the process timeout."""
    return pattern.fullmatch(text, timeout=_timeout)


def literal_alternation(phrases: Iterable[str], *, ignore_case: bool = False) -> str:
    """One pattern for many phrases, with flexible inner spaces, as a prefix tree.

    "share on facebook|share on x|share" becomes "share(?:[ ]+on[ ]+(?:facebook|x))?":
    a shared start is read once, so a long list costs about what its longest phrase
    does instead of one attempt per phrase. Longer phrases are still preferred, as
    in a longest-first alternation (the optional tails are greedy). For a pattern
    that ignores case, pass `ignore_case` so "Share" and "share this" grow one
    branch: as two, the first would win with the shorter match. An apostrophe in a
    phrase matches the typographic ones too: pages write "Editors’ picks" as often
    as "Editors' picks", and a rule author should not have to list both.
    """
    tree: dict[str, Any] = {}
    for phrase in set(phrases):
        node = tree
        for index, word in enumerate(phrase.split()):
            letters = [_case_key(c) for c in word] if ignore_case else list(word)
            for atom in ([_INNER_SPACE] if index else []) + [_atom(c) for c in letters]:
                node = node.setdefault(atom, {})
        if node is not tree:
            node[_END] = {}
    return _tree_pattern(tree)


_INNER_SPACE = r"[^\S\r\n]+"
_END = ""
APOSTROPHES = "'’‘ʼ"
_APOSTROPHE = f"[{APOSTROPHES}]"


def _atom(char: str) -> str:
    """One character of a phrase as a pattern: itself, or any apostrophe for one."""
    return _APOSTROPHE if char in APOSTROPHES else regex.escape(char)


def _case_key(char: str) -> str:
    """The spelling of a letter that a case-insensitive branch is filed under."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


def _tree_pattern(node: dict[str, Any]) -> str:
    branches = [atom + _tree_pattern(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return f"(?:{body})?" if len(branches) == 1 and len(branches[0]) > 1 else f"{body}?"
