from __future__ import annotations

import os
import tempfile
import textwrap
from functools import cache
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, settings

from cleaner.engine import Pipeline
from cleaner.kinds import REGISTRY
from cleaner.params import Params
from cleaner.pattern_store import ENVIRONMENT
from cleaner.rule import Level, Rule, RuleSpec
from cleaner.ruleset import Selection, load_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Property tests everywhere: `ci` by default, HYPOTHESIS_PROFILE=long for 10,000 examples.
for _name, _examples in (("ci", 150), ("long", 10_000)):
    settings.register_profile(
        _name, max_examples=_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Compiled rule patterns go to a store of this test session, not the user's cache
# (cleaner.pattern_store); the CLI processes that tests start inherit it.
os.environ.setdefault(ENVIRONMENT, tempfile.mkdtemp(prefix="cleaner-test-patterns-"))


def write_rule(folder: Path, rule_id: str, body: str) -> Path:
    pack, name = rule_id.split(".", 1)
    path = folder / pack / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"id: {rule_id}\n" + textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture
def rule_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    return folder


def pipeline_of(folder: Path, **kwargs: object) -> Pipeline:
    return Pipeline(load_rules([folder], Selection(), defaults=False), **kwargs)  # type: ignore[arg-type]


def one_rule(kind: str, **params: object) -> Pipeline:
    """A pipeline of one rule of `kind` with these params, built without a rule file."""
    spec = RuleSpec(f"test.{kind}", kind, Level.ERROR, "A test rule.", params, (), "<test>")
    detector = REGISTRY[kind](spec, Params(params, source="<test>", rule_id=spec.id))
    return Pipeline([Rule(spec, detector)])


# A paragraph of prose long enough that no structure rule takes it for furniture.
LONG = (
    "The old lighthouse on Gull Point will be staffed again from April, the maritime "
    "agency announced on Thursday, after a decade of automatic operation. Two keepers "
    "will live on the headland in shifts of four weeks."
)


T = TypeVar("T")


@cache
def shipped_detector(rule_id: str, kind: type[T]) -> T:
    """The detector of one shipped rule, loaded once per test session; it is shared,
    so a test that changes it works on a copy."""
    rule = next(r for r in load_rules([], Selection(select=(rule_id,))) if r.id == rule_id)
    assert isinstance(rule.detector, kind)
    return rule.detector
