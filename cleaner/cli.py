"""The `cleaner` command line: argparse, one subcommand per module in commands/.

`main(argv)` returns the exit code: 0 nothing to do, 1 pending edits or findings at
or above --fail-level (or, for fix, files changed), 2 error.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType

from cleaner import __version__
from cleaner.commands import check, diff, fix, report, revert, rules, run
from cleaner.errors import CleanerError

COMMANDS: dict[str, tuple[ModuleType, str]] = {
    "run": (run, "clean inputs into an output folder, with change log, flags and metadata"),
    "check": (check, "report pending edits and findings (path:line:col: rule message)"),
    "fix": (fix, "rewrite files in place, atomically; exit 1 if any file changed"),
    "diff": (diff, "show the diff fix would apply: word-level, hunks annotated with rules"),
    "report": (report, "write a static HTML report for reviewers (index + a page per document)"),
    "revert": (revert, "rebuild the originals from a run folder, byte for byte"),
    "rules": (rules, "list, show and test the rules"),
}

EPILOG = """\
examples:
  cleaner run seeds/ --out cleaned/        clean a folder; logs go to cleaned/*.jsonl
  cleaner check seeds/                     what would change, and findings
  cleaner check corpus.jsonl --text-field body --fail-level warning
  cleaner fix seeds/*.txt                  rewrite in place (exit 1 if changed)
  cleaner diff seeds/ --select boilerplate only the boilerplate pack
  cleaner check seeds/ --format sarif      SARIF 2.1.0 for code scanning (also json, github)
  cleaner report seeds/ --out report/      HTML report: open report/index.html
  cleaner revert cleaned/ --out restored/  originals back from the change log
  cleaner rules show boilerplate.share-buttons

exit codes: 0 nothing to do, 1 pending edits or failing findings, 2 error
"""


def build_parser() -> argparse.ArgumentParser:
    """The full parser; kept separate so tests and docs can inspect it."""
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Clean news-text corpora with rules: boilerplate, encoding, metadata, "
        "translation artifacts. Every edit is logged and revertible.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, summary) in COMMANDS.items():
        sub = commands.add_parser(
            name,
            help=summary,
            description=module.__doc__,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the command, and turn errors into exit code 2."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    module, _ = COMMANDS[args.command]
    try:
        code: int = module.main(args)
    except CleanerError as error:
        if args.debug:
            traceback.print_exc()
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `cleaner diff | head`: the reader left; stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code
