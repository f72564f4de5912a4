"""The report's index: totals per rule, and a row per document.

The rule table is static HTML: a reviewer's first question is which rules did
how much. The document rows go to `data/documents.js`, one compact array per
document, which the index page loads with a <script> tag (browsers refuse fetch()
from file://) and pages, sorts and filters in the browser: one small file per
report instead of an index page per 500 documents, and a filter by rule across
all of them. Rows are written one per line, in input order, so a report diffs
well under version control.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from cleaner.batch import Outcome
from cleaner.changelog import plain
from cleaner.report.html import shell
from cleaner.rule import Level, RuleSpec

DATA_FILE = "data/documents.js"
INDEX_SCRIPTS = (DATA_FILE, "assets/index.js")
COLUMNS = ("doc", "href", "edits", "removed", "findings", "level", "rules", "metadata", "error")
META_VALUE_CHARS = 40


@dataclass
class RuleTotals:
    """What one rule did across the corpus."""

    edits: int = 0
    removed: int = 0
    documents: int = 0
    findings: int = 0
    flagged: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    """One document in the index."""

    doc: str
    href: str
    edits: int = 0
    removed: int = 0
    findings: int = 0
    level: int = 0
    rules: tuple[str, ...] = ()
    metadata: str = ""
    error: str = ""


class Summary:
    """Collects rule totals and document rows while the documents stream past."""

    def __init__(self, specs: Sequence[RuleSpec]) -> None:
        self.specs = {spec.id: spec for spec in specs}
        self.totals = {spec.id: RuleTotals() for spec in specs}
        self.rows: list[Row] = []

    def add(self, outcome: Outcome, href: str) -> None:
        """Count one document and keep its row."""
        doc, result = outcome.document.doc_id, outcome.result
        if result is None:
            self.rows.append(Row(doc, href, error=str(outcome.error)))
            return
        removed = 0
        for change in result.changes:
            gone = max(len(change.before) - len(change.after), 0)
            totals = self._totals(change.rule)
            totals.edits += 1
            totals.removed += gone
            removed += gone
        for finding in result.findings:
            self._totals(finding.rule).findings += 1
        edited = {change.rule for change in result.changes}
        flagged = {finding.rule for finding in result.findings}
        for rule in edited:
            self.totals[rule].documents += 1
        for rule in flagged:
            self.totals[rule].flagged += 1
        level = max((finding.level for finding in result.findings), default=0)
        self.rows.append(
            Row(
                doc,
                href,
                len(result.changes),
                removed,
                len(result.findings),
                int(level),
                tuple(sorted(edited | flagged)),
                _metadata_summary(outcome.metadata),
            )
        )

    def _totals(self, rule: str) -> RuleTotals:
        return self.totals.setdefault(rule, RuleTotals())

    def data_script(self) -> str:
        """data/documents.js: the rows as JSON arrays, rule names as indices."""
        rules = sorted(self.totals)
        number = {rule: index for index, rule in enumerate(rules)}
        lines = [
            "window.CLEANER_REPORT = {",
            f'"columns": {_json(COLUMNS)},',
            f'"rules": {_json(rules)},',
            '"rows": [',
        ]
        rows = [_json(_row_values(row, number)) for row in self.rows]
        lines.append(",\n".join(rows))
        lines.append("]};")
        return "\n".join(lines) + "\n"

    def page(self) -> str:
        """index.html: totals, the rule table and the (scripted) document table."""
        body = _header(self) + '<main class="index">\n' + _rules(self) + _documents(self)
        return shell("cleaner report", "", body + "</main>\n", INDEX_SCRIPTS, "index")


def _row_values(row: Row, number: dict[str, int]) -> list[Any]:
    rules = [number[rule] for rule in row.rules]
    return [row.doc, row.href, row.edits, row.removed, row.findings, row.level, rules,
            row.metadata, row.error]  # fmt: skip


def _metadata_summary(metadata: dict[str, Any]) -> str:
    """`key: value; …`, each value cut short: the index shows, the page tells all."""
    parts = []
    for key, value in metadata.items():
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        flat = " ".join(text.split())
        if len(flat) > META_VALUE_CHARS:
            flat = flat[: META_VALUE_CHARS - 1] + "…"
        parts.append(f"{key}: {flat}")
    return "; ".join(parts)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=plain)


def _header(summary: Summary) -> str:
    rows = summary.rows
    changed = sum(1 for row in rows if row.edits)
    counts = [
        f"{len(rows):,} documents",
        f"{changed:,} changed",
        f"{sum(row.edits for row in rows):,} edits",
        f"{sum(row.removed for row in rows):,} characters removed",
        f"{sum(row.findings for row in rows):,} findings",
        f"{sum(1 for row in rows if row.error):,} errors",
    ]
    return (
        '<header class="head"><h1>Cleaning report</h1>\n'
        f'<p class="counts">{" · ".join(counts)}</p></header>\n'
    )


def _rules(summary: Summary) -> str:
    active = [rule for rule, t in summary.totals.items() if t.edits or t.findings]
    idle = sorted(set(summary.totals) - set(active))
    totals = summary.totals
    active.sort(key=lambda rule: (-totals[rule].edits, -totals[rule].findings, rule))
    table = _rule_table(summary, active, "rule-table")
    rest = ""
    if idle:
        rest = (
            f"<details><summary>{len(idle)} more rules made no edit and no finding</summary>"
            f"{_rule_table(summary, idle, 'idle-rules')}</details>\n"
        )
    return f'<section id="rules"><h2>Rules</h2>\n{table}{rest}</section>\n'


RULE_COLUMNS = (
    ("Rule", "", "the rule id; click to list its documents"),
    ("Level", "", "error, warning or info; edits count as errors"),
    ("Edits", "num", "edits the rule made"),
    ("Characters removed", "num", "characters its edits took out, net of what they put in"),
    ("Documents", "num", "documents it edited (for a rule that only flags: documents flagged)"),
    ("Findings", "num", "findings it reported on the cleaned text"),
    ("What it catches", "", "the first line of the rule's description"),
)


def _rule_table(summary: Summary, rules: list[str], table_id: str) -> str:
    head = "".join(
        f'<th{f" class={kind}" if kind else ""} scope="col" title="{about}">{name}</th>'
        for name, kind, about in RULE_COLUMNS
    )
    body = "".join(_rule_row(summary, rule) for rule in rules)
    return (
        f'<table class="grid sortable" id="{table_id}"><thead><tr>{head}</tr></thead>'
        f"<tbody>\n{body}</tbody></table>\n"
    )


def _rule_row(summary: Summary, rule: str) -> str:
    totals, spec = summary.totals[rule], summary.specs.get(rule)
    level = str(spec.level) if spec else str(Level.WARNING)
    about = escape(spec.summary) if spec else "built-in notice"
    documents = totals.documents or totals.flagged
    cells = [totals.edits, totals.removed, documents, totals.findings]
    numbers = "".join(f'<td class="num">{value:,}</td>' for value in cells)
    return (
        f'<tr data-rule="{escape(rule)}"><th scope="row"><a href="#rule={escape(rule)}">'
        f"<code>{escape(rule)}</code></a></th><td>{level}</td>{numbers}<td>{about}</td></tr>\n"
    )


def _documents_per_rule(summary: Summary) -> dict[str, int]:
    """Rules that touched or flagged any document, with how many; the filter offers these."""
    counts: dict[str, int] = {}
    for row in summary.rows:
        for rule in row.rules:
            counts[rule] = counts.get(rule, 0) + 1
    return dict(sorted(counts.items()))


def _documents(summary: Summary) -> str:
    options = "".join(
        f'<option value="{escape(rule)}">{escape(rule)} ({count:,})</option>'
        for rule, count in _documents_per_rule(summary).items()
    )
    shows = [("all", "all"), ("changed", "changed"), ("unchanged", "unchanged"),
             ("findings", "with findings"), ("errors", "with errors")]  # fmt: skip
    show = "".join(f'<option value="{value}">{label}</option>' for value, label in shows)
    return (
        '<section id="documents"><h2>Documents</h2>\n<form class="controls" id="controls">'
        f'<label>Rule <select id="f-rule"><option value="">any rule</option>{options}</select>'
        f'</label><label>Show <select id="f-show">{show}</select></label>'
        '<label>Name <input id="f-name" type="search" placeholder="part of a name"></label>'
        '<span id="count" aria-live="polite"></span></form>\n'
        '<table class="grid" id="doc-table"><thead><tr>'
        '<th class="num" data-key="n">#</th><th data-key="doc">Document</th>'
        '<th class="num" data-key="edits">Edits</th>'
        '<th class="num" data-key="removed">Removed</th>'
        '<th class="num" data-key="findings">Findings</th><th>Rules</th>'
        '<th data-key="metadata">Recovered metadata</th></tr></thead>'
        '<tbody id="doc-rows"></tbody></table>\n<nav class="pager" id="pager"></nav>\n'
        "<noscript><p>The document list needs JavaScript. Each document has its page "
        f"under docs/; {len(summary.rows):,} documents in all.</p></noscript>\n"
        "</section>\n"
    )
