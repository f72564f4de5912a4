"""Hostile and broken rule files, through the command line.

A rule file that does not load stops the run before any input is read: running
without a rule the user asked for would give different results with no warning.
A rule whose pattern backtracks for ever is stopped by the regex timeout on that
document and reported as an error-level finding; the other rules and files go on.
"""

from __future__ import annotations

import pytest

from cleaner.cli import main
from tests.test_bad_input import FAST, FIXED, cli, corpus_with, snapshot

RULE = """\
id: t.widget
kind: drop_line
level: error
description: Widget lines.
params:
  patterns: ["Widget line"]
examples:
  - pass: x
"""
BAD_RULES = {
    "bad-yaml": (
        RULE.replace('["Widget line"]', '["Widget line"'),
        "t/widget.yaml:7: cannot read rule file: invalid YAML",
    ),
    "unknown-kind": (RULE.replace("drop_line", "drop_lines"), "unknown kind 'drop_lines'"),
    "bad-regex": (RULE.replace("Widget line", "(Widget"), "bad regular expression '(Widget'"),
    "unknown-key": (RULE + "colour: red\n", "t/widget.yaml: unknown key 'colour'"),
    "unknown-param": (RULE.replace("params:", "params:\n  wher: edges"), "wher"),
}


@pytest.mark.parametrize("case", sorted(BAD_RULES))
def test_an_invalid_rule_file_stops_the_run_before_any_input_is_touched(tmp_path, capsys, case):
    body, fragment = BAD_RULES[case]
    rules = tmp_path / "rules" / "t"
    rules.mkdir(parents=True)
    (rules / "widget.yaml").write_text(body, encoding="utf-8")
    folder = corpus_with(tmp_path, {})
    before = snapshot(folder)
    for command in ("check", "fix"):
        code, errors = cli(capsys, command, str(folder), "--rules", str(tmp_path / "rules"))
        assert code == 2 and len(errors) == 1 and fragment in errors[0], errors
        assert "widget.yaml" in errors[0]
    assert snapshot(folder) == before


def test_catastrophic_backtracking_times_out_and_the_rest_is_cleaned(tmp_path, capsys):
    rules = tmp_path / "rules" / "t"
    rules.mkdir(parents=True)
    (rules / "widget.yaml").write_text(RULE.replace("Widget line", "(a|aa)+$x"))
    # The line holds the pattern's anchor "x" (cleaner.anchors), so the pattern is tried.
    hostile = "a" * 5000 + "!x\n\nShare\n\nThe end of the story, officials said.\n"
    folder = corpus_with(tmp_path, {"hostile.txt": hostile.encode()})
    options = ["--rules", str(tmp_path / "rules"), "--select", "t", *FAST, "--no-cache"]
    code = main(["fix", str(folder), *options])
    captured = capsys.readouterr()
    # An error-level finding, not an input error: exit 1, as documented in the README.
    assert code == 1 and "Traceback" not in captured.err
    assert "hostile.txt:1:1: t.widget [error] regular expression timed out" in captured.out
    assert (folder / "hostile.txt").read_text() == hostile.replace("\n\nShare", "")
    assert (folder / "good.txt").read_text() == FIXED
