"""`cleaner fix` survives SIGKILL: every file holds its old content or its new one.

A real `python -m cleaner fix` over 2,000 small files is killed at seeded random
moments. After each kill every file must be byte for byte either what it was or
what the API says `fix` writes, never truncated or a mix of both; the temporary
files a killed writer leaves are removed by the next run, which finishes the job.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from cleaner import load_pipeline
from cleaner.batch import clean_document
from cleaner.reading import Source, text_document
from cleaner.writing import TEMP_PREFIX

ROOT = Path(__file__).resolve().parent.parent
FILES = 2000
ROUNDS = 6
SELECT = ["boilerplate.share-buttons", "whitespace"]
PIPELINE = load_pipeline(select=SELECT)


def _old(n: int) -> bytes:
    """A small article with something to fix, of varying length."""
    body = " ".join(f"Sentence {n}.{k} of the story, officials said." for k in range(1 + n % 7))
    return f"{body}\r\n\r\nShare\r\n\r\nThe end of story {n}.   \r\n".encode()


def _expected(path: Path, data: bytes) -> bytes:
    """What `fix` writes for this file, computed with the API."""
    outcome = clean_document(text_document(Source(path, path.name), data), PIPELINE)
    assert outcome.result is not None and outcome.changed
    return outcome.render(front_matter=True).text.encode("utf-8")


def _fix(folder: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "cleaner", "fix", str(folder), "--no-cache"]
    for rule in SELECT:
        command += ["--select", rule]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        command, cwd=folder.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _states(paths: list[Path], old: list[bytes], new: list[bytes]) -> tuple[int, int]:
    """How many files hold old and new content; anything else fails the test."""
    counts = [0, 0]
    for path, before, after in zip(paths, old, new, strict=True):
        data = path.read_bytes()
        assert data in (before, after), f"{path.name} is neither old nor new: {data[:80]!r}"
        counts[data == after] += 1
    return counts[0], counts[1]


def _kill_after(process: subprocess.Popen[bytes], path: Path, size: int, pause: float) -> None:
    """SIGKILL the run a moment after `path` was rewritten (so mid-run, at random)."""
    while path.stat().st_size == size and process.poll() is None:
        time.sleep(0.001)
    time.sleep(pause)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def test_fix_killed_at_random_moments_leaves_every_file_old_or_new(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    paths = [folder / f"doc{n:04d}.txt" for n in range(FILES)]
    old = [_old(n) for n in range(FILES)]
    new = [_expected(path, data) for path, data in zip(paths, old, strict=True)]
    for path, data in zip(paths, old, strict=True):
        path.write_bytes(data)

    rng = random.Random(20241122)
    targets = sorted(rng.sample(range(FILES), ROUNDS))
    seen, leftovers = [], 0
    for target in targets:  # each run takes up where the killed one stopped
        pause = rng.uniform(0, 0.05)
        _kill_after(_fix(folder), paths[target], len(old[target]), pause)
        seen.append(_states(paths, old, new)[1])
        leftovers += len(list(folder.glob(f"{TEMP_PREFIX}*")))
    assert any(0 < count < FILES for count in seen), f"no kill landed mid-run: {seen}"

    last = _fix(folder)  # sweeps what killed writers left, then finishes the job
    assert last.wait(timeout=120) == (1 if seen[-1] < FILES else 0)
    assert _states(paths, old, new) == (0, FILES)
    assert not list(folder.glob(f"{TEMP_PREFIX}*")), "temporary files left behind"
    again = _fix(folder)
    assert again.wait(timeout=120) == 0, "a second fix must find nothing to do"
    print(f"new files after each kill: {seen}; temporaries left by kills: {leftovers}")
