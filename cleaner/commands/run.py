"""cleaner run: clean inputs into an output folder with the change log, flags and metadata.

The inputs are never modified. Exit 0 on success, 1 when findings at or above
--fail-level remain in the cleaned text, 2 on any input or rule error (the other
inputs are still processed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.batch import clean_sources
from cleaner.commands.common import (
    Tally,
    add_input_options,
    add_rule_options,
    pipeline_from,
    sources_from,
)
from cleaner.errors import CleanerError
from cleaner.output import RunWriter
from cleaner.reading import Source
from cleaner.rule import Level


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `cleaner run`."""
    add_input_options(parser, paths_help="text files, JSONL files or directories to clean")
    parser.add_argument(
        "--out",
        "-o",
        required=True,
        type=Path,
        metavar="DIR",
        help="output folder: cleaned copies, changes.jsonl, flags.jsonl, metadata.jsonl",
    )
    add_rule_options(parser)


def main(args: argparse.Namespace) -> int:
    """Clean every input into --out."""
    pipeline = pipeline_from(args)
    sources = _outside(sources_from(args), args.out)
    tally = Tally(Level.parse(args.fail_level))
    with RunWriter(args.out) as writer:
        for outcome in clean_sources(sources, pipeline, args.text_field):
            tally.add(outcome)
            writer.add(outcome)
    print(f"{tally.summary('changed')} -> {args.out}", file=sys.stderr)
    return tally.exit_code(edits_fail=False)


def _outside(sources: list[Source], out_dir: Path) -> list[Source]:
    """Skip files already inside the output folder; refuse to overwrite an input."""
    out = out_dir.resolve()
    kept = []
    for source in sources:
        path = source.path.resolve()
        if (out / source.rel).resolve() == path:
            raise CleanerError(
                "output would overwrite this input; choose another --out", path=str(path)
            )
        if out not in path.parents:
            kept.append(source)
    return kept
