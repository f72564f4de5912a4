import pytest

from cleaner import load_pipeline
from cleaner.changelog import replay, revert
from cleaner.engine import TIMEOUT_MESSAGE
from cleaner.errors import OscillationError
from cleaner.patterns import set_timeout
from cleaner.valve import VALVE_ROLLBACK_MESSAGE
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
    text = "a" * 5000 + "!x\nShare\nEnd of text here."  # "x": the pattern's anchor is there
    set_timeout(0.05)
    try:
        result = pipeline_of(rule_dir).clean(text)
    finally:
        set_timeout(2.0)
    assert result.text == "a" * 5000 + "!x\nEnd of text here."
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


# --- hostile rules: what the safety valve and the regex timeout must stop ---------

HOSTILE = """\
kind: {kind}
level: {level}
description: A hostile rule.
params:
  patterns: ['{pattern}']
{extra}examples:
  - pass: x
"""
PROSE = (
    "The minister said the talks would resume next week in Geneva.\n"
    "Officials confirmed it on Monday evening, after a long day.\n"
)


def hostile(rule_dir, rule_id, kind, pattern, *, level="error", extra=""):
    body = HOSTILE.format(kind=kind, level=level, pattern=pattern, extra=extra)
    write_rule(rule_dir, rule_id, body)


def test_valve_holds_back_a_strip_rule_that_eats_every_word(rule_dir):
    hostile(rule_dir, "t.eat", "strip", "[a-z]+")
    result = pipeline_of(rule_dir).clean(PROSE)
    assert result.text == PROSE and result.changes == ()
    assert [(f.rule, str(f.level)) for f in result.findings] == [("t.eat", "warning")]
    assert "held back: would remove 9" in result.findings[0].message


def test_valve_adds_up_what_a_rule_removes_pass_after_pass(rule_dir):
    """One word per pass never crosses the valve alone; the sum does, and all is undone."""
    hostile(rule_dir, "t.nibble", "strip", r"\A\w+ ")
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    result = pipeline_of(rule_dir).clean(text)
    assert result.text == text and result.changes == ()
    assert [(f.rule, f.message) for f in result.findings] == [("t.nibble", VALVE_ROLLBACK_MESSAGE)]


def test_valve_holds_back_a_substitute_rule_that_replaces_everything(rule_dir):
    hostile(rule_dir, "t.wipe", "substitute", ".+", extra='  replacement: "x"\n')
    result = pipeline_of(rule_dir).clean(PROSE)
    assert result.text == PROSE


def test_regex_timeout_is_per_document_and_other_documents_keep_the_rule(rule_dir):
    hostile(rule_dir, "t.spell", "substitute", "(a|aa)+$x|colour", extra="  replacement: color\n")
    hostile(rule_dir, "t.loop", "flag", "(a|aa)+$x", level="info", extra="  message: m\n")
    pipeline = pipeline_of(rule_dir)
    set_timeout(0.05)
    try:
        attacked = pipeline.clean("a" * 5000 + "!\nThe colour red.\n")
        benign = pipeline.clean("The colour red.\n")
    finally:
        set_timeout(2.0)
    assert attacked.text.endswith("The colour red.\n"), "the timed-out rule was skipped"
    assert [(f.rule, str(f.level), f.message) for f in attacked.findings] == [
        ("t.loop", "error", TIMEOUT_MESSAGE),
        ("t.spell", "error", TIMEOUT_MESSAGE),
    ]
    assert benign.text == "The color red.\n" and not benign.findings
    assert replay("The colour red.\n", benign.changes) == benign.text


def test_a_headline_glued_on_many_times_goes_in_one_edit():
    # Found by the long hypothesis profile: one copy per pass ran out of passes.
    headline = "Markets rally after rate cut"
    lede = "Shares rose across Asia on Friday after the central bank cut its main rate."
    body = "\n\nOfficials said the cut had been expected for weeks by most analysts." * 8
    text = f"{headline}\n\n" + f"{headline} " * 12 + lede + body
    result = load_pipeline(select=["boilerplate.glued-headline"]).clean(text)
    assert result.text == f"{headline}\n\n{lede}{body}"
    assert [change.rule for change in result.changes] == ["boilerplate.glued-headline"]


def test_a_paragraph_under_a_closing_heading_keeps_its_text_when_a_widget_is_glued_on():
    # Found by the long hypothesis profile: the closing section took the paragraph.
    first = (
        "The New York Times reports that the American leader Joe Biden for the first "
        "time allowed the Defense Forces of Ukraine to use long-range ATACMS missiles."
    )
    second = "Meanwhile, a Pentagon spokesperson chose not to comment on this situation."
    text = f"{first}\nLatest news\n{second} Share\nShare\nShare\nShare"
    assert load_pipeline().clean(text).text == f"{first}\n{second}"


def test_a_long_line_of_dashes_does_not_exhaust_the_line_rules():
    # Decoration around a widget's words is bounded: unbounded, every drop_line
    # pattern that looks ahead along the line retried at each dash (seconds a line).
    set_timeout(0.25)
    try:
        text = (
            "Prices rose sharply on Monday, officials said in a statement today.\n\n"
            + "-=*" * 3000
            + "\n\nMore text follows in a second paragraph, officials said."
        )
        result = load_pipeline(select=["boilerplate"]).clean(text)
    finally:
        set_timeout(2.0)
    assert [f for f in result.findings if f.message == TIMEOUT_MESSAGE] == []


def test_long_runs_of_blanks_do_not_exhaust_the_whitespace_rules():
    # A run of spaces inside a line and thousands of line breaks at the end: searches
    # that retried at every space or line break of the run took seconds and timed out.
    set_timeout(0.25)
    try:
        text = "Prices rose " + " " * 20_000 + "today.\n\n\n\nBonds fell.\n" + "\n" * 12_000
        result = load_pipeline(select=["whitespace"]).clean(text)
    finally:
        set_timeout(2.0)
    assert [f for f in result.findings if f.message == TIMEOUT_MESSAGE] == []
    assert result.text == "Prices rose " + " " * 20_000 + "today.\n\nBonds fell.\n"
