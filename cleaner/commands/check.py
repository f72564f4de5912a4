"""cleaner check: report pending edits and findings; change nothing.

--format text (default) prints `path:line:col: rule message` lines; json prints one
object for the whole run; sarif a SARIF 2.1.0 log for code-scanning services;
github one workflow command per item, which GitHub Actions shows as annotations.
Exit 0 when clean, 1 when an edit is pending or a finding reaches --fail-level,
2 on an input or rule error.

Findings the baseline accepts (the `baseline` setting, default
cleaner-baseline.json next to the configuration) are left out. --update-baseline
accepts every finding of the files checked: it rewrites their entries in the
baseline, keeps the entries of other files, and then fails only on pending edits.
Clean files are remembered in .cleaner_cache/ (see `cleaner cache`), so an
unchanged corpus is re-checked without cleaning it again.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from cleaner.baseline import Baseline, Key, keys
from cleaner.batch import Outcome
from cleaner.changelog import plain
from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_project_options,
    add_rule_options,
    project_from,
)
from cleaner.commands.scale import add_scale_options, scaled_outcomes
from cleaner.errors import CleanerError
from cleaner.project import Project
from cleaner.report.formats import Item, github_lines, items, json_document, json_run
from cleaner.report.lines import edit_lines, finding_lines
from cleaner.report.sarif import sarif_log

FORMATS = ("text", "json", "sarif", "github")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner check`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to check")
    parser.add_argument(
        "--format",
        default="text",
        choices=FORMATS,
        help="text lines, one JSON object, SARIF 2.1.0, or GitHub annotations "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="accept every finding of these files into the baseline file "
        "(the baseline setting, or cleaner-baseline.json)",
    )
    add_rule_options(parser)
    add_project_options(parser, cache=True)
    add_scale_options(parser)


def main(args: argparse.Namespace) -> int:
    """Print every pending edit and finding in the chosen format."""
    project = project_from(args, baseline=not args.update_baseline)
    tally = Tally(project.fail_level)
    output = _Output(args.format)
    accepting = _NewBaseline(project) if args.update_baseline else None
    for found in scaled_outcomes(project, project.sources(args.paths), args):
        outcome = accepting.accept(found) if accepting else found
        tally.add(outcome)
        output.add(outcome)
    output.finish(project, tally)
    if accepting is not None:
        accepting.write()
    print(tally.summary("would change"), file=sys.stderr)
    return tally.exit_code(edits_fail=True)


@dataclass
class _Output:
    """Text and github lines go out as they come; json and sarif are one document at the end."""

    form: str
    documents: list[dict[str, Any]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    errors: list[CleanerError] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            self.errors.append(outcome.error)
        if self.form == "json":
            self.documents.append(json_document(outcome))
        elif self.form == "sarif":
            self.items.extend(items(outcome))
        else:
            for line in _lines(outcome, self.form):
                print(line)

    def finish(self, project: Project, tally: Tally) -> None:
        if self.form == "json":
            _dump(json_run(self.documents, _summary(tally)))
        elif self.form == "sarif":
            _dump(sarif_log(project.specs, self.items, self.errors))


@dataclass
class _NewBaseline:
    """--update-baseline: every finding of the checked files becomes accepted."""

    project: Project
    accepted: Counter[Key] = field(default_factory=Counter)
    checked: set[str] = field(default_factory=set)

    def accept(self, outcome: Outcome) -> Outcome:
        """Count the outcome's findings in; accepted, they no longer fail the check."""
        result = outcome.result
        if result is None:
            return outcome
        path = self.project.relative(outcome.document.source.path)
        self.checked.add(path)
        self.accepted.update(keys(path, result.findings, result.text))
        return replace(outcome, result=replace(result, findings=()))

    def write(self) -> None:
        path = self.project.config.baseline_path
        Baseline.update(path, self.accepted, self.checked)
        print(f"baseline: {self.accepted.total()} findings accepted -> {path}", file=sys.stderr)


def _lines(outcome: Outcome, form: str) -> list[str]:
    if form == "github":
        return list(github_lines(outcome))
    return [*edit_lines(outcome), *finding_lines(outcome)]


def _summary(tally: Tally) -> dict[str, int]:
    names = ["documents", "changed", "edits", "findings", "failing_findings", "errors"]
    return {name: getattr(tally, name) for name in names}


def _dump(data: dict[str, Any]) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=plain)
    sys.stdout.write("\n")
