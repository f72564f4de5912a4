"""Machine formats of `check`: json, SARIF 2.1.0 and GitHub annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaner.cli import main
from tests.conftest import write_rule

ARTICLE = "Prices rose sharply on Monday, officials said. Share\n\nMarkets closed higher. Share\n"
SUFFIX = ["--select", "boilerplate.share-suffix"]


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "news" / "a, b%.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def test_sarif_log_structure_rules_and_locations(article, capsys):
    code, out = check(capsys, str(article), "--format", "sarif", *SUFFIX)
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["boilerplate.share-suffix"]
    assert rules[0]["shortDescription"]["text"].startswith("A share or print button")
    first, second = run["results"]
    assert first["ruleId"] == "boilerplate.share-suffix" and first["ruleIndex"] == 0
    assert first["level"] == "error" and first["message"]["text"].startswith("A share")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/a%2C%20b%25.txt"  # relative, escaped
    assert (
        location["region"]["startLine"] == 1 and location["region"]["snippet"]["text"] == " Share"
    )
    assert second["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert first["partialFingerprints"] != second["partialFingerprints"]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_fingerprints_survive_lines_moving(article, capsys):
    _, before = check(capsys, str(article), "--format", "sarif", *SUFFIX)
    article.write_text("A new first paragraph was added.\n\n" + ARTICLE, encoding="utf-8")
    _, after = check(capsys, str(article), "--format", "sarif", *SUFFIX)
    old, new = (json.loads(text)["runs"][0]["results"] for text in (before, after))
    assert [r["partialFingerprints"] for r in old] == [r["partialFingerprints"] for r in new]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in new] == [3, 5]


def test_sarif_levels_and_errors_become_notifications(tmp_path, article, capsys):
    rules = tmp_path / "rules"
    write_rule(
        rules,
        "mine.markets",
        """\
kind: flag
level: info
description: Mentions of markets.
params:
  phrases: [Markets]
examples:
  - input: "Markets closed."
    flags: [Markets]
  - pass: "Nothing here."
""",
    )
    (article.parent / "bad.txt").write_bytes(b"\x00\x01")
    args = [str(article.parent), "--format", "sarif", "--rules", str(rules), "--select", "mine"]
    code, out = check(capsys, *args)
    assert code == 2
    run = json.loads(out)["runs"][0]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [("mine.markets", "note")]
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert (
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "news/bad.txt"
    )


def test_github_annotation_lines_are_escaped(article, capsys):
    code, out = check(capsys, str(article), "--format", "github", *SUFFIX)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    pattern = r"::error file=news/a%2C b%25\.txt,line=1,col=48,endLine=1,endColumn=53,title=boilerplate\.share-suffix::A share"
    assert re.match(pattern, lines[0]), lines[0]
    assert lines[0].endswith(': "Share"')


def test_json_format_holds_every_edit_finding_and_summary(article, capsys):
    code, out = check(capsys, str(article), "--format", "json", *SUFFIX)
    data = json.loads(out)
    assert code == 1 and data["tool"]["name"] == "cleaner"
    (document,) = data["documents"]
    assert document["doc"] == "a, b%.txt" and document["path"].endswith("a, b%.txt")
    assert [edit["before"] for edit in document["edits"]] == [" Share", " Share"]
    assert [(e["file_line"], e["file_col"]) for e in document["edits"]] == [(1, 48), (3, 24)]
    assert document["findings"] == [] and document["metadata"] == {}
    assert data["summary"]["edits"] == 2 and data["summary"]["errors"] == 0


def test_formats_exit_0_when_clean(tmp_path, capsys):
    path = tmp_path / "clean.txt"
    path.write_text("Nothing to see here.\n", encoding="utf-8")
    outputs = {}
    for form in ["text", "json", "sarif", "github"]:
        code, outputs[form] = check(capsys, str(path), "--format", form, *SUFFIX)
        assert code == 0, form
    assert outputs["text"] == outputs["github"] == ""
    assert json.loads(outputs["json"])["summary"]["edits"] == 0
    assert json.loads(outputs["sarif"])["runs"][0]["results"] == []


def test_front_matter_lines_count_in_file_positions(tmp_path, capsys):
    path = tmp_path / "fm.txt"
    path.write_text("---\ntitle: x\n---\nPrices rose. Share\n", encoding="utf-8")
    code, out = check(capsys, str(path), *SUFFIX)
    assert code == 1 and f"{path}:4:14: boilerplate.share-suffix" in out
