import json
from pathlib import Path

import pytest

from cleaner.cli import main
from tests.conftest import write_rule

ARTICLE = "Prices rose sharply on Monday, officials said in a statement.\n\nShare\n\nMarkets closed higher.\n"
CLEAN = "Share prices in Moscow fell 3% after the announcement.\n\nThe market recovered later.\n"
SELECT = ["--select", "boilerplate.share-buttons"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "b.txt").write_bytes(b"\xef\xbb\xbfCRLF text stays.\r\n\r\nShare\r\n\r\nEnd")
    (folder / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return folder


def test_run_writes_copies_and_logs_and_revert_restores_bytes(corpus, tmp_path, capsys):
    out, restored = tmp_path / "out", tmp_path / "restored"
    assert main(["run", str(corpus), "--out", str(out), *SELECT]) == 0
    assert (
        (out / "a.txt").read_text()
        == "Prices rose sharply on Monday, officials said in a statement.\n\nMarkets closed higher.\n"
    )
    assert (out / "sub" / "b.txt").read_bytes() == b"\xef\xbb\xbfCRLF text stays.\r\n\r\nEnd"
    for name in ["changes.jsonl", "flags.jsonl", "metadata.jsonl"]:
        assert (out / name).is_file()
    records = [json.loads(line) for line in (out / "changes.jsonl").read_text().splitlines()]
    assert {r["doc"] for r in records} == {"a.txt", "sub/b.txt"}
    assert set(records[0]) >= {"doc", "rule", "action", "start", "end", "line", "before", "after"}
    assert len((out / "metadata.jsonl").read_text().splitlines()) == 3
    assert main(["revert", str(out), "--out", str(restored)]) == 0
    for path in corpus.rglob("*.txt"):
        assert (restored / path.relative_to(corpus)).read_bytes() == path.read_bytes()
    again = tmp_path / "again"
    assert main(["run", str(out), "--out", str(again), *SELECT]) == 0
    assert (again / "changes.jsonl").read_text() == ""
    assert main(["check", str(out), *SELECT]) == 0


def test_check_prints_locations_and_exits_1(corpus, capsys):
    assert main(["check", str(corpus), *SELECT]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"{corpus / 'a.txt'}:3:1: boilerplate.share-buttons" in lines[0]
    assert len(lines) == 2
    assert main(["check", str(corpus / "clean.txt"), *SELECT]) == 0


def test_fix_rewrites_atomically_and_a_second_run_passes(corpus, capsys):
    assert main(["fix", str(corpus), *SELECT]) == 1
    assert "Share" not in (corpus / "a.txt").read_text().replace("Share prices", "")
    assert main(["fix", str(corpus), *SELECT]) == 0
    assert not list(corpus.rglob(".cleaner-tmp-*"))


def test_diff_annotates_hunks_with_rules(corpus, capsys):
    assert main(["diff", str(corpus / "a.txt"), *SELECT]) == 1
    out = capsys.readouterr().out
    assert "-Share" in out and "@@ boilerplate.share-buttons" in out.replace(" @@ ", "@@ ").replace(
        "@@@@", "@@"
    )
    assert main(["diff", str(corpus / "clean.txt"), *SELECT]) == 0


def test_errors_exit_2_and_other_files_are_still_processed(corpus, tmp_path, capsys):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    (corpus / "broken.txt").write_bytes("Día uno.\nDía dos.".encode() + b"\xff")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), *SELECT]) == 2
    err = capsys.readouterr().err
    assert "binary.txt: binary file" in err and "broken.txt:2: not valid UTF-8" in err
    assert (out / "a.txt").is_file() and not (out / "binary.txt").exists()
    assert main(["check", str(tmp_path / "missing")]) == 2


def test_jsonl_in_and_out_with_revert(tmp_path):
    src = tmp_path / "in" / "docs.jsonl"
    src.parent.mkdir()
    records = [{"id": "x", "text": ARTICLE, "lang": "en"}, {"id": "y", "text": CLEAN}]
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    out, restored = tmp_path / "out", tmp_path / "restored"
    assert main(["run", str(src), "--out", str(out), *SELECT]) == 0
    cleaned = [json.loads(line) for line in (out / "docs.jsonl").read_text().splitlines()]
    assert cleaned[0]["lang"] == "en" and "\nShare\n" not in cleaned[0]["text"]
    assert cleaned[1]["text"] == CLEAN
    assert main(["revert", str(out), "--out", str(restored)]) == 0
    assert [
        json.loads(line) for line in (restored / "docs.jsonl").read_text().splitlines()
    ] == records


def test_fail_level_and_user_rule_folders(corpus, tmp_path, capsys):
    rules = tmp_path / "myrules"
    write_rule(
        rules,
        "mine.markets",
        """\
kind: flag
level: warning
description: Mentions of markets.
params:
  phrases: [market]
examples:
  - input: "The market closed."
    flags: [market]
  - pass: "Nothing here."
""",
    )
    args = ["check", str(corpus / "clean.txt"), "--rules", str(rules), "--select", "mine"]
    assert main([*args]) == 0
    assert main([*args, "--fail-level", "warning"]) == 1
    assert "mine.markets [warning]" in capsys.readouterr().out
    (rules / "mine" / "broken.yaml").write_text("id: mine.broken\nkind: nope\n")
    assert main([*args]) == 2
    assert "broken.yaml" in capsys.readouterr().err


def test_rules_commands(capsys):
    assert main(["rules", "list"]) == 0
    assert "boilerplate.share-buttons" in capsys.readouterr().out
    assert main(["rules", "show", "boilerplate.share-buttons"]) == 0
    assert "examples:" in capsys.readouterr().out
    assert main(["rules", "show", "boilerplate.breadcrumbs"]) == 0
    assert "requires one of: |, »" in capsys.readouterr().out
    assert main(["rules", "show", "no.such"]) == 2
    assert main(["rules", "test"]) == 0


def test_help_and_usage_errors(capsys):
    assert main(["--help"]) == 0
    assert "exit codes" in capsys.readouterr().out
    assert main(["frobnicate"]) == 2
    assert main(["run", "x"]) == 2  # --out is required


def test_legacy_and_utf16_inputs_are_decoded_reported_and_reverted_to_their_bytes(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    legacy = "Caf\u00e9 prices rose sharply in Z\u00fcrich on Monday, officials said.\n\nShare\n"
    (src / "cp1252.txt").write_bytes(legacy.encode("cp1252"))
    (src / "utf16.txt").write_bytes(legacy.encode("utf-16"))
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), *SELECT]) == 0
    assert (out / "cp1252.txt").read_text(encoding="utf-8").startswith("Caf\u00e9 prices")
    flags = [json.loads(line) for line in (out / "flags.jsonl").read_text().splitlines()]
    assert [(f["doc"], f["rule"]) for f in flags] == [("cp1252.txt", "input.encoding")]
    assert main(["revert", str(out), "--out", str(tmp_path / "back")]) == 0
    for name in ["cp1252.txt", "utf16.txt"]:
        assert (tmp_path / "back" / name).read_bytes() == (src / name).read_bytes()
    assert main(["fix", str(src), *SELECT]) == 1
    assert (src / "cp1252.txt").read_bytes().decode("utf-8").startswith("Caf\u00e9")
    assert main(["fix", str(src), *SELECT]) == 0


def test_a_closed_pipe_ends_quietly():
    import subprocess
    import sys

    root = Path(__file__).parent.parent
    command = [sys.executable, "-m", "cleaner", "diff", "seeds/", "--no-color"]
    process = subprocess.Popen(
        command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    process.stdout.close()  # the reader leaves before the first byte: every write fails
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert process.returncode == 1
