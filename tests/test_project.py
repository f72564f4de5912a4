"""Configuration, per-file ignores, the baseline and the cache, through `Project`."""

import json
from collections import Counter

import pytest

from cleaner.baseline import Baseline, keys
from cleaner.cli import main
from cleaner.errors import CleanerError
from cleaner.project import Options, Project
from tests.conftest import write_rule

WIDGETY = "Prices rose sharply on Monday, officials said in a statement.\n\nShare\n"
FLAGGY = "The market closed higher on Monday, traders said in the evening.\n"
FLAG_RULE = """\
kind: flag
level: warning
description: Mentions of the market.
params:
  phrases: [market]
examples:
  - input: "The market closed."
    flags: [market]
  - pass: "Nothing here."
"""


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "keep").mkdir(parents=True)
    (tmp_path / "docs" / "a.txt").write_text(WIDGETY)
    (tmp_path / "docs" / "keep" / "b.txt").write_text(WIDGETY)
    (tmp_path / "docs" / "c.txt").write_text(FLAGGY)
    write_rule(tmp_path / "myrules", "mine.market", FLAG_RULE)
    return tmp_path


def configure(root, body):
    (root / "pyproject.toml").write_text("[tool.cleaner]\n" + body)


def assert_rejected(corpus, setting, message):
    """The configuration `setting` stops Project with an error matching `message`."""
    configure(corpus, setting)
    with pytest.raises(CleanerError, match=message):
        Project(Options())


def run(project, paths=("docs",)):
    return {o.document.source.rel: o for o in project.outcomes(project.sources(list(paths)))}


def test_configuration_selects_rules_and_per_file_ignores(corpus):
    configure(
        corpus,
        'select = ["boilerplate.share-buttons", "mine"]\nrules = ["myrules"]\n'
        '[tool.cleaner.per-file-ignores]\n"docs/keep/*" = ["boilerplate.share-buttons"]\n',
    )
    outcomes = run(Project(Options(cache=False)))
    assert outcomes["a.txt"].changed
    assert not outcomes["keep/b.txt"].changed
    assert [f.rule for f in outcomes["c.txt"].result.findings] == ["mine.market"]


def test_levels_params_and_unknown_settings(corpus):
    configure(
        corpus,
        'select = ["mine"]\nrules = ["myrules"]\n[tool.cleaner.levels]\n"mine.market" = "error"\n',
    )
    project = Project(Options(cache=False))
    assert str(run(project)["c.txt"].result.findings[0].level) == "error"
    assert_rejected(corpus, 'colour = "red"\n', "unknown setting 'colour'")
    assert_rejected(
        corpus, '[tool.cleaner.levels]\n"no.such" = "error"\n', "no rule or pack matches 'no.such'"
    )


def test_baseline_accepts_known_findings_by_content_not_line(corpus):
    configure(corpus, 'select = ["mine"]\nrules = ["myrules"]\nbaseline = "baseline.json"\n')
    project = Project(Options(cache=False))
    outcome = run(project)["c.txt"]
    found = Counter(keys("docs/c.txt", outcome.result.findings, outcome.result.text))
    Baseline.write(corpus / "baseline.json", found)
    (corpus / "docs" / "c.txt").write_text(
        "A new first line of text was added here today.\n" + FLAGGY
    )
    assert run(Project(Options(cache=False)))["c.txt"].result.findings == ()
    (corpus / "docs" / "c.txt").write_text(
        FLAGGY + "The market fell again on Tuesday, traders said.\n"
    )
    remaining = run(Project(Options(cache=False)))["c.txt"].result.findings
    assert len(remaining) == 1


def test_cache_serves_clean_files_and_is_keyed_by_content(corpus):
    configure(corpus, 'select = ["mine"]\nrules = ["myrules"]\n')
    first = run(Project(Options()))
    assert [f.rule for f in first["c.txt"].result.findings] == ["mine.market"]
    assert (corpus / ".cleaner_cache" / "results.sqlite").is_file()
    second = run(Project(Options()))
    assert second["c.txt"].result.findings == first["c.txt"].result.findings
    (corpus / "docs" / "c.txt").write_text("Nothing of note happened on Monday at all.\n")
    assert run(Project(Options()))["c.txt"].result.findings == ()


def test_cache_key_changes_with_the_rules(corpus):
    configure(corpus, 'select = ["mine"]\nrules = ["myrules"]\n')
    salt = Project(Options()).salt
    write_rule(corpus / "myrules", "mine.market", FLAG_RULE.replace("[market]", "[markets]"))
    assert Project(Options()).salt != salt


def test_settings_of_the_wrong_type_name_the_key(corpus):
    configure(corpus, '[tool.cleaner.levels]\n"mine.market" = "loud"\n')
    with pytest.raises(CleanerError, match="levels.mine.market must be one of"):
        Project(Options())
    configure(corpus, "select = 3\n")
    with pytest.raises(CleanerError, match="select must be a list of strings"):
        Project(Options())
    configure(corpus, '[tool.cleaner.language]\nbackend = "oracle"\n')
    with pytest.raises(CleanerError, match="language.backend must be one of"):
        Project(Options())
    configure(corpus, '[tool.cleaner.language]\nmodel = "big"\n')
    with pytest.raises(CleanerError, match="language.model is unknown"):
        Project(Options())


GERMAN_QUOTES = "The minister said the talks were „very constructive“ and would go on next week.\n"


def test_language_settings_reach_every_rule_written_for_languages(corpus):
    (corpus / "docs" / "c.txt").write_text(GERMAN_QUOTES)
    select = 'select = ["translation.foreign-quotes"]\n'
    found = run(Project(Options(cache=False)), ["docs/c.txt"])["c.txt"].result.findings
    assert [f.rule for f in found] == ["translation.foreign-quotes"]
    configure(
        corpus, select + '[tool.cleaner.language]\nlanguages = ["de"]\nbackend = "langdetect"\n'
    )
    project = Project(Options(cache=False))
    gated = [spec for spec in project.specs if "languages" in spec.params]
    assert gated and all(spec.params["languages"] == ["de"] for spec in gated)
    assert all(spec.params["backend"] == "langdetect" for spec in gated)
    assert run(project, ["docs/c.txt"])["c.txt"].result.findings == ()  # an English text
    configure(
        corpus,
        select
        + '[tool.cleaner.language]\nlanguages = ["de"]\n'
        + '[tool.cleaner.params."translation.foreign-quotes"]\nlanguages = ["en"]\n',
    )
    found = run(Project(Options(cache=False)), ["docs/c.txt"])["c.txt"].result.findings
    assert [f.rule for f in found] == ["translation.foreign-quotes"]  # the rule's own entry wins


def test_a_warm_run_builds_no_rules_even_with_corpus_rules(corpus):
    configure(corpus, 'select = ["mine", "translation.lowercase-names"]\nrules = ["myrules"]\n')
    (corpus / "docs" / "a.txt").write_text(FLAGGY.replace("market", "markets"))
    (corpus / "docs" / "keep" / "b.txt").write_text("Nothing of note happened on Monday.\n")
    cold = Project(Options())
    assert cold.has_corpus_rules and cold.pipeline.corpus_rules()
    first = run(cold)
    warm = Project(Options())
    second = run(warm)
    assert warm._pipelines == {}
    assert {k: v.result.findings for k, v in second.items()} == {
        k: v.result.findings for k, v in first.items()
    }
    # Another file changes the corpus statistics: every result is computed afresh.
    (corpus / "docs" / "new.txt").write_text("Nothing of note happened on Tuesday.\n")
    third = Project(Options())
    run(third)
    assert third._pipelines != {}


def test_per_file_ignores_are_part_of_the_cache_key(corpus):
    # a.txt and keep/b.txt have the same bytes; only a.txt gets the share-buttons rule.
    configure(
        corpus,
        'select = ["boilerplate.share-buttons"]\n'
        '[tool.cleaner.per-file-ignores]\n"docs/keep/*" = ["boilerplate.share-buttons"]\n',
    )
    for _ in range(2):
        outcomes = run(Project(Options()))
        assert outcomes["a.txt"].changed and not outcomes["keep/b.txt"].changed


def test_the_configuration_file_supplies_command_line_defaults(corpus, capsys):
    (corpus / "docs" / "d.md").write_text(FLAGGY)
    configure(
        corpus,
        'select = ["mine"]\nrules = ["myrules"]\nglob = "*.md"\nfail-level = "warning"\n',
    )
    assert main(["check", "docs"]) == 1
    out = capsys.readouterr().out
    assert "d.md:1:" in out and "c.txt" not in out
    assert main(["check", "docs", "--fail-level", "error"]) == 0


def test_update_baseline_accepts_findings_and_keeps_other_files(corpus, capsys):
    configure(corpus, 'select = ["mine"]\nrules = ["myrules"]\n')
    (corpus / "docs" / "d.txt").write_text(FLAGGY)
    assert main(["check", "docs", "--fail-level", "warning"]) == 1
    assert main(["check", "docs", "--update-baseline"]) == 0
    baseline = json.loads((corpus / "cleaner-baseline.json").read_text())
    assert [e["path"] for e in baseline["findings"]] == ["docs/c.txt", "docs/d.txt"]
    assert main(["check", "docs", "--fail-level", "warning"]) == 0
    (corpus / "docs" / "d.txt").write_text("Nothing of note happened on Monday at all.\n")
    assert main(["check", "docs/d.txt", "--update-baseline"]) == 0
    baseline = json.loads((corpus / "cleaner-baseline.json").read_text())
    assert [e["path"] for e in baseline["findings"]] == ["docs/c.txt"]
    (corpus / "docs" / "c.txt").write_text(FLAGGY + "The market fell again, traders said.\n")
    assert main(["check", "docs", "--fail-level", "warning"]) == 1
    assert "c.txt:2:" in capsys.readouterr().out


def test_cache_clear_and_no_cache(corpus, capsys):
    configure(corpus, 'select = ["mine"]\nrules = ["myrules"]\n')
    database = corpus / ".cleaner_cache" / "results.sqlite"
    assert main(["check", "docs", "--no-cache"]) == 0
    assert not database.exists()
    assert main(["check", "docs"]) == 0
    assert database.is_file()
    assert main(["cache", "clear"]) == 0
    assert not database.exists()
    assert "cache cleared" in capsys.readouterr().err


def _summary(outcomes):
    return {
        rel: (o.result.text, o.result.findings, o.result.metadata, o.changed)
        for rel, o in outcomes.items()
    }


def test_a_cold_cache_is_filled_the_same_by_one_process_or_two(corpus):
    # Default rules (corpus-level ones included): the unknown files are observed and
    # cleaned by worker processes, and the results and what the cache keeps match.
    for number in range(6):
        (corpus / "docs" / f"n{number}.txt").write_text(
            f"Officials in kyiv met on Monday, number {number}.\n\n" + WIDGETY + FLAGGY
        )
    by_one = _summary(_checked(jobs=1, clear=True))
    by_two = _summary(_checked(jobs=2, clear=True))
    assert by_two == by_one
    assert _summary(_checked(jobs=2, clear=False)) == by_one  # warm: from the cache


def _checked(jobs, clear):
    if clear:
        main(["cache", "clear"])
    project = Project(Options())
    return {o.document.source.rel: o for o in project.outcomes(project.sources(["docs"]), jobs)}


def test_max_bytes_comes_from_the_flag_then_the_configuration(corpus, capsys):
    configure(corpus, 'max-bytes = "1K"\n')
    assert Project(Options()).max_bytes == 1024
    assert Project(Options(max_bytes=2048)).max_bytes == 2048
    (corpus / "docs" / "big.txt").write_text("Long line of article text. " * 100)
    assert main(["check", "docs/big.txt"]) == 0
    assert "over the size limit" in capsys.readouterr().out
    assert_rejected(corpus, "max-bytes = true\n", "max-bytes must be a size")
    assert_rejected(corpus, 'max-bytes = "lots"\n', "max-bytes is not a size")
