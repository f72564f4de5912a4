"""Clean many documents: the loop every command shares.

Input problems and engine errors are captured per document in `Outcome.error`, so
one bad file never stops the run and the caller decides how to report it. A
document over the size limit is not cleaned: its outcome carries a `notice`
finding and writers copy it through unchanged. With `jobs` above one, documents
are cleaned in worker processes (cleaner.parallel) and come back in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from cleaner.corpus import gather
from cleaner.engine import CorpusStats, Pipeline, Result
from cleaner.errors import CleanerError, InternalError
from cleaner.fields import with_repaired_fields
from cleaner.parallel import chunked, ordered_map
from cleaner.reading import DEFAULT_MAX_BYTES, Document, Source, documents
from cleaner.rule import Finding, Level
from cleaner.writing import Rendered, render

ENCODING_RULE = "input.encoding"
ENCODING_MESSAGE = "not UTF-8: decoded as {encoding} (a guess); outputs are UTF-8, check the text"
SIZE_RULE = "input.max-bytes"
SIZE_MESSAGE = "{size} bytes, over the size limit (--max-bytes): not cleaned, copied as is"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document after cleaning: its result, or the error that stopped it."""

    document: Document
    result: Result | None
    error: CleanerError | None
    notice: Finding | None = None  # why the document was not cleaned (too large)

    def render(self, *, front_matter: bool = False) -> Rendered:
        """The document's contribution to its output file (unchanged when it failed)."""
        if self.result is None:
            return render(self.document, self.document.text or "", {})
        result = self.result
        return render(
            self.document,
            result.text,
            result.metadata,
            front_matter=front_matter,
            repaired=result.repaired_fields,
        )

    @property
    def metadata(self) -> dict[str, Any]:
        """Front matter fields the file already had (repaired), plus what cleaning recovered."""
        if self.result is None:
            return dict(self.document.front.fields)
        front = self.document.front.fields
        repaired = {k: v for k, v in self.result.repaired_fields.items() if k in front}
        return {**front, **repaired, **self.result.metadata}

    @property
    def changed(self) -> bool:
        """Whether cleaning changed this document's text."""
        return self.result is not None and self.result.changed

    @property
    def needs_rewrite(self) -> bool:
        """Whether `fix` must write the file: changed text, or bytes that are not UTF-8."""
        return self.changed or (self.result is not None and self.encoding != "utf-8")

    @property
    def encoding(self) -> str:
        """The encoding the input was read from."""
        return self.document.encoding.encoding


def clean_document(
    document: Document, pipeline: Pipeline, corpus: CorpusStats | None = None
) -> Outcome:
    """Clean one document, capturing its input or engine error."""
    if document.skipped is not None:
        message = SIZE_MESSAGE.format(size=document.skipped)
        return Outcome(document, None, None, Finding(0, 0, SIZE_RULE, Level.WARNING, message))
    if document.error is not None or document.text is None:
        return Outcome(document, None, document.error)
    try:
        result = with_repaired_fields(pipeline.clean(document.text, corpus), pipeline, document)
    except CleanerError as error:
        error.path = error.path or str(document.source.path)
        error.line = error.line if error.line is not None else document.line
        return Outcome(document, None, error)
    except Exception as exc:  # a bug met on one document must not stop the run
        internal = InternalError.wrap(exc, document.source.path, document.line)
        return Outcome(document, None, internal)
    if document.encoding.guessed:
        message = ENCODING_MESSAGE.format(encoding=document.encoding.encoding)
        notice = Finding(0, 0, ENCODING_RULE, Level.WARNING, message)
        result = replace(result, findings=(notice, *result.findings))
    return Outcome(document, result, None)


def clean_sources(
    sources: Sequence[Source],
    pipeline: Pipeline,
    text_field: str = "text",
    *,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pipeline_for: Callable[[Source], Pipeline] | None = None,
) -> Iterator[Outcome]:
    """Every document of every source, cleaned, in input order.

    When the pipeline has corpus-level rules, a first pass gathers their statistics
    over all sources (see cleaner.corpus). Documents are read as they are cleaned;
    with `jobs` > 1 they are cleaned by that many processes, with the same output.
    `pipeline_for` picks another pipeline for some sources (per-file ignores); all
    are built before the workers start, so the workers have them too.
    """
    corpus = None
    if pipeline.corpus_rules():
        corpus = gather(sources, pipeline, text_field, jobs=jobs, max_bytes=max_bytes)
    pipelines, routes = routed(sources, pipeline, pipeline_for)
    stream = (
        (route, document)
        for source, route in zip(sources, routes, strict=True)
        for document in documents(source, text_field, max_bytes)
    )
    yield from clean_routed(stream, pipelines, corpus, jobs)


def clean_routed(
    stream: Iterable[Routed], pipelines: list[Pipeline], corpus: CorpusStats | None, jobs: int
) -> Iterator[Outcome]:
    """Each (pipeline index, document) cleaned, in order, by `jobs` processes."""
    chunks = chunked(stream, _weight)
    state = (pipelines, corpus)
    work = ordered_map(_clean_chunk, chunks, jobs, state, before_fork=partial(_warm_up, pipelines))
    for chunk, results in work:
        for (_, document), (result, error, notice) in zip(chunk, results, strict=True):
            yield Outcome(document, result, error, notice)


def routed(
    sources: Sequence[Source],
    pipeline: Pipeline,
    pipeline_for: Callable[[Source], Pipeline] | None,
) -> tuple[list[Pipeline], list[int]]:
    """The distinct pipelines the sources need, and the index of each source's."""
    pipelines = [pipeline]
    routes = []
    for source in sources:
        chosen = pipeline_for(source) if pipeline_for is not None else pipeline
        found = next((i for i, known in enumerate(pipelines) if known is chosen), None)
        if found is None:
            pipelines.append(chosen)
            found = len(pipelines) - 1
        routes.append(found)
    return pipelines, routes


Cleaned = tuple[Result | None, CleanerError | None, Finding | None]
Routed = tuple[int, Document]


def _clean_chunk(
    state: tuple[list[Pipeline], CorpusStats | None], chunk: list[Routed]
) -> list[Cleaned]:
    """Clean a chunk (in a worker process when jobs > 1); only the results travel back."""
    pipelines, corpus = state
    outcomes = (clean_document(document, pipelines[route], corpus) for route, document in chunk)
    return [(o.result, o.error, o.notice) for o in outcomes]


def _warm_up(pipelines: list[Pipeline]) -> None:
    """Load the pipelines' models once, before the workers fork (see Pipeline.warm_up)."""
    for pipeline in pipelines:
        pipeline.warm_up()


def _weight(item: Routed) -> int:
    document = item[1]
    return len(document.raw or document.text or "")
