"""Clean many documents: the loop every command shares.

Input problems and engine errors are captured per document in `Outcome.error`, so
one bad file never stops the run and the caller decides how to report it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cleaner.engine import Pipeline, Result
from cleaner.errors import CleanerError
from cleaner.reading import Document, Source, documents
from cleaner.writing import render


@dataclass(frozen=True, slots=True)
class Outcome:
    """One document after cleaning: its result, or the error that stopped it."""

    document: Document
    result: Result | None
    error: CleanerError | None

    @property
    def output(self) -> str:
        """The document's contribution to its output file (unchanged when it failed)."""
        original = self.document.text or ""
        return render(self.document, self.result.text if self.result else original)

    @property
    def changed(self) -> bool:
        """Whether cleaning changed this document."""
        return self.result is not None and self.result.changed


def clean_document(document: Document, pipeline: Pipeline) -> Outcome:
    """Clean one document, capturing its input or engine error."""
    if document.error is not None or document.text is None:
        return Outcome(document, None, document.error)
    try:
        return Outcome(document, pipeline.clean(document.text), None)
    except CleanerError as error:
        error.path = error.path or str(document.source.path)
        error.line = error.line if error.line is not None else document.line
        return Outcome(document, None, error)


def clean_sources(
    sources: Iterable[Source], pipeline: Pipeline, text_field: str = "text"
) -> Iterator[Outcome]:
    """Every document of every source, cleaned, in input order."""
    for source in sources:
        for document in documents(source, text_field):
            yield clean_document(document, pipeline)
