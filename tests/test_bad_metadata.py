"""Unusual but valid inputs: the logs must hold them and revert must restore them."""

from __future__ import annotations

import json

from cleaner.cli import main
from tests.test_bad_input import cli, snapshot


def test_revert_restores_line_separators_in_records(tmp_path, capsys):
    """Regression: revert split logs at U+2028 (a blank file is now an input error)."""
    folder = tmp_path / "in"
    folder.mkdir()
    record = {"text": "One\u2028two.\n\nShare", "note": "a\x85b"}
    (folder / "r.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    out, back = tmp_path / "out", tmp_path / "back"
    assert cli(capsys, "run", str(folder), "--out", str(out), "--glob", "*")[0] in (0, 1)
    assert cli(capsys, "revert", str(out), "--out", str(back)) == (0, [])
    assert snapshot(back) == snapshot(folder)


def test_front_matter_with_yaml_dates_sets_and_binary_reaches_every_json_output(tmp_path, capsys):
    """Regression: `date: 2024-01-02` (a YAML date) crashed metadata.jsonl and --format json."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = "Body text here, officials said.\n\nShare\n"
    heads = {
        "date.txt": "date: 2024-01-02\nupdated: 2024-01-02 10:00:00\n",
        "set.txt": "tags: !!set {a, b}\n",
        "binary.txt": "k: !!binary aGVsbG8=\n",
    }
    for name, head in heads.items():
        (folder / name).write_text(f"---\n{head}---\n{body}", encoding="utf-8")
    out = tmp_path / "out"
    assert cli(capsys, "run", str(folder), "--out", str(out)) == (0, [])
    metadata = {r["doc"]: r["metadata"] for r in map(json.loads, (out / "metadata.jsonl").open())}
    assert metadata["date.txt"] == {"date": "2024-01-02", "updated": "2024-01-02T10:00:00"}
    assert metadata["set.txt"] == {"tags": ["a", "b"]}
    assert cli(capsys, "revert", str(out), "--out", str(tmp_path / "back")) == (0, [])
    assert snapshot(tmp_path / "back") == snapshot(folder)
    assert main(["check", str(folder), "--format", "json", "--no-cache"]) == 1
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert {d["metadata"].get("date") for d in documents} >= {"2024-01-02"}


def test_run_refuses_two_inputs_that_would_share_an_output_name(tmp_path, capsys):
    """Regression: `run a/ b/` with an x.txt in each kept one copy and mixed their logs."""
    for folder, text in (("a", "Prices rose sharply.\n\nShare\n"), ("b", "Other text.\n\nTweet\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, errors = cli(capsys, "run", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out))
    assert code == 2 and len(errors) == 1
    assert "b/x.txt: same output name 'x.txt'" in errors[0] and not out.exists()
