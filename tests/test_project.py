"""Configuration, per-file ignores, the baseline and the cache, through `Project`."""

from collections import Counter

import pytest

from cleaner.baseline import Baseline, keys
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
    configure(corpus, 'colour = "red"\n')
    with pytest.raises(CleanerError, match="unknown setting 'colour'"):
        Project(Options())
    configure(corpus, '[tool.cleaner.levels]\n"no.such" = "error"\n')
    with pytest.raises(CleanerError, match="no rule or pack matches 'no.such'"):
        Project(Options())


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
