"""Where the article body is: the span from the first to the last prose line.

Page furniture clusters at the edges of a document, before the first paragraph of
running prose and after the last one. Rules that may only fire at the edges (a
category label, a lone widget word) ask this module where the edges are, so the
same words inside the article body are left alone.

The `where` choices a rule can name: `anywhere`; `edges` (header or footer);
`header`; `footer`; and `margins`, which reaches a little into the body. Prose-like
furniture (a caption or standfirst written as a sentence, an author's biography)
is itself a line of prose, so it moves the border of the body: a dateline under a
one-sentence caption is "inside" the body by the plain definition. For `margins`
the body is first narrowed to its core, dropping a lone prose line at either end
that stands apart from the rest (a non-prose line between them); the margins are
everything outside the core plus the core's first and last prose lines. Only rules
whose patterns are specific enough to trust there (bylines, datelines, biographies)
should use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Literal
from weakref import WeakKeyDictionary

import regex

from cleaner.patterns import Match, Pattern, finditer

if TYPE_CHECKING:
    from cleaner.document import Line, TextView

Zone = Literal["header", "body", "footer"]
WHERE_CHOICES = ("anywhere", "edges", "header", "footer", "margins")

PROSE_MIN_WORDS = 8
PARAGRAPH_MIN_WORDS = 25
# Closing marks after the full stop: English double and single quotes, the German
# ones (which English opens with) and guillemets both ways, French ones after a thin
# space, brackets.
_CLOSERS = r"(?:[^\S\r\n]?[\"”»’'“‘«\)\]])*"
_STOPS = ".!?…。！？"  # a label's colon closes a line too, but no sentence (see ends_sentence)
_SENTENCE_END = regex.compile(rf"[{_STOPS}:]{_CLOSERS}\s*$")
_FULL_STOP_END = regex.compile(rf"[{_STOPS}]{_CLOSERS}\s*$")
_INNER_SENTENCE_END = regex.compile(rf"\p{{Ll}}[.!?…]{_CLOSERS}\s+[\"“„«‘]?\p{{Lu}}")
# A teaser cut off by the site: the ellipsis after its last word ("… falling down…") or
# figure ("… se disparan un 12 %…").
_CUT_OFF = regex.compile(r"[\w%‰€$£][^\S\r\n]?(?:…|\.\.\.)$")


@lru_cache(maxsize=8192)
def is_prose(text: str) -> bool:
    """A line of running prose: enough words and a sentence-closing mark at the end.

    A sentence that introduces a link or a list ends with a colon. A long paragraph
    holding a full sentence counts even when its end is cut off or is a link, since
    no menu or widget runs to that many words. The verdict is remembered by text:
    the layout, the edge and marker rules and every pass ask about the same lines.
    """
    words = len(text.split())
    if words < PROSE_MIN_WORDS:
        return False
    if _SENTENCE_END.search(text) is not None:
        return True
    return words >= PARAGRAPH_MIN_WORDS and _INNER_SENTENCE_END.search(text) is not None


def ends_sentence(text: str) -> bool:
    """Whether the line closes with a full stop, a question or an exclamation mark.

    Its closing quotes and brackets may follow. A label's colon ("Read related
    topics:") introduces what comes under it and closes nothing.
    """
    return _FULL_STOP_END.search(text) is not None


def asks_briefly(text: str, max_words: int) -> bool:
    """Whether the line is a question of at most `max_words` words (none when it is 0).

    A headline may ask ("Which roads are closed and when will they reopen?"): it has the
    words and the closing mark of prose, but in a box of other stories it is an entry.
    The cheap tests come first: rules ask this of every line of every text.
    """
    stripped = text.rstrip()
    return bool(max_words) and stripped.endswith("?") and len(stripped.split()) <= max_words


def cut_off_briefly(text: str, max_words: int) -> bool:
    """Whether the line is a teaser of at most `max_words` words cut off with an ellipsis.

    A box of other stories prints teasers the site cut short ("The lost railway of
    Copley: a walk along the old line…"): the ellipsis closes it like prose, but no
    sentence of an article stops there. The cheap test comes first, as in asks_briefly.
    """
    stripped = text.rstrip()
    return (
        stripped.endswith(("…", "..."))
        and _CUT_OFF.search(stripped) is not None
        and len(stripped.split()) <= max_words
    )


def opens_with_prose(text: str) -> bool:
    """Whether the line starts with a sentence of prose followed by more text.

    "Officials declined to comment on the situation. Share" is a paragraph with a
    widget word glued on. A headline of another story is shorter than a sentence of
    prose, even with a second sentence ("Do masks protect you? It depends").
    """
    found = _INNER_SENTENCE_END.search(text)
    return found is not None and is_prose(text[: found.start() + 2])


def body_range(lines: list[Line]) -> tuple[int, int] | None:
    """Indexes of the first and last prose lines, or None for a text with no prose."""
    prose = [line.index for line in lines if is_prose(line.text)]
    if not prose:
        return None
    return prose[0], prose[-1]


_CORES: WeakKeyDictionary[TextView, tuple[int, int] | None] = WeakKeyDictionary()


def core_range(view: TextView) -> tuple[int, int] | None:
    """The body without a lone prose line at either end that stands apart from the rest.

    Computed once per view: every rule of a pass asks about the same text.
    """
    if view not in _CORES:
        _CORES[view] = _core(view.lines)
    return _CORES[view]


def _core(lines: list[Line]) -> tuple[int, int] | None:
    prose = [line.index for line in lines if is_prose(line.text)]
    if len(prose) < 3:
        return (prose[0], prose[-1]) if prose else None
    first, last = prose[0], prose[-1]
    if _apart(lines, prose[0], prose[1]):
        first = prose[1]
    if _apart(lines, prose[-2], prose[-1]):
        last = prose[-2]
    return first, last


def _apart(lines: list[Line], above: int, below: int) -> bool:
    """Whether a line that is neither blank nor prose stands between two prose lines."""
    return any(not line.is_blank for line in lines[above + 1 : below])


def zone_of(view: TextView, index: int) -> Zone:
    """The zone a line sits in; a text without prose is all body (nothing is an edge)."""
    bounds = view.body
    if bounds is None:
        return "body"
    first, last = bounds
    if index < first:
        return "header"
    if index > last:
        return "footer"
    return "body"


def allowed(view: TextView, index: int, where: str) -> bool:
    """Whether a rule limited to `where` may act on line `index`."""
    return where == "anywhere" or allowed_lines(view, where)[index]


_ALLOWED: WeakKeyDictionary[TextView, dict[str, list[bool]]] = WeakKeyDictionary()


def allowed_lines(view: TextView, where: str) -> list[bool]:
    """For each line, whether a rule limited to `where` may act on it (once per view)."""
    known = _ALLOWED.setdefault(view, {})
    if where not in known:
        known[where] = _allowed_runs(view, where)
    return known[where]


# Whether a rule limited to `where` acts in the header, the body and the footer.
_RUNS = {
    "edges": (True, False, True),
    "header": (True, False, False),
    "body": (False, True, False),  # not a rule's choice: the date rules ask for it
    "footer": (False, False, True),
}


def _allowed_runs(view: TextView, where: str) -> list[bool]:
    """Whether each line is in the zone `where`, built from the zones' bounds: three runs.

    A rule limited to `edges` acts outside the body, `margins` outside the body's core
    (its first and last prose lines included), `header`, `body` and `footer` in that
    zone (see zone_of). tests/test_hot_paths.py compares the runs with zone_of line by
    line.
    """
    count = len(view.line_starts)
    if where == "anywhere":
        return [True] * count
    if where == "margins":
        core = core_range(view)
        if core is None:
            return [False] * count
        inner = max(core[1] - core[0] - 1, 0)
        return [True] * (core[0] + 1) + [False] * inner + [True] * (count - core[0] - 1 - inner)
    bounds = view.body
    if bounds is None:  # all body
        return [where == "body"] * count
    first, last = bounds
    header, body, footer = first, last - first + 1, count - last - 1
    above, middle, below = _RUNS[where]
    return [above] * header + [middle] * body + [below] * footer


def allowed_spans(view: TextView, where: str) -> list[tuple[int, int]]:
    """The stretches of text, as (start, end) offsets, where a rule limited to `where` acts.

    Each stretch is a run of allowed lines with their line breaks. A pattern searched
    in these stretches alone never spends time on the article body it may not touch:
    most of a page's text, for rules limited to its edges or margins. Worked out once
    per view and zone: every pattern of every rule limited to that zone asks.
    """
    if where == "anywhere":
        return [(0, len(view.text))]
    known = _SPANS.setdefault(view, {})
    if where not in known:
        known[where] = _spans(view, where)
    return known[where]


_SPANS: WeakKeyDictionary[TextView, dict[str, list[tuple[int, int]]]] = WeakKeyDictionary()


def _spans(view: TextView, where: str) -> list[tuple[int, int]]:
    """Runs of allowed lines joined into (start, end) stretches."""
    return stretches(view, allowed_lines(view, where))


def stretches(view: TextView, chosen: list[bool]) -> list[tuple[int, int]]:
    """Runs of the chosen lines (chosen[i] for line i), with their breaks, as (start, end)."""
    spans: list[tuple[int, int]] = []
    for start, chunk, ok in zip(view.line_starts, view.chunks, chosen, strict=True):
        if not ok:
            continue
        end = start + len(chunk)
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def finditer_where(pattern: Pattern, view: TextView, where: str) -> Iterator[Match]:
    """The matches of `pattern` inside the stretches where a rule limited to `where` acts."""
    return finditer_in(pattern, view, allowed_spans(view, where))


def finditer_in(pattern: Pattern, view: TextView, spans: list[tuple[int, int]]) -> Iterator[Match]:
    """The matches of `pattern` inside each (start, end) stretch of the text, in order."""
    for start, end in spans:
        yield from finditer(pattern, view.text, start, end)
