"""The report folder: index, per-document pages, data file and local assets.

DIR/index.html                       totals per rule and the document table
DIR/data/documents.js                the document rows (see cleaner.report.index)
DIR/docs/<bucket>/<n>-<name>.html    one page per document, 1,000 to a folder
DIR/assets/report.css, *.js          the only style and scripts; nothing remote

Pages are written as the documents stream past (each waits for the next one, to
link to it), so memory holds the rows, never the texts. The report is built in a
sibling folder and swapped in at the end: a failed run leaves the old report. The
output is deterministic (input order, no dates, no absolute paths), so a report
kept under version control shows exactly what a rule change did.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from types import TracebackType

from cleaner.batch import Outcome
from cleaner.errors import CleanerError
from cleaner.report.html import GENERATOR, Link, Nav, document_page
from cleaner.report.index import DATA_FILE, Summary
from cleaner.rule import RuleSpec

ASSETS = ("report.css", "index.js", "page.js")
PER_FOLDER = 1000
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def page_path(number: int, doc: str) -> str:
    """Where document `number` (1-based) goes: a bucket folder, its number and its name."""
    name = _UNSAFE.sub("_", doc)[-80:].strip("._") or "document"
    return f"docs/{(number - 1) // PER_FOLDER:03d}/{number:06d}-{name}.html"


class ReportWriter:
    """Streams outcomes into a report folder; use as a context manager."""

    def __init__(self, out_dir: Path, specs: Sequence[RuleSpec]) -> None:
        self.out_dir = out_dir
        self.summary = Summary(specs)
        self.work = out_dir.parent / f".{out_dir.name}.cleaner-partial-{os.getpid()}"
        self._pending: tuple[Outcome, int, str] | None = None
        self._previous: Link | None = None

    def __enter__(self) -> ReportWriter:
        _check_target(self.out_dir)
        if self.work.exists():
            shutil.rmtree(self.work)
        (self.work / "assets").mkdir(parents=True)
        static = resources.files("cleaner.report") / "static"
        for name in ASSETS:
            (self.work / "assets" / name).write_bytes((static / name).read_bytes())
        return self

    def add(self, outcome: Outcome) -> None:
        """Count a document, and write the page of the one before it."""
        number = len(self.summary.rows) + 1
        href = page_path(number, outcome.document.doc_id)
        self.summary.add(outcome, href)
        if self._pending is not None:
            self._write_pending(Link(_sibling(href), outcome.document.doc_id))
        self._pending = (outcome, number, href)

    def _write_pending(self, following: Link | None) -> None:
        assert self._pending is not None
        outcome, number, href = self._pending
        nav = Nav(number, "../../", self._previous, following)
        _write(self.work / href, document_page(outcome, nav))
        self._previous = Link(_sibling(href), outcome.document.doc_id)
        self._pending = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is not None:
            shutil.rmtree(self.work, ignore_errors=True)
            return
        if self._pending is not None:
            self._write_pending(None)
        _write(self.work / DATA_FILE, self.summary.data_script())
        _write(self.work / "index.html", self.summary.page())
        _swap(self.work, self.out_dir)


def _sibling(href: str) -> str:
    """A page's address from another document page (both sit two folders down)."""
    return "../" + href.split("/", 1)[1]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _check_target(out_dir: Path) -> None:
    """Refuse to replace a folder that holds anything but an earlier report."""
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise CleanerError("report folder is a file; choose another --out", path=str(out_dir))
    if not any(out_dir.iterdir()):
        return
    index = out_dir / "index.html"
    marker = f'<meta name="generator" content="{GENERATOR}">'
    if not (index.is_file() and marker in index.read_text(encoding="utf-8", errors="replace")):
        raise CleanerError(
            "folder is not empty and holds no cleaner report; choose another --out",
            path=str(out_dir),
        )


def _swap(work: Path, out_dir: Path) -> None:
    """Put the new report in place of the old one (replaced as a whole)."""
    if out_dir.exists():
        old = out_dir.parent / f".{out_dir.name}.cleaner-old-{os.getpid()}"
        out_dir.rename(old)
        work.rename(out_dir)
        shutil.rmtree(old)
    else:
        work.rename(out_dir)
