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
from cleaner.reading import Source, documents


def merge(total: CorpusStats, part: CorpusStats) -> CorpusStats:
    """Add one set of counters into another (in place) and return it."""
    for rule_id, counter in part.items():
        total.setdefault(rule_id, Counter()).update(counter)
    return total


def gather(sources: Iterable[Source], pipeline: Pipeline, text_field: str = "text") -> CorpusStats:
    """The corpus statistics of every readable document (pass one)."""
    total: CorpusStats = {}
    if not pipeline.corpus_rules():
        return total
    for source in sources:
        for document in documents(source, text_field):
            if document.text is not None:
                merge(total, pipeline.observe(document.text))
    return total
