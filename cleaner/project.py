"""A project: configuration plus command-line choices, ready to clean many files.

It owns what every command needs beyond the engine: the settings from
`[tool.cleaner]`, a pipeline per set of per-file ignores, the cache of clean files,
and the baseline of accepted findings. Commands build one and ask it for outcomes.

Building the rules is the slow part of starting up, so a project reads only the
rule files (to validate names and fingerprint them) and builds pipelines when a
document actually has to be cleaned: re-checking a corpus the cache already knows
never builds one (see `cleaner.incremental`).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from cleaner import __version__, incremental
from cleaner.baseline import Baseline
from cleaner.batch import Outcome
from cleaner.cache import DEFAULT_DIR, Cache
from cleaner.config import Config, load
from cleaner.discovery import discover
from cleaner.engine import Pipeline
from cleaner.kinds import REGISTRY
from cleaner.reading import DEFAULT_MAX_BYTES, Source
from cleaner.rule import BODY, CorpusDetector, Level, RuleSpec
from cleaner.ruleset import Overrides, Selection, check_names, load_specs, select_rules

PACKAGE = Path(__file__).parent


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
    baseline: bool = True
    config: Path | None = None
    max_bytes: int | None = None  # None: the configuration's, else the default


@dataclass(frozen=True)
class ProjectOverrides(Overrides):
    """Levels and params by rule id, plus the project's language settings.

    `[tool.cleaner.language]` sets `languages` and `backend` in every rule written
    for document languages (the rules whose params name `languages`); a rule's own
    entry under `[tool.cleaner.params]` still wins, being the more specific.
    """

    language: Mapping[str, Any] = field(default_factory=dict)

    def apply(self, spec: RuleSpec) -> RuleSpec:
        """The spec with this project's language settings, level and params for it."""
        if self.language and "languages" in spec.params:
            spec = replace(spec, params={**spec.params, **self.language})
        return super().apply(spec)


class Project:
    """Settings resolved once; pipelines, cache and baseline shared by all files."""

    def __init__(self, options: Options) -> None:
        self.config: Config = load(options.config)
        config = self.config
        self.selection = Selection(config.select + options.select, config.ignore + options.ignore)
        self.rule_dirs = config.rules + options.rules
        self.overrides = ProjectOverrides(config.levels, config.params, config.language)
        self.fail_level = Level.parse(options.fail_level or config.fail_level or "error")
        self.glob = options.glob or config.glob or "*.txt"
        self.text_field = options.text_field or config.text_field or "text"
        self.max_bytes = options.max_bytes or config.max_bytes or DEFAULT_MAX_BYTES
        self._pipelines: dict[tuple[str, ...], Pipeline] = {}
        self._read_specs = load_specs(self.rule_dirs)  # each pipeline builds from these
        all_specs = [self.overrides.apply(spec) for spec in self._read_specs]
        check_names(all_specs, self.selection, self.overrides)
        self.specs = [spec for spec in all_specs if self.selection.wants(spec)]
        self.salt = self._salt()
        use_baseline = options.baseline and config.baseline_path.is_file()
        self.baseline = Baseline.load(config.baseline_path) if use_baseline else Baseline()
        cache_dir = config.cache_dir or config.root / DEFAULT_DIR
        self.cache = Cache.open(cache_dir) if options.cache else None

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline of every selected rule (built on first use)."""
        return self.pipeline_with(())

    def pipeline_with(self, ignored: tuple[str, ...]) -> Pipeline:
        """The pipeline without the rules `ignored` names (built once per set)."""
        if ignored not in self._pipelines:
            selection = replace(self.selection, ignore=(*self.selection.ignore, *ignored))
            self._pipelines[ignored] = Pipeline(
                select_rules(self._read_specs, selection, self.overrides)
            )
        return self._pipelines[ignored]

    @cached_property
    def has_corpus_rules(self) -> bool:
        """Whether a selected rule needs corpus statistics, decided without building it."""
        return any(_corpus_kind(spec) for spec in self.specs)

    def _salt(self) -> str:
        """Everything besides the file that decides its result: code, rules, settings."""
        digest = hashlib.sha256(f"{code_fingerprint()}\0{self.text_field}".encode())
        for spec in self.specs:
            digest.update(Path(spec.source).read_bytes())
        settings = [
            self.selection.select,
            self.selection.ignore,
            self.config.per_file_ignores,
            self.config.levels,
            self.config.params,
            self.config.language,
        ]
        digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
        return digest.hexdigest()

    def relative(self, path: Path) -> str:
        """A path as the configuration and the baseline name it: relative to the project."""
        resolved = path.resolve()
        root = self.config.root.resolve()
        return resolved.relative_to(root).as_posix() if root in resolved.parents else str(path)

    def ignored_for(self, source: Source) -> tuple[str, ...]:
        """The rules the per-file ignores turn off for one file."""
        if not self.config.per_file_ignores:
            return ()
        name = self.relative(source.path)
        return tuple(
            rule
            for pattern, rules in sorted(self.config.per_file_ignores.items())
            if fnmatch.fnmatch(name, pattern)
            for rule in rules
        )

    def pipeline_for(self, source: Source) -> Pipeline:
        """The pipeline for one file, without the rules its per-file ignores name."""
        return self.pipeline_with(self.ignored_for(source))

    def sources(self, paths: Sequence[str | Path]) -> list[Source]:
        """Input files, without those the configuration excludes."""
        found = discover(paths, self.glob)
        excluded = self.config.exclude
        return [
            s for s in found if not any(fnmatch.fnmatch(self.relative(s.path), p) for p in excluded)
        ]

    def outcomes(self, sources: Sequence[Source], jobs: int = 1) -> Iterator[Outcome]:
        """Every document cleaned, cached where possible, findings filtered by the baseline.

        What the cache does not know is observed and cleaned by `jobs` processes.
        """
        for outcome in incremental.outcomes(self, sources, jobs):
            yield self.without_accepted(outcome)

    def without_accepted(self, outcome: Outcome) -> Outcome:
        """The outcome without the findings the baseline accepts for its file."""
        result = outcome.result
        if result is None or not result.findings or not self.baseline.accepted:
            return outcome
        path = self.relative(outcome.document.source.path)
        kept = self.baseline.filter(path, result.findings, result.text)
        return replace(outcome, result=replace(result, findings=kept))


@cache
def code_fingerprint() -> str:
    """The version and a hash of this package's code: an edited checkout is a new version.

    Taken once per process, which is the code that actually runs: files edited on
    disk after the import do not change what this process computes.
    """
    digest = hashlib.sha256(__version__.encode())
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()


def _corpus_kind(spec: RuleSpec) -> bool:
    kind = REGISTRY.get(spec.kind)
    corpus = isinstance(kind, type) and issubclass(kind, CorpusDetector)
    return corpus and BODY in spec.applies_to
