"""Two-pass work over many documents: gather statistics, then clean each document.

Corpus-level rules (inconsistent transliterations, names in lower case, ...) need
to know how the whole corpus spells things. The first pass reads every document
and adds up each corpus rule's counters; the second cleans each document with the
totals. Counters merge by addition, so the totals, and therefore the results, do
not depend on how the documents were split between processes or machines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from cleaner.engine import CorpusStats, Pipeline
from cleaner.parallel import chunked, ordered_map
from cleaner.reading import DEFAULT_MAX_BYTES, Source, documents


def merge(total: CorpusStats, part: CorpusStats) -> CorpusStats:
    """Add one set of counters into another (in place) and return it."""
    for rule_id, counter in part.items():
        total.setdefault(rule_id, Counter()).update(counter)
    return total


def gather(
    sources: Iterable[Source],
    pipeline: Pipeline,
    text_field: str = "text",
    *,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CorpusStats:
    """The corpus statistics of every readable document (pass one), in `jobs` processes."""
    total: CorpusStats = {}
    if not pipeline.corpus_rules():
        return total
    texts = (
        document.text
        for source in sources
        for document in documents(source, text_field, max_bytes)
        if document.text is not None
    )
    chunks = chunked(texts, len)
    for _, part in ordered_map(observe_all, chunks, jobs, pipeline, before_fork=pipeline.warm_up):
        merge(total, part)
    return total


def observe_all(pipeline: Pipeline, texts: Iterable[str]) -> CorpusStats:
    """The statistics of some documents, merged in their order (one task of pass one)."""
    total: CorpusStats = {}
    for text in texts:
        merge(total, pipeline.observe(text))
    return total
