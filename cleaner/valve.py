"""The safety valve: no rule may delete most of a document.

A rule whose edits, with what it already removed from this document, would delete
more than `ratio` of the document's non-space characters is held back and reported
instead. A rule that gets there pass by pass (peeling a list a line at a time) is
rolled back: the engine cleans the document again without it (`RollBack`), so a
second run has nothing more to peel. Held-back rules get one fresh look once the
other rules are done (`new_epoch`): what a second run would apply, the first does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.rule import Edit, Finding, Level

VALVE_RATIO = 0.5
VALVE_RULE_MESSAGE = "held back: would remove {percent}% of the document ({count} edits)"
VALVE_ROLLBACK_MESSAGE = "held back: pass after pass it would remove most of the document"
_SPACES = " \t\r\n\u00a0"


class RollBack(Exception):
    """A rule crossed the valve after some of its edits were applied: undo them all."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


def nonspace(text: str) -> int:
    """Characters that are not white space: what the valve measures."""
    return len(text) - sum(text.count(c) for c in _SPACES)


def deleted(before: str, replacement: str, repair: bool) -> int:
    """Non-space characters an edit deletes (net of what it puts back).

    The valve guards against losing content, and a repair loses nothing even when it
    is shorter ("â€™" -> "’", a whole HTML page -> its text): for the edits of repair
    kinds only a blank replacement counts. Any other rule that replaces a line by
    a shorter one deletes the difference.
    """
    if repair:
        return 0 if replacement.strip() else nonspace(before)
    return max(0, nonspace(before) - nonspace(replacement))


@dataclass
class Valve:
    """The valve's bookkeeping for one document (one attempt at cleaning it)."""

    ratio: float
    repairing: frozenset[str]
    size: int
    barred: frozenset[str] = frozenset()
    removed: dict[str, int] = field(default_factory=dict)
    held_back: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.held_back |= self.barred

    def judge(self, rule: str, edits: Sequence[Edit], text: str) -> Finding | None:
        """None when the edits may go ahead, else the warning that holds them back.

        Raises RollBack when the rule already removed text from this document.
        """
        repair = rule in self.repairing
        removing = sum(deleted(text[e.start : e.end], e.replacement, repair) for e in edits)
        if rule not in self.held_back:
            total = self.removed.get(rule, 0) + removing
            if not self.size or total <= self.ratio * self.size:
                return None
            if self.removed.get(rule, 0):
                raise RollBack(rule)
            self.held_back.add(rule)
        return self._finding(rule, edits, removing)

    def record(self, rule: str, before: str, replacement: str) -> None:
        """Count what an applied edit deleted against its rule."""
        removed = deleted(before, replacement, rule in self.repairing)
        self.removed[rule] = self.removed.get(rule, 0) + removed

    @property
    def wants_fresh_look(self) -> bool:
        """Whether some rule was held back (not barred) and may fit the shorter text."""
        return bool(self.held_back - self.barred)

    def new_epoch(self, text: str) -> None:
        """Judge held-back rules afresh, against the text as it is now.

        A rule held back because its edits, together, crossed the valve may fit once
        other rules have removed part of what it wanted (a second run would apply
        it). Giving it that chance here keeps cleaning idempotent.
        """
        self.size = nonspace(text)
        self.removed = {}
        self.held_back = set(self.barred)

    def _finding(self, rule: str, edits: Sequence[Edit], removing: int) -> Finding:
        percent = round(100 * removing / self.size) if self.size else 100
        message = VALVE_RULE_MESSAGE.format(percent=percent, count=len(edits))
        if rule in self.barred:
            message = VALVE_ROLLBACK_MESSAGE
        first = min(edits, key=lambda e: e.start)
        return Finding(first.start, first.end, rule, Level.WARNING, message)
