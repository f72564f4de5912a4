"""cleaner cache clear: forget every cached result.

check and fix remember the files they found clean (with their findings and
metadata) in .cleaner_cache/ next to the configuration file (or in the working
directory; the `cache-dir` setting moves it). Entries are keyed by the tool's code,
the rules and settings, and each file's bytes, so a stale entry is never used and
clearing is only needed to reclaim disk space. --no-cache on check and fix skips
the cache for one run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.cache import DEFAULT_DIR, clear
from cleaner.config import load


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Subcommands of `cleaner cache`."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    clearing = actions.add_parser("clear", help="delete the cache of clean-file results")
    clearing.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="settings file naming the cache-dir (default: the nearest cleaner.toml or "
        "pyproject.toml with [tool.cleaner])",
    )


def main(args: argparse.Namespace) -> int:
    """Delete the cache folder's database."""
    config = load(args.config)
    folder = config.cache_dir or config.root / DEFAULT_DIR
    existed = clear(folder)
    print(f"cache {'cleared' if existed else 'was empty'}: {folder}", file=sys.stderr)
    return 0
