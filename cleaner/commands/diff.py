"""cleaner diff: the unified diff `fix` would apply, hunks annotated with rule ids and reasons.

In a terminal the diff is coloured and the words each change touched are marked
inside their lines; piped or with --no-color (or NO_COLOR set) it is a plain,
valid patch with the rules and reasons in the hunk headers.
Exit 1 when there is any difference, 0 when none, 2 on errors.
"""

from __future__ import annotations

import argparse
import sys

from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_project_options,
    add_rule_options,
    project_from,
)
from cleaner.report.diff import diff_lines, plain
from cleaner.report.terminal import colored, use_color


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner diff`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to diff")
    parser.add_argument(
        "--color",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="colour the diff (default: when writing to a terminal and NO_COLOR is unset)",
    )
    add_rule_options(parser)
    add_project_options(parser)


def main(args: argparse.Namespace) -> int:
    """Print a diff per changed document."""
    project = project_from(args)
    tally = Tally(project.fail_level)
    render = colored if use_color(sys.stdout, args.color) else plain
    for outcome in project.outcomes(project.sources(args.paths)):
        tally.add(outcome)
        result = outcome.result
        if result is None or not result.changed:
            continue
        name = str(outcome.document.source.path)
        if outcome.document.line is not None:
            name = f"{name}:{outcome.document.line}"
        lines = diff_lines(result.original, result.text, name, result.changes)
        sys.stdout.writelines(render(lines))
    print(tally.summary("would change"), file=sys.stderr)
    if tally.errors:
        return 2
    return 1 if tally.changed else 0
