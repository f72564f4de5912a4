"""The Dask engine gives exactly the local engine's output, corpus-level rules included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.batch import clean_sources
from cleaner.discovery import discover
from cleaner.distributed import clean_on_cluster, shards
from cleaner.engine import Pipeline
from cleaner.output import RunWriter
from cleaner.ruleset import Selection, load_rules
from tests.conftest import SEEDS

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def shard_corpus(folder: Path) -> Path:
    """Seed texts as files, and as records spread over three JSONL shards."""
    folder.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for index, text in enumerate(texts[:3]):
        (folder / f"doc{index}.txt").write_text(text, encoding="utf-8")
    for shard in range(3):
        lines = [json.dumps({"n": i, "text": texts[(shard + i) % len(texts)]}) for i in range(4)]
        if shard == 1:
            lines.append("not json")
        (folder / f"part-{shard}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def write(outcomes, out: Path) -> dict[str, bytes]:
    with RunWriter(out) as writer:
        for outcome in outcomes:
            writer.add(outcome)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))}


def test_dask_engine_output_is_identical_to_the_local_engine(tmp_path, client):
    sources = discover([shard_corpus(tmp_path / "in")], "*.*")
    pipeline = Pipeline(load_rules([], Selection()))
    assert pipeline.corpus_rules()
    local = write(clean_sources(sources, pipeline), tmp_path / "local")
    on_cluster = write(clean_on_cluster(sources, pipeline, client), tmp_path / "dask")
    assert on_cluster == local
    assert b"not json" in local["part-1.jsonl"]


def test_corpus_statistics_span_shards(tmp_path, client):
    """A name spelled one way in two shards and another way in a third is seen as one."""
    texts = [
        "Mayor Vitali Klitschko said the metro would reopen. Aides of Vitali Klitschko agreed.",
        "Vitali Klitschko thanked the rescuers, his office said.",
        "Kyiv mayor Vitaliy Klitschko met residents on Sunday, officials said.",
    ]
    for index, text in enumerate(texts):
        (tmp_path / f"part-{index}.jsonl").write_text(json.dumps({"text": text}) + "\n")
    sources = discover([tmp_path], "*.jsonl")
    pipeline = Pipeline(load_rules([], Selection(select=("translation.name-variants",))))
    local = write(clean_sources(sources, pipeline), tmp_path / "local")
    remote = write(clean_on_cluster(sources, pipeline, client), tmp_path / "dask")
    alone = write(clean_on_cluster(sources[2:], pipeline, client), tmp_path / "alone")
    assert remote["flags.jsonl"] == local["flags.jsonl"]
    flags = [json.loads(line) for line in remote["flags.jsonl"].splitlines()]
    assert [(f["doc"], f["text"]) for f in flags] == [("part-2.jsonl:1", "Vitaliy")]
    assert alone["flags.jsonl"] == b""


def test_shards_are_jsonl_files_and_groups_of_text_files(tmp_path):
    sources = discover([shard_corpus(tmp_path / "in")], "*.*")
    parts = shards(sources, [0] * len(sources))
    assert [len(part) for part in parts] == [3, 1, 1, 1]
    assert all(source.path.is_absolute() for part in parts for _, source in part)
