"""Clean many documents: the loop every command shares.

Input problems and engine errors are captured per document in `Outcome.error`, so
one bad file never stops the run and the caller decides how to report it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from cleaner.corpus import gather
from cleaner.engine import CorpusStats, Pipeline, Result
from cleaner.errors import CleanerError
from cleaner.fields import with_repaired_fields
from cleaner.reading import Document, Source, documents
from cleaner.rule import Finding, Level
from cleaner.writing import Rendered, render

ENCODING_RULE = "input.encoding"
ENCODING_MESSAGE = "not UTF-8: decoded as {encoding} (a guess); outputs are UTF-8, check the text"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document after cleaning: its result, or the error that stopped it."""

    document: Document
    result: Result | None
    error: CleanerError | None

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
    if document.error is not None or document.text is None:
        return Outcome(document, None, document.error)
    try:
        result = with_repaired_fields(pipeline.clean(document.text, corpus), pipeline, document)
    except CleanerError as error:
        error.path = error.path or str(document.source.path)
        error.line = error.line if error.line is not None else document.line
        return Outcome(document, None, error)
    if document.encoding.guessed:
        message = ENCODING_MESSAGE.format(encoding=document.encoding.encoding)
        notice = Finding(0, 0, ENCODING_RULE, Level.WARNING, message)
        result = replace(result, findings=(notice, *result.findings))
    return Outcome(document, result, None)


def clean_sources(
    sources: Sequence[Source], pipeline: Pipeline, text_field: str = "text"
) -> Iterator[Outcome]:
    """Every document of every source, cleaned, in input order.

    When the pipeline has corpus-level rules, a first pass gathers their statistics
    over all sources (see cleaner.corpus).
    """
    corpus = gather(sources, pipeline, text_field) if pipeline.corpus_rules() else None
    for source in sources:
        for document in documents(source, text_field):
            yield clean_document(document, pipeline, corpus)
