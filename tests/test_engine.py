import pytest

from cleaner import load_pipeline
from cleaner.changelog import replay, revert
from cleaner.engine import VALVE_ROLLBACK_MESSAGE
from cleaner.errors import OscillationError
from cleaner.patterns import set_timeout
from tests.conftest import pipeline_of, write_rule

WIDGET = """\
kind: drop_line
level: error
description: Widget lines.
params:
  phrases: [Share, Latest news]
examples:
  - pass: x
"""


def test_fixed_point_with_overlapping_edits_from_two_rules(rule_dir):
    write_rule(rule_dir, "t.widgets", WIDGET)
    write_rule(rule_dir, "t.orphus", WIDGET.replace("[Share, Latest news]", "[Orphus sistemi]"))
    text = "Body sentence one.\n\nLatest news\n\nOrphus sistemi"
    result = pipeline_of(rule_dir).clean(text)
    assert result.text == "Body sentence one."
    assert {c.rule for c in result.changes} == {"t.widgets", "t.orphus"}
    assert replay(text, result.changes) == result.text
    assert revert(result.text, result.changes) == text
    assert [(c.line, c.col) for c in result.changes] == [(3, 1), (5, 1)]


def test_oscillating_rules_are_an_error_naming_them(rule_dir):
    body = """\
kind: substitute
level: error
description: Flip.
params:
  patterns: ["{a}"]
  replacement: "{b}"
examples:
  - pass: x
"""
    write_rule(rule_dir, "t.ab", body.format(a="a", b="b"))
    write_rule(rule_dir, "t.ba", body.format(a="b", b="a"))
    with pytest.raises(OscillationError, match=r"t\.ab"):
        pipeline_of(rule_dir).clean("a")


def test_safety_valve_holds_back_a_rule_that_would_delete_most_text(rule_dir):
    write_rule(
        rule_dir,
        "t.greedy",
        WIDGET.replace("[Share, Latest news]", '["[A-Z].*"]').replace("phrases", "patterns"),
    )
    text = "Short.\nAlpha beta gamma delta\nEpsilon zeta eta theta"
    result = pipeline_of(rule_dir).clean(text)
    assert result.text == text
    assert [f.rule for f in result.findings] == ["t.greedy"]
    assert "held back" in result.findings[0].message


def _patterns_rule(rule_dir, rule_id, pattern):
    write_rule(
        rule_dir,
        rule_id,
        WIDGET.replace("phrases: [Share, Latest news]", f"patterns: [{pattern!r}]"),
    )


def test_a_rule_held_back_gets_a_fresh_look_once_others_have_cut_the_text(rule_dir):
    # t.all wants both W lines (over half the text); t.long takes the longer one. A
    # second run would then apply t.all to the shorter: the engine does it in the first.
    _patterns_rule(rule_dir, "t.all", "W.*")
    _patterns_rule(rule_dir, "t.long", "WW.*")
    text = "Keep this sentence: it is the article.\nWidget one here\nWWidget two is a long one here"
    pipeline = pipeline_of(rule_dir)
    result = pipeline.clean(text)
    assert result.text == "Keep this sentence: it is the article."
    assert not pipeline.clean(result.text).changes
    assert not result.findings


def test_a_rule_that_crosses_the_valve_pass_by_pass_is_rolled_back():
    # Each biography is at the margin once its neighbour is gone, so the rule peels the
    # list pass by pass. Stopping it half way would leave a second run more to peel:
    # it is rolled back instead, and nothing of the list goes.
    bios = "\n".join(
        f"Name{i} Surname is a staff writer who has covered the harbour and its ferries."
        for i in "ABCDEFGH"
    )
    pipeline = load_pipeline(select=["boilerplate.author-bios"])
    result = pipeline.clean(f"Our contributors\n{bios}")
    assert result.text == f"Our contributors\n{bios}"
    assert [f.message for f in result.findings] == [VALVE_ROLLBACK_MESSAGE]
    assert not pipeline.clean(result.text).changes


def test_regex_timeout_skips_the_rule_and_keeps_the_document(rule_dir):
    write_rule(
        rule_dir,
        "t.hostile",
        WIDGET.replace("phrases: [Share, Latest news]", 'patterns: ["(a|aa)+$x"]'),
    )
    write_rule(rule_dir, "t.widgets", WIDGET)
    text = "a" * 5000 + "!\nShare\nEnd of text here."
    set_timeout(0.05)
    try:
        result = pipeline_of(rule_dir).clean(text)
    finally:
        set_timeout(2.0)
    assert result.text == "a" * 5000 + "!\nEnd of text here."
    assert [(f.rule, str(f.level)) for f in result.findings] == [("t.hostile", "error")]


def test_metadata_is_collected_from_edits(rule_dir):
    write_rule(
        rule_dir,
        "t.category",
        WIDGET.replace(
            "  phrases: [Share, Latest news]",
            "  phrases: [World, Politics]\n  capture: category\n  where: header",
        ),
    )
    text = "World\nThis is the first real sentence of the article body.\nWorld"
    result = pipeline_of(rule_dir).clean(text)
    assert result.metadata == {"category": "World"}
    assert result.text == "This is the first real sentence of the article body.\nWorld"


def test_clean_text_is_untouched(rule_dir):
    write_rule(rule_dir, "t.widgets", WIDGET)
    text = "Share prices fell 3%.\nLatest news from the front suggests calm.\n- 10,000 troops\n"
    result = pipeline_of(rule_dir).clean(text)
    assert result.text == text and not result.changes and not result.findings
