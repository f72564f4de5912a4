"""Streaming: JSONL and .jsonl.gz in and out, a size limit, memory that does not grow."""

from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
from pathlib import Path

from cleaner.cli import main
from cleaner.reading import Source, documents

ARTICLE = (
    "The ministry said on Tuesday that the talks would resume next week in Geneva.\n\n"
    "Share\n\n"
    "Both delegations agreed that the next round should focus on the exchange of prisoners."
)


def write_records(path: Path, count: int, text: str = ARTICLE) -> list[str]:
    lines = [json.dumps({"id": index, "text": text}) + "\n" for index in range(count)]
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        handle.writelines(lines)
    return lines


def logs(folder: Path) -> dict[str, str]:
    return {
        name: (folder / name).read_text(encoding="utf-8")
        for name in ("changes.jsonl", "flags.jsonl", "metadata.jsonl")
    }


def test_gzip_jsonl_in_gives_gzip_out_with_the_plain_run_content(tmp_path):
    write_records(tmp_path / "plain.jsonl", 5)
    write_records(tmp_path / "packed.jsonl.gz", 5)
    assert main(["run", str(tmp_path / "plain.jsonl"), "--out", str(tmp_path / "a")]) == 0
    assert main(["run", str(tmp_path / "packed.jsonl.gz"), "--out", str(tmp_path / "b")]) == 0
    plain = (tmp_path / "a" / "plain.jsonl").read_text(encoding="utf-8")
    packed = gzip.decompress((tmp_path / "b" / "packed.jsonl.gz").read_bytes()).decode()
    assert packed == plain and "Share" not in plain
    assert logs(tmp_path / "a") == {
        k: v.replace("packed.jsonl.gz", "plain.jsonl") for k, v in logs(tmp_path / "b").items()
    }
    # The gzip header holds no time or name: a second run writes the same bytes.
    assert main(["run", str(tmp_path / "packed.jsonl.gz"), "--out", str(tmp_path / "c")]) == 0
    assert (tmp_path / "b" / "packed.jsonl.gz").read_bytes() == (
        tmp_path / "c" / "packed.jsonl.gz"
    ).read_bytes()


def test_gzip_jsonl_reverts_to_the_same_records_in_gzip(tmp_path):
    lines = write_records(tmp_path / "packed.jsonl.gz", 3)
    assert main(["run", str(tmp_path / "packed.jsonl.gz"), "--out", str(tmp_path / "out")]) == 0
    assert main(["revert", str(tmp_path / "out"), "--out", str(tmp_path / "back")]) == 0
    restored = gzip.decompress((tmp_path / "back" / "packed.jsonl.gz").read_bytes()).decode()
    assert [json.loads(line) for line in restored.splitlines()] == [
        json.loads(line) for line in lines
    ]


def test_documents_over_max_bytes_are_copied_through_and_reported(tmp_path):
    big = "Long line of article text. " * 400  # about 10 KB
    lines = write_records(tmp_path / "in.jsonl", 3)
    lines.insert(1, json.dumps({"text": big}) + "\r\n")
    (tmp_path / "in.jsonl").write_text("".join(lines), encoding="utf-8", newline="")
    (tmp_path / "big.txt").write_text(big + "\n\nShare\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(
        [
            "run",
            str(tmp_path / "in.jsonl"),
            str(tmp_path / "big.txt"),
            "--out",
            str(out),
            "--max-bytes",
            "4K",
        ]
    )
    assert code == 0
    cleaned = (out / "in.jsonl").read_bytes().decode("utf-8").splitlines(keepends=True)
    assert cleaned[1] == lines[1]  # byte for byte, not parsed
    assert "Share" not in cleaned[0] and "Share" not in cleaned[2]
    assert (out / "big.txt").read_bytes() == (tmp_path / "big.txt").read_bytes()
    flags = [json.loads(line) for line in (out / "flags.jsonl").read_text().splitlines()]
    skipped = {f["doc"] for f in flags if f["rule"] == "input.max-bytes"}
    assert skipped == {"in.jsonl:2", "big.txt"}


def test_an_oversized_record_is_never_held_in_memory(tmp_path):
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "x" * 8_000_000}) + "\n")
        handle.write(json.dumps({"text": ARTICLE}) + "\n")
    tracemalloc.start()
    found = list(documents(Source(path, "huge.jsonl"), max_bytes=100_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [d.skipped is not None for d in found] == [True, False]
    assert found[0].skipped == path.stat().st_size - len(found[1].raw or "")
    assert found[1].text == ARTICLE
    assert peak < 4_000_000


def test_reading_a_large_jsonl_file_keeps_memory_flat(tmp_path):
    path = tmp_path / "many.jsonl.gz"
    write_records(path, 20_000)  # about 4 MB of records
    tracemalloc.start()
    count = sum(1 for document in documents(Source(path, path.name)) if document.text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 20_000
    assert peak < 1_000_000


def test_bad_size_option_is_a_usage_error(tmp_path, capsys):
    write_records(tmp_path / "in.jsonl", 1)
    code = main(["run", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o"), "--max-bytes", "x"])
    assert code == 2
    assert "not a size" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch, capsys):
    write_records(tmp_path / "in.jsonl", 60)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["run", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "a"), "--jobs", "1"]) == 0
    assert "docs/s" in terminal.getvalue() and "B/s" in terminal.getvalue()
    monkeypatch.undo()
    assert main(["run", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "b"), "--jobs", "1"]) == 0
    assert "docs/s" not in capsys.readouterr().err
