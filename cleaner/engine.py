"""The engine: document -> rules -> edits -> apply -> changes, to a fixed point.

Each pass runs every rule on the current text, keeps a non-overlapping set of
edits, applies it and records one `Change` per edit. Passes repeat until no rule
proposes an edit; the findings of that last, quiet pass describe the final text.
Three protections keep a run safe: a bound on passes with cycle detection, a
per-rule safety valve that holds back a rule about to delete most of a document
(a rule that gets there pass by pass is rolled back: the document is cleaned again
without it), and the regex timeout, after which the rule is skipped for that
document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from cleaner import edits as edit_ops
from cleaner.changelog import Change, FieldChange, to_final, to_original
from cleaner.document import TextView
from cleaner.errors import OscillationError
from cleaner.rule import BODY, CorpusDetector, Edit, Finding, Level, Outcome, Rule

CorpusStats = dict[str, Counter[str]]
MAX_PASSES = 10
VALVE_RATIO = 0.5
VALVE_RULE_MESSAGE = "held back: would remove {percent}% of the document ({count} edits)"
VALVE_ROLLBACK_MESSAGE = "held back: pass after pass it would remove most of the document"
TIMEOUT_MESSAGE = "regular expression timed out; rule skipped for this document"


@dataclass(frozen=True)
class Result:
    """A cleaned document: its text, the change log, findings and recovered metadata."""

    text: str
    original: str
    changes: tuple[Change, ...]
    findings: tuple[Finding, ...]
    metadata: dict[str, Any]
    field_changes: tuple[FieldChange, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether cleaning changed the text, or repaired a metadata field."""
        return bool(self.changes) or bool(self.field_changes)

    @property
    def edit_count(self) -> int:
        """Edits applied to the text and to metadata fields."""
        return len(self.changes) + sum(len(field.changes) for field in self.field_changes)

    @property
    def repaired_fields(self) -> dict[str, str]:
        """New values of the metadata fields that were repaired."""
        return {change.field: change.after for change in self.field_changes}


@dataclass
class _Run:
    """Mutable bookkeeping for one document while the passes run."""

    original: str
    text: str
    nonspace: int
    changes: list[Change] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)
    held_back: set[str] = field(default_factory=set)
    barred: frozenset[str] = frozenset()
    timed_out: set[str] = field(default_factory=set)
    seen: dict[int, int] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    corpus: CorpusStats | None = None

    def new_epoch(self) -> None:
        """Judge held-back rules afresh, against the text as it is now.

        A rule held back because its edits, together, crossed the valve may fit once
        other rules have removed part of what it wanted (a second run would apply
        it). Giving it that chance here keeps cleaning idempotent.
        """
        self.nonspace = _nonspace(self.text)
        self.removed = {}
        self.held_back = set(self.barred)


class _RollBack(Exception):
    """A rule crossed the valve after some of its edits were applied: undo them all."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


def _deleted(before: str, replacement: str, repair: bool) -> int:
    """Non-space characters an edit deletes (net of what it puts back).

    The valve guards against losing content, and a repair loses nothing even when it
    is shorter ("â€™" -> "’", a whole HTML page -> its text): for the edits of repair
    kinds only a blank replacement counts. Any other rule that replaces a line by
    a shorter one deletes the difference.
    """
    if repair:
        return 0 if replacement.strip() else _nonspace(before)
    return max(0, _nonspace(before) - _nonspace(replacement))


def _nonspace(text: str) -> int:
    return len(text) - sum(text.count(c) for c in " \t\r\n\u00a0")


class Pipeline:
    """An ordered set of loaded rules, ready to clean any number of documents."""

    def __init__(
        self, rules: Sequence[Rule], *, max_passes: int = MAX_PASSES, valve: float = VALVE_RATIO
    ) -> None:
        self.all_rules = list(rules)
        self.order = {rule.id: index for index, rule in enumerate(self.all_rules)}
        self.rules = [rule for rule in self.all_rules if BODY in rule.spec.applies_to]
        self.editing, self.reporting = _split_reporting(self.rules)
        self._field_rules: dict[str, tuple[list[Rule], list[Rule]]] = {}
        self.exclusive = {r.id for r in self.all_rules if getattr(r.detector, "exclusive", False)}
        self.repairing = {r.id for r in self.all_rules if getattr(r.detector, "repairs", False)}
        self.max_passes = max_passes
        self.valve = valve

    def _exclusive_first(self, proposed: list[Edit]) -> list[Edit]:
        """The edits of exclusive rules alone when there are any.

        A rule that rewrites the whole document (an HTML page into its text) would
        otherwise lose, pass after pass, to the small edits at its start; a garbled
        line must be repaired before a boilerplate rule judges it.
        """
        exclusive = [edit for edit in proposed if edit.rule in self.exclusive]
        return exclusive or proposed

    def field_rules(self, name: str) -> list[Rule]:
        """The rules that repair the value of metadata field `name` (see cleaner.fields)."""
        editing, reporting = self._rules_for(name)
        return editing + reporting

    def _rules_for(self, field_name: str | None) -> tuple[list[Rule], list[Rule]]:
        if field_name is None:
            return self.editing, self.reporting
        if field_name not in self._field_rules:
            applying = [rule for rule in self.all_rules if rule.spec.applies_to_field(field_name)]
            self._field_rules[field_name] = _split_reporting(applying)
        return self._field_rules[field_name]

    def corpus_rules(self) -> list[Rule]:
        """The rules that need corpus statistics (a first pass over all documents)."""
        return [rule for rule in self.rules if is_corpus_detector(rule.detector)]

    def observe(self, text: str) -> CorpusStats:
        """One document's contribution to the corpus statistics."""
        view = TextView(text)
        stats: CorpusStats = {}
        for rule in self.corpus_rules():
            detector = rule.detector
            assert is_corpus_detector(detector)
            stats[rule.id] = detector.observe(view)
        return stats

    def clean(
        self, text: str, corpus: CorpusStats | None = None, *, field: str | None = None
    ) -> Result:
        """Clean one text; raises OscillationError if the rules never settle.

        `corpus` holds the statistics of the whole corpus for corpus-level rules
        (see `observe` and cleaner.corpus); without it they judge the text alone.
        With `field`, the text is that metadata field's value, and only the rules
        that apply to the field run.
        """
        barred: set[str] = set()
        while True:
            run = _Run(original=text, text=text, nonspace=_nonspace(text), seen={hash(text): 0})
            run.corpus, run.barred, run.held_back = corpus, frozenset(barred), set(barred)
            try:
                return self._settle(run, field)
            except _RollBack as rollback:  # start again without that rule
                barred.add(rollback.rule)

    def _settle(self, run: _Run, field: str | None) -> Result:
        """Passes over the text until no rule proposes an edit."""
        editing, reporting = self._rules_for(field)
        original_view = TextView(run.text, field)
        fresh = False
        for _ in range(self.max_passes):
            view = TextView(run.text, field) if run.changes else original_view
            proposed, findings = self._detect(view, run, editing)
            accepted = edit_ops.non_overlapping(self._exclusive_first(proposed), self.order)
            if not accepted and not fresh and run.held_back - run.barred:
                fresh = True
                run.new_epoch()
                continue
            if not accepted:
                findings.extend(self._detect(view, run, reporting)[1])
                return self._result(run, findings, view)
            self._apply(run, view, accepted, original_view)
        busy = sorted({change.rule for change in run.changes[-20:]})
        raise OscillationError(
            f"rules did not settle after {self.max_passes} passes: {', '.join(busy)}"
        )

    def _detect(
        self, view: TextView, run: _Run, rules: list[Rule]
    ) -> tuple[list[Edit], list[Finding]]:
        edits: list[Edit] = []
        findings: list[Finding] = []
        for rule in rules:
            if rule.id in run.timed_out:
                continue
            try:
                outcomes = list(_outcomes(rule, view, run.corpus))
            except TimeoutError:
                run.timed_out.add(rule.id)
                continue
            rule_edits = [o for o in outcomes if isinstance(o, Edit)]
            findings.extend(o for o in outcomes if isinstance(o, Finding))
            if rule_edits and self._valve_holds(run, rule.id, rule_edits, view.text):
                finding = _held_back_finding(rule, rule_edits, view.text, run, self.repairing)
                findings.append(finding)
                continue
            edits.extend(rule_edits)
        return edits, findings

    def _valve_holds(self, run: _Run, rule: str, edits: list[Edit], text: str) -> bool:
        """Whether this rule's edits, with what it already removed, cross the valve."""
        if rule in run.held_back:
            return True
        repair = rule in self.repairing
        removing = sum(_deleted(text[e.start : e.end], e.replacement, repair) for e in edits)
        total = run.removed.get(rule, 0) + removing
        if run.nonspace and total > self.valve * run.nonspace:
            if run.removed.get(rule, 0):
                raise _RollBack(rule)
            run.held_back.add(rule)
            return True
        return False

    def _apply(self, run: _Run, view: TextView, accepted: list[Edit], origin: TextView) -> None:
        new_text, starts = edit_ops.apply(view.text, accepted)
        earlier = tuple(run.changes)
        for edit, start in zip(accepted, starts, strict=True):
            before = view.text[edit.start : edit.end]
            # Point messages at the removed words, not at the line break before them.
            anchor = (
                edit.start + len(before) - len(before.lstrip()) if before.strip() else edit.start
            )
            where = to_original(anchor, earlier) if earlier else anchor
            line, col = origin.position(where)
            removed = _deleted(before, edit.replacement, edit.rule in self.repairing)
            run.removed[edit.rule] = run.removed.get(edit.rule, 0) + removed
            if edit.note:
                run.notes.append((len(run.changes), edit.rule, edit.note))
            run.changes.append(
                Change(
                    edit.rule,
                    start,
                    start + len(before),
                    before,
                    edit.replacement,
                    edit.reason,
                    line,
                    col,
                    edit.metadata,
                )
            )
        fingerprint = hash(new_text)
        if fingerprint in run.seen:
            cycle = run.changes[run.seen[fingerprint] :]
            rules = sorted({change.rule for change in cycle})
            raise OscillationError(f"rules undo each other's edits: {', '.join(rules)}")
        run.seen[fingerprint] = len(run.changes)
        run.text = new_text

    def _result(self, run: _Run, findings: list[Finding], view: TextView) -> Result:
        for rule in sorted(run.timed_out):
            findings.append(Finding(0, 0, rule, Level.ERROR, TIMEOUT_MESSAGE))
        for index, rule_id, note in run.notes:
            where = to_final(run.changes[index].start, run.changes[index + 1 :])
            findings.append(Finding(where, where, rule_id, Level.WARNING, note))
        findings.sort(key=lambda f: (f.start, f.end, self.order.get(f.rule, 0)))
        return Result(
            text=run.text,
            original=run.original,
            changes=tuple(run.changes),
            findings=tuple(findings),
            metadata=collect_metadata(run.changes),
        )


def _split_reporting(rules: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """Editing rules, and rules that only report.

    Rules that only report run once, on the final text: in the editing passes their
    findings would be thrown away anyway.
    """
    editing = [rule for rule in rules if getattr(rule.detector, "produces_edits", True)]
    return editing, [rule for rule in rules if rule not in editing]


def _outcomes(rule: Rule, view: TextView, corpus: CorpusStats | None) -> Iterable[Outcome]:
    detector = rule.detector
    if corpus is not None and is_corpus_detector(detector):
        return detector.detect_with(view, corpus.get(rule.id, Counter()))
    return detector.detect(view)


_CORPUS_KINDS: dict[type, bool] = {}


def is_corpus_detector(detector: object) -> TypeGuard[CorpusDetector]:
    """isinstance(detector, CorpusDetector), answered once per detector class.

    A runtime protocol check inspects the object's attributes every time (about
    0.1 ms per rule per pass); the methods that decide it belong to the class.
    """
    kind = type(detector)
    if kind not in _CORPUS_KINDS:
        _CORPUS_KINDS[kind] = isinstance(detector, CorpusDetector)
    return _CORPUS_KINDS[kind]


def _held_back_finding(
    rule: Rule, edits: list[Edit], text: str, run: _Run, repairing: set[str]
) -> Finding:
    repair = rule.id in repairing
    removing = sum(_deleted(text[e.start : e.end], e.replacement, repair) for e in edits)
    percent = round(100 * removing / run.nonspace) if run.nonspace else 100
    message = VALVE_RULE_MESSAGE.format(percent=percent, count=len(edits))
    if rule.id in run.barred:
        message = VALVE_ROLLBACK_MESSAGE
    first = min(edits, key=lambda e: e.start)
    return Finding(first.start, first.end, rule.id, Level.WARNING, message)


def collect_metadata(changes: Sequence[Change]) -> dict[str, Any]:
    """Fields taken out of the body, in order; a field found twice becomes a list.

    List fields (tuple values, such as hashtags as keywords) are always lists.
    """
    metadata: dict[str, Any] = {}
    for change in changes:
        for key, value in change.metadata:
            if isinstance(value, tuple):
                listed = metadata.setdefault(key, [])
                listed.extend(item for item in value if item not in listed)
            elif key not in metadata:
                metadata[key] = value
            elif isinstance(metadata[key], list):
                if value not in metadata[key]:
                    metadata[key].append(value)
            elif metadata[key] != value:
                metadata[key] = [metadata[key], value]
    return metadata
