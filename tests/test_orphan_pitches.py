"""orphan_lines with `box_edge: both` and `max_prose_words`: the pitch between a box's title and button.

A subscription box is a title, one sentence that sells it and a button; once the
title and the button are gone, the sentence is all that is left of the box. It may
go only when lines were removed right above it and right below it in its own
paragraph; a sentence that lost only its title, or only its button, stays.
"""

from __future__ import annotations

import pytest

from cleaner.engine import Pipeline
from cleaner.errors import RuleError
from tests.test_orphan_lines import _clean, _doc, orphan_pipeline

PITCH = "Local news for Harlow Creek, twice a week. No ads, no algorithms."


def _pitch_pipeline(**extra: object) -> Pipeline:
    limits = {"max_words": 30, "max_chars": 220, "max_lines": 2, "max_prose_words": 30}
    return orphan_pipeline(box_edge="both", **{**limits, **extra})


def test_a_sentence_between_a_removed_title_and_a_removed_button_goes():
    pipeline = _pitch_pipeline()
    assert _clean(_doc(f"Widget one\n{PITCH}\nWidget two"), pipeline) == _doc()


def test_a_sentence_that_lost_only_its_title_or_only_its_button_stays():
    pipeline = _pitch_pipeline()
    assert _clean(_doc(f"Widget one\n{PITCH}"), pipeline) == _doc(PITCH)
    assert _clean(_doc(f"{PITCH}\nWidget two"), pipeline) == _doc(PITCH)


def test_a_paragraph_of_its_own_between_two_removed_paragraphs_stays():
    pipeline = _pitch_pipeline()
    assert _clean(_doc("Widget one", PITCH, "Widget two"), pipeline) == _doc(PITCH)


def test_a_longer_sentence_than_max_prose_words_stays():
    pipeline = _pitch_pipeline(max_prose_words=5)
    assert _clean(_doc(f"Widget one\n{PITCH}\nWidget two"), pipeline) == _doc(PITCH)
    # a short line that is not prose is still taken under the ordinary limits
    assert _clean(_doc("Widget one\nTwice a week\nWidget two"), pipeline) == _doc()


def test_without_max_prose_words_a_sentence_is_never_an_orphan():
    pipeline = _pitch_pipeline(max_prose_words=0)
    assert _clean(_doc(f"Widget one\n{PITCH}\nWidget two"), pipeline) == _doc(PITCH)


def test_an_unknown_box_edge_is_a_rule_error():
    with pytest.raises(RuleError, match="box_edge"):
        orphan_pipeline(box_edge="around")
