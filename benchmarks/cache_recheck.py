"""How long `cleaner check` takes to re-check an unchanged corpus with a warm cache.

Generates N small clean news-like text files in a temporary folder, runs
`cleaner check` on them once cold (filling .cleaner_cache/), then warm, and reports
the warm re-check in seconds per 10,000 files, measured two ways:

- in process: the time of `cleaner.cli.main(["check", ...])`, which is what a
  long-lived caller (an editor, a test) pays, settings and rule fingerprint included;
- CLI: the wall time of a `python -m cleaner check` process, interpreter start and
  imports included, with the start-up alone (`python -m cleaner --version`) shown
  beside it, since that part does not grow with the corpus.

Each is given as wall time and as CPU time (user + system): on a shared machine
the wall time grows with the load, the CPU time much less. The best of --repeat
runs is kept.

    .venv/bin/python benchmarks/cache_recheck.py                 # 10,000 files
    .venv/bin/python benchmarks/cache_recheck.py --files 2000 --json
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleaner.cli import main as cleaner_main

SUBJECTS = ["The council", "The ministry", "The company", "Local residents", "The committee"]
VERBS = ["approved", "discussed", "rejected", "postponed", "reviewed", "welcomed"]
OBJECTS = [
    "the new budget for the coming year",
    "a plan to repair the old bridge",
    "changes to the school timetable",
    "the proposal for a larger park",
    "a report on water quality in the river",
]
TAILS = ["on Monday", "after a long debate", "in a short statement", "late on Friday", ""]


def article(rng: random.Random, number: int) -> str:
    """A short clean article: three paragraphs of plain sentences, unique per file."""
    paragraphs = []
    for _ in range(3):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
            tail = rng.choice(TAILS)
            sentences.append(" ".join([*parts, tail]).strip() + ".")
        paragraphs.append(" ".join(sentences))
    paragraphs.append(f"The meeting was number {number} this season, officials said.")
    return "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"{number:06d}.txt").write_text(article(rng, number), encoding="utf-8")


Timing = tuple[int, float, float]  # exit code, wall seconds, CPU seconds


def in_process(args: list[str]) -> Timing:
    sink = io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        code = cleaner_main(args)
    return code, time.perf_counter() - start, time.process_time() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli(args: list[str], cwd: Path) -> Timing:
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", *args], cwd=cwd, capture_output=True, check=False
    )
    return done.returncode, time.perf_counter() - start, _children_cpu() - cpu


def best(runs: list[Timing]) -> tuple[float, float]:
    """The fastest wall time and the smallest CPU time among runs."""
    return min(run[1] for run in runs), min(run[2] for run in runs)


def measure(root: Path, count: int, extra: list[str], repeat: int) -> dict[str, object]:
    corpus = root / "corpus"
    command = ["check", str(corpus), *extra]
    code, cold, cold_cpu = cli(command, root)
    if code not in (0, 1):
        raise SystemExit(f"cold check failed with exit code {code}")
    with contextlib.chdir(root):  # the cache lives next to the configuration, here cwd
        warm, warm_cpu = best([in_process(command) for _ in range(repeat)])
    warm_cli, warm_cli_cpu = best([cli(command, root) for _ in range(repeat)])
    startup, startup_cpu = best([cli(["--version"], root) for _ in range(repeat)])
    scale = 10_000 / count
    figures = {
        "files": count,
        "cold_cli": (cold, cold_cpu),
        "warm_in_process": (warm, warm_cpu),
        "warm_cli": (warm_cli, warm_cli_cpu),
        "cli_startup": (startup, startup_cpu),
        "warm_in_process_per_10k": (warm * scale, warm_cpu * scale),
        "warm_cli_per_10k_without_startup": (
            (warm_cli - startup) * scale,
            (warm_cli_cpu - startup_cpu) * scale,
        ),
    }
    return {
        name: value
        if isinstance(value, int)
        else {"wall": round(value[0], 3), "cpu": round(value[1], 3)}
        for name, value in figures.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs; the best is kept")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("check_args", nargs="*", help="extra `cleaner check` options after --")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cleaner-cache-bench-") as folder:
        root = Path(folder)
        generate(root / "corpus", args.files, args.seed)
        figures = measure(root, args.files, args.check_args, args.repeat)
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", file=sys.stderr)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{'seconds':36} {'wall':>8} {'cpu':>8}")
    for name, value in figures.items():
        if isinstance(value, dict):
            print(f"{name:36} {value['wall']:8.3f} {value['cpu']:8.3f}")
        else:
            print(f"{name:36} {value:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
