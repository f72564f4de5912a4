"""Bad input, through the command line as a user meets it.

Every case puts one bad input next to good ones and runs `check`, `fix`, and `run`
+ `revert`. Each must give one clear line naming the file (and line or record),
exit 2 at the end, still process the good inputs, show no traceback (unless
--debug), and lose no input byte: `check` leaves every file as it was, `fix` leaves
the bad ones as they were, and `revert` gives back the good ones from `run`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner.commands.fix as fix
from cleaner.cli import main
from cleaner.engine import Pipeline
from cleaner.project import Project

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Prices rose sharply on Monday, officials said in a statement.\n\nShare\n\nMarkets closed.\n"
FIXED = "Prices rose sharply on Monday, officials said in a statement.\n\nMarkets closed.\n"
FAST = ["--select", "boilerplate.share-buttons", "--select", "whitespace"]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and ".cleaner_cache" not in p.parts
    }


def corpus_with(tmp_path: Path, bad: dict[str, bytes]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "z-good.txt").write_text(GOOD, encoding="utf-8")
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    return folder


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main([*argv])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, [line for line in err.splitlines() if line.startswith("error:")]


def exercise(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    expected: list[str],
    *,
    options: tuple[str, ...] = ("--glob", "*"),
    bad: tuple[str, ...] | None = None,
) -> None:
    """check, fix, run + revert: the errors, exit 2, good files cleaned, no byte lost.

    `expected` holds one fragment per error line, in order. `bad` names the inputs
    `fix` must leave byte for byte (by default every file but the good ones).
    """
    before = snapshot(folder)
    if bad is None:
        bad = tuple(name for name in before if not name.endswith("good.txt"))
    code, errors = cli(capsys, "check", str(folder), *options, *FAST)
    assert code == 2
    assert len(errors) == len(expected), errors
    for line, fragment in zip(errors, expected, strict=True):
        assert fragment in line, (fragment, line)
    assert snapshot(folder) == before, "check changed an input"
    out, restored = folder.parent / "out", folder.parent / "restored"
    assert cli(capsys, "run", str(folder), "--out", str(out), *options, *FAST) == (2, errors)
    assert cli(capsys, "revert", str(out), "--out", str(restored))[0] == 0
    for name, data in snapshot(restored).items():
        assert before[name] == data, f"revert did not give back {name}"
    assert {"good.txt", "z-good.txt"} <= set(snapshot(restored))
    assert cli(capsys, "fix", str(folder), "--no-cache", *options, *FAST) == (2, errors)
    after = snapshot(folder)
    assert after["good.txt"] == after["z-good.txt"] == FIXED.encode()
    for name in bad:
        assert after.get(name) == before[name], f"fix changed the bad input {name}"


def test_invalid_utf8_names_the_line(tmp_path, capsys):
    data = "Día uno.\nDía dos.\n".encode() + b"Broken \xff here.\n"
    folder = corpus_with(tmp_path, {"broken.txt": data})
    exercise(capsys, folder, ["broken.txt:3: not valid UTF-8 (byte 0xff"])


def test_utf16_with_bom_is_text_and_comes_back_byte_for_byte(tmp_path, capsys):
    text = "\ufeffPrices rose in Zürich on Monday, officials said.\r\n\r\nShare\r\n"
    folder = corpus_with(tmp_path, {"wide.txt": text.encode("utf-16-le")})
    before = snapshot(folder)
    out = tmp_path / "out"
    assert cli(capsys, "run", str(folder), "--out", str(out), "--glob", "*", *FAST)[0] == 0
    assert "Share" not in (out / "wide.txt").read_text(encoding="utf-8")
    assert cli(capsys, "revert", str(out), "--out", str(tmp_path / "back"))[0] == 0
    assert snapshot(tmp_path / "back") == before
    # A UTF-16 file cut off in the middle of a character is an error, not a guess.
    (folder / "cut.txt").write_bytes(text.encode("utf-16-le")[:-1])
    (tmp_path / "out").rename(tmp_path / "out1")
    exercise(capsys, folder, ["cut.txt:3: not valid UTF-16-LE"], bad=("cut.txt",))


def test_binary_file_is_skipped(tmp_path, capsys):
    folder = corpus_with(tmp_path, {"image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    exercise(capsys, folder, ["image.txt: binary file (contains NUL bytes)"])


def test_empty_file_is_reported(tmp_path, capsys):
    folder = corpus_with(tmp_path, {"empty.txt": b""})
    exercise(capsys, folder, ["empty.txt: empty file"])


def test_jsonl_bad_records_are_named_and_kept_byte_for_byte(tmp_path, capsys):
    lines = [
        json.dumps({"id": 1, "text": "Markets rose.\n\nShare"}).encode(),
        b"{not json",
        json.dumps({"id": 3, "body": "No text field."}).encode(),
        b'{"text": "Bytes \xff that are not UTF-8."}',
        b'{"text": "A lone surrogate \\ud800 escape."}',
        json.dumps({"id": 6, "text": "Markets fell.\n\nShare"}).encode(),
    ]
    folder = corpus_with(tmp_path, {"records.jsonl": b"\n".join(lines) + b"\n"})
    expected = [
        "records.jsonl:2: not JSON",
        "records.jsonl:3: no string field 'text'",
        "records.jsonl:4: not valid UTF-8 (byte 0xff",
        "records.jsonl:5: holds a lone surrogate",
    ]
    exercise(capsys, folder, expected, bad=())  # fix rewrites the good records only
    fixed = (folder / "records.jsonl").read_bytes().split(b"\n")
    assert fixed[1:5] == lines[1:5], "bad records must stay byte for byte"
    assert [json.loads(fixed[i])["text"] for i in (0, 5)] == ["Markets rose.", "Markets fell."]


def test_a_record_not_utf8_deep_in_a_large_jsonl_loses_no_record(tmp_path, capsys):
    """Regression: a decode error after the first read buffer used to end the file there."""
    lines = [json.dumps({"text": f"Record {n} rose.\n\nShare"}).encode() for n in range(3000)]
    lines[2500] = b'{"text": "bad \xff byte"}'
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    code, errors = cli(capsys, "fix", str(path), "--no-cache", *FAST)
    assert (code, errors) == (2, [errors[0]]) and "big.jsonl:2501:" in errors[0]
    fixed = path.read_bytes().split(b"\n")
    assert len(fixed) == 3001 and fixed[2500] == lines[2500]
    assert json.loads(fixed[2999])["text"] == "Record 2999 rose."


def test_a_50_mb_single_line_file_is_skipped_with_a_finding(tmp_path, capsys):
    folder = corpus_with(tmp_path, {})
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        for _ in range(50):
            handle.write("word " * 200_000)  # 1 MB a time: 50 MB, not one line break
    before = snapshot(folder)
    code = main(["check", str(folder), *FAST, "--no-cache"])
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err  # the good files' pending edits
    assert any("huge.txt" in line and "max-bytes" in line for line in captured.out.splitlines())
    assert snapshot(folder) == before
    assert main(["fix", str(folder), *FAST, "--no-cache"]) == 1
    assert (folder / "huge.txt").read_bytes() == before["huge.txt"]
    assert (folder / "good.txt").read_text(encoding="utf-8") == FIXED
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), *FAST]) == 0
    assert (out / "huge.txt").read_bytes() == before["huge.txt"]


def _sabotage_after_discovery(monkeypatch, target: Path, how: str) -> None:
    """The file is found, then vanishes (or turns into a folder) before it is read."""
    found = Project.sources

    def sources(self, paths):
        listed = found(self, paths)
        target.unlink()
        if how == "folder":
            target.mkdir()
        elif how == "dangling":
            target.symlink_to(target.parent / "nowhere.txt")
        return listed

    monkeypatch.setattr(Project, "sources", sources)


@pytest.mark.parametrize("how", ["gone", "folder", "dangling"])
def test_a_file_that_vanishes_mid_run_is_reported(tmp_path, capsys, monkeypatch, how):
    folder = corpus_with(tmp_path, {"flaky.txt": GOOD.encode()})
    flaky = folder / "flaky.txt"
    for command in (["check"], ["fix", "--no-cache"]):
        if flaky.is_dir():
            flaky.rmdir()
        elif flaky.is_symlink():
            flaky.unlink()
        flaky.write_text(GOOD, encoding="utf-8")
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        with monkeypatch.context() as patch:
            _sabotage_after_discovery(patch, flaky, how)
            code, errors = cli(capsys, *command[:1], str(folder), *command[1:], *FAST)
        assert code == 2
        assert len(errors) == 1 and "flaky.txt: cannot read" in errors[0], errors
        assert (folder / "good.txt").read_text(encoding="utf-8") == (
            FIXED if command[0] == "fix" else GOOD
        )


def test_fix_reports_a_file_it_cannot_write_and_goes_on(tmp_path, capsys, monkeypatch):
    """The file turns into a folder between reading and writing: one error, no crash."""
    folder = corpus_with(tmp_path, {"flaky.txt": GOOD.encode()})
    flaky = folder / "flaky.txt"
    real = fix.atomic_write

    def atomic_write(path, data):
        if path == flaky:
            flaky.unlink()
            flaky.mkdir()
        real(path, data)

    monkeypatch.setattr(fix, "atomic_write", atomic_write)
    code, errors = cli(capsys, "fix", str(folder), "--no-cache", *FAST)
    assert code == 2 and len(errors) == 1 and "flaky.txt: cannot write" in errors[0]
    assert snapshot(folder)["good.txt"] == snapshot(folder)["z-good.txt"] == FIXED.encode()
    assert not list(folder.glob(".cleaner-tmp-*"))


def test_a_folder_of_100000_small_files(tmp_path, capsys):
    """`check` over 100,000 files, one of them binary: one error line, exit 2, the one
    edit found, and every file left as written (about 25 s; writing and reading the
    files takes half of it, so the contents are compared once, with what was written)."""
    folder = tmp_path / "many"
    written = {f"d{b:03d}/f{n:03d}.txt": b"Line %d.\n" % n for b in range(100) for n in range(1000)}
    written["d000/f000.txt"] = b"Trailing spaces.   \n"
    written["d099/f999.txt"] = b"\x00binary"
    for block in range(100):
        (folder / f"d{block:03d}").mkdir(parents=True)
    for name, data in written.items():
        (folder / name).write_bytes(data)
    code = main(["check", str(folder), "--select", "whitespace", "--no-cache"])
    captured = capsys.readouterr()
    assert code == 2 and "Traceback" not in captured.err
    assert captured.out.count("whitespace.trailing-whitespace") == 1
    assert "99999 documents, 1 would change (1 edits), 0 findings, 1 errors" in captured.err
    assert "f999.txt: binary file" in captured.err
    assert snapshot(folder) == written


def test_a_bug_on_one_document_is_one_line_and_debug_shows_the_traceback(
    tmp_path, capsys, monkeypatch
):
    folder = corpus_with(tmp_path, {"boom.txt": b"BOOM is in this text.\n"})
    real = Pipeline.clean

    def clean(self, text, *args, **kwargs):
        if "BOOM" in text:
            raise RuntimeError("kind exploded")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "clean", clean)
    options = [str(folder), *FAST, "--no-cache", "--jobs", "1"]
    code, errors = cli(capsys, "check", *options)
    assert code == 2 and len(errors) == 1
    assert "boom.txt: internal error (RuntimeError: kind exploded)" in errors[0]
    assert main(["--debug", "check", *options]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and 'raise RuntimeError("kind exploded")' in err


def test_as_a_subprocess_the_user_sees_one_line_per_problem(tmp_path):
    folder = corpus_with(tmp_path, {"image.txt": b"\x00\x01", "empty.txt": b""})
    before = snapshot(folder)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "cleaner", "check", str(folder), "--glob", "*", *FAST]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ")[1].rsplit("/", 1)[-1] for e in errors] == ["empty.txt", "image.txt"]
    assert done.stdout.count("boilerplate.share-buttons") == 2
    assert snapshot(folder) == before


def test_a_file_named_twice_is_cleaned_once(tmp_path, capsys):
    """Regression: `fix dir dir/a.txt` wrote the cleaned text twice into a.txt."""
    folder = corpus_with(tmp_path, {"r.jsonl": b'{"text": "Markets rose.\\n\\nShare"}\n'})
    twice = [str(folder), str(folder / "good.txt"), str(folder / "." / "r.jsonl")]
    assert cli(capsys, "fix", *twice, "--glob", "*", "--no-cache", *FAST) == (1, [])
    assert (folder / "good.txt").read_text(encoding="utf-8") == FIXED
    assert (folder / "r.jsonl").read_bytes() == b'{"text": "Markets rose."}\n'


def test_a_blank_file_is_reported_like_an_empty_one_and_never_rewritten(tmp_path, capsys):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n\n  \n")
    for _ in range(2):  # a pre-commit hook must not fight itself
        assert main(["fix", str(path)]) == 2
        assert path.read_bytes() == b"\n\n  \n"
    assert "blank file" in capsys.readouterr().err
