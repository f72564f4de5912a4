"""cleaner check: report pending edits and findings; change nothing.

Exit 0 when clean, 1 when an edit is pending or a finding reaches --fail-level,
2 on an input or rule error.
"""

from __future__ import annotations

import argparse
import sys

from cleaner.batch import clean_sources
from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_rule_options,
    pipeline_from,
    sources_from,
)
from cleaner.report.lines import edit_lines, finding_lines
from cleaner.rule import Level


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner check`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to check")
    add_rule_options(parser)


def main(args: argparse.Namespace) -> int:
    """Print one `path:line:col: rule message` line per pending edit or finding."""
    pipeline = pipeline_from(args)
    tally = Tally(Level.parse(args.fail_level))
    for outcome in clean_sources(sources_from(args), pipeline, args.text_field):
        tally.add(outcome)
        for line in [*edit_lines(outcome), *finding_lines(outcome)]:
            print(line)
    print(tally.summary("would change"), file=sys.stderr)
    return tally.exit_code(edits_fail=True)
