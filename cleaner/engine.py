"""The engine: document -> rules -> edits -> apply -> changes, to a fixed point.

Each pass runs every rule on the current text, keeps a non-overlapping set of
edits, applies it and records one `Change` per edit. Passes repeat until no rule
proposes an edit; the findings of that last, quiet pass describe the final text.
Three protections keep a run safe: a bound on passes with cycle detection, a
per-rule safety valve that holds back a rule about to delete most of a document
(cleaner.valve), and the regex timeout, after which the rule is skipped for that
document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from cleaner import edits as edit_ops
from cleaner.changelog import Change, FieldChange, collect_metadata, to_final, to_original
from cleaner.document import TextView
from cleaner.errors import OscillationError
from cleaner.required_words import RequiredWords
from cleaner.rule import BODY, CorpusDetector, Edit, Finding, Level, Outcome, Rule
from cleaner.seams import Removal, carry
from cleaner.valve import VALVE_RATIO, RollBack, Valve, nonspace

CorpusStats = dict[str, Counter[str]]
MAX_PASSES = 10
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
    valve: Valve
    changes: list[Change] = field(default_factory=list)
    timed_out: set[str] = field(default_factory=set)
    seen: dict[int, int] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    corpus: CorpusStats | None = None


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
        self.repairing = frozenset(
            r.id for r in self.all_rules if getattr(r.detector, "repairs", False)
        )
        self.max_passes = max_passes
        self.valve = valve
        self.required = RequiredWords(self.all_rules)
        self.removal_readers = frozenset(
            r.id for r in self.all_rules if getattr(r.detector, "reads_removals", False)
        )
        # The corpus rules with their detectors, worked out once (`observe` runs per document).
        self._observers: list[tuple[Rule, CorpusDetector]] = [
            (rule, rule.detector) for rule in self.rules if is_corpus_detector(rule.detector)
        ]

    @property
    def tracks_removals(self) -> bool:
        """Whether a rule judges what earlier passes removed (cleaner.seams)."""
        return bool(self.removal_readers)

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

    def warm_up(self) -> None:
        """Load now what rules load on first use (language models).

        Called before worker processes fork, so that they inherit what is loaded
        instead of each loading it again (see cleaner.kinds.gate.Gated).
        """
        for rule in self.all_rules:
            warm_up = getattr(rule.detector, "warm_up", None)
            if warm_up is not None:
                warm_up()

    def corpus_rules(self) -> list[Rule]:
        """The rules that need corpus statistics (a first pass over all documents)."""
        return [rule for rule, _ in self._observers]

    def observe(self, text: str) -> CorpusStats:
        """One document's contribution to the corpus statistics."""
        view = TextView(text)
        stats: CorpusStats = {}
        for rule, detector in self._observers:
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
        barred: frozenset[str] = frozenset()
        while True:
            valve = Valve(self.valve, self.repairing, nonspace(text), barred)
            run = _Run(text, text, valve, seen={hash(text): 0}, corpus=corpus)
            try:
                return self._settle(run, field)
            except RollBack as rollback:  # start again without that rule
                barred |= {rollback.rule}

    def _settle(self, run: _Run, field: str | None) -> Result:
        """Passes over the text until no rule proposes an edit."""
        editing, reporting = self._rules_for(field)
        original_view = TextView(run.text, field)
        fresh = False
        for _ in range(self.max_passes):
            view = TextView(run.text, field, tuple(run.removals)) if run.changes else original_view
            proposed, findings = self._detect(view, run, editing)
            accepted = edit_ops.non_overlapping(self._exclusive_first(proposed), self.order)
            if not accepted and not fresh and run.valve.wants_fresh_look:
                fresh = True
                run.valve.new_epoch(run.text)
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
        for rule in self.required.applicable(rules, view):
            spec = rule.spec
            if spec.id in run.timed_out:
                continue
            try:
                outcomes = list(_outcomes(rule, view, run.corpus))
            except TimeoutError:
                run.timed_out.add(spec.id)
                continue
            if not outcomes:  # most rules, most of the time
                continue
            rule_edits = [o for o in outcomes if isinstance(o, Edit)]
            findings.extend(o for o in outcomes if isinstance(o, Finding))
            held_back = run.valve.judge(rule.id, rule_edits, view.text) if rule_edits else None
            if held_back is not None:
                findings.append(held_back)
                continue
            edits.extend(rule_edits)
        return edits, findings

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
            run.valve.record(edit.rule, before, edit.replacement)
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
        if self.removal_readers:  # only a kind that judges what was removed reads them
            run.removals = carry(run.removals, accepted, starts, view.text, self.removal_readers)
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
