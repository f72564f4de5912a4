"""datatrove's pipeline comparable to ours, on one JSONL file (run by throughput.py).

JsonlReader -> FTFYFormatter -> SymbolLinesFormatter -> regex line removal ->
C4QualityFilter -> JsonlWriter, in one task and one worker. datatrove has no step
that removes lines by pattern, so `RegexLines` is the few lines a datatrove user
would write: one alternation of the widget phrases of our boilerplate drop_line
rules, matched against whole lines. With --gated, ftfy runs only on documents in
which our mojibake marker regex (rules/encoding/mojibake.yaml) finds something,
the way our encoding.mojibake rule is gated.

    .venv/bin/python benchmarks/datatrove_pipeline.py CORPUS.jsonl OUT_DIR [--gated]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import regex
import yaml
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.filters import C4QualityFilter
from datatrove.pipeline.formatters import FTFYFormatter, SymbolLinesFormatter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import Material  # noqa: E402


class RegexLines(BaseFormatter):
    """Remove lines that are one of the widget phrases (whole line, any case)."""

    name = "regex lines"

    def __init__(self, phrases: list[str]) -> None:
        super().__init__()
        alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        self.pattern = re.compile(rf"^[^\S\n]*(?:{alternation})[^\S\n]*\n?", re.I | re.M)

    def format(self, text: str) -> str:
        return self.pattern.sub("", text)


class GatedFTFY(FTFYFormatter):
    """datatrove's ftfy step, run only where our mojibake markers find something."""

    name = "ftfy (gated)"

    def __init__(self) -> None:
        super().__init__()
        rule = yaml.safe_load((ROOT / "rules/encoding/mojibake.yaml").read_text("utf-8"))
        self.markers = regex.compile(rule["params"]["markers"])

    def format(self, text: str) -> str:
        return super().format(text) if self.markers.search(text) else text


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--gated", action="store_true")
    args = parser.parse_args()
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(args.corpus.parent), glob_pattern=args.corpus.name),
            GatedFTFY() if args.gated else FTFYFormatter(),
            SymbolLinesFormatter(),
            RegexLines(Material().widgets),
            C4QualityFilter(),
            JsonlWriter(str(args.out)),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(args.out / "logs"),
    )
    executor.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
