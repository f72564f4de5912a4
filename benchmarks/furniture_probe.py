"""Probe the boilerplate rules with news-page furniture they were not written from.

The development set (``score_devset.py``) samples real pages, about three
annotations a page, and the rules were tuned on it; it cannot say how the rules do
on furniture they have never seen, or how often they take a legitimate short line
(a subheading, a list item, a one-line quote) for furniture. This probe does, with
invented lines kept in the repository:

- ``probes/furniture.tsv``: page furniture (datelines, bylines, captions, share and
  follow buttons, paywall and consent prompts, related links, ...) that must go;
- ``probes/legit.tsv``: legitimate short lines, some built to look like furniture
  ("Share prices fell 3%", "Follow the money"), that must stay;
- ``probes/articles.tsv``: invented carrier articles, a headline and three
  paragraphs, per language.

Each probe line names its placements. One document is built per (line, placement)
from one of its language's articles (the line's row number within the language,
modulo the number of articles), blocks separated by a blank line:

- ``t``: the headline, the line, the three paragraphs (the top edge);
- ``m``: the line between the first and the second paragraph;
- ``b``: the line after the last paragraph (the bottom edge);
- ``L``: the line in place of the first paragraph (a lead with a dateline).

The documents go to one JSONL file, which ``python -m cleaner run`` cleans (the
whole corpus in one run, as the corpus rules expect). Lines are compared *folded*
(Unicode NFC, typographic quotes to ASCII, whitespace runs to one space, stripped):

- A furniture line is *removed* when no line of the cleaned text equals it; it is
  *partly removed* when, besides, a line that is not article text is left (a
  remnant of it).
- A legitimate line is *lost* when no line of the cleaned text equals it; for a
  lead (``L``), a dateline before the first `` - ``, ``.- `` or ``. `` may go, and
  the lead is kept when a cleaned line ends with the rest.
- An article line (the headline and the paragraphs) is *lost* when no line of the
  cleaned text equals it. No rule should ever take one: that figure must be 0.

A document missing from the cleaned output is scored as empty. The rules that
removed a legitimate line, or left a remnant, come from the run's ``changes.jsonl``:
the changes of that document whose removed text overlaps the line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / "benchmarks" / "probes"
FURNITURE_FILE, LEGIT_FILE, ARTICLES_FILE = "furniture.tsv", "legit.tsv", "articles.tsv"
PROBE_NAME = "probe.jsonl"
CLEANER_LOGS = frozenset({"changes.jsonl", "flags.jsonl", "metadata.jsonl"})
FURNITURE, LEGIT = "furniture", "legit"
PLACEMENTS = "tmbL"
ALL = "all"
EXIT_OK, EXIT_ERROR = 0, 2

_QUOTES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
        **dict.fromkeys("\u00ad\u200b\u2060\ufeff", None),
    }
)
_SPACES = re.compile(r"\s+")
# A lead's dateline: "Berlin (dpa) - ", "Madrid, 9 mar (EFE).- ", "BERLIN. ".
_DATELINE = re.compile(r"^.{1,60}?(?: - |\.- |\. )")


def fold(text: str) -> str:
    """NFC, typographic quotes to ASCII, invisible characters out, whitespace runs to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


# --- data --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProbeLine:
    """One row of furniture.tsv or legit.tsv."""

    kind: str
    lang: str
    family: str
    placements: str
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One carrier article: a headline and three paragraphs."""

    lang: str
    headline: str
    paragraphs: tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class ProbeDoc:
    """One built document: a probe line in one placement of one article."""

    id: str
    line: ProbeLine
    placement: str
    text: str
    article_lines: tuple[str, ...]


def data_rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a tab-separated file, comments and blank lines skipped."""
    with path.open(encoding="utf-8") as lines:
        for number, raw in enumerate(lines, 1):
            row = raw.rstrip("\n")
            if not row.strip() or row.startswith("#"):
                continue
            cells = row.split("\t")
            if len(cells) != columns or not all(cell.strip() for cell in cells):
                raise ValueError(
                    f"{path}:{number}: expected {columns} non-empty tab-separated cells"
                )
            yield number, cells


def read_lines(path: Path, kind: str) -> list[ProbeLine]:
    """The probe lines of one table; placements are checked against t, m, b, L."""
    rows = []
    for number, (lang, family, placements, text) in data_rows(path, 4):
        if set(placements) - set(PLACEMENTS) or len(set(placements)) != len(placements):
            raise ValueError(f"{path}:{number}: placements {placements!r} are not from t, m, b, L")
        rows.append(ProbeLine(kind, lang, family, placements, text))
    return rows


def read_articles(path: Path) -> dict[str, list[Article]]:
    """The carrier articles by language, in file order."""
    articles: dict[str, list[Article]] = defaultdict(list)
    for _, (lang, headline, first, second, third) in data_rows(path, 5):
        articles[lang].append(Article(lang, headline, (first, second, third)))
    return dict(articles)


# --- building ----------------------------------------------------------------


def blocks(article: Article, line: str, placement: str) -> tuple[list[str], tuple[str, ...]]:
    """The document's blocks with the line in its placement, and the article lines among them."""
    first, second, third = article.paragraphs
    if placement == "L":
        return [article.headline, line, second, third], (article.headline, second, third)
    kept = (article.headline, first, second, third)
    parts = list(kept)
    parts.insert({"t": 1, "m": 2, "b": 4}[placement], line)
    return parts, kept


def build_documents(
    lines: Sequence[ProbeLine], articles: Mapping[str, Sequence[Article]]
) -> list[ProbeDoc]:
    """One document per (line, placement), in table order."""
    docs = []
    index: dict[tuple[str, str], int] = defaultdict(int)
    for line in lines:
        row = index[line.kind, line.lang]
        index[line.kind, line.lang] += 1
        carriers = articles.get(line.lang)
        if not carriers:
            raise ValueError(f"no carrier article for language {line.lang!r}")
        article = carriers[row % len(carriers)]
        for placement in line.placements:
            parts, kept = blocks(article, line.text, placement)
            doc_id = f"{line.kind[0]}-{line.lang}-{row:03d}-{placement}"
            docs.append(ProbeDoc(doc_id, line, placement, "\n\n".join(parts) + "\n", kept))
    return docs


def write_jsonl(docs: Iterable[ProbeDoc], path: Path) -> None:
    """The documents as JSONL records with an id and a text field only."""
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"id": doc.id, "text": doc.text}, ensure_ascii=False) + "\n")


# --- reading a run ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Removal:
    """What one change of the run took out: the rule and the text before it."""

    rule: str
    before: str


def cleaned_file(folder: Path) -> Path | None:
    """The cleaned JSONL in a `cleaner run` output folder: the one that is not a log."""
    found = [p for p in sorted(folder.glob("*.jsonl")) if p.name not in CLEANER_LOGS]
    return found[0] if len(found) == 1 else None


def read_run(folder: Path) -> tuple[dict[str, str], dict[str, list[Removal]]]:
    """Cleaned texts by document id, and each document's changes, from an output folder."""
    path = cleaned_file(folder)
    if path is None:
        return {}, {}
    texts: dict[str, str] = {}
    by_line: dict[int, str] = {}
    with path.open(encoding="utf-8") as records:
        for number, raw in enumerate(records, 1):
            record = json.loads(raw)
            texts[str(record["id"])] = str(record.get("text") or "")
            by_line[number] = str(record["id"])
    changes: dict[str, list[Removal]] = defaultdict(list)
    log = folder / "changes.jsonl"
    if log.is_file():
        with log.open(encoding="utf-8") as records:
            for raw in records:
                record = json.loads(raw)
                name, _, line = str(record["doc"]).rpartition(":")
                doc_id = by_line.get(int(line)) if Path(name).name == path.name else None
                if doc_id is not None and not record.get("field"):
                    changes[doc_id].append(Removal(str(record["rule"]), str(record["before"])))
    return texts, dict(changes)


# --- scoring -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    """How one document came out of the run."""

    doc: ProbeDoc
    missing: bool
    line_kept: bool
    remnant: tuple[str, ...]
    article_lost: tuple[str, ...]
    rules: tuple[str, ...]


def lead_body(text: str) -> str:
    """A lead without its dateline (the cleaner may strip that)."""
    return _DATELINE.sub("", text, count=1) or text


def line_kept(doc: ProbeDoc, cleaned: set[str]) -> bool:
    """Whether the probe line is still a line of the cleaned text (a lead: its body)."""
    if doc.placement == "L" and doc.line.kind == LEGIT:
        body = fold(lead_body(doc.line.text))
        return any(line.endswith(body) for line in cleaned)
    return fold(doc.line.text) in cleaned


def rules_touching(line: str, removals: Sequence[Removal]) -> tuple[str, ...]:
    """Rules whose removed text overlaps the line (all of the document's, if none does)."""
    target = fold(line)
    hits = [
        r.rule
        for r in removals
        if (before := fold(r.before)) and (before in target or target in before)
    ]
    return tuple(dict.fromkeys(hits or [r.rule for r in removals]))


def judge(doc: ProbeDoc, cleaned: str | None, removals: Sequence[Removal]) -> Verdict:
    """Compare one cleaned document with what was built."""
    lines = {fold(line) for line in (cleaned or "").splitlines()} - {""}
    article = {fold(line) for line in doc.article_lines}
    kept = line_kept(doc, lines)
    remnant = () if kept else tuple(sorted(lines - article))
    lost = tuple(line for line in doc.article_lines if fold(line) not in lines)
    rules = rules_touching(doc.line.text, removals) if removals and (lost or not kept) else ()
    return Verdict(doc, cleaned is None, kept, remnant, lost, rules)


def score(
    docs: Sequence[ProbeDoc],
    texts: Mapping[str, str],
    changes: Mapping[str, Sequence[Removal]],
) -> list[Verdict]:
    """Judge every built document against the cleaned texts and changes of a run."""
    return [judge(doc, texts.get(doc.id), changes.get(doc.id, ())) for doc in docs]


# --- totals ------------------------------------------------------------------


@dataclass(slots=True)
class Totals:
    """Counts over a group of documents (a language, a family, or all)."""

    documents: int = 0
    furniture: int = 0
    furniture_removed: int = 0
    furniture_partly: int = 0
    legit: int = 0
    legit_lost: int = 0
    article_lines: int = 0
    article_lines_lost: int = 0
    missing: int = 0

    def add(self, verdict: Verdict) -> None:
        """Count one document in."""
        self.documents += 1
        self.missing += verdict.missing
        self.article_lines += len(verdict.doc.article_lines)
        self.article_lines_lost += len(verdict.article_lost)
        if verdict.doc.line.kind == FURNITURE:
            self.furniture += 1
            self.furniture_removed += not verdict.line_kept
            self.furniture_partly += bool(verdict.remnant)
        else:
            self.legit += 1
            self.legit_lost += not verdict.line_kept

    def as_dict(self) -> dict[str, Any]:
        """The counts plus the two percentages, for --json."""
        return {
            **asdict(self),
            "furniture_removed_pct": percent(self.furniture_removed, self.furniture),
            "legit_lost_pct": percent(self.legit_lost, self.legit),
        }


def percent(part: int, whole: int) -> float | None:
    """part/whole in percent, rounded to 0.1; None when there is nothing to judge."""
    return round(100 * part / whole, 1) if whole else None


def by_language(verdicts: Sequence[Verdict]) -> dict[str, Totals]:
    """Totals per language, in order of appearance, and for all documents."""
    groups: dict[str, Totals] = {}
    total = Totals()
    for verdict in verdicts:
        groups.setdefault(verdict.doc.line.lang, Totals()).add(verdict)
        total.add(verdict)
    return {**groups, ALL: total}


def by_family(verdicts: Sequence[Verdict]) -> dict[str, Totals]:
    """Totals per language, table and family ("en furniture date")."""
    groups: dict[str, Totals] = {}
    for verdict in verdicts:
        line = verdict.doc.line
        groups.setdefault(f"{line.lang} {line.kind} {line.family}", Totals()).add(verdict)
    return dict(sorted(groups.items()))


# --- reporting ---------------------------------------------------------------


def cell(part: int, whole: int) -> str:
    """n/N with the percentage; n/a when there is nothing to judge."""
    value = percent(part, whole)
    return "n/a" if value is None else f"{part}/{whole} ({value:.1f}%)"


def markdown_table(groups: Mapping[str, Totals], first: str = "Language") -> list[str]:
    """The figures as a markdown table, one row per group."""
    lines = [
        f"| {first} | Documents | Furniture removed | of which partly | Legitimate lost "
        "| Article lines lost |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, t in groups.items():
        lines.append(
            f"| {name} | {t.documents} | {cell(t.furniture_removed, t.furniture)} "
            f"| {t.furniture_partly} | {cell(t.legit_lost, t.legit)} "
            f"| {t.article_lines_lost}/{t.article_lines} |"
        )
    return lines


def where(verdict: Verdict) -> str:
    """`id family: "line"`, for the lists (the id holds the language and placement)."""
    line = verdict.doc.line
    text = json.dumps(line.text, ensure_ascii=False)
    return f"{verdict.doc.id} {line.family}: {text}"


def findings(verdicts: Sequence[Verdict]) -> dict[str, list[Verdict]]:
    """The documents worth a look: furniture left whole or in part, lines and text lost."""
    furniture = [v for v in verdicts if v.doc.line.kind == FURNITURE]
    return {
        "surviving furniture": [v for v in furniture if v.line_kept],
        "partly removed furniture": [v for v in furniture if v.remnant],
        "lost legitimate lines": [
            v for v in verdicts if v.doc.line.kind == LEGIT and not v.line_kept
        ],
        "lost article lines": [v for v in verdicts if v.article_lost],
    }


def describe(verdict: Verdict) -> str:
    """One list entry: the document, the line, what is left or lost, and the rules."""
    text = where(verdict)
    if verdict.remnant:
        text += f" -> left {json.dumps(list(verdict.remnant), ensure_ascii=False)}"
    if verdict.article_lost:
        text += f"; article lost {json.dumps(list(verdict.article_lost), ensure_ascii=False)}"
    if verdict.rules:
        text += f" ({', '.join(verdict.rules)})"
    return text


def print_report(label: str, verdicts: Sequence[Verdict], show: int, families: bool) -> None:
    """The human-readable report on stdout."""
    print(f"### Furniture probe: {label}\n")
    print("\n".join(markdown_table(by_language(verdicts))))
    missing = sum(v.missing for v in verdicts)
    if missing:
        print(f"\nMissing cleaned documents (scored as empty): {missing}")
    if families:
        print()
        print("\n".join(markdown_table(by_family(verdicts), "Family")))
    if show <= 0:
        return
    for title, found in findings(verdicts).items():
        print(f"\n{title.capitalize()} ({len(found)}, up to {show}):")
        for verdict in found[:show]:
            print(f"- {describe(verdict)}")
        if not found:
            print("(none)")


def verdict_record(verdict: Verdict) -> dict[str, Any]:
    """One document of the lists, for --json."""
    line = verdict.doc.line
    return {
        "id": verdict.doc.id,
        "lang": line.lang,
        "family": line.family,
        "placement": verdict.doc.placement,
        "line": line.text,
        "left": list(verdict.remnant),
        "article_lost": list(verdict.article_lost),
        "rules": list(verdict.rules),
    }


def json_report(label: str, verdicts: Sequence[Verdict]) -> str:
    """The machine-readable report: totals, per-family totals and the full lists."""
    report = {
        "source": label,
        "groups": {name: t.as_dict() for name, t in by_language(verdicts).items()},
        "families": {name: t.as_dict() for name, t in by_family(verdicts).items()},
        **{
            title.replace(" ", "_"): [verdict_record(v) for v in found]
            for title, found in findings(verdicts).items()
        },
    }
    return json.dumps(report, ensure_ascii=False, indent=1)


# --- running -----------------------------------------------------------------


def run_cli(inputs: Path, out: Path, extra: Sequence[str]) -> int:
    """`python -m cleaner run INPUTS --out OUT [extra]` with this checkout first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "cleaner", "run", str(inputs), "--out", str(out)]
    command += ["--no-progress", *extra]
    done = subprocess.run(command, env=env, check=False, stdout=subprocess.DEVNULL)
    if done.returncode not in (0, 1):  # 1 = findings remain in the cleaned text
        print(
            f"warning: cleaner run exited with {done.returncode}; missing documents score as empty",
            file=sys.stderr,
        )
    return done.returncode


@contextmanager
def cleaned_folder(
    args: argparse.Namespace, docs: Sequence[ProbeDoc], extra: Sequence[str]
) -> Iterator[tuple[str, Path]]:
    """(label, output folder of a run): --cleaned as given, else a run in a temporary folder."""
    if args.cleaned is not None:
        yield f"cleaned {args.cleaned}", args.cleaned
        return
    tmp = Path(tempfile.mkdtemp(prefix="cleaner-furniture-"))
    try:
        write_jsonl(docs, tmp / PROBE_NAME)
        run_cli(tmp / PROBE_NAME, tmp / "out", extra)
        yield "cleaner run" + "".join(f" {arg}" for arg in extra), tmp / "out"
    finally:
        if args.keep_temp:
            print(f"probe documents and run kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


# --- command line --------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Options of the probe."""
    parser = argparse.ArgumentParser(
        description="Build the furniture probe (one document per probe line and placement), "
        "clean it with `python -m cleaner run` and report furniture removed, legitimate lines "
        "lost and article lines lost, per language. Arguments after `--` are passed to "
        "`cleaner run`. The method is in this script's docstring.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--cleaned",
        type=Path,
        metavar="DIR",
        help="score an existing `cleaner run FILE --out DIR` of the documents from --build",
    )
    source.add_argument(
        "--build",
        type=Path,
        metavar="FILE",
        help="only write the probe documents as JSONL to FILE, and exit",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="DIR",
        help=f"folder of {FURNITURE_FILE}, {LEGIT_FILE}, {ARTICLES_FILE} (default: {DEFAULT_DATA})",
    )
    parser.add_argument(
        "--lang", action="append", default=[], metavar="LANG", help="only these languages"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of the tables")
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="also list up to N surviving furniture lines, lost legitimate lines (with the "
        "rules that removed them) and lost article lines",
    )
    parser.add_argument(
        "--families", action="store_true", help="also print a table per language and family"
    )
    parser.add_argument(
        "--keep-temp",
        action="store_true",
        help="keep the temporary folder (documents and run) and print its path",
    )
    return parser


def split_passthrough(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Our arguments, and the ones after `--` meant for `cleaner run`."""
    args = list(argv)
    if "--" not in args:
        return args, []
    cut = args.index("--")
    return args[:cut], args[cut + 1 :]


def load_documents(data: Path, langs: Sequence[str]) -> list[ProbeDoc]:
    """Read the tables and articles and build the documents (of some languages only)."""
    lines = read_lines(data / FURNITURE_FILE, FURNITURE) + read_lines(data / LEGIT_FILE, LEGIT)
    if langs:
        lines = [line for line in lines if line.lang in langs]
    return build_documents(lines, read_articles(data / ARTICLES_FILE))


def main(argv: Sequence[str] | None = None) -> int:
    """Build the documents, run or find the cleaning, print the report; 0 ok, 2 error."""
    ours, extra = split_passthrough(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(ours)
    if extra and (args.cleaned or args.build):
        parser.error("arguments after `--` are only for a run of the probe")
    try:
        docs = load_documents(args.data, args.lang)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    if not docs:
        print(f"error: no probe lines for {', '.join(args.lang)}", file=sys.stderr)
        return EXIT_ERROR
    if args.build is not None:
        write_jsonl(docs, args.build)
        print(f"{len(docs)} documents -> {args.build}", file=sys.stderr)
        return EXIT_OK
    with cleaned_folder(args, docs, extra) as (label, folder):
        texts, changes = read_run(folder)
    if not texts.keys() & {doc.id for doc in docs}:
        print(f"error: no cleaned probe documents in {folder}", file=sys.stderr)
        return EXIT_ERROR
    verdicts = score(docs, texts, changes)
    if args.json:
        print(json_report(label, verdicts))
    else:
        print_report(label, verdicts, args.show, args.families)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
