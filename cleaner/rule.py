"""The vocabulary shared by rules and the engine: levels, edits, findings, rule specs.

A rule never touches text. Its detector looks at a `TextView` and yields `Edit`s
(a span and its replacement) or `Finding`s (a span worth a look). Only the engine
applies edits, which is what makes every change loggable and revertible.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from cleaner.document import TextView
    from cleaner.params import Params


class Level(enum.IntEnum):
    """How much a finding matters; `--fail-level` compares against this order."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Level:
        """Read a level name as written in rule files and on the command line."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            choices = ", ".join(level.name.lower() for level in cls)
            raise ValueError(f"unknown level {name!r}; use one of {choices}") from None

    def __str__(self) -> str:
        return self.name.lower()


MetadataValue = str | tuple[str, ...]
MetadataItems = tuple[tuple[str, MetadataValue], ...]
"""Fields an edit took out of the text; a tuple value is a list field (keywords)."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `replacement`; `metadata` keeps what was taken out.

    A non-empty `note` is a doubt about the edit (an ambiguous date, say): the edit
    is applied and the note becomes a warning finding where the edit landed.
    """

    start: int
    end: int
    replacement: str
    rule: str
    reason: str
    metadata: MetadataItems = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A span worth a reviewer's look; it changes no text."""

    start: int
    end: int
    rule: str
    level: Level
    message: str


Outcome = Edit | Finding


@dataclass(frozen=True, slots=True)
class Example:
    """One documented case of a rule: an input and what the rule must make of it.

    `output` None means the input must pass unchanged. `flags` lists the substrings
    the rule must flag, `metadata` the fields it must recover. With `field`, the
    input is the value of that metadata field rather than a document body.
    """

    input: str
    output: str | None = None
    flags: tuple[str, ...] | None = None
    metadata: Mapping[str, Any] | None = None
    xfail: str | None = None
    field: str | None = None


BODY = "body"
ANY_FIELD = "*"


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A rule as read from its YAML file, validated and frozen."""

    id: str
    kind: str
    level: Level
    description: str
    params: Mapping[str, Any]
    examples: tuple[Example, ...]
    source: str
    enabled: bool = True
    applies_to: tuple[str, ...] = (BODY,)
    # Strings one of which every match holds ("informs", "reports"): the engine skips
    # the rule on a text whose case-folded form holds none (cleaner.required_words).
    requires: tuple[str, ...] = ()

    def applies_to_field(self, name: str) -> bool:
        """Whether the rule also repairs this metadata field's value (see cleaner.fields)."""
        return name in self.applies_to or ANY_FIELD in self.applies_to

    @property
    def pack(self) -> str:
        """The pack is the part of the id before the first dot."""
        return self.id.split(".", 1)[0]

    @property
    def summary(self) -> str:
        """The first line of the description, for listings and messages."""
        lines = self.description.strip().splitlines()
        return lines[0] if lines else ""


class Detector(Protocol):
    """What every kind builds from a rule's params: a pure function of the text.

    A detector that never yields edits may say so with a class attribute
    `produces_edits = False`; the engine then runs it once, on the final text. One
    that must act before the others judge the text (a whole-page rewrite, an
    encoding repair) says `exclusive = True`: in a pass where exclusive rules
    propose edits, only theirs are applied. A kind whose edits repair text rather
    than remove it says `repairs = True`: the valve then counts only its blank
    replacements as deletions (for other kinds, a shorter replacement deletes the
    difference). One that loads a model on first use may offer `warm_up()`, which
    the engine calls before worker processes fork (Pipeline.warm_up).
    """

    def detect(self, view: TextView) -> Iterable[Outcome]:
        """Yield edits and findings for this text; never mutate anything."""
        ...


@runtime_checkable
class CorpusDetector(Protocol):
    """A detector whose judgement needs the whole corpus (two passes).

    Pass one calls `observe` on every document and adds up the counters per rule;
    pass two calls `detect_with` with that total. Cleaning a single text uses the
    text's own counts, so `detect(view)` is `detect_with(view, observe(view))`.
    Counters merge by addition, which is what makes the result the same in one
    process, with --jobs N and on a cluster.
    """

    def observe(self, view: TextView) -> Counter[str]:
        """Count what this rule needs to know about one document."""
        ...

    def detect_with(self, view: TextView, stats: Counter[str]) -> Iterable[Outcome]:
        """Yield edits and findings for this text, given the corpus counts."""
        ...

    def detect(self, view: TextView) -> Iterable[Outcome]:
        """Single-document use: judge the text by its own counts."""
        ...


class Kind(Protocol):
    """A kind turns validated params into a detector; the registry maps names to kinds."""

    def __call__(self, spec: RuleSpec, params: Params) -> Detector:
        """Build a detector, reading params through `params` so unknown keys are caught."""
        ...


@dataclass(frozen=True, slots=True)
class Rule:
    """A loaded rule: its spec plus the detector its kind built from the params."""

    spec: RuleSpec
    detector: Detector = field(repr=False, compare=False)

    @property
    def id(self) -> str:
        """Shortcut used everywhere rules are reported."""
        return self.spec.id


def holds_one_of(folded: str, words: tuple[str, ...]) -> bool:
    """Whether case-folded text holds one of a rule's `requires` words.

    The engine asks it of a whole text, drop_line of each line: what every match
    holds, the text (or the matched line) must hold. A plain loop: a generator
    under any() costs more than the substring tests of a short text.
    """
    for word in words:  # noqa: SIM110 (see the docstring)
        if word in folded:
            return True
    return False
