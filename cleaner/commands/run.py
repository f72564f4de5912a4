"""cleaner run: clean inputs into an output folder with the change log, flags and metadata.

The inputs are never modified. With --report DIR, the HTML report of the same run
(see `cleaner report`) is written too, from the same pass over the inputs.
Exit 0 on success, 1 when findings at or above --fail-level remain in the cleaned
text, 2 on any input or rule error (the other inputs are still processed).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_out_option,
    add_project_options,
    add_rule_options,
    project_from,
)
from cleaner.commands.scale import add_scale_options, scaled_outcomes
from cleaner.errors import CleanerError
from cleaner.output import RunWriter
from cleaner.reading import Source
from cleaner.report.site import ReportWriter
from cleaner.rule import RuleSpec


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner run`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to clean")
    add_out_option(
        parser, out_help="output folder: cleaned copies, changes.jsonl, flags.jsonl, metadata.jsonl"
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="DIR",
        help="also write the HTML report here (replaced as a whole, so not --out or above it)",
    )
    add_rule_options(parser)
    add_project_options(parser)
    add_scale_options(parser)


def main(args: argparse.Namespace) -> int:
    """Clean every input into --out."""
    project = project_from(args)
    sources = _outside(project.sources(args.paths), args.out)
    tally = Tally(project.fail_level)
    report = _report_writer(args, project.specs)
    if report is not None:
        sources = _outside(sources, args.report)
    with contextlib.ExitStack() as stack:
        writer = stack.enter_context(RunWriter(args.out))
        if report is not None:
            stack.enter_context(report)
        for outcome in scaled_outcomes(project, sources, args):
            tally.add(outcome)
            writer.add(outcome)
            if report is not None:
                report.add(outcome)
    print(f"{tally.summary('changed')} -> {args.out}", file=sys.stderr)
    return tally.exit_code(edits_fail=False)


def _report_writer(args: argparse.Namespace, specs: list[RuleSpec]) -> ReportWriter | None:
    """The report writer --report asks for; the report folder is replaced, so not --out."""
    if args.report is None:
        return None
    report, out = args.report.resolve(), args.out.resolve()
    if report == out or report in out.parents:
        raise CleanerError("--report must not be --out or a folder holding it", path=str(report))
    return ReportWriter(args.report, specs)


def _outside(sources: list[Source], out_dir: Path) -> list[Source]:
    """Skip files already inside the output folder; refuse to overwrite an input."""
    out = out_dir.resolve()
    kept = []
    named: dict[str, Path] = {}
    for source in sources:
        path = source.path.resolve()
        if (out / source.rel).resolve() == path:
            raise CleanerError(
                "output would overwrite this input; choose another --out", path=str(path)
            )
        if source.rel in named:  # two folders with an a.txt each: one copy, mixed logs
            raise CleanerError(
                f"same output name {source.rel!r} as {named[source.rel]}; "
                "run the folders separately or name their common parent",
                path=str(source.path),
            )
        named[source.rel] = source.path
        if out not in path.parents:
            kept.append(source)
    return kept
