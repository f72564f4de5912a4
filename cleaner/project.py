"""A project: configuration plus command-line choices, ready to clean many files.

It owns what every command needs beyond the engine: the settings from
`[tool.cleaner]`, a pipeline per set of per-file ignores, the cache of clean files,
and the baseline of accepted findings. Commands build one and ask it for outcomes.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cleaner import __version__
from cleaner.baseline import Baseline
from cleaner.batch import Outcome, clean_document
from cleaner.cache import DEFAULT_DIR, Cache, content_key
from cleaner.config import Config, load
from cleaner.corpus import gather
from cleaner.engine import CorpusStats, Pipeline, Result
from cleaner.errors import InputError
from cleaner.reading import Document, Source, discover, documents, read_bytes, text_document
from cleaner.rule import Level
from cleaner.ruleset import Overrides, Selection, load_rules, load_specs


@dataclass(frozen=True)
class Options:
    """What the command line (or an API caller) asks for on top of the configuration."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: tuple[Path, ...] = ()
    fail_level: str | None = None
    glob: str | None = None
    text_field: str | None = None
    cache: bool = True
    config: Path | None = None


class Project:
    """Settings resolved once; pipelines, cache and baseline shared by all files."""

    def __init__(self, options: Options) -> None:
        self.config: Config = load(options.config)
        config = self.config
        self.selection = Selection(config.select + options.select, config.ignore + options.ignore)
        self.rule_dirs = config.rules + options.rules
        self.overrides = Overrides(config.levels, config.params)
        self.fail_level = Level.parse(options.fail_level or config.fail_level or "error")
        self.glob = options.glob or config.glob or "*.txt"
        self.text_field = options.text_field or config.text_field or "text"
        self._pipelines: dict[tuple[str, ...], Pipeline] = {}
        self.pipeline = self._pipeline(())
        self.baseline = Baseline.load(config.baseline) if config.baseline else Baseline()
        cache_dir = config.cache_dir or config.root / DEFAULT_DIR
        self.cache = Cache(cache_dir) if options.cache else None
        self.salt = self._salt()

    def _pipeline(self, ignored: tuple[str, ...]) -> Pipeline:
        if ignored not in self._pipelines:
            selection = replace(self.selection, ignore=(*self.selection.ignore, *ignored))
            self._pipelines[ignored] = Pipeline(
                load_rules(self.rule_dirs, selection, overrides=self.overrides)
            )
        return self._pipelines[ignored]

    def _salt(self) -> str:
        """Everything besides the file that decides its result: version, rules, settings."""
        digest = hashlib.sha256(f"{__version__}\0{self.text_field}".encode())
        for spec in load_specs(self.rule_dirs):
            digest.update(Path(spec.source).read_bytes())
        settings = [
            self.selection.select,
            self.selection.ignore,
            self.config.per_file_ignores,
            self.config.levels,
            self.config.params,
        ]
        digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def relative(self, path: Path) -> str:
        """A path as the configuration and the baseline name it: relative to the project."""
        resolved = path.resolve()
        root = self.config.root.resolve()
        return resolved.relative_to(root).as_posix() if root in resolved.parents else str(path)

    def pipeline_for(self, source: Source) -> Pipeline:
        """The pipeline for one file, without the rules its per-file ignores name."""
        name = self.relative(source.path)
        ignored = tuple(
            rule
            for pattern, rules in sorted(self.config.per_file_ignores.items())
            if fnmatch.fnmatch(name, pattern)
            for rule in rules
        )
        return self._pipeline(ignored)

    def sources(self, paths: Sequence[str | Path]) -> list[Source]:
        """Input files, without those the configuration excludes."""
        found = discover(paths, self.glob)
        excluded = self.config.exclude
        return [
            s for s in found if not any(fnmatch.fnmatch(self.relative(s.path), p) for p in excluded)
        ]

    def outcomes(self, sources: Sequence[Source]) -> Iterator[Outcome]:
        """Every document cleaned, cached where possible, findings filtered by the baseline."""
        corpus = (
            gather(sources, self.pipeline, self.text_field)
            if self.pipeline.corpus_rules()
            else None
        )
        salt = self.salt + _corpus_digest(corpus)
        try:
            for source in sources:
                for outcome in self._source_outcomes(source, corpus, salt):
                    yield self._filtered(outcome)
        finally:
            if self.cache is not None:
                self.cache.flush()

    def _source_outcomes(
        self, source: Source, corpus: CorpusStats | None, salt: str
    ) -> Iterator[Outcome]:
        pipeline = self.pipeline_for(source)
        if source.is_jsonl or self.cache is None:
            for document in documents(source, self.text_field):
                yield clean_document(document, pipeline, corpus)
            return
        try:
            data = read_bytes(source.path)
        except InputError as error:
            yield Outcome(Document(source.rel, source, None, error=error), None, error)
            return
        yield self._cached(source, data, pipeline, corpus, content_key(salt, data))

    def _cached(
        self, source: Source, data: bytes, pipeline: Pipeline, corpus: CorpusStats | None, key: str
    ) -> Outcome:
        document = text_document(source, data)
        assert self.cache is not None
        hit = self.cache.get(key) if document.text is not None else None
        if hit is not None and document.text is not None:
            findings, metadata = hit
            result = Result(document.text, document.text, (), findings, metadata)
            return Outcome(document, result, None)
        outcome = clean_document(document, pipeline, corpus)
        if outcome.result is not None and not outcome.changed and outcome.encoding == "utf-8":
            self.cache.put(key, outcome.result.findings, outcome.result.metadata)
        return outcome

    def _filtered(self, outcome: Outcome) -> Outcome:
        result = outcome.result
        if result is None or not result.findings or not self.baseline.accepted:
            return outcome
        path = self.relative(outcome.document.source.path)
        kept = self.baseline.filter(path, result.findings, result.text)
        return replace(outcome, result=replace(result, findings=kept))


def _corpus_digest(corpus: CorpusStats | None) -> str:
    if not corpus:
        return ""
    flat = {rule: sorted(counter.items()) for rule, counter in sorted(corpus.items())}
    return hashlib.sha256(json.dumps(flat, ensure_ascii=False).encode()).hexdigest()
