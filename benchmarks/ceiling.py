"""The machine's own ceiling for a process speed-up, measured beside cleaner's.

cleaner's speed-up from one process to N depends on the machine as much as on
cleaner: on a virtual machine, two busy vCPUs may share a physical core or its
caches with each other or with other tenants, and each process then runs slower
than it does alone. This control runs a fixed amount of plain Python work (split
the corpus's texts into words and count them, the kind of work the rules do) in
one process, then the same amount split over N processes. The processes share
nothing and send nothing back, so the ratio of the two times is the most any
program could gain here at that moment; cleaner's speed-up is read against it.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

SAMPLE_DOCS = 400
SINGLE_SECONDS = 6.0


def sample_texts(path: Path, count: int = SAMPLE_DOCS) -> list[str]:
    """The text fields of the first `count` records of a JSONL corpus (also the stage rows')."""
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) >= count:
                break
    return texts


def count_words(texts: list[str], rounds: int) -> int:
    """Plain Python work: split every text into words and count them, `rounds` times."""
    distinct = 0
    for _ in range(rounds):
        for text in texts:
            counts: dict[str, int] = {}
            for word in text.split():
                counts[word] = counts.get(word, 0) + 1
            distinct += len(counts)
    return distinct


def calibrate(texts: list[str], seconds: float = SINGLE_SECONDS) -> int:
    """How many rounds of count_words take about `seconds` in one process."""
    start = time.perf_counter()
    count_words(texts, 1)
    once = max(time.perf_counter() - start, 1e-6)
    return max(1, round(seconds / once))


def timed_processes(texts: list[str], shares: list[int]) -> float:
    """Wall seconds for one process per share, each doing that many rounds."""
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=count_words, args=(texts, rounds)) for rounds in shares]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start


def ceiling(texts: list[str], rounds: int, jobs: int) -> float:
    """The speed-up of the same work in `jobs` processes over one process."""
    alone = timed_processes(texts, [rounds])
    shares = [rounds // jobs + (1 if index < rounds % jobs else 0) for index in range(jobs)]
    return alone / timed_processes(texts, shares)
