"""--jobs N: the same outputs as one process, in input order, with bounded work in flight."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from cleaner import language, parallel
from cleaner.batch import clean_sources
from cleaner.cli import main
from cleaner.corpus import gather
from cleaner.discovery import discover
from cleaner.engine import Pipeline
from cleaner.output import RunWriter
from cleaner.parallel import chunked, ordered_map
from cleaner.ruleset import Selection, load_rules
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def default_pipeline() -> Pipeline:
    return Pipeline(load_rules([], Selection()))


def corpus(folder: Path) -> Path:
    """Seed documents as files and as JSONL records (with a broken record among them)."""
    folder.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for index, text in enumerate(texts):
        (folder / f"doc{index}.txt").write_text(text, encoding="utf-8")
    lines = [json.dumps({"id": i, "text": texts[i % len(texts)][i:]}) for i in range(12)]
    lines.insert(5, "{broken")
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))}


def test_two_jobs_write_exactly_what_one_job_writes(tmp_path, default_pipeline, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_ITEMS", 2)  # many chunks, so order matters
    sources = discover([corpus(tmp_path / "in")], "*.*")
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        with RunWriter(out) as writer:
            for outcome in clean_sources(sources, default_pipeline, jobs=jobs):
                writer.add(outcome)
        outputs.append(folder_bytes(out))
    assert outputs[0] == outputs[1]
    assert b"translation." in outputs[0]["flags.jsonl"]  # corpus-level rules ran too
    assert outputs[0]["changes.jsonl"]


def test_cli_jobs_option_gives_identical_output_and_exit_code(tmp_path):
    folder = corpus(tmp_path / "in")
    codes = [
        main(["run", str(folder), "--glob", "*.*", "--out", str(tmp_path / f"o{j}"), "--jobs", j])
        for j in ("1", "2")
    ]
    assert codes[0] == codes[1] == 2  # the broken record is an error in both
    assert folder_bytes(tmp_path / "o1") == folder_bytes(tmp_path / "o2")


def test_parallel_corpus_statistics_equal_the_sequential_ones(tmp_path, default_pipeline):
    sources = discover([corpus(tmp_path / "in")], "*.*")
    one = gather(sources, default_pipeline, jobs=1)
    two = gather(sources, default_pipeline, jobs=2)
    assert one == two and any(one.values())
    assert [list(counter) for counter in one.values()] == [list(c) for c in two.values()]


def slow_square(state: int, chunk: list[int]) -> list[int]:
    time.sleep(0.05 * (3 - chunk[0] % 3))  # later chunks finish first
    return [state * value * value for value in chunk]


def test_ordered_map_keeps_chunk_order_when_workers_finish_out_of_order():
    chunks = [[value] for value in range(9)]
    results = list(ordered_map(slow_square, chunks, 3, 2))
    assert results == [([value], [2 * value * value]) for value in range(9)]


def test_ordered_map_reads_the_input_only_a_window_ahead():
    read = []

    def items():
        for value in range(200):
            read.append(value)
            yield [value]

    results = ordered_map(slow_square, items(), 2, 1)
    next(results)
    assert len(read) <= 2 * parallel.WINDOW_PER_JOB + 1
    results.close()


def process_id(state: int, chunk: list[int]) -> list[int]:
    time.sleep(0.02)
    return [os.getpid() for _ in chunk]


def test_ordered_map_does_one_chunk_in_this_process_and_more_in_workers():
    alone = list(ordered_map(process_id, [[1, 2, 3]], 2, 0))
    assert alone == [([1, 2, 3], [os.getpid()] * 3)]
    several = list(ordered_map(process_id, [[value] for value in range(6)], 2, 0))
    assert os.getpid() not in {pid for _, pids in several for pid in pids}


def test_ordered_map_prepares_once_and_only_when_it_starts_workers():
    calls: list[str] = []
    several = [[value] for value in range(6)]
    list(ordered_map(process_id, [[1, 2, 3]], 2, 0, before_fork=lambda: calls.append("alone")))
    list(ordered_map(process_id, several, 1, 0, before_fork=lambda: calls.append("one job")))
    assert calls == []
    list(ordered_map(process_id, several, 2, 0, before_fork=lambda: calls.append("workers")))
    assert calls == ["workers"]


def loaded_backends(state: int, chunk: list[int]) -> list[int]:
    return [language.backend.cache_info().currsize for _ in chunk]


def test_workers_start_with_the_language_model_the_pipeline_loaded(default_pipeline):
    chunks = [[value] for value in range(4)]
    language.backend.cache_clear()
    cold = list(ordered_map(loaded_backends, chunks, 2, 0))
    assert {loaded for _, found in cold for loaded in found} == {0}
    warm = list(ordered_map(loaded_backends, chunks, 2, 0, before_fork=default_pipeline.warm_up))
    assert {loaded for _, found in warm for loaded in found} == {1}


def test_a_pipeline_without_language_rules_loads_no_model():
    language.backend.cache_clear()
    Pipeline(load_rules([], Selection(select=("whitespace",)))).warm_up()
    assert language.backend.cache_info().currsize == 0


def test_chunks_are_bounded_by_count_and_weight():
    chunks = list(chunked(["a" * 10] * 5 + ["b" * 100, "c"], len, max_weight=50))
    assert [len(chunk) for chunk in chunks] == [5, 1, 1]
    assert [item for chunk in chunks for item in chunk] == ["a" * 10] * 5 + ["b" * 100, "c"]
    many = list(chunked(range(40), lambda _: 1))
    assert [len(chunk) for chunk in many] == [parallel.CHUNK_ITEMS] * 2 + [
        40 - 2 * parallel.CHUNK_ITEMS
    ]
