"""The text of a document page: the original with every change and finding marked.

A reviewer reads the original, because that is what they need to judge: removed
spans are `<del>`, inserted text `<ins>`, each labelled with its rule (a chip on
the first piece of each change; the reason in the hover title). Findings are
located in the cleaned text, which the pieces also spell out (`same` + `ins`), so
they are marked exactly where they sit, even inside inserted text, as `<mark>`.
A finding with no extent (a note about the whole document, say) is a point marker.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import escape

from cleaner.changelog import Change
from cleaner.report.worddiff import DEL, SAME, Piece
from cleaner.rule import Finding

WHITESPACE_GLYPHS = {" ": "·", "\t": "→", "\n": "↵", "\r": "", "\u00a0": "⍽"}


@dataclass(frozen=True, slots=True)
class _Fragment:
    """A piece (number `index`), or part of one, that lies under one set of findings."""

    piece: Piece
    index: int
    first: bool
    findings: tuple[int, ...]


@dataclass
class _Page:
    """What the fragments need to know, and which anchors are already out."""

    changes: Sequence[Change]
    findings: Sequence[Finding]
    labels: set[int]
    anchored_changes: set[int] = field(default_factory=set)
    anchored_findings: set[int] = field(default_factory=set)


def text_markup(
    view: Sequence[Piece], changes: Sequence[Change], findings: Sequence[Finding]
) -> str:
    """The HTML of the marked-up original: one string, to go inside a pre-wrap block."""
    out: list[str] = []
    page = _Page(changes, findings, _labels(view))
    points = sorted((f.start, i) for i, f in enumerate(findings) if f.end <= f.start)
    for fragment in _fragments(view, findings):
        if fragment.piece.kind != DEL:
            while points and points[0][0] <= fragment.piece.new:
                _, index = points.pop(0)
                out.append(_point(index, findings[index]))
        out.append(_fragment(fragment, page))
    out.extend(_point(index, findings[index]) for _, index in points)
    return "".join(out)


def _labels(view: Sequence[Piece]) -> set[int]:
    """The pieces that show their rule's label: the start of each visible run of a change.

    A change whose pieces are apart (a line and the break before it, with another
    change's text between) is labelled at each run of visible text, so the label
    sits next to the words it explains; whitespace alone is labelled only when the
    change has nothing else to show.
    """
    visible = {p.change for p in view if p.kind != SAME and p.text.strip()}
    labels: set[int] = set()
    seen: set[int] = set()
    previous = -1
    for index, piece in enumerate(view):
        if piece.kind == SAME:
            previous = -1
            continue
        shows = bool(piece.text.strip()) if piece.change in visible else piece.change not in seen
        if shows and piece.change != previous:
            labels.add(index)
        seen.add(piece.change)
        previous = piece.change
    return labels


def _fragments(view: Sequence[Piece], findings: Sequence[Finding]) -> Iterator[_Fragment]:
    """Split the cleaned-text pieces at finding boundaries; deletions pass whole.

    The pieces come in cleaned-text order, so one sweep keeps the findings that
    cover the current offset: linear in pieces plus findings.
    """
    spans = sorted((f.start, f.end, i) for i, f in enumerate(findings) if f.end > f.start)
    cuts = sorted({edge for start, end, _ in spans for edge in (start, end)})
    waiting, active = 0, []
    for index, piece in enumerate(view):
        if piece.kind == DEL or not spans:
            yield _Fragment(piece, index, True, ())
            continue
        first, last = bisect.bisect_right(cuts, piece.new), bisect.bisect_left(cuts, piece.new_end)
        edges = [piece.new, *cuts[first:last], piece.new_end]
        for low, high in itertools.pairwise(edges):
            while waiting < len(spans) and spans[waiting][0] <= low:
                active.append(spans[waiting])
                waiting += 1
            active = [span for span in active if span[1] > low]
            covering = tuple(sorted(i for _, _, i in active))
            text = piece.text[low - piece.new : high - piece.new]
            part = Piece(piece.kind, text, piece.change, piece.old, low)
            yield _Fragment(part, index, low == piece.new, covering)


def _fragment(fragment: _Fragment, page: _Page) -> str:
    """One fragment: escaped text, in <mark> for findings, in <del>/<ins> for a change.

    A labelled change that starts with line breaks (a removed widget line after a
    blank line) gets its label after them, next to the words, not at the end of the
    paragraph above.
    """
    piece = fragment.piece
    if piece.kind == SAME:
        return _body(fragment, page)
    labelled = fragment.first and fragment.index in page.labels
    lead = len(piece.text) - len(piece.text.lstrip())
    if labelled and lead and piece.text.strip() and not fragment.findings:
        head = _Fragment(piece._replace(text=piece.text[:lead]), fragment.index, False, ())
        rest = _Fragment(piece._replace(text=piece.text[lead:]), fragment.index, True, ())
        return _element(head, page, labelled=False) + _element(rest, page, labelled=True)
    return _element(fragment, page, labelled=labelled)


def _element(fragment: _Fragment, page: _Page, *, labelled: bool) -> str:
    """A <del> or <ins>: anchor for the change's first piece, label, hover reason."""
    piece = fragment.piece
    change = page.changes[piece.change]
    attributes = []
    if piece.change not in page.anchored_changes:
        page.anchored_changes.add(piece.change)
        attributes.append(f'id="c{piece.change}"')
    if labelled:
        attributes.append(f'data-label="{_attr(change.rule)}"')
    attributes += [f'data-c="{piece.change}"', f'title="{_attr(_tip(change))}"']
    if not piece.text.strip():
        glyphs = "".join(WHITESPACE_GLYPHS.get(char, "␣") for char in piece.text)
        attributes.append(f'class="ws" data-ws="{_attr(glyphs)}"')
    return f"<{piece.kind} {' '.join(attributes)}>{_body(fragment, page)}</{piece.kind}>"


def _body(fragment: _Fragment, page: _Page) -> str:
    """The escaped text, in a <mark> when findings cover it."""
    body = escape(fragment.piece.text, quote=False)
    if fragment.findings:
        body = _mark(body, fragment.findings, page.findings, page.anchored_findings)
    return body


def _mark(
    body: str, covering: tuple[int, ...], findings: Sequence[Finding], anchored: set[int]
) -> str:
    """Wrap a fragment in a <mark> naming every finding over it, after anchors for new ones."""
    tips = "\n".join(_finding_tip(findings[i]) for i in covering)
    level = max(findings[i].level for i in covering)
    anchors = "".join(f'<span id="f{i}"></span>' for i in covering if i not in anchored)
    anchored.update(covering)
    return f'{anchors}<mark class="f {level}" title="{_attr(tips)}">{body}</mark>'


def _point(index: int, finding: Finding) -> str:
    """A finding with no extent: an empty marker the stylesheet draws as a flag."""
    tip = _attr(_finding_tip(finding))
    return f'<mark id="f{index}" class="f pt {finding.level}" title="{tip}"></mark>'


def _tip(change: Change) -> str:
    return f"{change.rule}: {change.reason}"


def _finding_tip(finding: Finding) -> str:
    return f"{finding.rule} [{finding.level}]: {finding.message}"


def _attr(text: str) -> str:
    return escape(text, quote=True)
