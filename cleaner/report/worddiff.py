"""Word-level spans of a cleaned document, built from its change log.

Reviewers read a change against the original: what was struck out, what was put
in, and which rule did it. The change log is sequential (each change is located in
the text as it stood after the earlier ones, see cleaner.changelog), so this module
replays it over a list of pieces instead of re-diffing the two texts: every piece
is original text that stayed (`same`), original text a change removed (`del`), or
text a change put in (`ins`). Reading the `same` and `del` pieces gives the
original back; reading `same` and `ins` gives the cleaned text.

Only a change that replaces text with other text is diffed, word by word inside
that change, so a mojibake fix or a normalised quote shows as the few characters
it touched rather than as a whole paragraph struck out and retyped.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from cleaner.changelog import Change

SAME, DEL, INS = "same", "del", "ins"
_TOKEN = regex.compile(r"\w+|\s|[^\w\s]")
MAX_REFINE = 20_000  # characters; longer replacements are shown whole


class Piece(NamedTuple):
    """A run of text in the merged view; `change` indexes the change log (-1: none).

    `old` is where the piece sits in the original text (for an insertion, where it
    was inserted) and `new` where it sits in the cleaned text (for a deletion, where
    the text would have been). A named tuple: a long document makes many of them.
    """

    kind: str
    text: str
    change: int = -1
    old: int = 0
    new: int = 0

    @property
    def old_end(self) -> int:
        """End of the piece in the original (an insertion takes no room there)."""
        return self.old if self.kind == INS else self.old + len(self.text)

    @property
    def new_end(self) -> int:
        """End of the piece in the cleaned text (a deletion takes no room there)."""
        return self.new if self.kind == DEL else self.new + len(self.text)


def pieces(original: str, changes: Sequence[Change]) -> list[Piece]:
    """The merged view of a document: replay `changes` over `original`, piece by piece."""
    # One piece per line: splitting a piece copies its text, so keep them short.
    cursor = _Cursor([Piece(SAME, line) for line in original.splitlines(keepends=True)])
    for index, change in enumerate(changes):
        cursor.seek(change.start)
        covered = cursor.take(change.end)
        refined = _refine(covered, change, index)
        if refined is None:
            # Text an earlier change inserted and this one removes leaves no trace;
            # an earlier deletion inside the span stays where it was, with its rule.
            retired = [Piece(DEL, p.text, index) if p.kind == SAME else p for p in covered]
            refined = [p for p in retired if p.kind != INS]
            if change.after:
                refined.append(Piece(INS, change.after, index))
        cursor.put(refined)
    return _located(_merged(cursor.pieces()))


class _Cursor:
    """The pieces as a gap buffer: those before the cursor, and those after it reversed.

    One engine pass applies its edits left to right, so the cursor mostly moves
    forward and a document with thousands of edits replays in linear time.
    Offsets count the current text only (`same` and `ins`); a deletion takes no
    room, and one sitting exactly at a change's start stays before the change.
    """

    def __init__(self, current: list[Piece]) -> None:
        self.left: list[Piece] = []
        self.right = current[::-1]
        self.position = 0

    def seek(self, start: int) -> None:
        """Move the cursor to `start`, splitting the piece that straddles it."""
        left, right = self.left, self.right
        while left and self.position > start:
            piece = left.pop()
            self.position -= _width(piece)
            right.append(piece)
        while right:
            piece, width = right[-1], _width(right[-1])
            if (self.position + width <= start) if width else (self.position <= start):
                left.append(right.pop())
                self.position += width
                continue
            if width and self.position < start:
                cut = start - self.position
                left.append(Piece(piece.kind, piece.text[:cut], piece.change))
                right[-1] = Piece(piece.kind, piece.text[cut:], piece.change)
                self.position = start
            return

    def take(self, end: int) -> list[Piece]:
        """Remove and return the pieces from the cursor up to `end`."""
        taken, right, position = [], self.right, self.position
        while right:
            piece, width = right[-1], _width(right[-1])
            if position >= end:
                break
            if position + width > end:
                cut = end - position
                right[-1] = Piece(piece.kind, piece.text[cut:], piece.change)
                taken.append(Piece(piece.kind, piece.text[:cut], piece.change))
                break
            taken.append(right.pop())
            position += width
        return taken

    def put(self, new: list[Piece]) -> None:
        """Insert pieces at the cursor and move past them."""
        self.left.extend(new)
        self.position += sum(_width(piece) for piece in new)

    def pieces(self) -> list[Piece]:
        """All the pieces, in order."""
        return self.left + self.right[::-1]


def _width(piece: Piece) -> int:
    """Room a piece takes in the current text."""
    return 0 if piece.kind == DEL else len(piece.text)


def _refine(covered: list[Piece], change: Change, index: int) -> list[Piece] | None:
    """Word-diff a replacement of untouched original text; None when that does not apply.

    Words and single spaces or line breaks are the units. A replacement that keeps
    less than half of its text, or that covers text an earlier change put in or
    took out, is shown whole: all of it retired, the new text inserted.
    """
    if not (change.before and change.after) or any(p.kind != SAME for p in covered):
        return None
    if len(change.before) + len(change.after) > MAX_REFINE:
        return None
    old, new = _TOKEN.findall(change.before), _TOKEN.findall(change.after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = matcher.get_opcodes()
    kept = sum(len("".join(old[i1:i2])) for tag, i1, i2, _, _ in opcodes if tag == "equal")
    if 2 * kept < max(len(change.before), len(change.after)):
        return None  # mostly rewritten: "&amp;" -> "&" reads better whole than as "&" + "amp;"
    result: list[Piece] = []
    for tag, i1, i2, j1, j2 in opcodes:
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if tag == "equal":
            result.append(Piece(SAME, removed))
            continue
        if removed:
            result.append(Piece(DEL, removed, index))
        if added:
            result.append(Piece(INS, added, index))
    return result


def _merged(current: list[Piece]) -> list[Piece]:
    """Join neighbours of the same kind and change, and drop empty pieces."""
    runs = itertools.groupby((p for p in current if p.text), key=lambda p: (p.kind, p.change))
    return [Piece(kind, "".join(p.text for p in run), change) for (kind, change), run in runs]


def _located(current: list[Piece]) -> list[Piece]:
    """Fill in each piece's offsets in the original and in the cleaned text."""
    result = []
    old = new = 0
    for piece in current:
        result.append(Piece(piece.kind, piece.text, piece.change, old, new))
        if piece.kind != INS:
            old += len(piece.text)
        if piece.kind != DEL:
            new += len(piece.text)
    return result


def old_text(view: Sequence[Piece]) -> str:
    """The original text, read back from the pieces."""
    return "".join(p.text for p in view if p.kind != INS)


def new_text(view: Sequence[Piece]) -> str:
    """The cleaned text, read back from the pieces."""
    return "".join(p.text for p in view if p.kind != DEL)


def marks(view: Sequence[Piece], kind: str) -> Iterator[tuple[int, int]]:
    """Ranges of deleted text in the original (DEL) or inserted text in the cleaned (INS)."""
    for piece in view:
        if piece.kind == kind == DEL:
            yield piece.old, piece.old_end
        elif piece.kind == kind == INS:
            yield piece.new, piece.new_end
