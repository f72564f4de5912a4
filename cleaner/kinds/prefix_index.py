"""Which lines of a group extend a given line: found by sorting, not by pairs.

Two kinds look for a line that another line continues: a teaser that is the start of
the lede (`dedupe`, mode `prefix`) and a copy cut off inside a word (`truncation`).
Comparing every line of a group with every other is quadratic, and a group is every
line opening with the same words: a document of ten thousand identical lines (a log,
a table, a corpus concatenated by mistake) took minutes. Sorted, the texts that
start with a given text follow it in one stretch, and identical lines are one entry.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator


class PrefixIndex:
    """The distinct texts of a group, sorted, each with its places in the group."""

    def __init__(self, texts: list[str]) -> None:
        places: dict[str, list[int]] = {}
        for place, text in enumerate(texts):
            places.setdefault(text, []).append(place)
        self._places = places
        self._sorted = sorted(places)

    def extending(self, prefix: str) -> Iterator[tuple[str, list[int]]]:
        """Each distinct text longer than `prefix` that starts with it, with its places.

        The places are ascending: the order of the lines in the group.
        """
        texts = self._sorted
        for position in range(bisect.bisect_right(texts, prefix), len(texts)):
            text = texts[position]
            if not text.startswith(prefix):
                break
            yield text, self._places[text]


def first_after(places: list[int], place: int) -> int | None:
    """The first of the ascending `places` after `place`, if any."""
    found = bisect.bisect_right(places, place)
    return places[found] if found < len(places) else None
