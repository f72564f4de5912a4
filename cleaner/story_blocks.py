"""Lines that are the story's own figures: tables and lists printed as text.

A widget rule may match a line that is, in its context, part of the story's data: a
breadcrumb rule a table row joined by "|" ("Labour | 6 | 1"), a promo rule an item
of a list of figures ("- E-Paper: 2730 Bezieher" in a list of a paper's subscribers,
"- Offre numérique : 9,99 € par mois" in a list of its prices). A rule that may meet
such lines asks this module for them (`spare_tables`, `spare_lists`) and leaves
them. Both are judged on the lines around, never on the line alone, so the same
words standing by themselves still go. The other way round, a numbered line that
goes on from the one above (`continues_numbering`) is the next entry of a box of
links, even when it reads as a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import regex

if TYPE_CHECKING:
    from cleaner.document import Line, TextView

TABLE_MIN_ROWS = 3
LIST_MIN_ITEMS = 2
_TABLES: WeakKeyDictionary[TextView, frozenset[int]] = WeakKeyDictionary()
_LISTS: WeakKeyDictionary[TextView, frozenset[int]] = WeakKeyDictionary()
# A cell separator of tables printed without bars: a slash with spaces around it.
_SPACED_SLASH = regex.compile(r"[^\S\r\n]+/[^\S\r\n]+")
# An item's marker: a dash, bullet or star, or a number closed by "." or ")".
_ITEM = regex.compile(
    r"^[^\S\r\n]*(?:(?P<bullet>[-–—•*·▪►])|(?P<number>[0-9]{1,2}[.)]))[^\S\r\n]+(?P<text>\S.*)$"
)


def table_lines(view: TextView) -> frozenset[int]:
    """Indexes of the lines that are rows of a table rendered as text (once per view).

    An extractor prints a table one row a line, its cells joined by "|" (or by " / "): at least
    `TABLE_MIN_ROWS` lines in a row (blank lines between them allowed) with the same
    number of cells, two or more, and a digit in one of them ("Group | For | Against",
    "Labour | 6 | 1") or, without figures, a phrase of three or more words in a cell of
    `TABLE_MIN_ROWS` rows, or of half the rows of a longer run ("Kirchplatz bis Rathaus |
    April bis Juni | Vollsperrung"), or, in rows of three or more cells, a phrase of two
    or more words in every row under the header ("False accounting | Calder | Not guilty").
    A breadcrumb trail or a menu stands alone, or in two lines without figures, and a
    footer's rows of links hold a word or two a cell, single words in some row, so none
    is a table.
    """
    if view not in _TABLES:
        _TABLES[view] = frozenset(_tables(view.content_lines))
    return _TABLES[view]


def list_lines(view: TextView) -> frozenset[int]:
    """Indexes of the lines that are items of a list of figures (once per view).

    At least `LIST_MIN_ITEMS` lines in a row (blank lines between them allowed) open
    with the same marker, a dash or bullet alike or a number, and every item holds a
    figure after its marker ("- Print-Abo: 8400 Bezieher", "- E-Paper: 2730
    Bezieher"). A menu or a run of links printed as a list has items without
    figures, and a widget's lone line is no list, so neither is spared.
    """
    if view not in _LISTS:
        _LISTS[view] = frozenset(_lists(view.content_lines))
    return _LISTS[view]


def continues_numbering(previous: str, text: str) -> bool:
    """Whether `text` is the next item of the numbered list `previous` belongs to.

    A most-read box prints its entries as "1. …", "2. …", and a headline may end with
    an abbreviation's full stop ("… o 30 proc.") and read as a sentence; the number
    that follows on says it is the box's next entry all the same. Same closer ("."
    or ")"), the number one higher.
    """
    before, after = _ITEM.match(previous), _ITEM.match(text)
    if before is None or after is None:
        return False
    upper, lower = before.group("number"), after.group("number")  # "1.", "2." or None
    if upper is None or lower is None or upper[-1] != lower[-1]:
        return False
    return int(lower[:-1]) == int(upper[:-1]) + 1


def _tables(content: list[Line]) -> Iterator[int]:
    """The rows of every run of lines sharing a cell count that holds a figure or phrases."""
    for cells, group in groupby(content, key=lambda line: _cell_count(line.text)):
        run = list(group)
        if cells < 2 or len(run) < TABLE_MIN_ROWS:
            continue
        if any(_has_digit(row.text) for row in run) or _has_phrases(run):
            yield from (row.index for row in run)


def _lists(content: list[Line]) -> Iterator[int]:
    """The items of every run of non-blank lines with the same marker and a figure in each."""
    items = [(line.index, *_item(line.text)) for line in content]
    for marker, group in groupby(items, key=lambda item: item[1]):
        run = list(group)
        if marker is None or len(run) < LIST_MIN_ITEMS:
            continue
        if all(_has_digit(text) for _, _, text in run):
            yield from (index for index, _, _ in run)


def _item(text: str) -> tuple[str | None, str]:
    """A line's marker kind ("bullet" or "number", None for no item) and its text."""
    match = _ITEM.match(text)
    if match is None:
        return None, text
    return ("number" if match.group("number") else "bullet"), match.group("text")


def _cell_count(text: str) -> int:
    """Cells of a line (see `_cells`); 0 for a line without a separator."""
    cells = _cells(text)
    return len(cells) if len(cells) > 1 else 0


def _cells(text: str) -> list[str]:
    """A line split at "|" (outer bars ignored) or, without a bar, at a slash with spaces around it.

    Some extractors print a table's cells joined by " / " ("Bergen / 3 November / 4",
    blind395); a breadcrumb trail joined so stands alone and holds no figure.
    """
    inner = text.strip().strip("|")
    if "|" in inner:
        return inner.split("|")
    return _SPACED_SLASH.split(inner) if "/" in inner else [inner]


def _has_digit(text: str) -> bool:
    return any(character.isdigit() for character in text)


def _has_phrases(run: list[Line]) -> bool:
    """Phrases in the cells of `TABLE_MIN_ROWS` rows, or of half the rows of a longer run.

    A table without figures (a timetable of road works, a list of who does what, a
    show's winners: "Longest runner bean | Ted Mallory | Upper Bramley") still has
    phrases in its cells, if not in its header or every row (blind373 lost "Heaviest
    marrow | Sue Pike | Hatherley" with the rest); a footer's rows of links hold one
    or two words a cell.
    """
    phrases = sum(_has_phrase(row.text) for row in run)
    if phrases >= TABLE_MIN_ROWS or (len(run) > TABLE_MIN_ROWS and 2 * phrases >= len(run)):
        return True
    return _rows_of_short_phrases(run)


def _rows_of_short_phrases(run: list[Line]) -> bool:
    """Three or more cells a row, and a cell of two or more words in every row under the header.

    A court's or a council's table may hold short phrases only ("Charge | Defendant |
    Plea" over "False accounting | Calder | Not guilty", blind454 lost its first rows);
    a menu's or a footer's rows of links hold single words in some row.
    """
    if len(_cells(run[0].text)) < 3:
        return False
    return all(_has_phrase(row.text, min_words=2) for row in run[1:])


def _has_phrase(row: str, min_words: int = 3) -> bool:
    """A cell of `min_words` or more words ("Kirchplatz bis Rathaus | April bis Juni")."""
    return any(len(cell.split()) >= min_words for cell in _cells(row))
