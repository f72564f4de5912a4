"""Throughput and memory of `cleaner run`, per stage and end to end, beside datatrove.

One command measures everything on one generated corpus (benchmarks/corpus.py):

    .venv/bin/python benchmarks/throughput.py --docs 20000 --jobs 1,2 --datatrove

- stages: each default pack alone, and all of them, in this process on the first
  --stage-docs documents (engine only: no reading or writing);
- end to end: `cleaner run CORPUS --out DIR --jobs N` as a child process for each N
  in --jobs (start-up, reading, change log, flags, metadata and language findings
  included), with its peak memory (the resident set of the process and its
  workers, sampled every 50 ms), and a check that every N wrote identical output;
- datatrove (--datatrove, needs `pip install -e ".[bench]"`): the same corpus
  through its comparable pipeline, JsonlReader -> FTFYFormatter ->
  SymbolLinesFormatter -> a regex line remover (the widget phrases of our
  boilerplate rules) -> C4QualityFilter -> JsonlWriter, once with its default
  ftfy step and once with ftfy gated by our mojibake marker regex;
- rounds (--rounds N): N rounds of cleaner at each --jobs count, and with
  --datatrove both datatrove runs, back to back; each round's ratios (the
  speed-up from the first --jobs count to the last, datatrove's time over
  cleaner --jobs 1) and their medians. The machine's speed drifts within minutes,
  so only runs made close together compare well. Each round also measures the
  machine's own ceiling for the speed-up (benchmarks/ceiling.py: plain Python
  work in 1 and N processes that share nothing);
- real pages (--pages DIR, e.g. ../shared/devset/pages): the engine with all packs
  on the .txt files of a folder, with cold caches. The generated corpus recombines a
  few seed paragraphs, so per-line verdicts that rules remember are reused far more
  than on real text; this row shows the speed on lines never seen before;
- memory (--memory 20000,200000): peak memory of end-to-end runs on corpora of
  those sizes (with --memory-select PACKS to keep a large run short).

Timing means something only on an idle machine: the load average is printed with
the figures. MB are 10^6 bytes of UTF-8 input.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import ceiling, corpus  # noqa: E402
from cleaner.engine import Pipeline  # noqa: E402
from cleaner.ruleset import Selection, load_rules  # noqa: E402

PACKS = ("encoding", "whitespace", "metadata", "boilerplate", "translation")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


def row(name: str, docs: int, size: int, seconds: float, extra: str = "") -> str:
    return (
        f"| {name} | {docs} | {seconds:.1f} | {size / 1e6 / seconds:.3f} | "
        f"{docs / seconds:.1f} | {extra} |"
    )


def stages(path: Path, count: int) -> list[str]:
    """Each pack alone, then all packs: engine time on the first `count` documents."""
    texts = ceiling.sample_texts(path, count)
    size = sum(len(text.encode()) for text in texts)
    rows = []
    for name, select in [*((pack, (pack,)) for pack in PACKS), ("all packs", ())]:
        pipeline = Pipeline(load_rules([], Selection(select=select)))
        pipeline.clean(texts[0])  # lazy models (language ID) load outside the timing
        start = time.perf_counter()
        for text in texts:
            pipeline.clean(text)
        rows.append(row(f"stage: {name}", len(texts), size, time.perf_counter() - start))
    return rows


def real_pages(folder: Path) -> list[str]:
    """All packs on real pages, each seen once by a freshly built pipeline."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    size = sum(len(text.encode()) for text in texts)
    pipeline = Pipeline(load_rules([], Selection()))
    pipeline.clean("Warm-up: the language model loads outside the timing.")
    start = time.perf_counter()
    for text in texts:
        pipeline.clean(text)
    seconds = time.perf_counter() - start
    return [row(f"real pages ({folder.name}): all packs", len(texts), size, seconds)]


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def timed(command: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, int, int]:
    """Run a command; wall seconds, peak tree RSS and exit code (one of `ok`, else exit)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while child.poll() is None:
            peak = max(peak, tree_rss(child.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        if child.returncode not in ok:
            errors.seek(0)
            tail = errors.read()[-2000:].decode(errors="replace")
            sys.exit(f"failed ({child.returncode}): {' '.join(command)}\n{tail}")
    return seconds, peak, child.returncode


def run_command(path: Path, out: Path, jobs: int, select: str) -> list[str]:
    command = [sys.executable, "-m", "cleaner", "run", str(path), "--out", str(out)]
    command += ["--jobs", str(jobs), "--no-progress"]
    for pack in filter(None, select.split(",")):
        command += ["--select", pack]
    return command


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        sha.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return sha.hexdigest()


def end_to_end(path: Path, docs: int, jobs: list[int], work: Path) -> list[str]:
    size, rows, digests, base = path.stat().st_size, [], set(), None
    for count in jobs:
        out = work / f"out-{count}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak, _ = timed(run_command(path, out, count, ""))
        base = base or seconds
        digests.add(digest(out))
        extra = f"peak RSS {peak / 1e6:.0f} MB; speed-up {base / seconds:.2f}x"
        rows.append(row(f"cleaner run --jobs {count}", docs, size, seconds, extra))
    rows.append(
        f"| identical output for --jobs {','.join(map(str, jobs))} | "
        f"{'yes' if len(digests) == 1 else 'NO'} | | | | |"
    )
    return rows


def datatrove_run(path: Path, work: Path, gated: bool) -> tuple[float, int]:
    """One run of datatrove's comparable pipeline: wall seconds and peak tree RSS."""
    out = work / f"datatrove-{'gated' if gated else 'ftfy'}"
    shutil.rmtree(out, ignore_errors=True)  # datatrove skips tasks its logs call done
    command = [sys.executable, str(Path(__file__).with_name("datatrove_pipeline.py"))]
    command += [str(path), str(out)] + (["--gated"] if gated else [])
    seconds, peak, _ = timed(command, ok=(0,))
    return seconds, peak


def datatrove(path: Path, docs: int, work: Path) -> list[str]:
    rows, size = [], path.stat().st_size
    for gated in (False, True):
        seconds, peak = datatrove_run(path, work, gated)
        name = "datatrove, ftfy gated by our markers" if gated else "datatrove, default ftfy"
        rows.append(row(name, docs, size, seconds, f"peak RSS {peak / 1e6:.0f} MB"))
    return rows


def head_to_head(
    path: Path, docs: int, work: Path, rounds: int, jobs: list[int], rivals: bool
) -> list[str]:
    """cleaner at each --jobs count (and both datatrove runs) back to back, `rounds` times.

    The machine's speed drifts by up to a factor of two within minutes, so the ratio
    of two runs made minutes apart measures the drift as much as the programs. Each
    round's runs follow each other, and the median of the rounds' ratios is the
    figure to quote: datatrove's time over cleaner --jobs 1 (above 1, cleaner is
    faster), and cleaner's speed-up from the first --jobs count to the last, with
    the machine's ceiling for that speed-up measured right after (benchmarks.ceiling).
    """
    rows, ratios = [], defaultdict(list)
    texts = ceiling.sample_texts(path)
    work_rounds = ceiling.calibrate(texts)
    for number in range(1, rounds + 1):
        times = []
        for count in jobs:
            out = work / "head-to-head"
            shutil.rmtree(out, ignore_errors=True)
            times.append(timed(run_command(path, out, count, ""))[0])
        ratios["speed-up"].append(times[0] / times[-1])
        if len(jobs) > 1:
            ratios["machine ceiling"].append(ceiling.ceiling(texts, work_rounds, jobs[-1]))
        if rivals:
            for label, gated in (("against default", False), ("against gated", True)):
                theirs = datatrove_run(path, work, gated)[0]
                times.append(theirs)
                ratios[label].append(theirs / times[0])
        rows.append(_round_row(f"round {number}", jobs, rivals, docs, times, ratios, -1))
    rows.append(_round_row(f"median of {rounds} rounds", jobs, rivals, docs, [], ratios, None))
    return rows


def _round_row(
    name: str,
    jobs: list[int],
    rivals: bool,
    docs: int,
    times: list[float],
    ratios: dict[str, list[float]],
    pick: int | None,
) -> str:
    """One row: the runs' seconds, and each ratio of the round (or their median)."""
    runs = [f"cleaner --jobs {count}" for count in jobs]
    runs += ["datatrove default", "gated"] if rivals else []
    shown = [k for k in ratios if k != "speed-up" or len(jobs) > 1]
    notes = ", ".join(f"{_pick(ratios[k], pick):.2f}x {k}" for k in shown)
    seconds = ", ".join(f"{t:.1f}" for t in times)
    return f"| {name}: {', '.join(runs)} | {docs} | {seconds} | | | {notes} |"


def _pick(values: list[float], index: int | None) -> float:
    """One round's value, or with no index the median of all rounds."""
    return values[index] if index is not None else statistics.median(values)


def memory(sizes: list[int], select: str, work: Path) -> list[str]:
    rows, first = [], None
    for docs in sizes:
        path = work / f"memory-{docs}.jsonl"
        corpus.write(path, docs)
        seconds, peak, _ = timed(run_command(path, work / f"memory-out-{docs}", 1, select))
        first = first or peak
        extra = f"peak RSS {peak / 1e6:.0f} MB ({peak / first:.2f}x of the first)"
        label = f"memory: cleaner run --jobs 1{' --select ' + select if select else ''}"
        rows.append(row(label, docs, path.stat().st_size, seconds, extra))
        path.unlink()
    return rows


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20_000, help="corpus size (default 20000)")
    parser.add_argument("--jobs", default="1,2", help="process counts to run end to end")
    parser.add_argument("--stage-docs", type=int, default=300, help="documents per stage")
    parser.add_argument("--datatrove", action="store_true", help="run datatrove side by side")
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="interleaved rounds of cleaner at each --jobs (and datatrove): median ratios",
    )
    parser.add_argument("--memory", default="", help="corpus sizes for the memory rows")
    parser.add_argument("--memory-select", default="", help="packs for the memory rows")
    parser.add_argument("--work", type=Path, help="folder for corpora and outputs (kept)")
    parser.add_argument("--pages", type=Path, help="folder of real .txt pages for one more row")
    return parser.parse_args(argv)


def measurements(args: argparse.Namespace, path: Path, work: Path) -> Iterator[str]:
    """The table's rows, in the order they are measured."""
    yield from stages(path, args.stage_docs)
    if args.pages:
        yield from real_pages(args.pages)
    jobs = [int(j) for j in args.jobs.split(",")]
    yield from end_to_end(path, args.docs, jobs, work)
    if args.datatrove:
        yield from datatrove(path, args.docs, work)
    if args.rounds:
        yield from head_to_head(path, args.docs, work, args.rounds, jobs, args.datatrove)
    if args.memory:
        yield from memory([int(n) for n in args.memory.split(",")], args.memory_select, work)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="cleaner-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"corpus-{args.docs}.jsonl"
    if not path.exists():
        corpus.write(path, args.docs)
    print(f"corpus: {args.docs} documents, {path.stat().st_size / 1e6:.1f} MB; {load()}")
    print(f"cpus: {os.cpu_count()}; python {sys.version.split()[0]}\n")
    print("| what | docs | seconds | MB/s | docs/s | notes |")
    print("| --- | --- | --- | --- | --- | --- |")
    for line in measurements(args, path, work):
        print(line, flush=True)
    print(f"\nafter: {load()}; outputs in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
