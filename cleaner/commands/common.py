"""Options and bookkeeping the commands share."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.batch import Outcome
from cleaner.errors import CleanerError
from cleaner.project import Options, Project
from cleaner.rule import Level

EXIT_CLEAN, EXIT_PENDING, EXIT_ERROR = 0, 1, 2


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """--rules / --select / --ignore: which rules run."""
    group = parser.add_argument_group("rules")
    group.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        type=Path,
        help="extra rule folder (<pack>/<name>.yaml files); repeatable",
    )
    group.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="ID",
        help="run only these rules or packs (e.g. boilerplate, encoding.mojibake); repeatable",
    )
    group.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="ID",
        help="skip these rules or packs; repeatable",
    )


def add_out_option(parser: argparse.ArgumentParser, *, out_help: str) -> None:
    """The required output folder of the commands that write one (run, report, revert)."""
    parser.add_argument("--out", "-o", required=True, type=Path, metavar="DIR", help=out_help)


def add_input_options(parser: argparse.ArgumentParser, *, paths_help: str) -> None:
    """Positional paths plus --glob / --text-field / --fail-level."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    group = parser.add_argument_group("input")
    # No argparse defaults here: an option left out falls back to the configuration
    # file, then to the default Project names (*.txt, text, error).
    group.add_argument(
        "--glob",
        help="files to take from directories, recursively (default: glob setting, or *.txt)",
    )
    group.add_argument(
        "--text-field",
        metavar="NAME",
        help="JSONL field holding the text (default: text-field setting, or text); "
        "other fields are kept",
    )
    group.add_argument(
        "--fail-level",
        choices=["info", "warning", "error"],
        help="findings at or above this level make the exit code 1 "
        "(default: fail-level setting, or error)",
    )


def add_project_options(parser: argparse.ArgumentParser, *, cache: bool = False) -> None:
    """--config, and --no-cache for the commands that use the cache (check, fix)."""
    group = parser.add_argument_group("project")
    group.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file (default: the nearest cleaner.toml or pyproject.toml "
        "with [tool.cleaner])",
    )
    if cache:
        group.add_argument(
            "--no-cache",
            dest="cache",
            action="store_false",
            help="ignore and do not update the cache of clean files (.cleaner_cache/)",
        )


def project_from(args: argparse.Namespace, *, baseline: bool = False) -> Project:
    """The project the options and the configuration file describe.

    Only check and fix leave out the findings the baseline accepts (`baseline`);
    run and report record every finding.
    """
    options = Options(
        select=tuple(args.select),
        ignore=tuple(args.ignore),
        rules=tuple(args.rules),
        fail_level=args.fail_level,
        glob=args.glob,
        text_field=args.text_field,
        cache=getattr(args, "cache", False),
        baseline=baseline,
        config=getattr(args, "config", None),
        max_bytes=getattr(args, "max_bytes", None),
    )
    return Project(options)


def report_error(error: CleanerError) -> None:
    """One line on stderr, in the path:line: message shape."""
    print(f"error: {error}", file=sys.stderr)


@dataclass
class Tally:
    """Counts for the closing summary line and the exit code."""

    fail_level: Level
    documents: int = 0
    changed: int = 0
    edits: int = 0
    findings: int = 0
    failing_findings: int = 0
    errors: int = 0
    changed_files: set[str] = field(default_factory=set)

    def add(self, outcome: Outcome) -> None:
        """Count one outcome, reporting its error if it has one."""
        if outcome.error is not None:
            self.errors += 1
            report_error(outcome.error)
        if outcome.notice is not None:  # a document too large to clean
            self.findings += 1
            self.failing_findings += outcome.notice.level >= self.fail_level
        result = outcome.result
        if result is None:
            return
        self.documents += 1
        self.edits += result.edit_count
        self.findings += len(result.findings)
        self.failing_findings += sum(f.level >= self.fail_level for f in result.findings)
        if result.changed:
            self.changed += 1
            self.changed_files.add(str(outcome.document.source.path))

    def summary(self, verb: str) -> str:
        """E.g. '5 documents, 3 changed (12 edits), 4 findings, 0 errors'."""
        return (
            f"{self.documents} documents, {self.changed} {verb} ({self.edits} edits), "
            f"{self.findings} findings, {self.errors} errors"
        )

    def exit_code(self, *, edits_fail: bool) -> int:
        """2 on any error, else 1 when edits (if they count) or failing findings remain."""
        if self.errors:
            return EXIT_ERROR
        if (edits_fail and self.edits) or self.failing_findings:
            return EXIT_PENDING
        return EXIT_CLEAN
