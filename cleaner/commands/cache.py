"""cleaner cache clear: forget every cached result (the cache lives in .cleaner_cache/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleaner.cache import DEFAULT_DIR, clear
from cleaner.config import load


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Subcommands of `cleaner cache`."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("clear", help="delete the cache of clean-file results")
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file to use")


def main(args: argparse.Namespace) -> int:
    """Delete the cache folder's database."""
    config = load(args.config)
    folder = config.cache_dir or config.root / DEFAULT_DIR
    existed = clear(folder)
    print(f"cache {'cleared' if existed else 'was empty'}: {folder}", file=sys.stderr)
    return 0
