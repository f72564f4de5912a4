"""language_flag: the flag kind for rules that only make sense in some languages.

Calques ("the American leader", "Days ago, …") and foreign conventions (« »,
„ “, decimal commas, dotted dates) are artifacts in an English article and normal
in the source language, so these rules run only on documents whose dominant
language is in `languages` (see cleaner.kinds.gate). Phrases and patterns work
as in `flag`.

With `density` set, a document with at least `density_min` matches and at least
`density` matches per 1,000 words also gets one document-level finding (an empty
span at the start, level `density_level`): a single calque is a hint, a cluster
says the text is translationese as a whole.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import TextView
from cleaner.kinds.flag import Flag
from cleaner.kinds.gate import Gated, LanguageGate
from cleaner.params import Params
from cleaner.rule import Finding, Level, RuleSpec

LEVELS = ("info", "warning", "error")


class LanguageFlag(Gated):
    """Detector for the language_flag kind."""

    produces_edits = False

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.gate = LanguageGate(params)
        self.flag = Flag(spec, params)
        self.density = params.number("density", 0.0)
        self.density_min = params.integer("density_min", 2, minimum=1)
        self.density_level = Level.parse(params.choice("density_level", LEVELS, "info"))
        self.source = params.text("source", "")
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Finding]:
        """The flag findings, plus a density finding when they cluster."""
        if not self.gate.applies(view):
            return
        findings = list(self.flag.detect(view))
        yield from findings
        if not self.density or len(findings) < self.density_min:
            return
        total = len(view.text.split())
        rate = 1000 * len(findings) / max(total, 1)
        if rate >= self.density:
            what = f"{self.source} " if self.source else ""
            message = (
                f"{len(findings)} {what}translationese phrases in {total} words"
                f" ({rate:.1f} per 1,000; threshold {self.density:g})"
            )
            yield Finding(0, 0, self.rule, self.density_level, message)
