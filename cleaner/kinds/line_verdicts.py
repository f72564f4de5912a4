"""One judgement of a line for all drop_line rules together.

A drop_line rule's verdict on a line depends on the line's text alone (its pattern
must match the whole line), so it can be remembered by that text. Remembered by each
rule, it still cost each of the hundred-odd rules its own walk over a text's lines in
every engine pass: a set difference, a list of open lines, a dictionary of verdicts.
Shared, a text's lines are looked up once per pass for all the rules, a new line goes
through every rule's cheap tests in one scan (cleaner.kinds.line_sieve), and a rule's
own call is a lookup of the lines it removes. Most passes after the first find no
line to remove at all.

What is remembered of a line is an `Entry`: the rules that remove it so far, and the
rules that passed their cheap tests but have not tried their pattern on it yet. A
rule limited to a zone (`where`) tries its pattern only on a line that is in its
zone, so a line of the body never costs a margin rule a search; if the same text
turns up later at the edge of a page, the rule tries it then.

The rules loaded together share one `LineVerdicts` (see `share_line_verdicts`, which
cleaner.ruleset calls); a rule built on its own has one of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from cleaner.document import TextView
from cleaner.kinds.line_sieve import LineSieve, Sieved, letter_words, seats
from cleaner.layout import allowed_lines
from cleaner.rule import MetadataItems

# Distinct lines remembered before the memory starts again: a corpus repeats its
# widget lines, and its prose lines are forgotten in bulk rather than one by one.
CACHE_LINES = 16_384

Hit = tuple[int, MetadataItems]
"""A member's seat in the group and the metadata its removal of a line keeps."""
Entry = tuple[tuple[Hit, ...], int]
"""A line's hits so far, and the bit mask of the members still to try their pattern."""
Removals = dict[int, list[tuple[int, MetadataItems]]]
"""For each member's seat, the (line index, metadata) of the lines it removes."""


class LineJudge(Sieved, Protocol):
    """What a member of the group offers: its cheap tests, its zone, its verdicts."""

    where: str

    def judge(self, view: TextView, indexes: list[int]) -> Iterator[tuple[int, MetadataItems]]:
        """The lines among `indexes` (ascending, past its cheap tests) that it removes."""
        ...


class LineVerdicts:
    """The verdicts of a group of line rules, remembered by line text."""

    def __init__(self) -> None:
        self.members: list[LineJudge] = []
        self._known: dict[str, Entry] = {}
        self._memo: tuple[TextView, Removals, frozenset[int]] | None = None
        self._sieve: LineSieve | None = None
        self._masks: _ZoneMasks | None = None

    def join(self, member: LineJudge) -> int:
        """Add a rule to the group; returns its seat, which `removable` asks with."""
        self.members.append(member)
        self._known.clear()
        self._memo = self._sieve = self._masks = None
        return len(self.members) - 1

    def removable(self, view: TextView, seat: int) -> list[tuple[int, MetadataItems]]:
        """(line index, metadata) of each line of the view that member `seat` removes.

        The whole group's verdicts on a view are worked out when its first member
        asks and kept until another view is asked about: an engine pass calls every
        rule on one view in turn. A member whose search timed out on this view raises
        TimeoutError, as its own search would have, and the engine skips it.
        """
        memo = self._memo
        if memo is None or memo[0] is not view:
            memo = self._memo = (view, *self._removals(view))
        _, removals, timed_out = memo
        if seat in timed_out:
            raise TimeoutError(f"line rule {seat} timed out")
        return removals.get(seat, [])

    def _removals(self, view: TextView) -> tuple[Removals, frozenset[int]]:
        """Each member's removable lines in the view, and the members that timed out.

        The remembered entries are read once into a dictionary of this view's own,
        so that another thread clearing the memory midway cannot lose a line.
        """
        known = self._known
        entries = {chunk: e for chunk in view.chunk_set if (e := known.get(chunk)) is not None}
        if len(entries) < len(view.chunk_set):
            new = self._sieved(view, entries)
            entries.update(new)
            self._remember(new)
        timed_out = self._judge_pending(view, entries)
        removals: Removals = {}
        if not any(hits for hits, _ in entries.values()):  # most passes after the first
            return removals, timed_out
        for index, chunk in enumerate(view.chunks):
            for seat, metadata in entries[chunk][0]:
                removals.setdefault(seat, []).append((index, metadata))
        return removals, timed_out

    def _sieved(self, view: TextView, entries: dict[str, Entry]) -> dict[str, Entry]:
        """Entries for the lines not seen before: no hits, the members past the sieve."""
        if self._sieve is None:
            self._sieve = LineSieve(self.members)
        passing = self._sieve.passing
        folded = view.folded_lines
        new: dict[str, Entry] = {}
        for index, chunk in enumerate(view.chunks):
            if chunk not in entries and chunk not in new:
                new[chunk] = ((), passing(folded[index], letter_words(chunk)))
        return new

    def _judge_pending(self, view: TextView, entries: dict[str, Entry]) -> frozenset[int]:
        """Let each member try its pattern on the lines in its zone that it has not tried.

        Updates `entries` and remembers them; returns the members that timed out,
        whose lines stay pending.
        """
        pending = {chunk for chunk, (_, waiting) in entries.items() if waiting}
        if not pending:
            return frozenset()
        tries, tried = self._tries(view, pending, entries)
        found: dict[str, list[Hit]] = {}
        timed_out = 0
        for seat, lines in sorted(tries.items()):
            try:
                for index, metadata in self.members[seat].judge(view, lines):
                    found.setdefault(view.chunks[index], []).append((seat, metadata))
            except TimeoutError:
                timed_out |= 1 << seat
        changed = {}
        for chunk, seats_tried in tried.items():
            hits, waiting = entries[chunk]
            # A member that timed out keeps its lines pending, and none of its hits.
            more = [hit for hit in found.get(chunk, ()) if not timed_out >> hit[0] & 1]
            new_hits = tuple(sorted((*hits, *more), key=lambda hit: hit[0]))
            changed[chunk] = (new_hits, waiting & ~(seats_tried & ~timed_out))
        entries.update(changed)
        self._remember(changed)
        return frozenset(seats(timed_out))

    def _tries(
        self, view: TextView, pending: set[str], entries: dict[str, Entry]
    ) -> tuple[dict[int, list[int]], dict[str, int]]:
        """The lines each member tries now, and the members trying each line's text.

        A member tries a line whose text it has not tried, where the line is in its
        zone; a text that recurs is tried once, at its first place in the zone.
        """
        if self._masks is None:
            self._masks = _ZoneMasks(self.members)
        zones = _Zones(view, self._masks)
        tries: dict[int, list[int]] = {}
        tried: dict[str, int] = {}
        for index, chunk in enumerate(view.chunks):
            if chunk not in pending:
                continue
            before = tried.get(chunk, 0)
            now = zones.allowed(index, entries[chunk][1] & ~before)
            tried[chunk] = before | now
            for seat in seats(now):
                tries.setdefault(seat, []).append(index)
        return tries, tried

    def _remember(self, entries: dict[str, Entry]) -> None:
        if len(self._known) + len(entries) > CACHE_LINES:
            self._known.clear()
        self._known.update(entries)

    def __getstate__(self) -> dict[str, object]:
        """Pickle without what was remembered (worker processes and Dask ship rules)."""
        return {**self.__dict__, "_known": {}, "_memo": None, "_sieve": None, "_masks": None}


class _ZoneMasks:
    """The members by zone: those that act anywhere, and those limited to each `where`."""

    def __init__(self, members: list[LineJudge]) -> None:
        self.anywhere = self.limited_ones = 0
        self.limited: dict[str, int] = {}
        for seat, member in enumerate(members):
            if member.where == "anywhere":
                self.anywhere |= 1 << seat
            else:
                self.limited[member.where] = self.limited.get(member.where, 0) | 1 << seat
                self.limited_ones |= 1 << seat


class _Zones:
    """Which members may act on a line of one view, by their `where` (cleaner.layout)."""

    def __init__(self, view: TextView, masks: _ZoneMasks) -> None:
        self.view = view
        self.masks = masks
        self._flags: list[tuple[list[bool], int]] | None = None

    def allowed(self, index: int, members: int) -> int:
        """Those of `members` (a bit mask) whose zone holds line `index`."""
        masks = self.masks
        if not members & masks.limited_ones:
            return members
        if self._flags is None:  # zones are worked out only when a limited rule asks
            self._flags = [(allowed_lines(self.view, w), m) for w, m in masks.limited.items()]
        mask = masks.anywhere
        for flags, limited in self._flags:
            if flags[index]:
                mask |= limited
        return members & mask


def share_line_verdicts(detectors: Iterable[object]) -> None:
    """Put every detector that judges lines alone into one group.

    A detector is moved only while it is alone in its group: the rules of one load
    share, and a rule already in a group (loaded into another pipeline) stays there.
    """
    group = LineVerdicts()
    for detector in detectors:
        share = getattr(detector, "share", None)
        verdicts = getattr(detector, "verdicts", None)
        if callable(share) and isinstance(verdicts, LineVerdicts) and len(verdicts.members) == 1:
            share(group)
