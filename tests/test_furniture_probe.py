"""benchmarks/furniture_probe.py and its probe_* modules: the data files parse, and building
and scoring work end to end on a few lines, so the benchmark cannot break without a test failing."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cleaner import load_pipeline

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "benchmarks" / "furniture_probe.py"


def load_probe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("furniture_probe", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


probe = load_probe()  # puts the repository on sys.path, as it does when run as a script
from benchmarks import probe_data, probe_scoring  # noqa: E402

# Two rules are enough to drive the plumbing, and cheap to compile in a cold pattern store.
RULES = ("boilerplate.advertisement", "boilerplate.share-buttons")

ARTICLE = (
    "en\tHarbour strike ends after nine days\t"
    "Dock workers returned to work on Thursday after union leaders accepted a revised pay offer.\t"
    "The agreement raises wages by 6% this year and by a further 4% next year, the port said.\t"
    "Shipping companies said it could take two weeks to clear the backlog of vessels offshore.\n"
)
FURNITURE = (
    "# lang family placements text\nen\tad\tm\tAdvertisement\nen\tshare\tb\tShare this article\n"
)
LEGIT = (
    "# lang family placements text\n"
    "en\tsubhead\tm\tWhy it matters\n"
    "en\tlead\tL\tLONDON (Reuters) - Dock workers in the port returned to work on Thursday.\n"
    # not legitimate at all: a line the rules take, to see the rule named
    "en\tsubhead\tm\tShare this article\n"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "probes"
    folder.mkdir()
    (folder / "articles.tsv").write_text("# lang headline p1 p2 p3\n" + ARTICLE, encoding="utf-8")
    (folder / "furniture.tsv").write_text(FURNITURE, encoding="utf-8")
    (folder / "legit.tsv").write_text(LEGIT, encoding="utf-8")
    return folder


def test_shipped_sets_in_natural_order() -> None:
    sets = probe_data.shipped_sets()
    assert sets[0] == probe_data.DEFAULT_DATA
    names = [path.name for path in sets[1:]]
    assert names[:3] == ["blind", "blind2", "blind3"]
    assert all((path / probe_data.ARTICLES_FILE).is_file() for path in sets)


@pytest.mark.parametrize("data", probe_data.shipped_sets(), ids=lambda path: path.name)
def test_shipped_data_parses_without_repeats(data: Path) -> None:
    articles = probe_data.read_articles(data / probe_data.ARTICLES_FILE)
    lines = probe_data.read_lines(data / probe_data.FURNITURE_FILE, probe_data.FURNITURE)
    lines += probe_data.read_lines(data / probe_data.LEGIT_FILE, probe_data.LEGIT)
    keys = [(line.lang, line.text) for line in lines]
    assert len(keys) == len(set(keys)), "a probe line is listed twice"
    assert {line.lang for line in lines} <= set(articles)
    assert all(len(carriers) >= 2 for carriers in articles.values())
    docs = probe_data.build_documents(lines, articles)
    assert len({doc.id for doc in docs}) == len(docs) == sum(len(x.placements) for x in lines)


def test_bad_placement_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text("en\tad\tx\tAdvertisement\n", encoding="utf-8")
    with pytest.raises(ValueError, match="placements"):
        probe_data.read_lines(path, probe_data.FURNITURE)


def test_documents_place_the_line(data: Path) -> None:
    docs = {doc.id: doc for doc in probe_data.load_documents(data, [])}
    assert sorted(docs) == ["f-en-000-m", "f-en-001-b", "l-en-000-m", "l-en-001-L", "l-en-002-m"]
    mid = docs["f-en-000-m"].text.split("\n\n")
    assert mid[2] == "Advertisement" and len(mid) == 5
    assert docs["f-en-001-b"].text.endswith("\n\nShare this article\n")
    lead = docs["l-en-001-L"]
    assert lead.text.split("\n\n")[1].startswith("LONDON (Reuters) - ")
    assert len(lead.article_lines) == 3  # the first paragraph is replaced


def test_scoring_through_the_api(data: Path) -> None:
    docs = probe_data.load_documents(data, [])
    pipeline = load_pipeline(select=RULES)
    texts, changes = {}, {}
    for doc in docs:
        result = pipeline.clean(doc.text)
        texts[doc.id] = result.text
        changes[doc.id] = [probe_scoring.Removal(c.rule, c.before) for c in result.changes]
    verdicts = probe_scoring.score(docs, texts, changes)
    totals = probe_scoring.by_language(verdicts)[probe_scoring.ALL]
    assert (totals.furniture, totals.furniture_removed) == (2, 2)
    assert (totals.legit, totals.legit_lost) == (3, 1)
    assert totals.article_lines_lost == 0 and totals.missing == 0
    [lost] = probe_scoring.findings(verdicts)["lost legitimate lines"]
    assert (lost.doc.id, lost.rules) == ("l-en-002-m", ("boilerplate.share-buttons",))


def test_scoring_judges_what_is_left(data: Path) -> None:
    docs = {doc.id: doc for doc in probe_data.load_documents(data, [])}
    ad, lead = docs["f-en-000-m"], docs["l-en-001-L"]
    kept = probe_scoring.judge(ad, ad.text, ())
    assert kept.line_kept and not kept.article_lost
    partly = probe_scoring.judge(ad, ad.text.replace("Advertisement", "Advert"), ())
    assert not partly.line_kept and partly.remnant == ("Advert",)
    # a lead may lose its dateline, not its body
    undated = probe_scoring.judge(lead, lead.text.replace("LONDON (Reuters) - ", ""), ())
    assert undated.line_kept
    cut = lead.text.replace(" on Thursday.", "")
    removal = probe_scoring.Removal("x.rule", " on Thursday.")
    lost = probe_scoring.judge(lead, cut, [removal])
    assert not lost.line_kept and lost.rules == ("x.rule",)
    empty = probe_scoring.judge(ad, None, ())
    assert empty.missing and len(empty.article_lost) == 4


def test_cli_run_and_json(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    selection = [arg for rule in RULES for arg in ("--select", rule)]
    code = probe.main(["--data", str(data), "--json", "--", "--jobs", "1", *selection])
    assert code == probe.EXIT_OK
    report = json.loads(capsys.readouterr().out)
    en = report["groups"]["en"]
    assert (en["furniture"], en["furniture_removed"]) == (2, 2)
    assert (en["legit"], en["legit_lost"], en["article_lines_lost"]) == (3, 1, 0)
    assert report["surviving_furniture"] == []
    [lost] = report["lost_legitimate_lines"]
    assert (lost["id"], lost["rules"]) == ("l-en-002-m", ["boilerplate.share-buttons"])


def test_usage_errors(data: Path, tmp_path: Path) -> None:
    assert probe.main(["--data", str(tmp_path / "nowhere")]) == probe.EXIT_ERROR
    assert probe.main(["--data", str(data), "--lang", "xx"]) == probe.EXIT_ERROR
    assert probe.main(["--data", str(data), "--cleaned", str(tmp_path)]) == probe.EXIT_ERROR
    with pytest.raises(SystemExit) as exit_:
        probe.main(["--cleaned", str(tmp_path), "--", "--jobs", "1"])
    assert exit_.value.code == probe.EXIT_ERROR


def test_several_sets_one_row_each(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    for name in ("articles.tsv", "furniture.tsv"):
        (other / name).write_text((data / name).read_text(encoding="utf-8"), encoding="utf-8")
    (other / "legit.tsv").write_text("# lang family placements text\n", encoding="utf-8")
    selection = [arg for rule in RULES for arg in ("--select", rule)]
    argv = ["--data", str(data), "--data", str(other), "--json", "--", "--jobs", "1"]
    assert probe.main([*argv, *selection]) == probe.EXIT_OK
    sets = json.loads(capsys.readouterr().out)["sets"]
    assert list(sets) == [str(data), str(other)]
    first, second = sets[str(data)]["all"], sets[str(other)]["all"]
    assert (first["furniture_removed"], first["legit"], first["legit_lost"]) == (2, 3, 1)
    assert (second["furniture_removed"], second["legit"]) == (2, 0)
    table_argv = [arg for arg in argv if arg != "--json"]
    assert probe.main([*table_argv, *selection]) == probe.EXIT_OK
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "### Furniture probe, 2 sets: cleaner run --jobs 1 " + " ".join(selection)
    assert any(row.startswith(f"| {other} | 2 | 2/2 (100.0%) |") for row in table)


def test_several_sets_refuse_per_set_options(data: Path) -> None:
    for option in ("--show", "--families"):
        args = ["--data", str(data), "--data", str(data), option]
        if option == "--show":
            args.append("3")
        with pytest.raises(SystemExit) as exit_:
            probe.main(args)
        assert exit_.value.code == probe.EXIT_ERROR


def test_blocks_of_lines_are_removed_whole_or_counted_as_left(tmp_path: Path) -> None:
    folder = tmp_path / "blocks"
    folder.mkdir()
    (folder / "articles.tsv").write_text(ARTICLE, encoding="utf-8")
    (folder / "furniture.tsv").write_text(
        "en\tad\tm\tAdvertisement\\nShare this article\n"
        "en\tad\tb\tAdvertisement\\nHarbour fees rise again\n",
        encoding="utf-8",
    )
    (folder / "legit.tsv").write_text(
        "en\tlist\tm\tWhat changes\\nShare this article\n", encoding="utf-8"
    )
    docs = {doc.id: doc for doc in probe_data.load_documents(folder, [])}
    assert docs["f-en-000-m"].text.split("\n\n")[2] == "Advertisement\nShare this article"
    pipeline = load_pipeline(select=RULES)
    verdicts = {
        doc_id: probe_scoring.judge(doc, pipeline.clean(doc.text).text, ())
        for doc_id, doc in docs.items()
    }
    assert not verdicts["f-en-000-m"].line_kept  # both lines gone
    half = verdicts["f-en-001-b"]
    assert half.line_kept and half.block_left == ("Harbour fees rise again",)
    legit = verdicts["l-en-000-m"]
    assert not legit.line_kept and legit.block_left == ("What changes",)


@pytest.mark.parametrize(
    ("row", "message"),
    [("en\tad\tL\tA\\nB\n", "lead"), ("en\tad\tm\tA\\n \\nB\n", "empty line")],
)
def test_bad_blocks_are_errors(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(row, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        probe_data.read_lines(path, probe_data.FURNITURE)
