"""The engine's `requires` test for all rules at once (cleaner.required_words).

One Aho-Corasick pass over the folded text stands in for a substring test per word
and rule; these tests hold it to the plain test it replaces.
"""

from __future__ import annotations

import pickle
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import TextView
from cleaner.required_words import RequiredWords
from cleaner.rule import Level, Rule, RuleSpec, holds_one_of
from cleaner.ruleset import load_rules

# Few letters, so that words overlap, nest and share their starts ("ab", "aba", "b").
SMALL = "abßs |\n"
WORD = st.text(alphabet=SMALL, min_size=0, max_size=4)


def _substring_test(spec: RuleSpec, view: TextView) -> bool:
    """The plain answer the index must give: one substring test per word."""
    return not spec.requires or holds_one_of(view.folded, spec.requires)


def _rule(index: int, words: tuple[str, ...]) -> Rule:
    spec = RuleSpec(f"test.r{index}", "flag", Level.INFO, "A test rule.", {}, (), "<test>")
    return Rule(replace(spec, requires=words), detector=object())


@given(
    st.lists(st.lists(WORD, max_size=4).map(tuple), max_size=5),
    st.text(alphabet=SMALL + "ẞSA", max_size=40),
)
def test_same_answer_as_the_substring_test(word_lists, text):
    rules = [_rule(index, words) for index, words in enumerate(word_lists)]
    required = RequiredWords(rules)
    view = TextView(text)
    for rule in rules:
        assert required.may_apply(rule.spec, view) == _substring_test(rule.spec, view)
    assert required.applicable(rules, view) == [r for r in rules if _substring_test(r.spec, view)]


def test_default_rules_on_texts_with_and_without_their_words():
    rules = load_rules()
    required = RequiredWords(rules)
    texts = ["Report informs via TASS.", "Foto: dpa / Name", "Nothing to see here.", ""]
    for text in texts:
        view = TextView(text)
        answers = [required.may_apply(rule.spec, view) for rule in rules]
        assert answers == [_substring_test(rule.spec, view) for rule in rules]
    assert any(rule.spec.requires for rule in rules)


def test_survives_pickling_without_its_answers():
    rules = [_rule(0, ("informs",)), _rule(1, ("via", "citing"))]
    required = RequiredWords(rules)
    view = TextView("Report informs.")
    assert required.found_in(view) == {"informs"}
    copy = pickle.loads(pickle.dumps(required))
    assert copy.found_in(TextView("citing sources")) == {"citing"}
    assert [copy.may_apply(rule.spec, view) for rule in rules] == [True, False]
