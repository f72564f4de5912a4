from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cleaner.engine import Pipeline
from cleaner.ruleset import Selection, load_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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
