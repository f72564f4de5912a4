"""Whether a whole line matches a pattern, answered once per line text.

The kinds that look for a heading or the first line of a box (after_marker's
markers, drop_block's first line) ask about every line of a text, in every engine
pass, and again for every box they try. Each answer is a regex call with the
process timeout, which reads the clock. The answer depends on the line's text
alone, so it is remembered by the text, and a line without one of the pattern's
anchors (strings every match holds, see cleaner.anchors) is not searched at all.
"""

from __future__ import annotations

from typing import Any

from cleaner.folding import fold
from cleaner.patterns import Pattern, folded_anchors, fullmatch
from cleaner.required_words import automaton_of

# Distinct lines remembered before the memory starts again.
MEMO_LINES = 8192


class WholeLineMatch:
    """`fullmatch(pattern, text) is not None`, remembered, with the anchors' quick test."""

    def __init__(self, pattern: Pattern, *, anchored: bool = True) -> None:
        """Remember the answers of `pattern`, with the anchors' test unless not `anchored`.

        For a pattern that fails on a line's first characters, the regex call costs
        less than folding the line for the anchors' test.
        """
        self.pattern = pattern
        anchors = folded_anchors(pattern) if anchored else None
        self._anchors: Any = None if anchors is None else automaton_of(anchors)
        self._known: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        """Whether the whole of `text` matches (the text without its line break)."""
        known = self._known.get(text)
        if known is None:
            if len(self._known) >= MEMO_LINES:
                self._known.clear()
            known = self._known[text] = self._matches(text)
        return known

    def _matches(self, text: str) -> bool:
        if self._anchors is not None and next(self._anchors.iter(fold(text)), None) is None:
            return False
        return fullmatch(self.pattern, text) is not None

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the remembered answers (worker processes and Dask ship rules)."""
        return {**self.__dict__, "_known": {}}
