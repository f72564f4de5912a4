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


class _Implying:
    """A detector that says every text it acts on holds one of `implied_requires`."""

    def __init__(self, words: frozenset[str]) -> None:
        self.implied_requires = words


def _implying_rule(index: int, requires: tuple[str, ...], implied: frozenset[str]) -> Rule:
    spec = RuleSpec(f"test.i{index}", "flag", Level.INFO, "A test rule.", {}, (), "<test>")
    return Rule(replace(spec, requires=requires), detector=_Implying(implied))


def _both_tests(rule: Rule, view: TextView) -> bool:
    """The plain answer with implied words: a substring test for each list."""
    implied = rule.detector.implied_requires
    own = not implied or "" in implied or holds_one_of(view.folded, tuple(implied))
    return _substring_test(rule.spec, view) and own


@given(
    st.lists(st.tuples(st.lists(WORD, max_size=3).map(tuple), st.frozensets(WORD, max_size=3))),
    st.text(alphabet=SMALL + "ẞSA", max_size=40),
)
def test_implied_words_are_needed_as_well_as_the_requires(pairs, text):
    rules = [_implying_rule(i, requires, implied) for i, (requires, implied) in enumerate(pairs)]
    required = RequiredWords(rules)
    view = TextView(text)
    assert required.applicable(rules, view) == [r for r in rules if _both_tests(r, view)]


def test_box_rules_imply_words_found_in_every_example_they_change():
    """The soundness the shortcut rests on, on the rules' own examples: where an
    after_marker or drop_block rule acts, one of its implied words is in the text."""
    checked = 0
    for rule in load_rules():
        implied = getattr(rule.detector, "implied_requires", None)
        if rule.spec.kind not in ("after_marker", "drop_block") or not implied:
            continue
        for example in rule.spec.examples:
            if example.output is not None and example.output != example.input:
                assert holds_one_of(TextView(example.input).folded, tuple(implied)), rule.id
                checked += 1
    assert checked > 50


def test_pickled_index_keeps_the_implied_words():
    rules = [_implying_rule(0, (), frozenset({"weather"}))]
    copy = pickle.loads(pickle.dumps(RequiredWords(rules)))
    assert copy.applicable(rules, TextView("Weather in other cities")) == rules
    assert copy.applicable(rules, TextView("Nothing to see here.")) == []
