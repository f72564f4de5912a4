"""cleaner report: a static HTML report of what cleaning would do, for reviewers.

DIR/index.html lists every rule (edits, characters removed, documents) and every
document (sortable, filterable by rule, paged); each document has a page with the
original text, removed spans struck through and labelled with their rule, inserted
text marked, findings highlighted and the recovered metadata beside it. The folder
is self-contained (no network) and replaced as a whole on each run; a folder that
is not empty and not an earlier report is refused. The inputs are not modified.
Exit 0 on success, 1 when findings at or above --fail-level remain, 2 on errors.
"""

from __future__ import annotations

import argparse
import sys

from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_out_option,
    add_project_options,
    add_rule_options,
    project_from,
)
from cleaner.report.site import ReportWriter


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner report`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to report on")
    add_out_option(
        parser, out_help="report folder (index.html, docs/, data/, assets/); replaced as a whole"
    )
    add_rule_options(parser)
    add_project_options(parser)


def main(args: argparse.Namespace) -> int:
    """Clean every input in memory and write the report."""
    project = project_from(args)
    tally = Tally(project.fail_level)
    out = args.out.resolve()
    sources = [s for s in project.sources(args.paths) if out not in s.path.resolve().parents]
    with ReportWriter(args.out, project.specs) as writer:
        for outcome in project.outcomes(sources):
            tally.add(outcome)
            writer.add(outcome)
    print(f"{tally.summary('would change')} -> {args.out / 'index.html'}", file=sys.stderr)
    return tally.exit_code(edits_fail=False)
