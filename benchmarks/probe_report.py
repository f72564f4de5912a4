"""The furniture probe's report: markdown tables and lists, or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from benchmarks.probe_scoring import (
    ALL,
    Totals,
    Verdict,
    by_family,
    by_language,
    findings,
    percent,
)


def cell(part: int, whole: int) -> str:
    """n/N with the percentage; n/a when there is nothing to judge."""
    value = percent(part, whole)
    return "n/a" if value is None else f"{part}/{whole} ({value:.1f}%)"


def markdown_table(groups: Mapping[str, Totals], first: str = "Language") -> list[str]:
    """The figures as a markdown table, one row per group."""
    lines = [
        f"| {first} | Documents | Furniture removed | of which partly | Legitimate lost "
        "| Article lines lost |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, t in groups.items():
        lines.append(
            f"| {name} | {t.documents} | {cell(t.furniture_removed, t.furniture)} "
            f"| {t.furniture_partly} | {cell(t.legit_lost, t.legit)} "
            f"| {t.article_lines_lost}/{t.article_lines} |"
        )
    return lines


def where(verdict: Verdict) -> str:
    """`id family: "line"`, for the lists (the id holds the language and placement)."""
    line = verdict.doc.line
    text = json.dumps(line.text, ensure_ascii=False)
    return f"{verdict.doc.id} {line.family}: {text}"


def describe(verdict: Verdict) -> str:
    """One list entry: the document, the line, what is left or lost, and the rules."""
    text = where(verdict)
    if verdict.remnant:
        text += f" -> left {json.dumps(list(verdict.remnant), ensure_ascii=False)}"
    elif verdict.block_left and len(verdict.block_left) < len(verdict.doc.line.lines):
        text += f" -> block lines left {json.dumps(list(verdict.block_left), ensure_ascii=False)}"
    if verdict.article_lost:
        text += f"; article lost {json.dumps(list(verdict.article_lost), ensure_ascii=False)}"
    if verdict.rules:
        text += f" ({', '.join(verdict.rules)})"
    return text


def print_report(label: str, verdicts: Sequence[Verdict], show: int, families: bool) -> None:
    """The human-readable report on stdout."""
    print(f"### Furniture probe: {label}\n")
    print("\n".join(markdown_table(by_language(verdicts))))
    missing = sum(v.missing for v in verdicts)
    if missing:
        print(f"\nMissing cleaned documents (scored as empty): {missing}")
    if families:
        print()
        print("\n".join(markdown_table(by_family(verdicts), "Family")))
    if show <= 0:
        return
    for title, found in findings(verdicts).items():
        print(f"\n{title.capitalize()} ({len(found)}, up to {show}):")
        for verdict in found[:show]:
            print(f"- {describe(verdict)}")
        if not found:
            print("(none)")


def verdict_record(verdict: Verdict) -> dict[str, Any]:
    """One document of the lists, for --json."""
    line = verdict.doc.line
    return {
        "id": verdict.doc.id,
        "lang": line.lang,
        "family": line.family,
        "placement": verdict.doc.placement,
        "line": line.text,
        "left": list(verdict.remnant),
        "block_left": list(verdict.block_left),
        "article_lost": list(verdict.article_lost),
        "rules": list(verdict.rules),
    }


def language_groups(verdicts: Sequence[Verdict]) -> dict[str, dict[str, Any]]:
    """The totals per language and for all, as --json writes them (one set's `groups`)."""
    return {name: t.as_dict() for name, t in by_language(verdicts).items()}


def json_report(label: str, verdicts: Sequence[Verdict]) -> str:
    """The machine-readable report: totals, per-family totals and the full lists."""
    report = {
        "source": label,
        "groups": language_groups(verdicts),
        "families": {name: t.as_dict() for name, t in by_family(verdicts).items()},
        **{
            title.replace(" ", "_"): [verdict_record(v) for v in found]
            for title, found in findings(verdicts).items()
        },
    }
    return json.dumps(report, ensure_ascii=False, indent=1)


def sets_table(label: str, results: Mapping[str, Sequence[Verdict]]) -> list[str]:
    """One row per probe set, all languages together: a tuning round's figures at a glance."""
    totals = {name: by_language(verdicts)[ALL] for name, verdicts in results.items()}
    return [f"### Furniture probe, {len(totals)} sets: {label}", "", *markdown_table(totals, "Set")]


def sets_json(label: str, results: Mapping[str, Sequence[Verdict]]) -> str:
    """Per set, the totals per language (as in the one-set report's `groups`)."""
    report = {
        "source": label,
        "sets": {name: language_groups(verdicts) for name, verdicts in results.items()},
    }
    return json.dumps(report, ensure_ascii=False, indent=1)
