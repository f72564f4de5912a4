"""Pattern forms that cost a search per line, kept out of the rule packs.

Speed is measured in benchmarks/, not here; these tests hold the two forms that the
measurements found expensive on real pages (see benchmarks/README.md, "Stop 42"):

- a guard over the whole line written greedily, `(?![^\\r\\n]*["“”])`, which reads
  to the end of the line and back on every line a rule tries. The possessive form
  `(?![^\\r\\n"“”]*+["“”])` gives the same answer reading forward once.
- a `run_line` (a shape, not words) under full case folding, where an alternation of
  bounded classes could try every reading of "ss", "st" or "ff" as one character.
  It is compiled with simple folding, which also counts the characters as written.
"""

from __future__ import annotations

import regex

from cleaner.kinds.after_marker import AfterMarker
from cleaner.patterns import compile_pattern
from cleaner.ruleset import default_rules_dir, load_rules, rule_files

GREEDY_GUARD = regex.compile(r"\(\?!\[\^(?:\\\\r\\\\n|\\r\\n)\]\*\[[^\]]*[\"“”«»„][^\]]*\]\)")


def test_no_rule_guards_a_whole_line_greedily() -> None:
    offenders = [
        f"{path.name}:{number}"
        for path in rule_files(default_rules_dir())
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if GREEDY_GUARD.search(line)
    ]
    assert not offenders, f'write the guard possessively, (?![^\\r\\n"“”]*+["“”]): {offenders}'


def _run_line_rules() -> list[AfterMarker]:
    detectors = [rule.detector for rule in load_rules([])]
    return [d for d in detectors if isinstance(d, AfterMarker) and d.run_line is not None]


def test_run_lines_fold_case_simply() -> None:
    rules = _run_line_rules()
    assert rules, "the packs have after_marker rules with a run_line"
    for detector in rules:
        assert not detector.run_line.flags & regex.FULLCASE, detector.rule


def test_a_shapes_bounds_count_characters_as_written() -> None:
    """Under full folding "st" in "minister" may be read as one letter (the ligature ﬆ).

    Then a run of 41 letters passed a bound of 40: the run_line of a box (a label of
    at most 40 letters and a colon) took a sentence with "Photo:" in it as a box line.
    """
    line = "The minister said the deal was done. Photo:"
    shape = r"[\p{L}][\p{L} .]{1,40}:"
    assert compile_pattern(shape, ignore_case=True).fullmatch(line) is not None
    assert compile_pattern(shape, ignore_case=True, full_case=False).fullmatch(line) is None
