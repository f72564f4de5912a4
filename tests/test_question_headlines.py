"""`max_question_words`: a headline that asks is a box's entry, not a sentence of the article.

A list of other stories may hold a headline ending in a question mark ("Which roads are
closed and when will they reopen?"). It has the words and the closing mark of prose, so
a run of entries would stop at it and leave it, and every entry under it, behind. With
`max_question_words`, `after_marker` runs and `orphan_lines` paragraphs take a question
of at most that many words as an entry; a longer question, and any question without the
parameter, still ends the run. A teaser the site cut off with an ellipsis ("… a walk
along the old line…") is an entry too, with or without the parameter.
"""

from __future__ import annotations

from cleaner.engine import Pipeline
from cleaner.rule import Level, RuleSpec
from cleaner.ruleset import build
from tests.conftest import LONG, one_rule

QUESTION = "Which roads are closed and when will they reopen after the storm?"
RELATED = (
    f"{LONG}\n\nRelated\nStorm Idris: what we know so far\n{QUESTION}\nHow to claim for damage"
)


def test_after_marker_takes_a_short_question_as_an_entry():
    plain = one_rule("after_marker", markers=["Related"])
    assert plain.clean(RELATED).text == f"{LONG}\n\n{QUESTION}\nHow to claim for damage"
    asking = one_rule("after_marker", markers=["Related"], max_question_words=14)
    assert asking.clean(RELATED).text == LONG
    too_short = one_rule("after_marker", markers=["Related"], max_question_words=8)
    assert too_short.clean(RELATED).text == plain.clean(RELATED).text


def test_a_question_under_the_marker_does_not_count_as_the_prose_after_it():
    """A closing section allows one line of prose below its marker; asking headlines are none."""
    page = f"{RELATED}\nWhat happens to the ferry timetable now?"
    asking = one_rule("after_marker", markers=["Related"], max_question_words=14)
    assert asking.clean(page).text == LONG


def _orphans(**params: object) -> Pipeline:
    drop = RuleSpec(
        "boilerplate.test-drop",
        "drop_line",
        Level.ERROR,
        "Box labels.",
        {"phrases": ["More on this story"]},
        (),
        "<test>",
    )
    orphans = RuleSpec(
        "boilerplate.test-orphans",
        "orphan_lines",
        Level.ERROR,
        "Box entries.",
        {"min_removed": 1, "box_edge": "either", "max_words": 20, "max_chars": 160, **params},
        (),
        "<test>",
    )
    return Pipeline([build(drop), build(orphans)])


def test_orphan_lines_takes_a_short_question_left_in_a_removed_box():
    box = f"More on this story\nFerry fares rise again\n{QUESTION}"
    text = f"Storm closes coast road\n\n{LONG}\n\n{box}\n\n{LONG}"
    kept = f"Storm closes coast road\n\n{LONG}\n\n{LONG}"
    assert _orphans(max_question_words=14).clean(text).text == kept
    assert QUESTION in _orphans().clean(text).text
    subheading = f"Storm closes coast road\n\n{LONG}\n\nMore on this story\n\n{QUESTION}\n\n{LONG}"
    assert QUESTION in _orphans(max_question_words=14).clean(subheading).text


TEASER = "The lost railway of Copley: a walk along the old line…"
CUT_OFF = (
    f"{LONG}\n\nYou might also like\n{TEASER}\nWhy the market hall is falling down …\nPub walks"
)


def test_after_marker_takes_a_teaser_cut_off_with_an_ellipsis_as_an_entry():
    """A teaser of eight words or more cut off by the site reads as prose; it is an entry."""
    rule = one_rule("after_marker", markers=["You might also like"])
    assert rule.clean(CUT_OFF).text == LONG
    finished = CUT_OFF.replace("old line…", "old line.")  # a sentence: it ends the run
    assert rule.clean(finished).text.endswith(
        "old line.\nWhy the market hall is falling down …\nPub walks"
    )


def test_a_teaser_cut_off_after_a_figure_is_an_entry_too():
    """Sites cut a teaser after a figure as well as after a word ("… un 12 %…")."""
    rule = one_rule("after_marker", markers=["Lo más leído"])
    teaser = "Los precios del alquiler de la comarca se disparan un 12 %…"
    page = f"{LONG}\n\nLo más leído\nMuere un motorista en la carretera\n{teaser}"
    assert rule.clean(page).text == LONG
    finished = page.replace("12 %…", "12 %.")  # a sentence: it ends the run
    assert rule.clean(finished).text.endswith(f"\n{teaser.replace('%…', '%.')}")
