"""Cleaning many files through the cache: hash them, look them up in batches, clean the rest.

A text file's result depends on its bytes, the code and rules and settings (the
project's salt), the per-file ignores that apply to it and, when corpus-level
rules run, the statistics of the whole corpus. The key hashes exactly these, so a
hit is the result a fresh run would give. The corpus statistics are themselves a
sum of per-file statistics, cached by content too, so a warm re-check reads and
hashes every file, runs two batched queries and builds no rule at all.

JSONL files are not cached: one changed record would invalidate the whole file,
and they are usually written once by a pipeline, not edited by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from cleaner.batch import Outcome, clean_document
from cleaner.cache import Cache, Verdict
from cleaner.corpus import gather, merge
from cleaner.engine import CorpusStats, Result
from cleaner.errors import InputError
from cleaner.incremental_jobs import parallel_clean, parallel_observe
from cleaner.reading import Document, Source, documents, read_bytes, text_document

if TYPE_CHECKING:
    from cleaner.project import Project

# Bytes the first pass keeps for the second (more are read again).
KEEP_BYTES = 256 * 1024 * 1024


def outcomes(project: Project, sources: Sequence[Source], jobs: int = 1) -> Iterator[Outcome]:
    """Every document of every source, cleaned or taken from the cache, in input order.

    Files the cache does not know are observed and cleaned by `jobs` processes.
    """
    cache = project.cache
    if cache is None:
        yield from _uncached(project, sources)
        return
    try:
        yield from _cached(project, cache, sources, jobs)
    finally:
        cache.flush()


def _uncached(project: Project, sources: Sequence[Source]) -> Iterator[Outcome]:
    corpus = None
    if project.has_corpus_rules:
        corpus = gather(sources, project.pipeline, project.text_field)
    for source in sources:
        yield from _cleaned(project, source, corpus)


def _cleaned(project: Project, source: Source, corpus: CorpusStats | None) -> Iterator[Outcome]:
    pipeline = project.pipeline_for(source)
    for document in documents(source, project.text_field, project.max_bytes):
        yield clean_document(document, pipeline, corpus)


def _cached(
    project: Project, cache: Cache, sources: Sequence[Source], jobs: int
) -> Iterator[Outcome]:
    # Lists aligned with `sources`, not dicts keyed by path: hashing Path objects
    # costs more than everything else a warm run does per file.
    digests, kept = _digests(sources, project.max_bytes)
    corpus = _Corpus(project, cache, sources, digests, jobs) if project.has_corpus_rules else None
    salt = project.salt + (corpus.digest if corpus is not None else "")
    keys = [
        None if digest is None else _result_key(salt, project.ignored_for(source), digest)
        for source, digest in zip(sources, digests, strict=True)
    ]
    verdicts = cache.verdicts([key for key in keys if key is not None])
    misses = [
        (i, source, data)
        for i, (source, data) in enumerate(zip(sources, kept, strict=True))
        if keys[i] is not None and keys[i] not in verdicts and data is not None
    ]
    stats = corpus.stats if corpus is not None and misses else None
    fresh = parallel_clean(project, [(source, data) for _, source, data in misses], stats, jobs)
    waiting = {index for index, _, _ in misses}
    for index, source in enumerate(sources):
        key = keys[index]
        if key is None:
            yield from _cleaned(project, source, corpus.stats if corpus is not None else None)
            continue
        data, kept[index] = kept[index], None
        if fresh is not None and index in waiting:
            yield _stored(cache, key, next(fresh))
            continue
        verdict = verdicts.get(key)
        yield _text_outcome(project, cache, source, (data, key, verdict), (salt, corpus))


class _Corpus:
    """The corpus statistics, summed only when a document has to be cleaned.

    Results are keyed by the digest of the statistics. For a set of text files that
    digest is itself cached (keyed by their contents), so an unchanged corpus gets
    its results without reading a single statistic.
    """

    def __init__(
        self,
        project: Project,
        cache: Cache,
        sources: Sequence[Source],
        digests: list[str | None],
        jobs: int = 1,
    ) -> None:
        self.project, self.cache, self.sources, self.digests = project, cache, sources, digests
        self.jobs = jobs

    @cached_property
    def digest(self) -> str:
        """The digest of the statistics, from the cache when this set of files is known."""
        if any(source.is_jsonl for source in self.sources):
            return _corpus_digest(self.stats)  # JSONL files are not cached
        # Files without a digest (too large, unreadable) add nothing to the stats.
        contents = "\0".join(sorted(digest for digest in self.digests if digest is not None))
        key = hashlib.sha256(f"{self.project.salt}\0corpus\0{contents}".encode()).hexdigest()
        known = self.cache.corpus_digest(key)
        if known is None:
            known = _corpus_digest(self.stats)
            self.cache.put_corpus_digest(key, known)
        return known

    @cached_property
    def stats(self) -> CorpusStats:
        """The statistics: each text file's from the cache, observed when unknown."""
        return _corpus(self.project, self.cache, (self.sources, self.digests), self.jobs)


def _digests(
    sources: Sequence[Source], max_bytes: int
) -> tuple[list[str | None], list[bytes | None]]:
    """The content hash of every readable text file (JSONL files are not cached).

    Files over `max_bytes` get none: they are not cleaned, only reported. The bytes
    are kept too, up to a bound, so the second pass does not read the files again.
    """
    digests: list[str | None] = []
    kept: list[bytes | None] = []
    budget = KEEP_BYTES
    for source in sources:
        data = None if source.is_jsonl else _small_file(str(source.path), max_bytes)
        digests.append(None if data is None else _sha(data))
        keep = data is not None and len(data) <= budget
        kept.append(data if keep else None)
        budget -= len(data) if keep and data is not None else 0
    return digests, kept


def _small_file(path: str, max_bytes: int) -> bytes | None:
    """The file's bytes, unless it cannot be read or is larger than `max_bytes`."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        size = os.fstat(descriptor).st_size
        if size > max_bytes:
            return None
        data = os.read(descriptor, size + 1)
        if len(data) > size:  # it grew since fstat: read the rest
            chunks = [data]
            while chunk := os.read(descriptor, 1 << 20):
                chunks.append(chunk)
            data = b"".join(chunks)
        return data if len(data) <= max_bytes else None
    except OSError:
        return None
    finally:
        os.close(descriptor)


def _text_outcome(
    project: Project,
    cache: Cache,
    source: Source,
    known: tuple[bytes | None, str, Verdict | None],
    run: tuple[str, _Corpus | None],
) -> Outcome:
    """One text file: the cached verdict when its bytes are known, else cleaned and stored."""
    data, key, verdict = known
    if data is None:  # past the first pass's memory bound: read (and hash) it again
        try:
            data = read_bytes(source.path)
        except InputError as error:
            return Outcome(Document(source.rel, source, None, error=error), None, error)
        salt = run[0]
        key = _result_key(salt, project.ignored_for(source), _sha(data))
        verdict = cache.verdicts([key]).get(key)
    document = text_document(source, data)
    if verdict is not None and document.text is not None:
        findings, metadata = verdict
        return Outcome(document, Result(document.text, document.text, (), findings, metadata), None)
    corpus = run[1]
    stats = corpus.stats if corpus is not None else None
    return _stored(cache, key, clean_document(document, project.pipeline_for(source), stats))


def _stored(cache: Cache, key: str, outcome: Outcome) -> Outcome:
    """The outcome, remembered when the file needs nothing (so a re-check is a lookup)."""
    if outcome.result is not None and not outcome.changed and outcome.encoding == "utf-8":
        cache.put(key, outcome.result.findings, outcome.result.metadata)
    return outcome


def _corpus(
    project: Project,
    cache: Cache,
    files: tuple[Sequence[Source], list[str | None]],
    jobs: int,
) -> CorpusStats:
    """The corpus statistics: each text file's from the cache, observed when unknown."""
    sources, digests = files
    keys = [None if d is None else _observation_key(project.salt, d) for d in digests]
    known = cache.observations([key for key in keys if key is not None])
    total: CorpusStats = {}
    unknown = (
        (fresh_key, document.text)
        for source, key in zip(sources, keys, strict=True)
        if key is None or key not in known
        for document, fresh_key in _observable(project, source)
        if document.text is not None
    )
    for key in keys:
        if key is not None and key in known:
            merge(total, known[key])
    for fresh_key, stats in parallel_observe(project, unknown, jobs):
        merge(total, stats)
        if fresh_key is not None:
            cache.put_observation(fresh_key, stats)
    return total


def _observable(project: Project, source: Source) -> Iterator[tuple[Document, str | None]]:
    """A source's documents, a text file's with the key of the bytes actually read."""
    if source.is_jsonl:
        for document in documents(source, project.text_field, project.max_bytes):
            yield document, None
        return
    data = _small_file(str(source.path), project.max_bytes)
    if data is None:
        return  # too large or unreadable: nothing to count
    yield text_document(source, data), _observation_key(project.salt, _sha(data))


def _result_key(salt: str, ignored: tuple[str, ...], digest: str) -> str:
    return hashlib.sha256(f"{salt}\0{','.join(ignored)}\0{digest}".encode()).hexdigest()


def _observation_key(salt: str, digest: str) -> str:
    return hashlib.sha256(f"{salt}\0observe\0{digest}".encode()).hexdigest()


def _corpus_digest(corpus: CorpusStats | None) -> str:
    if not corpus:
        return ""
    flat = {rule: sorted(counter.items()) for rule, counter in sorted(corpus.items())}
    return hashlib.sha256(json.dumps(flat, ensure_ascii=False).encode()).hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
