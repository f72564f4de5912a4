"""The report folder: layout, paging across folders, replacement, and the commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cleaner.cli import main
from cleaner.report.site import PER_FOLDER
from tests.conftest import SEEDS

SHARE = ["--select", "boilerplate.share-buttons"]


def data_rows(report: Path) -> list[list[object]]:
    script = (report / "data" / "documents.js").read_text(encoding="utf-8")
    data = json.loads(script.removeprefix("window.CLEANER_REPORT = ").rstrip().rstrip(";"))
    rows: list[list[object]] = data["rows"]
    return rows


def test_report_of_many_documents_is_bucketed_and_linked_in_order(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    count = PER_FOLDER + 5
    lines = [
        json.dumps(
            {"text": f"Story {i} ran long enough to read.\n\nShare" if i % 2 else f"Story {i}."}
        )
        for i in range(count)
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = tmp_path / "report"
    assert main(["report", str(corpus), "--out", str(report), *SHARE]) == 0
    rows = data_rows(report)
    assert len(rows) == count and rows[0][0] == "corpus.jsonl:1"
    pages = sorted((report / "docs").rglob("*.html"))
    assert len(pages) == count
    assert {p.parent.name for p in pages} == {"000", "001"}
    assert sum(row[2] for row in rows) == count // 2  # type: ignore[misc]
    edge = report / str(rows[PER_FOLDER - 1][1])
    html = edge.read_text(encoding="utf-8")
    following = re.search(r'rel="next" href="([^"]+)"', html)
    assert (
        following
        and (edge.parent / following.group(1)).resolve()
        == (report / str(rows[PER_FOLDER][1])).resolve()
    )
    first = (report / str(rows[0][1])).read_text(encoding="utf-8")
    assert 'rel="prev"' not in first and 'rel="next"' in first
    last = (report / str(rows[-1][1])).read_text(encoding="utf-8")
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_report_is_deterministic_local_and_replaces_only_reports(tmp_path, capsys):
    first, second = tmp_path / "one", tmp_path / "two"
    assert main(["report", str(SEEDS), "--out", str(first)]) == 0
    assert main(["report", str(SEEDS), "--out", str(second)]) == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        text = (first / name).read_text(encoding="utf-8")
        assert text == (second / name).read_text(encoding="utf-8")
        assert str(tmp_path) not in text and "://" not in text
    (first / "stale.html").write_text("old", encoding="utf-8")
    assert main(["report", str(SEEDS), "--out", str(first)]) == 0
    assert not (first / "stale.html").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["report", str(SEEDS), "--out", str(other)]) == 2
    assert "holds no cleaner report" in capsys.readouterr().err
    assert (other / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not list(tmp_path.glob(".*partial*"))


def test_run_writes_the_report_from_the_same_pass(tmp_path, capsys):
    out, report = tmp_path / "out", tmp_path / "report"
    assert main(["run", str(SEEDS), "--out", str(out), "--report", str(report)]) == 0
    assert (out / "changes.jsonl").is_file() and (report / "index.html").is_file()
    assert len(data_rows(report)) == len(list(SEEDS.glob("*.txt")))
    assert main(["run", str(SEEDS), "--out", str(out), "--report", str(out)]) == 2
    assert main(["run", str(SEEDS), "--out", str(out), "--report", str(tmp_path)]) == 2
    assert (out / "changes.jsonl").is_file()


def test_report_exit_codes_follow_findings_and_errors(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Fine text.\n\nShare\n", encoding="utf-8")
    assert main(["report", str(folder), "--out", str(tmp_path / "r"), *SHARE]) == 0
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    assert main(["report", str(folder), "--out", str(tmp_path / "r"), *SHARE]) == 2
    rows = data_rows(tmp_path / "r")
    assert rows[1][0] == "b.txt" and "binary" in str(rows[1][8])
    page = (tmp_path / "r" / str(rows[1][1])).read_text(encoding="utf-8")
    assert "Not cleaned" in page
