"""Probe the boilerplate rules with news-page furniture they were not written from.

The development set (``score_devset.py``) samples real pages, about three
annotations a page, and the rules were tuned on it; it cannot say how the rules do
on furniture they have never seen, or how often they take a legitimate short line
(a subheading, a list item, a one-line quote) for furniture. This probe does, with
invented lines kept in the repository. The method, in three steps:

- ``probe_data.py``: the tables of furniture, legitimate lines and carrier
  articles, and one document per (probe line, placement) built from them;
- this script: the documents go to one JSONL file, which ``python -m cleaner run``
  cleans (the whole corpus in one run, as the corpus rules expect), and the cleaned
  texts and the run's ``changes.jsonl`` are read back;
- ``probe_scoring.py``: each document judged (furniture removed, legitimate lines
  and article lines lost), totalled per language; ``probe_report.py`` prints it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.probe_data import (  # noqa: E402
    ARTICLES_FILE,
    DEFAULT_DATA,
    FURNITURE_FILE,
    LEGIT_FILE,
    ProbeDoc,
    load_documents,
    shipped_sets,
    write_jsonl,
)
from benchmarks.probe_report import json_report, print_report, sets_json, sets_table  # noqa: E402
from benchmarks.probe_scoring import Removal, Verdict, score  # noqa: E402
from benchmarks.score_devset import (  # noqa: E402
    run_cli,
    run_label,
    scratch_folder,
    split_passthrough,
)

PROBE_NAME = "probe.jsonl"
CLEANER_LOGS = frozenset({"changes.jsonl", "flags.jsonl", "metadata.jsonl"})
EXIT_OK, EXIT_ERROR = 0, 2


# --- reading a run ---------------------------------------------------------------


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


# --- running -----------------------------------------------------------------


@contextmanager
def cleaned_folder(
    args: argparse.Namespace, docs: Sequence[ProbeDoc], extra: Sequence[str]
) -> Iterator[tuple[str, Path]]:
    """(label, output folder of a run): --cleaned as given, else a run in a temporary folder."""
    if args.cleaned is not None:
        yield f"cleaned {args.cleaned}", args.cleaned
        return
    with scratch_folder("cleaner-furniture-", args.keep_temp, "probe documents and run") as tmp:
        write_jsonl(docs, tmp / PROBE_NAME)
        run_cli(tmp / PROBE_NAME, tmp / "out", ["--no-progress", *extra])
        yield run_label(extra), tmp / "out"


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
    sets = parser.add_mutually_exclusive_group()
    sets.add_argument(
        "--data",
        type=Path,
        action="append",
        metavar="DIR",
        help=f"folder of {FURNITURE_FILE}, {LEGIT_FILE}, {ARTICLES_FILE} (default: {DEFAULT_DATA});"
        " repeatable: several sets are run one by one and summed up in one table, a row each",
    )
    sets.add_argument(
        "--all-sets",
        action="store_true",
        help="run the main probe and every set folder in it (blind, blind2, ...), a row each",
    )
    add_report_options(parser)
    return parser


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """Options that choose the languages and what the report shows."""
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


def main(argv: Sequence[str] | None = None) -> int:
    """Build the documents, run or find the cleaning, print the report; 0 ok, 2 error."""
    ours, extra = split_passthrough(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(ours)
    if extra and (args.cleaned or args.build):
        parser.error("arguments after `--` are only for a run of the probe")
    sets = shipped_sets() if args.all_sets else (args.data or [DEFAULT_DATA])
    if len(sets) > 1:
        if args.cleaned or args.build or args.show or args.families:
            parser.error("--cleaned, --build, --show and --families take one set (one --data)")
        return run_sets(args, sets, extra)
    docs = documents(sets[0], args.lang)
    if docs is None:
        return EXIT_ERROR
    if args.build is not None:
        write_jsonl(docs, args.build)
        print(f"{len(docs)} documents -> {args.build}", file=sys.stderr)
        return EXIT_OK
    scored = run_and_score(args, docs, extra)
    if scored is None:
        return EXIT_ERROR
    label, verdicts = scored
    if args.json:
        print(json_report(label, verdicts))
    else:
        print_report(label, verdicts, args.show, args.families)
    return EXIT_OK


def documents(data: Path, languages: Sequence[str]) -> list[ProbeDoc] | None:
    """The probe documents of one set; None, with the error printed, when there are none."""
    try:
        docs = load_documents(data, languages)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    if not docs:
        wanted = f" for {', '.join(languages)}" if languages else ""
        print(f"error: no probe lines in {data}{wanted}", file=sys.stderr)
        return None
    return docs


def run_and_score(
    args: argparse.Namespace, docs: Sequence[ProbeDoc], extra: Sequence[str]
) -> tuple[str, list[Verdict]] | None:
    """The run's label and one verdict per document; None, with the error printed."""
    with cleaned_folder(args, docs, extra) as (label, folder):
        texts, changes = read_run(folder)
    if not texts.keys() & {doc.id for doc in docs}:
        print(f"error: no cleaned probe documents in {folder}", file=sys.stderr)
        return None
    return label, score(docs, texts, changes)


def run_sets(args: argparse.Namespace, sets: Sequence[Path], extra: Sequence[str]) -> int:
    """Each set run on its own (the corpus rules see one set at a time); one row each."""
    results: dict[str, list[Verdict]] = {}
    label = run_label(extra)
    for data in sets:
        docs = documents(data, args.lang)
        scored = None if docs is None else run_and_score(args, docs, extra)
        if scored is None:
            return EXIT_ERROR
        results[set_name(data)] = scored[1]
    print(sets_json(label, results) if args.json else "\n".join(sets_table(label, results)))
    return EXIT_OK


def set_name(data: Path) -> str:
    """A set's folder as the table names it: relative to benchmarks/ when it is in it."""
    resolved = data.resolve()
    base = DEFAULT_DATA.parent
    return str(resolved.relative_to(base)) if resolved.is_relative_to(base) else str(data)


if __name__ == "__main__":
    sys.exit(main())
