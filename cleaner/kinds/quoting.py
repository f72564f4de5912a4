"""Quotation marks of a paragraph: what is quoted, what is left open, what is stray.

Shared by quote_balance (which reports the problems) and person_shift (which
needs to know what lies outside quotes). Double quotes (“ ” „ and straight ")
are paired as one family, since sloppy text mixes them ("great suspicion,”);
guillemets (« ») are a second family. Single quotes are left out: they double
as apostrophes. A quote with no letters in it (a doubled mark, a lone mark on a
line) is not a quote, and is not reported.

A mark's role comes from its surroundings first: after a space and before a
word it opens, after a word and before a space or punctuation it closes, which
copes with a ” typed where “ was meant. Only when the context says nothing
does the mark decide (“ „ « open, ” » close, a straight quote alternates). A
mark after a digit with no quote open is an inch or seconds sign; a guillemet
with spaces on both sides is a separator (Home » News).

A paragraph is a line, or several lines when a line stops mid-sentence and the
next one goes on in lower case (hard wrapping), or a line ends with an opening
mark.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from cleaner.document import TextView

_MARKS = regex.compile(r"[“”„«»\"]")
_SENTENCE_END = regex.compile(r"[.!?…:][\"”»’'\)\]]*\s*$")
FAMILY = {"“": "double", "”": "double", "„": "double", '"': "double", "«": "angle", "»": "angle"}
OPENERS = frozenset("“„«")
_OPEN_BEFORE = frozenset("([{—–-/=")
_CLOSE_AFTER = frozenset(".,;:!?)]}…—–-")

Span = tuple[int, int]


@dataclass
class QuoteScan:
    """The quotation structure of one paragraph (offsets into the document)."""

    quoted: list[Span] = field(default_factory=list)
    superseded: list[Span] = field(default_factory=list)
    open_at_end: list[Span] = field(default_factory=list)
    stray: list[int] = field(default_factory=list)
    first_event: str = ""  # open, close, or reopen (an opening mark starts the paragraph)


def paragraphs(view: TextView) -> list[Span]:
    """Spans of paragraphs: lines, joined where a line is continued by the next."""
    spans: list[Span] = []
    previous = ""
    for line in view.lines:
        if line.is_blank:
            previous = ""
            continue
        text = line.text.strip()
        if previous and _continues(previous, text):
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
        previous = text
    return spans


def _continues(previous: str, text: str) -> bool:
    if previous[-1] in OPENERS:
        return True
    return _SENTENCE_END.search(previous) is None and text[:1].islower()


def role(text: str, position: int, start: int, end: int, opened: str) -> str:
    """open, close or skip for the mark at `position`, given what opened its family."""
    mark = text[position]
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    if before.isdigit() and not opened and mark in '"”':
        return "skip"
    opens = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
    if opens != closes:
        return "open" if opens else "close"
    if FAMILY[mark] == "angle":
        return (
            "skip" if before.isspace() and after.isspace() else ("open" if mark == "«" else "close")
        )
    if mark == '"':
        return "close" if opened else "open"
    if mark == "“" and opened == "„":
        return "close"
    return "open" if mark in OPENERS else "close"


def scan(text: str, start: int, end: int) -> QuoteScan:
    """Pair the quotation marks of text[start:end].

    A straight quote opened inside a curly one (or the reverse) is nested, as in
    "he murmured “Aguamenti” and left"; the same style opening again while open
    means the earlier quote was never closed.
    """
    result = QuoteScan()
    stacks: dict[str, list[tuple[int, str]]] = {"double": [], "angle": []}
    for match in _MARKS.finditer(text, start, end):
        position, mark = match.start(), match.group()
        stack = stacks[FAMILY[mark]]
        action = role(text, position, start, end, stack[-1][1] if stack else "")
        if action != "skip" and not result.first_event:
            leading = not text[start:position].strip()
            result.first_event = "reopen" if action == "open" and leading else action
        if action == "open":
            if stack and _style(stack[-1][1]) == _style(mark):
                opened = stack.pop()[0]
                result.quoted.append((opened, position))
                if any(c.isalpha() for c in text[opened:position]):
                    result.superseded.append((opened, _trim(text, opened, position)))
            stack.append((position, mark))
        elif action == "close":
            if stack:
                result.quoted.append((stack.pop()[0], position + 1))
            else:
                result.stray.append(position)
    for position, _ in sorted(item for stack in stacks.values() for item in stack):
        result.quoted.append((position, end))
        if any(c.isalpha() for c in text[position:end]):
            result.open_at_end.append((position, _trim(text, position, end)))
    return result


def _style(mark: str) -> str:
    return "straight" if mark == '"' else "typographic"


def _trim(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
