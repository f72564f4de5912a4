"""Score a cleaning run against the development set of real pages.

The development set (``../shared/devset/pages`` next to the repository, or
``$CLEANER_DEVSET``) holds ``NAME.txt`` pages and ``NAME.gold.json`` annotations:
``must_keep`` strings from the article, which must survive cleaning, and
``must_drop`` strings of page furniture, which should be gone. The annotations are
samples (about three per page), not complete lists.

Method
------
Every string and every text is *folded* before comparison: Unicode NFC,
typographic quotes and apostrophes (curly quotes, low-9 quotes, primes, guillemets,
the modifier-letter apostrophe) to ASCII ``'`` and ``"``, and every run of
whitespace (line breaks included) to one space; gold strings are also stripped.
Matching is otherwise exact and case-sensitive.

- A ``must_keep`` string is *kept* if it is a substring of the folded cleaned text.
- A ``must_drop`` string is *removed* if it is not a substring of the folded cleaned
  text (every occurrence has to go).
- A gold string that is not in the folded *original* page cannot be judged (the
  annotations come from a different extraction of the page); it is left out of the
  denominators and counted as excluded.
- A page whose cleaned copy is missing is scored as an empty output (content lost,
  boilerplate removed) and listed as missing.

The figures, for English pages (``lang == "en"``) and for all pages: content kept
(kept / judged ``must_keep``), boilerplate removed (removed / judged ``must_drop``),
and the number of pages that lost at least one ``must_keep`` string. Content
survival matters most.

What is scored is a directory of cleaned copies with the pages' relative names
(``--cleaned DIR``, e.g. from ``cleaner run PAGES --out DIR``). ``--run`` makes that
directory in a temporary folder with ``python -m cleaner run``; ``--baseline NAME``
makes it with a reference cleaner so the figures can be compared:

- ``identity``: no cleaning.
- ``short-lines``: drop lines of fewer than 4 words.
- ``c4``: the C4 line rules (Raffel et al. 2020; datatrove's ``C4QualityFilter``):
  remove citation marks (``[1]``, ``[edit]``, ``[citation needed]``), then drop lines
  that do not end in terminal punctuation (``. ? ! " '``) or end in an ellipsis,
  lines of fewer than 3 words, lines with a word over 1000 characters, and lines
  mentioning "javascript", "lorem ipsum" or a policy/cookie phrase. The
  document-level rules (curly bracket, fewer than 5 sentences) are not applied:
  no page is dropped whole.

Page text and gold strings are only read at run time; cleaned copies live in a
temporary folder and lost strings (``--show-lost``) go to stdout only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO.parent / "shared" / "devset" / "pages"
DEVSET_ENV = "CLEANER_DEVSET"
GOLD_SUFFIX = ".gold.json"
TEXT_SUFFIX = ".txt"
ENGLISH = "en"
EXIT_OK, EXIT_ERROR = 0, 2

_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
        # Invisible characters carry no content: a cleaner may remove them.
        **dict.fromkeys("\u00ad\u200b\u2060\ufeff", None),
    }
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFC, typographic quotes to ASCII, invisible characters out, whitespace runs to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES))


# --- gold and scoring -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gold:
    """One page of the development set: its relative text name and annotations."""

    rel: str
    lang: str
    keep: tuple[str, ...]
    drop: tuple[str, ...]


@dataclass(slots=True)
class PageScore:
    """How one cleaned page fares against its annotations."""

    rel: str
    lang: str
    missing: bool = False
    keep_total: int = 0
    kept: int = 0
    drop_total: int = 0
    dropped: int = 0
    keep_excluded: int = 0
    drop_excluded: int = 0
    lost: list[str] = field(default_factory=list)


def load_gold(pages: Path) -> list[Gold]:
    """Every ``*.gold.json`` under the pages folder, sorted by name."""
    golds = []
    for path in sorted(pages.rglob(f"*{GOLD_SUFFIX}")):
        data = json.loads(path.read_text(encoding="utf-8"))
        rel = path.relative_to(pages).as_posix().removesuffix(GOLD_SUFFIX) + TEXT_SUFFIX
        golds.append(
            Gold(rel, str(data.get("lang", "")), tuple(data["must_keep"]), tuple(data["must_drop"]))
        )
    return golds


def read_cleaned(cleaned: Path, rel: str) -> str | None:
    """Read the cleaned copy of one page; None when the run left none."""
    path = cleaned / rel
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8", errors="replace")


def score_page(gold: Gold, original: str, cleaned: str | None) -> PageScore:
    """Judge the gold strings found in the original against the cleaned text."""
    score = PageScore(gold.rel, gold.lang, missing=cleaned is None)
    before, after = fold(original), fold(cleaned or "")
    for raw in gold.keep:
        needle = fold(raw).strip()
        if not needle or needle not in before:
            score.keep_excluded += 1
            continue
        score.keep_total += 1
        if needle in after:
            score.kept += 1
        else:
            score.lost.append(raw)
    for raw in gold.drop:
        needle = fold(raw).strip()
        if not needle or needle not in before:
            score.drop_excluded += 1
            continue
        score.drop_total += 1
        score.dropped += needle not in after
    return score


def score_run(pages: Path, cleaned: Path, golds: Sequence[Gold]) -> list[PageScore]:
    """Score every page of the development set against a cleaned folder."""
    return [
        score_page(gold, read_page(pages, gold.rel), read_cleaned(cleaned, gold.rel))
        for gold in golds
    ]


def read_page(pages: Path, rel: str) -> str:
    """Read the original text of one page."""
    return (pages / rel).read_text(encoding="utf-8")


# --- totals ------------------------------------------------------------------


@dataclass(slots=True)
class Totals:
    """Sums over a group of pages."""

    pages: int = 0
    keep_total: int = 0
    kept: int = 0
    drop_total: int = 0
    dropped: int = 0
    pages_lost_content: int = 0
    keep_excluded: int = 0
    drop_excluded: int = 0
    missing: int = 0

    def add(self, page: PageScore) -> None:
        """Count one page in."""
        self.pages += 1
        self.keep_total += page.keep_total
        self.kept += page.kept
        self.drop_total += page.drop_total
        self.dropped += page.dropped
        self.pages_lost_content += bool(page.lost)
        self.keep_excluded += page.keep_excluded
        self.drop_excluded += page.drop_excluded
        self.missing += page.missing

    @property
    def content_kept(self) -> float | None:
        """Percent of judged must_keep strings that survived."""
        return percent(self.kept, self.keep_total)

    @property
    def boilerplate_removed(self) -> float | None:
        """Percent of judged must_drop strings that are gone."""
        return percent(self.dropped, self.drop_total)

    def as_dict(self) -> dict[str, Any]:
        """Give the counts plus the two percentages, for --json."""
        return {
            **asdict(self),
            "content_kept_pct": self.content_kept,
            "boilerplate_removed_pct": self.boilerplate_removed,
        }


def percent(part: int, whole: int) -> float | None:
    """part/whole in percent, rounded to 0.1; None when there is nothing to judge."""
    return round(100 * part / whole, 1) if whole else None


def group_totals(scores: Sequence[PageScore]) -> dict[str, Totals]:
    """Totals for English pages and for all pages."""
    groups = {"English": Totals(), "All": Totals()}
    for page in scores:
        if page.lang == ENGLISH:
            groups["English"].add(page)
        groups["All"].add(page)
    return groups


# --- reporting ---------------------------------------------------------------


def format_pct(value: float | None) -> str:
    """Format a percentage cell; n/a when nothing was judged."""
    return "n/a" if value is None else f"{value:.1f}%"


def markdown_table(groups: dict[str, Totals]) -> list[str]:
    """Lay the figures out as a markdown table, one row per group."""
    lines = [
        "| Pages | n | Content kept | Boilerplate removed | Pages losing content "
        "| Excluded keep / drop |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, t in groups.items():
        lines.append(
            f"| {name} | {t.pages} | {format_pct(t.content_kept)} ({t.kept}/{t.keep_total}) "
            f"| {format_pct(t.boilerplate_removed)} ({t.dropped}/{t.drop_total}) "
            f"| {t.pages_lost_content} | {t.keep_excluded} / {t.drop_excluded} |"
        )
    return lines


def lost_strings(scores: Sequence[PageScore], limit: int) -> list[tuple[str, str]]:
    """Up to `limit` (page, must_keep string) pairs that did not survive."""
    pairs = ((page.rel, text) for page in scores for text in page.lost)
    return list(itertools.islice(pairs, max(limit, 0)))


def print_report(label: str, scores: Sequence[PageScore], show_lost: int) -> None:
    """Print the human-readable report on stdout."""
    groups = group_totals(scores)
    print(f"### Development set: {label}\n")
    print("\n".join(markdown_table(groups)))
    print(
        "\nExcluded: gold strings not found in the original page (folded); "
        "they are outside the denominators."
    )
    missing = [page.rel for page in scores if page.missing]
    if missing:
        print(
            f"Missing cleaned copies (scored as empty): {len(missing)}: {', '.join(missing[:20])}"
            + (" ..." if len(missing) > 20 else "")
        )
    if show_lost:
        print(f"\nLost must_keep strings (up to {show_lost}):")
        lost = lost_strings(scores, show_lost)
        for rel, text in lost:
            print(f"- {rel}: {json.dumps(text, ensure_ascii=False)}")
        if not lost:
            print("(none)")


def json_report(label: str, pages: Path, scores: Sequence[PageScore], show_lost: int) -> str:
    """Build the machine-readable report."""
    report = {
        "source": label,
        "pages_dir": str(pages),
        "groups": {name: t.as_dict() for name, t in group_totals(scores).items()},
        "missing": [page.rel for page in scores if page.missing],
        "lost": [{"page": rel, "string": text} for rel, text in lost_strings(scores, show_lost)],
    }
    return json.dumps(report, ensure_ascii=False, indent=1)


# --- producing cleaned folders --------------------------------------------------

C4_END_PUNCTUATION = (".", "?", "!", '"', "'")
C4_ELLIPSIS = "..."
C4_MIN_WORDS = 3
C4_MAX_WORD_LENGTH = 1000
C4_CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)
SHORT_LINE_WORDS = 4


def c4_line(line: str) -> str | None:
    """One line through the C4 line rules: the (citation-free) line, or None if dropped."""
    words = line.split()
    if any(len(word) > C4_MAX_WORD_LENGTH for word in words):
        return None
    line = C4_CITATION.sub("", line.strip())
    lower = line.lower()
    if not line.endswith(C4_END_PUNCTUATION) or line.endswith(C4_ELLIPSIS):
        return None
    if len(line.split()) < C4_MIN_WORDS or "lorem ipsum" in lower or "javascript" in lower:
        return None
    return None if any(phrase in lower for phrase in C4_POLICY) else line


def c4_baseline(text: str) -> str:
    """C4's line filter, without its whole-document rules."""
    return "\n".join(kept for line in text.splitlines() if (kept := c4_line(line)) is not None)


def short_lines_baseline(text: str) -> str:
    """Drop lines of fewer than four words."""
    return "\n".join(line for line in text.splitlines() if len(line.split()) >= SHORT_LINE_WORDS)


def identity_baseline(text: str) -> str:
    """No cleaning at all."""
    return text


BASELINES: dict[str, Callable[[str], str]] = {
    "identity": identity_baseline,
    "short-lines": short_lines_baseline,
    "c4": c4_baseline,
}


def write_baseline(name: str, pages: Path, golds: Sequence[Gold], out: Path) -> None:
    """Clean every page with a reference cleaner into `out`."""
    cleaner = BASELINES[name]
    for gold in golds:
        target = out / gold.rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(cleaner(read_page(pages, gold.rel)), encoding="utf-8")


def run_cli(inputs: Path, out: Path, extra: Sequence[str]) -> int:
    """`python -m cleaner run INPUTS --out OUT [extra]` with this checkout first on the path.

    Also the runner of benchmarks/furniture_probe.py. Returns cleaner's exit code.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "cleaner", "run", str(inputs), "--out", str(out), *extra]
    code = subprocess.run(command, env=env, check=False).returncode
    if code not in (0, 1):  # 1 = findings remain in the cleaned text, not a failure
        print(
            f"warning: cleaner run exited with {code}; what is missing scores as empty",
            file=sys.stderr,
        )
    return code


# --- command line --------------------------------------------------------------


def default_pages() -> Path:
    """$CLEANER_DEVSET (the devset folder or its pages/ folder), else ../shared/devset/pages."""
    given = os.environ.get(DEVSET_ENV)
    if not given:
        return DEFAULT_PAGES
    path = Path(given)
    return path / "pages" if (path / "pages").is_dir() else path


def build_parser() -> argparse.ArgumentParser:
    """Options of the scorer."""
    parser = argparse.ArgumentParser(
        description="Score a cleaning run against the development set (content kept, "
        "boilerplate removed). Arguments after `--` are passed to `cleaner run` (--run). "
        "The method is described in benchmarks/README.md and this script's docstring.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--cleaned", type=Path, metavar="DIR", help="folder of cleaned copies named like the pages"
    )
    source.add_argument(
        "--run",
        action="store_true",
        help="run `python -m cleaner run` into a temporary folder and score it",
    )
    source.add_argument(
        "--baseline", choices=sorted(BASELINES), help="score a reference cleaner instead"
    )
    parser.add_argument(
        "--pages",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"development-set pages (default: ${DEVSET_ENV} or {DEFAULT_PAGES})",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument(
        "--show-lost",
        type=int,
        default=0,
        metavar="N",
        help="also print up to N lost must_keep strings with their page",
    )
    parser.add_argument(
        "--keep-temp",
        action="store_true",
        help="keep the temporary folder of --run/--baseline and print its path",
    )
    return parser


def split_passthrough(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Our arguments, and the ones after `--` meant for `cleaner run`."""
    args = list(argv)
    if "--" not in args:
        return args, []
    cut = args.index("--")
    return args[:cut], args[cut + 1 :]


@contextmanager
def scratch_folder(prefix: str, keep: bool, what: str) -> Iterator[Path]:
    """A temporary folder, removed afterwards unless `keep` (--keep-temp) says otherwise.

    With `keep`, its path is printed on stderr as "`what` kept in PATH", so a run can
    be looked into after the scores are printed.
    """
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield tmp
    finally:
        if keep:
            print(f"{what} kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def run_label(extra: Sequence[str]) -> str:
    """How a report names a run of `cleaner run` with these extra arguments."""
    return "cleaner run" + "".join(f" {arg}" for arg in extra)


@contextmanager
def cleaned_folder(
    args: argparse.Namespace, golds: Sequence[Gold], extra: Sequence[str]
) -> Iterator[tuple[str, Path]]:
    """(label, folder of cleaned copies), made in a temporary folder for --run/--baseline."""
    if args.cleaned is not None:
        yield f"cleaned {args.cleaned}", args.cleaned
        return
    with scratch_folder("cleaner-devset-", args.keep_temp, "cleaned copies") as tmp:
        if args.run:
            run_cli(args.pages, tmp, extra)
            yield run_label(extra), tmp
        else:
            write_baseline(args.baseline, args.pages, golds, tmp)
            yield f"baseline {args.baseline}", tmp


def main(argv: Sequence[str] | None = None) -> int:
    """Make or find the cleaned folder, score it, print the report; 0 ok, 2 error."""
    ours, extra = split_passthrough(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(ours)
    if extra and not args.run:
        parser.error("arguments after `--` are only for --run")
    args.pages = (args.pages or default_pages()).resolve()
    golds = load_gold(args.pages) if args.pages.is_dir() else []
    if not golds:
        print(
            f"error: no {GOLD_SUFFIX} files under {args.pages} (set --pages or ${DEVSET_ENV})",
            file=sys.stderr,
        )
        return EXIT_ERROR
    with cleaned_folder(args, golds, extra) as (label, folder):
        scores = score_run(args.pages, folder, golds)
    if all(page.missing for page in scores):
        print(f"error: no cleaned copies of the pages in {folder}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json_report(label, args.pages, scores, args.show_lost))
    else:
        print_report(label, scores, args.show_lost)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
