"""The orphan_lines kind and the seams it reads: what a removed widget leaves behind.

A small drop_line rule plays the part of the rule packs (it removes "Widget" lines);
the orphan rule must take the short lines left in the same paragraph, and nothing
else: not a paragraph of its own next to a removal, not a text without blank lines,
not the headline, not prose.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import edits as edit_ops
from cleaner.changelog import Change, replay, revert, to_final
from cleaner.document import TextView
from cleaner.engine import Pipeline
from cleaner.errors import RuleError
from cleaner.kinds.common import remove_lines
from cleaner.rule import Edit, Level, Rule, RuleSpec
from cleaner.ruleset import build
from cleaner.seams import Removal, carry, line_seams
from cleaner.selftest import example_companions

DROP = build(
    RuleSpec(
        "boilerplate.test-drop",
        "drop_line",
        Level.ERROR,
        "Removes widget lines.",
        {"phrases": ["Widget one", "Widget two", "Widget three"]},
        (),
        "<test>",
    )
)
ORPHANS = build(
    RuleSpec("boilerplate.test-orphans", "orphan_lines", Level.ERROR, "Orphans.", {}, (), "<test>")
)
PIPELINE = Pipeline([DROP, ORPHANS])
HEADLINE = "Ferry service resumes after storm"
PARA_1 = "The ferry between the two islands sailed again on Friday after three days of gales."
PARA_2 = "Passengers queued from early morning at the harbour, and the first crossing was full."


def _doc(*blocks: str) -> str:
    return "\n\n".join((HEADLINE, PARA_1, *blocks, PARA_2)) + "\n"


def _clean(text: str, pipeline: Pipeline = PIPELINE) -> str:
    result = pipeline.clean(text)
    assert replay(text, result.changes) == result.text
    assert revert(result.text, result.changes) == text
    assert not pipeline.clean(result.text).changes, "a second run must change nothing"
    return result.text


def test_short_lines_left_in_a_widgets_paragraph_go():
    text = _doc("Widget one\nWidget two\nReject non-essential")
    assert _clean(text) == _doc()


def test_a_line_between_two_removed_lines_goes():
    text = _doc("Widget one\nLocal Democracy Reporting Service\nWidget two")
    assert _clean(text) == _doc()


def test_one_removed_line_is_not_enough():
    # a subheading that shares its paragraph with one removed label stays
    assert _clean(_doc("Widget one\nWhat happens next")) == _doc("What happens next")


def test_one_line_removed_from_inside_a_paragraph_counts_once():
    text = _doc("What happens next\nWidget one\nWho pays")
    assert _clean(text) == _doc("What happens next\nWho pays")


def test_a_paragraph_of_its_own_next_to_a_removed_widget_stays():
    text = _doc("Widget one\nWidget two", "What happens next")
    assert _clean(text) == _doc("What happens next")


def test_prose_and_long_lines_stay():
    sentence = "The operator said the timetable would be back to normal by Monday."
    assert _clean(_doc(f"Widget one\nWidget two\n{sentence}")) == _doc(sentence)
    long_line = "Breaking news alerts, live scores and local weather on the go, every day"
    assert _clean(_doc(f"Widget one\nWidget two\n{long_line}")) == _doc(long_line)


def test_the_first_paragraph_is_never_an_orphan():
    text = f"{HEADLINE}\nWidget one\nWidget two\n\n{PARA_1}\n"
    assert _clean(text) == f"{HEADLINE}\n\n{PARA_1}\n"


def test_a_text_without_blank_lines_is_left_to_the_other_rules():
    text = f"{HEADLINE}\n{PARA_1}\nWidget one\nShort label\nWidget two\n{PARA_2}\n"
    assert _clean(text) == f"{HEADLINE}\n{PARA_1}\nShort label\n{PARA_2}\n"


def test_removals_by_other_packs_do_not_count():
    other = build(
        RuleSpec(
            "encoding.test-drop",
            "drop_line",
            Level.ERROR,
            "Removes widget lines.",
            {"phrases": ["Widget one", "Widget two"]},
            (),
            "<test>",
        )
    )
    pipeline = Pipeline([other, ORPHANS])
    text = _doc("Widget one\nWidget two\nReject non-essential")
    assert pipeline.clean(text).text == _doc("Reject non-essential")


def _one_pass(text: str, doomed: set[str], removals: list[Removal], log: list[Change]):
    """Remove the lines in `doomed` as the engine would, carrying the removals along."""
    view = TextView(text)
    proposed = [
        remove_lines(view, line.index, line.index, DROP.id, "test")
        for line in view.lines
        if line.text in doomed
    ]
    # and a rewrite inside a line, which moves what follows: "c" -> "c!"
    proposed += [
        Edit(line.end, line.end, "!", "test.rewrite", "test")
        for line in view.lines
        if line.text == "c"
    ]
    edits = edit_ops.non_overlapping(proposed, {DROP.id: 0})
    new_text, starts = edit_ops.apply(text, edits)
    for edit, start in zip(edits, starts, strict=True):
        before = text[edit.start : edit.end]
        log.append(
            Change(edit.rule, start, start + len(before), before, edit.replacement, "test", 1, 1)
        )
    return new_text, carry(removals, edits, starts, text)


def test_seams_name_the_lines_that_lost_a_neighbour():
    text = _doc("Widget one\nKept label\nWidget two", "Widget three\n\nAlone")
    after, removals = _one_pass(text, {"Widget one", "Widget two", "Widget three"}, [], [])
    view = TextView(after, None, removals)
    seams = line_seams(view, lambda rule: rule == DROP.id)
    kept = view.lines[view.text.splitlines().index("Kept label")]
    alone = view.lines[view.text.splitlines().index("Alone")]
    assert seams.above == {kept.index: 1}
    assert seams.below == {kept.index: 1}
    assert alone.index not in seams.above  # "Widget three" was a paragraph of its own


def test_lines_removed_over_two_passes_at_a_paragraphs_end_both_count():
    # The first pass takes a line from inside the paragraph, the second the line under
    # it, which carries the first removal's point up to the end of the line over both.
    text = _doc("Accept all\nAllow\nWidget one\nWidget two")
    after, removals = _one_pass(text, {"Widget one"}, [], [])
    after, removals = _one_pass(after, {"Widget two"}, removals, [])
    view = TextView(after, None, removals)
    seams = line_seams(view, lambda rule: rule == DROP.id)
    allow = view.text.splitlines().index("Allow")
    assert seams.below == {allow: 2}


WORDS = st.sampled_from(["a", "b", "c", "Widget one", "Widget two", "Widget three", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30), st.lists(st.sets(WORDS), min_size=1, max_size=4))
def test_carried_removals_land_where_the_change_log_puts_them(lines, passes):
    # The engine's carried points against the plain computation: each removal's change
    # mapped through every later change of the log (changelog.to_final).
    text = "\n".join(lines) + "\n"
    removals: list[Removal] = []
    log: list[Change] = []
    for doomed in passes:
        text, removals = _one_pass(text, doomed - {""}, removals, log)
    deletions = [
        (index, change)
        for index, change in enumerate(log)
        if not change.after and "\n" in change.before and change.before.strip()
    ]
    assert [removal.point for removal in removals] == [
        to_final(change.start, log[index + 1 :]) for index, change in deletions
    ]
    assert [removal.text for removal in removals] == [change.before for _, change in deletions]


WIDGET = st.sampled_from(["Widget one", "Widget two", "Widget three"])
SHORT = st.sampled_from(["Accept all", "Allow", "Full TV guide", "A+", "Bet now", "What next"])
LINE = st.one_of(WIDGET, SHORT, st.just(PARA_1), st.just(PARA_2))
PARAGRAPH = st.lists(LINE, min_size=1, max_size=5).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_any_layout_replays_reverts_and_settles(paragraphs, newline):
    text = "\n\n".join([HEADLINE, *paragraphs]).replace("\n", newline) + newline
    result = PIPELINE.clean(text)
    assert replay(text, result.changes) == result.text
    assert revert(result.text, result.changes) == text
    assert not PIPELINE.clean(result.text).changes
    for paragraph in paragraphs:  # prose never goes
        for line in paragraph.split("\n"):
            if line in (PARA_1, PARA_2):
                assert line in result.text


def test_after_rules_narrow_the_removals_that_count():
    only_two = build(
        RuleSpec(
            "boilerplate.test-captions",
            "orphan_lines",
            Level.ERROR,
            "Captions.",
            {
                "after_rules": [DROP.id],
                "min_removed": 1,
                "max_lines": 1,
                "max_words": 25,
                "max_chars": 200,
            },
            (),
            "<test>",
        )
    )
    other = build(
        RuleSpec(
            "boilerplate.test-other",
            "drop_line",
            Level.ERROR,
            "Removes other lines.",
            {"phrases": ["Other widget"]},
            (),
            "<test>",
        )
    )
    pipeline = Pipeline([DROP, other, only_two])
    caption = "An artist's impression of the proposed pier at the eastern end of the harbour"
    assert pipeline.clean(_doc(f"{caption}\nWidget one")).text == _doc()
    assert pipeline.clean(_doc(f"{caption}\nOther widget")).text == _doc(caption)
    two_lines = f"{caption}\nSecond caption line\nWidget one"
    assert pipeline.clean(_doc(two_lines)).text == _doc(f"{caption}\nSecond caption line")


def orphan_pipeline(*others: Rule, **params: object) -> Pipeline:
    """The drop rule and `others`, then an orphan rule with `params` (counting DROP's removals)."""
    params = {"after_rules": [DROP.id], **params}
    spec = RuleSpec("boilerplate.test-entries", "orphan_lines", Level.ERROR, "E.", params, (), "-")
    return Pipeline([DROP, *others, build(spec)])


def test_box_edge_above_counts_only_a_label_removed_over_the_paragraph():
    pipeline = orphan_pipeline(min_removed=1, box_edge="above")
    assert pipeline.clean(_doc("Widget one\nFerry fares rise\nTram vote delayed")).text == _doc()
    # a line removed under the entries, or between them, is not the box's label
    under = "Ferry fares rise\nTram vote delayed"
    assert pipeline.clean(_doc(f"{under}\nWidget one")).text == _doc(under)
    assert pipeline.clean(_doc("Ferry fares rise\nWidget one\nTram vote delayed")).text == _doc(
        under
    )


def test_box_edge_below_counts_only_a_closing_link_removed_under_the_paragraph():
    pipeline = orphan_pipeline(min_removed=1, box_edge="below")
    assert pipeline.clean(_doc("Ferry fares rise\nTram vote delayed\nWidget one")).text == _doc()
    label_over = "Ferry fares rise\nTram vote delayed"
    assert pipeline.clean(_doc(f"Widget one\n{label_over}")).text == _doc(label_over)


def test_examples_naming_an_unknown_rule_are_a_rule_error():
    spec = RuleSpec(
        "custom.orphans",
        "orphan_lines",
        Level.ERROR,
        "Orphans.",
        {"example_rules": ["custom.nope"]},
        (),
        "custom/orphans.yaml",
    )
    with pytest.raises(RuleError, match="example_rules: no rule custom.nope"):
        example_companions(build(spec), {})


def test_removals_are_carried_only_for_a_rule_that_reads_them():
    assert PIPELINE.tracks_removals
    assert not Pipeline([DROP]).tracks_removals


def test_a_paragraph_taken_as_an_orphan_takes_its_removals_with_it():
    # At the end of the text the orphan's removal starts at the end of the paragraph above:
    # carried there, its removals would make that one an orphan too, and so on up.
    kept = "\n\n".join((HEADLINE, PARA_1, "Short one", "Short two", "Short three"))
    assert _clean(kept + "\n\nKept label\nWidget one\nWidget two") == kept


def test_an_orphan_taken_with_the_blank_line_under_it_takes_its_removals_too():
    # Here the removal starts at the orphan's first line, where the widget's point is.
    text = _doc("Widget one\nWidget two\nKept label", "Short one", "Short two")
    assert _clean(text) == _doc("Short one", "Short two")
