"""Every rule's own examples, collected from the rule files: one test per example."""

from __future__ import annotations

import pytest

from cleaner.ruleset import build, load_specs
from cleaner.selftest import check_example, example_companions

SPECS = load_specs()
BY_ID = {spec.id: spec for spec in SPECS}
CASES = [
    pytest.param(spec, index, id=f"{spec.id}[{index}]")
    for spec in SPECS
    for index in range(len(spec.examples))
]


@pytest.mark.parametrize(("spec", "index"), CASES)
def test_rule_example(spec, index):
    rule = build(spec)
    example = spec.examples[index]
    problem = check_example(rule, example, example_companions(rule, BY_ID))
    if example.xfail:
        assert problem is not None, f"xfail example passes, remove the marker: {example.xfail}"
        pytest.xfail(example.xfail)
    assert problem is None, f"{spec.source}: {problem}"


def test_every_rule_has_a_changing_and_a_passing_example():
    for spec in SPECS:
        kinds = {"change" if ex.output is not None or ex.flags else "pass" for ex in spec.examples}
        assert kinds == {"change", "pass"}, f"{spec.source}: needs both kinds of example"
