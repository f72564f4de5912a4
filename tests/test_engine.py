import pytest

from cleaner.changelog import replay, revert
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
