"""orphan_lines with `below_rules`: a caption framed by its removed toggle and credit.

A picture's caption is a sentence like any other; what marks it is its frame, the
caption toggle ("Show caption", "Vergrößern") removed right above it and the credit
removed right below it, in one paragraph. The credit is the telling part, so with
`box_edge: both` the line removed below may be asked to come from other rules than
the one above: a sentence between two removed toggles, or with a credit above and a
toggle below, stays.
"""

from __future__ import annotations

import pytest

from cleaner.engine import Pipeline
from cleaner.errors import RuleError
from cleaner.rule import Level, RuleSpec
from cleaner.ruleset import build
from tests.test_orphan_lines import _clean, _doc, orphan_pipeline

CAPTION = "Crews work on the Elm Street culvert on Monday morning."
CREDIT = build(
    RuleSpec(
        "boilerplate.test-credit",
        "drop_line",
        Level.ERROR,
        "Removes credits.",
        {"phrases": ["Photo credit one"]},
        (),
        "<test>",
    )
)


def _framed_pipeline(**extra: object) -> Pipeline:
    params = {"below_rules": [CREDIT.id], "box_edge": "both", "max_prose_words": 40}
    limits = {"max_words": 40, "max_chars": 300, "max_lines": 1}
    return orphan_pipeline(CREDIT, **{**params, **limits, **extra})


def test_a_sentence_between_a_removed_toggle_and_a_removed_credit_goes():
    pipeline = _framed_pipeline()
    assert _clean(_doc(f"Widget one\n{CAPTION}\nPhoto credit one"), pipeline) == _doc()


def test_the_line_below_must_come_from_below_rules():
    pipeline = _framed_pipeline()
    assert _clean(_doc(f"Widget one\n{CAPTION}\nWidget two"), pipeline) == _doc(CAPTION)


def test_the_line_above_must_come_from_after_rules():
    pipeline = _framed_pipeline()
    framed_the_wrong_way = f"Photo credit one\n{CAPTION}\nPhoto credit one"
    assert _clean(_doc(framed_the_wrong_way), pipeline) == _doc(CAPTION)


def test_a_sentence_that_lost_only_its_credit_stays():
    pipeline = _framed_pipeline()
    assert _clean(_doc(f"{CAPTION}\nPhoto credit one"), pipeline) == _doc(CAPTION)


def test_below_rules_without_box_edge_both_is_a_rule_error():
    with pytest.raises(RuleError, match="below_rules"):
        _framed_pipeline(box_edge="below")
