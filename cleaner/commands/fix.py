"""cleaner fix: rewrite files in place, atomically; exit 1 if any file changed.

Like a pre-commit fixer: a run that changed files fails, so the user reviews the
change, and the next run passes because cleaning is idempotent. Metadata taken out
of a text file's body goes into its YAML front matter (JSONL: the record's
"metadata" field), which later runs read and never clean.
Only the files given (or found under the folders given) are touched; findings the
baseline accepts do not fail it, and files known clean are skipped (see
`cleaner cache`), which keeps pre-commit runs on large corpora fast.
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
    report_error,
)
from cleaner.errors import InputError
from cleaner.report.lines import finding_lines
from cleaner.rule import Level
from cleaner.writing import atomic_write, sweep_stale_temporaries


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner fix`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to fix in place")
    add_rule_options(parser)
    add_project_options(parser, cache=True)


def main(args: argparse.Namespace) -> int:
    """Fix every file; print what changed and the findings that remain."""
    project = project_from(args, baseline=True)
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
    if any(o.document.error is not None and o.document.line is None for o in outcomes):
        return  # The file was not read to its end: rewriting it would drop the rest.
    source = outcomes[0].document.source
    text = "".join(outcome.render(front_matter=True).text for outcome in outcomes)
    # surrogateescape: a JSONL line that was not UTF-8 is kept, and goes back byte for byte.
    try:
        atomic_write(source.path, text.encode("utf-8", errors="surrogateescape"))
    except OSError as exc:  # e.g. the file became a folder mid-run: the others go on
        tally.errors += 1
        message = f"cannot write: {exc.strerror or exc}; file left as is"
        report_error(InputError(message, path=str(source.path)))
        return
    edits = sum(o.result.edit_count for o in outcomes if o.result is not None)
    print(f"fixed {source.path} ({edits} edits)")
