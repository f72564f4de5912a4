"""cleaner fix: rewrite files in place, atomically; exit 1 if any file changed.

Like a pre-commit fixer: a run that changed files fails, so the user reviews the
change, and the next run passes because cleaning is idempotent. Metadata taken out
of a text file's body goes into its YAML front matter (JSONL: the record's
"metadata" field), which later runs read and never clean.
"""

from __future__ import annotations

import argparse
import sys
from itertools import groupby

from cleaner.batch import Outcome
from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_project_options,
    add_rule_options,
    project_from,
)
from cleaner.report.lines import finding_lines
from cleaner.rule import Level
from cleaner.writing import atomic_write, sweep_stale_temporaries


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner fix`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to fix in place")
    add_rule_options(parser)
    add_project_options(parser)


def main(args: argparse.Namespace) -> int:
    """Fix every file; print what changed and the findings that remain."""
    project = project_from(args)
    sources = project.sources(args.paths)
    for folder in sorted({source.path.parent for source in sources}):
        sweep_stale_temporaries(folder)
    tally = Tally(project.fail_level)
    outcomes = project.outcomes(sources)
    for _, group in groupby(outcomes, key=lambda outcome: outcome.document.source):
        _fix_file(list(group), tally, project.fail_level)
    print(tally.summary("fixed"), file=sys.stderr)
    return tally.exit_code(edits_fail=True)


def _fix_file(outcomes: list[Outcome], tally: Tally, fail_level: Level) -> None:
    for outcome in outcomes:
        tally.add(outcome)
        for line in finding_lines(outcome, fail_level):
            print(line)
    if not any(outcome.needs_rewrite for outcome in outcomes):
        return
    source = outcomes[0].document.source
    text = "".join(outcome.render(front_matter=True).text for outcome in outcomes)
    atomic_write(source.path, text.encode("utf-8"))
    edits = sum(o.result.edit_count for o in outcomes if o.result is not None)
    print(f"fixed {source.path} ({edits} edits)")
