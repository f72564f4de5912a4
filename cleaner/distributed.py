"""The Dask engine: the same cleaning on a Dask cluster, one task per input shard.

When one machine is not enough, `cleaner run --engine dask --scheduler ADDRESS`
sends the work to an existing Dask cluster. A shard is one JSONL file (split a
large corpus into several files to spread it) or a group of text files; workers
read their shards themselves, so the cluster must see the inputs at the same
paths (a shared file system) and have `cleaner` installed (`cleaner[dask]`).

Corpus-level rules work as locally, in two passes: each shard's statistics are
computed on the cluster and added up here in input order (cleaner.corpus.merge),
then every shard is cleaned with the totals. Outcomes come back shard by shard,
in input order, with a bounded number of shards in flight, and are written here
by the same writers as the local engine: the output is identical.

Dask is an optional dependency, imported only when this engine runs.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from cleaner.batch import Outcome, clean_document, routed
from cleaner.corpus import merge, observe_all
from cleaner.engine import CorpusStats, Pipeline
from cleaner.errors import CleanerError
from cleaner.reading import DEFAULT_MAX_BYTES, Source, documents

TEXT_FILES_PER_SHARD = 64
SHARDS_PER_THREAD = 2
INSTALL_HINT = 'the dask engine needs Dask: pip install "cleaner[dask]"'

Shard = tuple[tuple[int, Source], ...]  # (pipeline index, source) pairs


def shards(sources: Sequence[Source], routes: Sequence[int]) -> list[Shard]:
    """One shard per JSONL file; consecutive text files in groups; absolute paths."""
    found: list[Shard] = []
    group: list[tuple[int, Source]] = []
    for source, route in zip(sources, routes, strict=True):
        absolute = (route, Source(source.path.resolve(), source.rel))
        if source.is_jsonl:
            if group:
                found.append(tuple(group))
                group = []
            found.append((absolute,))
            continue
        group.append(absolute)
        if len(group) >= TEXT_FILES_PER_SHARD:
            found.append(tuple(group))
            group = []
    if group:
        found.append(tuple(group))
    return found


def clean_on_cluster(
    sources: Sequence[Source],
    pipeline: Pipeline,
    scheduler: str | Any,
    text_field: str = "text",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pipeline_for: Callable[[Source], Pipeline] | None = None,
) -> Iterator[Outcome]:
    """Every document cleaned on the cluster at `scheduler` (an address or a Client).

    `pipeline_for` picks another pipeline for some sources, as in clean_sources.
    """
    with _client(scheduler) as client:
        pipelines, routes = routed(sources, pipeline, pipeline_for)
        parts = shards(sources, routes)
        remote = client.scatter(pipelines, broadcast=True, hash=False)
        corpus: Any = None
        if pipeline.corpus_rules():
            total: CorpusStats = {}
            for stats in _in_order(client, _observe_shard, parts, remote, text_field, max_bytes):
                merge(total, stats)
            corpus = client.scatter(total, broadcast=True, hash=False)
        originals = {Source(s.path.resolve(), s.rel): s for s in sources}
        args = (remote, corpus, text_field, max_bytes)
        for outcomes in _in_order(client, _clean_shard, parts, *args):
            for outcome in outcomes:
                source = originals[outcome.document.source]
                yield replace(outcome, document=replace(outcome.document, source=source))


@contextlib.contextmanager
def _client(scheduler: str | Any) -> Iterator[Any]:
    """A Client for an address (closed afterwards), or the Client given."""
    try:
        from dask.distributed import Client  # noqa: PLC0415 - optional dependency
    except ImportError:
        raise CleanerError(INSTALL_HINT) from None
    if isinstance(scheduler, Client):
        yield scheduler
        return
    try:
        client = Client(scheduler, timeout=30)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise CleanerError(f"cannot reach the Dask scheduler: {exc}", path=str(scheduler)) from None
    with client:
        yield client


def _in_order(client: Any, work: Any, parts: list[Shard], *args: Any) -> Iterator[Any]:
    """`work(shard, *args)` for every shard on the cluster, results in shard order.

    Only a few shards per worker thread are submitted ahead of the one being read,
    so results do not pile up in the cluster's memory or in this process.
    """
    threads = max(1, sum(client.nthreads().values()))
    window: deque[Any] = deque()
    for part in parts:
        window.append(client.submit(work, part, *args, pure=False))
        if len(window) >= threads * SHARDS_PER_THREAD:
            yield _take(window)
    while window:
        yield _take(window)


def _take(window: deque[Any]) -> Any:
    future = window.popleft()
    result = future.result()
    future.release()
    return result


def _texts(shard: Shard, text_field: str, max_bytes: int) -> Iterator[str]:
    for _, source in shard:
        for document in documents(source, text_field, max_bytes):
            if document.text is not None:
                yield document.text


def _observe_shard(
    shard: Shard, pipelines: list[Pipeline], text_field: str, max_bytes: int
) -> CorpusStats:
    """Pass one on a worker: the corpus statistics of one shard (by the main pipeline)."""
    return observe_all(pipelines[0], _texts(shard, text_field, max_bytes))


def _clean_shard(
    shard: Shard,
    pipelines: list[Pipeline],
    corpus: CorpusStats | None,
    text_field: str,
    max_bytes: int,
) -> list[Outcome]:
    """Pass two on a worker: every document of one shard, cleaned."""
    return [
        clean_document(document, pipelines[route], corpus)
        for route, source in shard
        for document in documents(source, text_field, max_bytes)
    ]
