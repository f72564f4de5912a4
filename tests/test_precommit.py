"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit framework.

pre-commit clones a hook repository at a revision and pip-installs it, so the code
under test has to be committed somewhere: the test copies this checkout's working
tree (tracked and untracked files, what `git ls-files` lists) into a scratch
repository and commits it there, never touching this repository's history. The
corpus repository is a second scratch repository that uses the hooks as a user
would. Installing the hook needs PyPI (for the dependencies); pre-commit and git
must be installed, otherwise the test is skipped.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What `pip install` of the hook repository needs; nothing else is copied.
HOOK_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
HOOK_FOLDERS = ("cleaner/", "rules/")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}

WIDGETY = (
    "Prices rose sharply on Monday, officials said in a statement to reporters.\n\n"
    "Share\n\n"
    "Markets closed higher after the announcement, traders said on Monday evening.\n\n"
    "#markets #economy #prices\n"
)
FIXED = (
    "---\nkeywords:\n- markets\n- economy\n- prices\n---\n"
    "Prices rose sharply on Monday, officials said in a statement to reporters.\n\n"
    "Markets closed higher after the announcement, traders said on Monday evening.\n"
)
CLEAN = "The council approved the new budget on Monday after a long debate.\n"
CONFIG = """\
[tool.cleaner]
ignore = ["translation"]

[tool.cleaner.per-file-ignores]
"news/keep-*" = ["boilerplate.share-buttons"]
"""


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _tracked_and_new(root: Path) -> list[str]:
    """The working tree's files, as git sees them (ignored files left out)."""
    try:
        listing = _git(root, "ls-files", "-co", "--exclude-standard", "-z")
    except subprocess.CalledProcessError:
        pytest.skip(f"{root} is not a git checkout: the hook repository is built from one")
    return [name for name in listing.split("\0") if name]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A scratch repository holding this checkout's current code, committed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path_factory.mktemp("hooks")
    for name in _tracked_and_new(ROOT):
        source = ROOT / name
        if source.is_file() and (name in HOOK_FILES or name.startswith(HOOK_FOLDERS)):
            target = repo / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "code under test")
    return repo, _git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def corpus_repo(tmp_path: Path, hook_repo: tuple[Path, str]) -> Path:
    repo = tmp_path / "corpus"
    (repo / "news").mkdir(parents=True)
    (repo / "news" / "widgets.txt").write_text(WIDGETY, encoding="utf-8")
    (repo / "news" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "news" / "keep-share.txt").write_text(CLEAN + "\nShare\n", encoding="utf-8")
    (repo / "notes.md").write_text("Share\n", encoding="utf-8")  # not a corpus file
    (repo / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    path, rev = hook_repo
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n"
        "      - id: cleaner-check\n      - id: cleaner-fix\n",
        encoding="utf-8",
    )
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "corpus")
    return repo


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", *args, "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_hooks_check_then_fix_then_pass(corpus_repo: Path) -> None:
    checked = _pre_commit(corpus_repo, "cleaner-check")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "news/widgets.txt:3:1: boilerplate.share-buttons" in checked.stdout
    assert "keep-share.txt" not in checked.stdout  # per-file ignores from pyproject.toml
    assert _git(corpus_repo, "status", "--porcelain") == ""  # check changes nothing

    fixed = _pre_commit(corpus_repo, "cleaner-fix")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "files were modified by this hook" in fixed.stdout
    assert _git(corpus_repo, "status", "--porcelain") == " M news/widgets.txt\n"
    assert (corpus_repo / "news" / "widgets.txt").read_text(encoding="utf-8") == FIXED
    diff = _git(corpus_repo, "diff", "--unified=0", "--no-color")
    removed = [line for line in diff.splitlines() if line.startswith("-") and line[:3] != "---"]
    assert removed == ["-Share", "-", "-", "-#markets #economy #prices"]

    again = _pre_commit(corpus_repo)  # both hooks, as on the next commit
    assert again.returncode == 0, again.stdout + again.stderr
    assert _git(corpus_repo, "status", "--porcelain") == " M news/widgets.txt\n"


def test_parallel_fix_batches_on_disjoint_files_share_the_cache(tmp_path: Path) -> None:
    """pre-commit runs one process per batch of files: they must not get in each other's way."""
    for index in range(6):
        (tmp_path / f"doc{index}.txt").write_text(WIDGETY, encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text('ignore = ["translation"]\n', encoding="utf-8")
    batches = [[f"doc{index}.txt" for index in range(start, 6, 2)] for start in (0, 1)]
    command = [sys.executable, "-m", "cleaner", "fix"]
    processes = [
        subprocess.Popen([*command, *batch], cwd=tmp_path, stdout=subprocess.PIPE, text=True)
        for batch in batches
    ]
    for process in processes:
        process.communicate(timeout=300)
        assert process.returncode == 1
    for index in range(6):
        assert (tmp_path / f"doc{index}.txt").read_text(encoding="utf-8") == FIXED
    assert not list(tmp_path.glob(".cleaner-tmp-*"))
    second = [subprocess.Popen([*command, *batch], cwd=tmp_path) for batch in batches]
    assert [process.wait(timeout=300) for process in second] == [0, 0]
