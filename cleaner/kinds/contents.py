"""Tables of contents: which copy of a repeated heading is the one to keep.

Explainers, guides and long reads open with a table of contents: a stack of the
article's subheadings ("Was ist eine Vorsatzschalung?", "Wie tödlich ist das
Coronavirus?"), each of which comes back further down as the heading of its
section, with prose under it. Keeping the first copy of every repeated line, as
`dedupe` does for repeated headlines and paragraphs, would keep the contents list
and strip the article's own subheadings out of it. Here the section heading is the
copy to keep and the list entry is the copy to drop: every word survives, and the
article keeps its structure.

A line counts as a contents entry only in a run of at least `min_run` adjacent
lines (blank lines aside) that each come back later as a heading: a copy followed
by a line of prose that appears only once. That shape is what a contents list has
and what a repeated headline, a gallery caption or a block printed twice has not.
The order of the entries does not matter: whichever copy goes, its words stay in
the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from cleaner.document import Line
from cleaner.layout import is_prose


def section_headings(
    content: list[Line], copies: dict[str, list[Line]], key: Callable[[str], str], min_run: int
) -> dict[str, int]:
    """For each contents entry (by folded text), the index of its section heading.

    `content` is the document's non-blank lines, `copies` the lines that repeat,
    grouped by the folded text (`key`) that makes them copies of each other, in
    document order.
    """
    place = {line.index: number for number, line in enumerate(content)}
    repeated = {text: [place[line.index] for line in group] for text, group in copies.items()}
    headings = _headings(content, repeated, key)
    return {text: content[headings[text]].index for text in _entries(repeated, headings, min_run)}


def _headings(
    content: list[Line], repeated: dict[str, list[int]], key: Callable[[str], str]
) -> dict[str, int]:
    """Per repeated text, the place of its first later copy that opens a section of prose.

    The prose under it must appear only once: a second contents list whose entries
    are questions ("Was ist …?") reads as prose too, but every line of it repeats.
    """
    found: dict[str, int] = {}
    for text, places in repeated.items():
        for place in places[1:]:
            following = place + 1
            if following >= len(content):
                break
            below = content[following].text
            if is_prose(below) and key(below) not in repeated:
                found[text] = place
                break
    return found


def _entries(repeated: dict[str, list[int]], headings: dict[str, int], min_run: int) -> list[str]:
    """The texts whose first copies stand in runs of at least `min_run` adjacent lines."""
    firsts = sorted((repeated[text][0], text) for text in headings)
    entries: list[str] = []
    run: list[str] = []
    previous = -2
    for place, text in firsts:
        if place != previous + 1:
            entries.extend(run if len(run) >= min_run else [])
            run = []
        run.append(text)
        previous = place
    entries.extend(run if len(run) >= min_run else [])
    return entries


def adjacent_runs(lines: list[Line], indexes: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of the given lines with only blank lines between them."""
    run: list[int] = []
    for index in indexes:
        if run and any(not line.is_blank for line in lines[run[-1] + 1 : index]):
            yield run[0], run[-1]
            run = []
        run.append(index)
    if run:
        yield run[0], run[-1]
