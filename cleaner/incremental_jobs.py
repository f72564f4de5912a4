"""The files the cache does not know, observed and cleaned by worker processes.

A warm re-check only looks results up, which one process does fastest. A cold or
partly cold one (a fresh clone, new rules, many edited files) has real work: the
corpus statistics of the unknown files, then cleaning them. That work goes
through the same ordered process pool as an uncached run (cleaner.parallel), so
the results, and what the cache stores, do not depend on --jobs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from cleaner.batch import Outcome, clean_routed, routed
from cleaner.engine import CorpusStats, Pipeline
from cleaner.parallel import chunked, ordered_map
from cleaner.reading import Source, text_document

if TYPE_CHECKING:
    from cleaner.project import Project

Key = str | None


def parallel_observe(
    project: Project, texts: Iterable[tuple[Key, str]], jobs: int
) -> Iterator[tuple[Key, CorpusStats]]:
    """Each text's key with its corpus statistics, in order, from `jobs` processes."""
    chunks = chunked(texts, lambda item: len(item[1]))
    pipeline = project.pipeline
    work = ordered_map(_observe_chunk, chunks, jobs, pipeline, before_fork=pipeline.warm_up)
    for chunk, parts in work:
        yield from zip((key for key, _ in chunk), parts, strict=True)


def _observe_chunk(pipeline: Pipeline, chunk: list[tuple[Key, str]]) -> list[CorpusStats]:
    return [pipeline.observe(text) for _, text in chunk]


def parallel_clean(
    project: Project, files: list[tuple[Source, bytes]], stats: CorpusStats | None, jobs: int
) -> Iterator[Outcome] | None:
    """The outcomes of these files in order, cleaned by `jobs` processes.

    None when one process is enough (one job, or a single file): the caller then
    cleans in its own process, as a pre-commit run on one edited file should.
    """
    if jobs <= 1 or len(files) < 2:
        return None
    pipelines, routes = routed(
        [source for source, _ in files], project.pipeline, project.pipeline_for
    )
    stream = (
        (route, text_document(source, data))
        for (source, data), route in zip(files, routes, strict=True)
    )
    return clean_routed(stream, pipelines, stats, jobs)
