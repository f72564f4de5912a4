"""Scoring the furniture probe: each cleaned document judged, and the totals.

Lines are compared *folded* (Unicode NFC, typographic quotes to ASCII, whitespace
runs to one space, stripped):

- A furniture line is *removed* when no line of the cleaned text equals it; it is
  *partly removed* when, besides, a line that is not article text is left (a
  remnant of it). A block of furniture lines is removed when none of its lines is
  left whole.
- A legitimate line is *lost* when no line of the cleaned text equals it, a block
  when one of its lines is missing; for a
  lead (``L``), a dateline before the first `` - ``, ``.- `` or ``. `` may go, and
  the lead is kept when a cleaned line ends with the rest.
- An article line (the headline and the paragraphs) is *lost* when no line of the
  cleaned text equals it. No rule should ever take one: that figure must be 0.

A document missing from the cleaned output is scored as empty. The rules that
removed a legitimate line, or left a remnant, come from the run's ``changes.jsonl``:
the changes of that document whose removed text overlaps the line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from benchmarks.probe_data import FURNITURE, LEGIT, ProbeDoc
from benchmarks.score_devset import fold as fold_like_devset

ALL = "all"

# A lead's dateline: "Berlin (dpa) - ", "Madrid, 9 mar (EFE).- ", "BERLIN. ".
_DATELINE = re.compile(r"^.{1,60}?(?: - |\.- |\. )")


def fold(text: str) -> str:
    """The development set's folding (score_devset.fold), without outer spaces."""
    return fold_like_devset(text).strip()


@dataclass(frozen=True, slots=True)
class Removal:
    """What one change of the run took out: the rule and the text before it."""

    rule: str
    before: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one document came out of the run."""

    doc: ProbeDoc
    missing: bool
    line_kept: bool
    remnant: tuple[str, ...]
    article_lost: tuple[str, ...]
    rules: tuple[str, ...]
    block_left: tuple[str, ...] = ()  # the lines of a block still there (for the report)


# --- judging -----------------------------------------------------------------


def lead_body(text: str) -> str:
    """A lead without its dateline (the cleaner may strip that)."""
    return _DATELINE.sub("", text, count=1) or text


def lines_left(doc: ProbeDoc, cleaned: set[str]) -> tuple[str, ...]:
    """The probe's lines (one, or a block's) that are still lines of the cleaned text."""
    return tuple(part for part in doc.line.lines if fold(part) in cleaned)


def line_kept(doc: ProbeDoc, cleaned: set[str], left: tuple[str, ...]) -> bool:
    """Whether the probe line is still a line of the cleaned text (a lead: its body).

    A furniture block is still there while any of its lines is (`left`, from
    lines_left); a legitimate block only while all of them are.
    """
    if doc.placement == "L" and doc.line.kind == LEGIT:
        body = fold(lead_body(doc.line.text))
        return any(line.endswith(body) for line in cleaned)
    return bool(left) if doc.line.kind == FURNITURE else len(left) == len(doc.line.lines)


def rules_touching(line: str, removals: Sequence[Removal]) -> tuple[str, ...]:
    """Rules whose removed text overlaps the line (all of the document's, if none does)."""
    target = fold(line)
    hits = [
        r.rule
        for r in removals
        if (before := fold(r.before)) and (before in target or target in before)
    ]
    return tuple(dict.fromkeys(hits or [r.rule for r in removals]))


def judge(doc: ProbeDoc, cleaned: str | None, removals: Sequence[Removal]) -> Verdict:
    """Compare one cleaned document with what was built."""
    lines = {fold(line) for line in (cleaned or "").splitlines()} - {""}
    article = {fold(line) for line in doc.article_lines}
    left = lines_left(doc, lines)
    kept = line_kept(doc, lines, left)
    remnant = () if kept else tuple(sorted(lines - article))
    lost = tuple(line for line in doc.article_lines if fold(line) not in lines)
    rules = rules_touching(doc.line.body, removals) if removals and (lost or not kept) else ()
    block_left = left if len(doc.line.lines) > 1 else ()
    return Verdict(doc, cleaned is None, kept, remnant, lost, rules, block_left)


def score(
    docs: Sequence[ProbeDoc],
    texts: Mapping[str, str],
    changes: Mapping[str, Sequence[Removal]],
) -> list[Verdict]:
    """Judge every built document against the cleaned texts and changes of a run."""
    return [judge(doc, texts.get(doc.id), changes.get(doc.id, ())) for doc in docs]


# --- totals ------------------------------------------------------------------


@dataclass(slots=True)
class Totals:
    """Counts over a group of documents (a language, a family, or all)."""

    documents: int = 0
    furniture: int = 0
    furniture_removed: int = 0
    furniture_partly: int = 0
    legit: int = 0
    legit_lost: int = 0
    article_lines: int = 0
    article_lines_lost: int = 0
    missing: int = 0

    def add(self, verdict: Verdict) -> None:
        """Count one document in."""
        self.documents += 1
        self.missing += verdict.missing
        self.article_lines += len(verdict.doc.article_lines)
        self.article_lines_lost += len(verdict.article_lost)
        if verdict.doc.line.kind == FURNITURE:
            self.furniture += 1
            self.furniture_removed += not verdict.line_kept
            self.furniture_partly += bool(verdict.remnant)
        else:
            self.legit += 1
            self.legit_lost += not verdict.line_kept

    def as_dict(self) -> dict[str, Any]:
        """The counts plus the two percentages, for --json."""
        return {
            **asdict(self),
            "furniture_removed_pct": percent(self.furniture_removed, self.furniture),
            "legit_lost_pct": percent(self.legit_lost, self.legit),
        }


def percent(part: int, whole: int) -> float | None:
    """part/whole in percent, rounded to 0.1; None when there is nothing to judge."""
    return round(100 * part / whole, 1) if whole else None


def by_language(verdicts: Sequence[Verdict]) -> dict[str, Totals]:
    """Totals per language, in order of appearance, and for all documents."""
    groups: dict[str, Totals] = {}
    total = Totals()
    for verdict in verdicts:
        groups.setdefault(verdict.doc.line.lang, Totals()).add(verdict)
        total.add(verdict)
    return {**groups, ALL: total}


def by_family(verdicts: Sequence[Verdict]) -> dict[str, Totals]:
    """Totals per language, table and family ("en furniture date")."""
    groups: dict[str, Totals] = {}
    for verdict in verdicts:
        line = verdict.doc.line
        groups.setdefault(f"{line.lang} {line.kind} {line.family}", Totals()).add(verdict)
    return dict(sorted(groups.items()))


def findings(verdicts: Sequence[Verdict]) -> dict[str, list[Verdict]]:
    """The documents worth a look: furniture left whole or in part, lines and text lost."""
    furniture = [v for v in verdicts if v.doc.line.kind == FURNITURE]
    return {
        "surviving furniture": [v for v in furniture if v.line_kept],
        "partly removed furniture": [v for v in furniture if v.remnant],
        "lost legitimate lines": [
            v for v in verdicts if v.doc.line.kind == LEGIT and not v.line_kept
        ],
        "lost article lines": [v for v in verdicts if v.article_lost],
    }
