"""Check a rule against the examples in its own file.

Each example runs through a pipeline holding only that rule (and, for a kind that
acts on what other rules removed, the rules it names in `example_rules`, first),
and must give the expected output (or stay unchanged), be stable under a second
run, flag exactly the expected substrings, recover the expected metadata, and have
a change log that replays to the output. `cleaner rules test` and the test suite
both call this.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from cleaner.changelog import replay, revert
from cleaner.engine import Pipeline, Result
from cleaner.errors import CleanerError, RuleError
from cleaner.rule import Example, Rule, RuleSpec
from cleaner.ruleset import build


@dataclass(frozen=True)
class ExampleFailure:
    """Why one example of one rule did not hold."""

    rule: str
    index: int
    problem: str
    source: str

    def __str__(self) -> str:
        return f"{self.source}: {self.rule} examples[{self.index}]: {self.problem}"


def example_companions(rule: Rule, specs: Mapping[str, RuleSpec]) -> list[Rule]:
    """The rules a rule's examples run with (its detector's `example_rules`), built."""
    named: Sequence[str] = getattr(rule.detector, "example_rules", ())
    unknown = [rule_id for rule_id in named if rule_id not in specs]
    if unknown:
        raise RuleError(f"example_rules: no rule {', '.join(unknown)}", path=rule.spec.source)
    return [build(specs[rule_id]) for rule_id in named]


def check_example(rule: Rule, example: Example, companions: Sequence[Rule] = ()) -> str | None:
    """The first problem with one example, or None when it holds."""
    pipeline = Pipeline([*companions, rule])
    try:
        result = pipeline.clean(example.input, field=example.field)
        again = pipeline.clean(result.text, field=example.field)
    except CleanerError as exc:
        return f"engine error: {exc}"
    expected = example.input if example.output is None else example.output
    problems = [
        result.text != expected and f"output {result.text!r} != expected {expected!r}",
        bool(again.changes) and f"not idempotent: a second run changed {result.text!r}",
        _log_problem(example.input, result),
        _flag_problem(example, result),
        example.metadata is not None
        and _missing(example.metadata, result.metadata)
        and f"metadata {result.metadata!r} lacks {dict(example.metadata)!r}",
    ]
    return next((problem for problem in problems if problem), None)


def _log_problem(original: str, result: Result) -> str | None:
    if replay(original, result.changes) != result.text:
        return "replaying the change log does not give the output"
    if revert(result.text, result.changes) != original:
        return "reverting the change log does not give the input"
    return None


def _flag_problem(example: Example, result: Result) -> str | None:
    flagged = [result.text[f.start : f.end] for f in result.findings]
    if example.flags is not None and flagged != list(example.flags):
        return f"flagged {flagged!r}, expected {list(example.flags)!r}"
    if example.flags is None and example.output is None and flagged:
        return f"expected no findings, got {flagged!r}"
    return None


def _missing(expected: object, actual: dict[str, object]) -> bool:
    assert isinstance(expected, dict)
    return any(actual.get(key) != value for key, value in expected.items())


def failures(rule: Rule, companions: Sequence[Rule] = ()) -> Iterator[ExampleFailure]:
    """Every example that does not hold; xfail examples must fail (strict)."""
    for index, example in enumerate(rule.spec.examples):
        problem = check_example(rule, example, companions)
        if example.xfail:
            if problem is None:
                problem = f"marked xfail ({example.xfail}) but passes: remove the marker"
            else:
                continue
        if problem is not None:
            yield ExampleFailure(rule.id, index, problem, rule.spec.source)
