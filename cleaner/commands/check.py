"""cleaner check: report pending edits and findings; change nothing.

--format text (default) prints `path:line:col: rule message` lines; json prints one
object for the whole run; sarif a SARIF 2.1.0 log for code-scanning services;
github one workflow command per item, which GitHub Actions shows as annotations.
Exit 0 when clean, 1 when an edit is pending or a finding reaches --fail-level,
2 on an input or rule error.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cleaner.batch import Outcome, clean_sources
from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_rule_options,
    pipeline_from,
    sources_from,
)
from cleaner.errors import CleanerError
from cleaner.report.formats import Item, github_lines, items, json_document, json_run
from cleaner.report.lines import edit_lines, finding_lines
from cleaner.report.sarif import sarif_log
from cleaner.rule import Level

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
    add_rule_options(parser)


def main(args: argparse.Namespace) -> int:
    """Print every pending edit and finding in the chosen format."""
    pipeline = pipeline_from(args)
    tally = Tally(Level.parse(args.fail_level))
    documents: list[dict[str, Any]] = []
    found: list[Item] = []
    errors: list[CleanerError] = []
    for outcome in clean_sources(sources_from(args), pipeline, args.text_field):
        tally.add(outcome)
        if outcome.error is not None:
            errors.append(outcome.error)
        if args.format == "json":
            documents.append(json_document(outcome))
        elif args.format == "sarif":
            found.extend(items(outcome))
        else:
            for line in _lines(outcome, args.format):
                print(line)
    if args.format == "json":
        _dump(json_run(documents, _summary(tally)))
    elif args.format == "sarif":
        _dump(sarif_log([rule.spec for rule in pipeline.all_rules], found, errors))
    print(tally.summary("would change"), file=sys.stderr)
    return tally.exit_code(edits_fail=True)


def _lines(outcome: Outcome, form: str) -> list[str]:
    if form == "github":
        return list(github_lines(outcome))
    return [*edit_lines(outcome), *finding_lines(outcome)]


def _summary(tally: Tally) -> dict[str, int]:
    names = ["documents", "changed", "edits", "findings", "failing_findings", "errors"]
    return {name: getattr(tally, name) for name in names}


def _dump(data: dict[str, Any]) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
