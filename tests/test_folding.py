"""The folding behind `requires` words and anchors (cleaner.folding).

The quick tests may only ever let more text through than case folding alone did: a
word inside a text must stay inside it once both are folded. And a word written with
or without an accent must find the line that has it the other way.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.folding import fold
from tests.conftest import pipeline_of, write_rule

# Letters with and without accents, precomposed and combining marks of several classes
# (acute 230, dot below 220, cedilla 202, two stacked in either order), letters with no
# decomposition ("ł", "ø"), compatibility forms ("ﬁ", "…", "²", no-break space), case-folding
# oddities.
ACCENTED = "aeEéÉèêëàÀçÇñÑöÖüÜßẞłŁøØıİǅﬁ…²\u00a0\u0301\u0323\u0327\u0308 \n"


@given(st.text(alphabet=ACCENTED, max_size=40), st.data())
def test_a_word_inside_a_text_stays_inside_it_once_both_are_folded(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert fold(text[start:end]) in fold(text)


@given(st.text(max_size=60), st.data())
def test_the_same_holds_for_any_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert fold(text[start:end]) in fold(text)


@given(st.text(alphabet=ACCENTED, max_size=40))
def test_folding_keeps_the_line_breaks(text):
    assert fold(text).count("\n") == text.count("\n")


def test_case_and_accents_fold_away_and_other_letters_stay():
    assert fold("Demander une DÉMO") == "demander une demo"
    assert fold("Réagir à cet article") == fold("REAGIR A CET ARTICLE")
    assert fold("Straße") == "strasse"
    assert fold("Zaloguj się, aby skomentować") == "zaloguj sie, aby skomentowac"
    assert fold("Łódź") == "łodz"  # "ł" has no decomposition
    assert fold("plain ascii") == "plain ascii"
    # Compatibility characters stay: rules require a no-break space or "…" as such.
    assert fold("12\u00a0000 […]") == "12\u00a0000 […]"


DEMO_RULE = """\
kind: drop_line
level: error
description: A sales button.
requires: [demo]
params: {phrases: [Demander une démo, Request a demo]}
examples: [{pass: "Demo"}, {input: "Prices fell.\\nRequest a demo", output: "Prices fell."}]
"""

REACT_RULE = """\
kind: drop_line
level: error
description: A comment button.
requires: [reagir]
params: {patterns: ["r[eé]agir à cet article"]}
examples: [{pass: "Réagir"}, {input: "Prices fell.\\nRéagir à cet article", output: "Prices fell."}]
"""

LEDE = "Le conseil municipal a voté mardi soir la rénovation de la piscine, fermée depuis deux ans."


def test_a_required_word_without_its_accent_finds_the_line_with_it(rule_dir):
    write_rule(rule_dir, "widgets.demo", DEMO_RULE)
    pipeline = pipeline_of(rule_dir)
    assert pipeline.clean(f"{LEDE}\nDemander une démo").text == LEDE


def test_a_line_without_the_accent_meets_a_required_word_with_it(rule_dir):
    write_rule(rule_dir, "widgets.react", REACT_RULE.replace("[reagir]", "[réagir]"))
    pipeline = pipeline_of(rule_dir)
    assert pipeline.clean(f"{LEDE}\nReagir à cet article").text == LEDE
    assert pipeline.clean(f"{LEDE}\nRéagir à cet article").text == LEDE


def test_a_pattern_anchor_with_an_accent_finds_its_line(rule_dir):
    """The phrase's anchor ("démo") is looked up folded in the folded line."""
    write_rule(rule_dir, "widgets.demo", DEMO_RULE.replace("requires: [demo]\n", ""))
    pipeline = pipeline_of(rule_dir)
    assert pipeline.clean(f"{LEDE}\nDEMANDER UNE DÉMO").text == LEDE
