"""The `cleaner` command line: argparse, one subcommand per module in commands/.

`main(argv)` returns the exit code: 0 nothing to do, 1 pending edits or findings at
or above --fail-level (or, for fix, files changed), 2 error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from types import ModuleType

from cleaner import __version__
from cleaner.commands import cache, check, diff, fix, report, revert, rules, run
from cleaner.errors import CleanerError

COMMANDS: dict[str, tuple[ModuleType, str]] = {
    "run": (run, "clean inputs into an output folder, with change log, flags and metadata"),
    "check": (check, "report pending edits and findings (path:line:col: rule message)"),
    "fix": (fix, "rewrite files in place, atomically; exit 1 if any file changed"),
    "diff": (diff, "show the diff fix would apply: word-level, hunks annotated with rules"),
    "report": (report, "write a static HTML report for reviewers (index + a page per document)"),
    "revert": (revert, "rebuild the originals from a run folder, byte for byte"),
    "rules": (rules, "list, show and test the rules"),
    "cache": (cache, "clear the cache of clean-file results (.cleaner_cache/)"),
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
  cleaner check corpus/ --update-baseline  accept today's findings (cleaner-baseline.json)
  cleaner cache clear                      forget cached results (check --no-cache skips them)

settings: [tool.cleaner] in pyproject.toml or cleaner.toml (select, ignore, rules,
per-file-ignores, levels, params, language, exclude, baseline, cache-dir, ...)

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
    if args.debug:  # tracebacks of documents that hit a bug (cleaner.errors.InternalError)
        logger = logging.getLogger("cleaner")
        logger.addHandler(logging.StreamHandler())
        logger.setLevel(logging.DEBUG)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run the command; every error becomes one line and exit code 2."""
    module, _ = COMMANDS[args.command]
    try:
        code: int = module.main(args)
    except CleanerError as error:
        return _failed(args, str(error))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `cleaner diff | head`: the reader left; stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as error:  # an output that cannot be written: disk full, permissions
        return _failed(args, f"{error.filename or 'output'}: {error.strerror or error}")
    except Exception as error:  # a bug: one line, the traceback only with --debug
        message = f"internal error ({type(error).__name__}: {error}); rerun with --debug"
        return _failed(args, message + " and report the traceback")
    return code


def _failed(args: argparse.Namespace, message: str) -> int:
    """Exit code 2 with one line on stderr, and the traceback with --debug."""
    if args.debug:
        traceback.print_exc()
    print(f"error: {message}", file=sys.stderr)
    return 2
