"""Throughput of mojibake repair: ftfy on every document vs the gated mojibake kind.

The corpus is seed-like: documents assembled from the paragraphs of seeds/ (and,
with --pages DIR, the real multilingual pages of the development set, read at
run time), of which a share (--corrupt, default 5%) get one paragraph turned into
mojibake: UTF-8 read as Windows-1252, as Latin-1, or twice as Windows-1252.

Rows (MB/s of UTF-8 input, best of --repeat runs):
- `ftfy.fix_text, defaults`: what "run ftfy on every document" costs;
- `ftfy.fix_text, encoding only`: the same fixes our rule asks for, ungated;
- `markers gate alone`: the regex scan a clean document pays;
- `mojibake kind (detect)`: gate + ftfy on suspicious lines + edits;
- `engine, encoding.mojibake only`: the above through the engine, edits applied.

It also checks that the gated kind gives exactly what ungated encoding-only ftfy
gives (per line) on every document: a miss of the gate would show up there.

    .venv/bin/python benchmarks/mojibake_gate.py [--docs 2000] [--pages DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

from cleaner.document import TextView
from cleaner.engine import Pipeline
from cleaner.kinds.mojibake import Mojibake, encoding_only
from cleaner.ruleset import Selection, load_rules

ROOT = Path(__file__).resolve().parent.parent
CORRUPTIONS: dict[str, Callable[[str], str]] = {
    "cp1252": lambda p: p.encode("utf-8").decode("sloppy-windows-1252"),
    "latin-1": lambda p: p.encode("utf-8").decode("latin-1"),
    "cp1252 twice": lambda p: CORRUPTIONS["cp1252"](CORRUPTIONS["cp1252"](p)),
}
# The rule's own settings, without the explanation the rule asks ftfy for.
ENCODING_ONLY = encoding_only()._replace(explain=False)


def paragraphs(pages: Path | None) -> list[str]:
    """Paragraphs of the seeds, plus those of the dev-set pages when given."""
    files = sorted((ROOT / "seeds").glob("*.txt"))
    if pages is not None:
        files += sorted(p for p in pages.glob("*.txt") if not p.name.endswith(".gold.txt"))
    found = []
    for path in files:
        found += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 5]
    return found


def corpus(pool: list[str], docs: int, share: float, seed: int) -> tuple[list[str], int]:
    """`docs` documents of 4-12 paragraphs; `share` of them with one mojibake paragraph."""
    rng = random.Random(seed)
    documents, corrupted = [], 0
    for _ in range(docs):
        chosen = rng.sample(pool, rng.randint(4, 12))
        if rng.random() < share:
            index = rng.randrange(len(chosen))
            chosen[index] = CORRUPTIONS[rng.choice(list(CORRUPTIONS))](chosen[index])
            corrupted += 1
        documents.append("\n\n".join(chosen))
    return documents, corrupted


def throughput(run: Callable[[str], object], documents: list[str], repeat: int) -> float:
    """MB/s of UTF-8 input, best of `repeat` passes over all documents."""
    size = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            run(document)
        best = min(best, time.perf_counter() - start)
    return size / best


def gated_text(detector: Mojibake, document: str) -> str:
    """The document with the kind's edits applied (they never overlap)."""
    edits = sorted(detector.detect(TextView(document)), key=lambda e: e.start)
    pieces, cursor = [], 0
    for edit in edits:
        pieces += [document[cursor : edit.start], edit.replacement]
        cursor = edit.end
    return "".join([*pieces, document[cursor:]])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--corrupt", type=float, default=0.05)
    parser.add_argument("--pages", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    documents, corrupted = corpus(paragraphs(args.pages), args.docs, args.corrupt, args.seed)
    rules = load_rules(selection=Selection(["encoding.mojibake"]))
    detector = rules[0].detector
    assert isinstance(detector, Mojibake)
    pipeline = Pipeline(rules, valve=1.0)
    rows = {
        "ftfy.fix_text, defaults": ftfy.fix_text,
        "ftfy.fix_text, encoding only": lambda d: ftfy.fix_text(d, ENCODING_ONLY),
        "markers gate alone": detector.markers.search,
        "mojibake kind (detect)": lambda d: list(detector.detect(TextView(d))),
        "engine, encoding.mojibake only": pipeline.clean,
    }
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    print(f"{len(documents)} documents, {megabytes:.1f} MB, {corrupted} with mojibake\n")
    print("| step | MB/s |\n|---|---:|")
    for label, run in rows.items():
        print(f"| {label} | {throughput(run, documents, args.repeat):.1f} |")
    misses = sum(gated_text(detector, d) != ftfy.fix_text(d, ENCODING_ONLY) for d in documents)
    print(f"\ndocuments where the gated kind differs from ungated ftfy: {misses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
