"""SARIF 2.1.0 for `check --format sarif`: what code-scanning services read.

Every pending edit and finding is a result with a stable `ruleId` (the rule id),
a level, a message and a location in the file. `partialFingerprints` lets a
service recognise the same result after unrelated lines moved: it hashes the rule
id, the file and the flagged text (plus its occurrence number among identical
ones), never line numbers. Columns count code points, as everywhere in cleaner,
which the run declares through `columnKind`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from cleaner import __version__
from cleaner.batch import ENCODING_RULE
from cleaner.errors import CleanerError
from cleaner.report.formats import Item, workspace_path
from cleaner.rule import Level, RuleSpec

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
FINGERPRINT = "cleaner/v1"
LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
BUILT_IN = {ENCODING_RULE: "The input was not UTF-8 and its encoding was guessed."}


def sarif_log(
    specs: Sequence[RuleSpec], found: Iterable[Item], errors: Iterable[CleanerError] = ()
) -> dict[str, Any]:
    """The SARIF log of one `check` run."""
    results = list(found)
    rules = _rules(specs, results)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    seen: Counter[tuple[str, str, str]] = Counter()
    notifications = [_notification(error) for error in errors]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "cleaner",
                "version": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": [_result(item, index, seen) for item in results],
    }
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def _rules(specs: Sequence[RuleSpec], results: Sequence[Item]) -> list[dict[str, Any]]:
    """Every rule that ran, plus built-in notices that appear in the results."""
    rules = [_rule(spec.id, spec.summary, spec.description, spec.level) for spec in specs]
    known = {spec.id for spec in specs}
    for rule_id in sorted({item.rule for item in results} - known):
        text = BUILT_IN.get(rule_id, rule_id)
        rules.append(_rule(rule_id, text, text, Level.WARNING))
    return rules


def _rule(rule_id: str, summary: str, description: str, level: Level) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": summary or rule_id},
        "fullDescription": {"text": description.strip() or rule_id},
        "defaultConfiguration": {"level": LEVEL[level]},
        "help": {"text": f"cleaner rules show {rule_id}"},
    }


def _result(
    item: Item, index: dict[str, int], seen: Counter[tuple[str, str, str]]
) -> dict[str, Any]:
    uri = artifact_uri(item.path)
    flagged = item.text or item.message
    key = (item.rule, uri, flagged)
    seen[key] += 1
    region: dict[str, Any] = {
        "startLine": item.line,
        "startColumn": item.col,
        "endLine": item.end_line,
        "endColumn": item.end_col,
    }
    if item.text:
        region["snippet"] = {"text": item.text}
    result: dict[str, Any] = {
        "ruleId": item.rule,
        "ruleIndex": index[item.rule],
        "level": LEVEL[item.level],
        "kind": "fail",
        "message": {"text": item.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {FINGERPRINT: fingerprint(*key, seen[key])},
        "properties": {"doc": item.doc, "kind": item.kind},
    }
    if item.text_line != item.line or item.text_col != item.col:
        result["properties"].update(textLine=item.text_line, textColumn=item.text_col)
    return result


def fingerprint(rule: str, uri: str, text: str, occurrence: int) -> str:
    """A hash that survives lines moving: rule, file, normalised text, occurrence."""
    normal = " ".join(text.split())
    data = "\0".join([rule, uri, normal, str(occurrence)]).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def artifact_uri(path: str) -> str:
    """The file as a URI relative to the working directory (absolute outside it)."""
    relative = workspace_path(path)
    if Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative)


def _notification(error: CleanerError) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.path:
        region = {"startLine": error.line} if error.line else {}
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(error.path)}}
        if region:
            physical["region"] = region
        notification["locations"] = [{"physicalLocation": physical}]
    return notification
