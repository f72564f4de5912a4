"""Local processes: the same work in parallel, with results in input order.

Documents are grouped into chunks (a few dozen documents, about a megabyte), each
chunk is one task for a pool of worker processes, and results are handed back in
the order the chunks were made, so the output of `--jobs N` is identical to that
of `--jobs 1`. Only a bounded window of chunks is in flight at a time (a few per
process): the input is read as the workers catch up, so memory does not grow with
the corpus. Where the platform allows it, workers are forked and inherit the loaded
pipeline instead of receiving a pickled copy.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, TypeVar

CHUNK_ITEMS = 16
CHUNK_CHARS = 256 * 1024
WINDOW_PER_JOB = 4

Item = TypeVar("Item")
Result = TypeVar("Result")
State = TypeVar("State")


def default_jobs() -> int:
    """All the cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def chunked(
    items: Iterable[Item], weight: Callable[[Item], int], max_weight: int = CHUNK_CHARS
) -> Iterator[list[Item]]:
    """Consecutive items in lists of at most CHUNK_ITEMS items or about `max_weight`."""
    chunk: list[Item] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += weight(item)
        if len(chunk) >= CHUNK_ITEMS or total >= max_weight:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def ordered_map(
    work: Callable[[State, list[Item]], Result],
    chunks: Iterable[list[Item]],
    jobs: int,
    state: State,
    *,
    before_fork: Callable[[], object] | None = None,
) -> Iterator[tuple[list[Item], Result]]:
    """Each chunk with `work(state, chunk)`, in chunk order.

    With one job, or a single chunk (a pre-commit run on a few files), everything
    runs in this process: starting workers would cost more than the work. Otherwise
    each worker process receives `state` once, when it starts (inherited when
    forked), and `work` must be a module-level function so workers can find it by
    name. The chunks stay in this process; only results travel back.
    `before_fork` runs once before the workers start, only if they do: it loads
    what every worker would otherwise load for itself.
    """
    chunks = iter(chunks)
    first = list(islice(chunks, 2))
    chunks = chain(first, chunks)
    if jobs <= 1 or len(first) < 2:
        for chunk in chunks:
            yield chunk, work(state, chunk)
        return
    if before_fork is not None:
        before_fork()
    pool = ProcessPoolExecutor(jobs, _context(), initializer=_receive, initargs=(state,))
    window: deque[tuple[list[Item], Future[Result]]] = deque()
    try:
        for chunk in chunks:
            window.append((chunk, pool.submit(_call, work, chunk)))
            if len(window) >= jobs * WINDOW_PER_JOB:
                done, future = window.popleft()
                yield done, future.result()
        while window:
            done, future = window.popleft()
            yield done, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# The state a worker process received when it started (see ordered_map).
_STATE: list[Any] = []


def _receive(state: Any) -> None:
    _STATE[:] = [state]


def _call(work: Callable[[Any, list[Item]], Result], chunk: list[Item]) -> Result:
    return work(_STATE[0], chunk)


def _context() -> Any:
    """Fork where available: workers inherit the pipeline and its loaded models."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
