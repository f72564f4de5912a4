"""Which of the rules' `requires` words a text holds, found for all rules at once.

A rule that names `requires` words is skipped on a text whose case-folded form holds
none of them; a rule that requires nothing always runs. Asked rule by rule, that is
one substring scan of the whole text per word: about 560 words over 49 rules,
0.8-0.9 ms a text, paid again in every pass. One Aho-Corasick automaton over every
rule's words finds all of them in one scan (0.06-0.1 ms), and each rule's test
becomes a set intersection. The answer is the same as the substring test by
construction: the automaton reports every occurrence of every word, overlapping ones
included.

A detector may also know words of its own that every text it acts on holds: a kind
that acts only at a line its pattern matches whole (after_marker's marker,
drop_block's first line) names the pattern's anchors (cleaner.anchors) as its
`implied_requires`. They are looked up in the same scan, and a rule runs only where
both its `requires` and its implied words are found: on most texts no marker of a
box rule occurs, and its walk over every line in every pass is spared.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from weakref import WeakKeyDictionary

import ahocorasick

from cleaner.document import TextView
from cleaner.rule import Rule, RuleSpec


def automaton_of(words: Iterable[str]) -> Any:
    """An Aho-Corasick automaton that reports every occurrence of the words, or None.

    None when no word is left: "" cannot be a keyword, so what an empty word means (it
    is in every text) is the caller's to say.
    """
    automaton = ahocorasick.Automaton()
    for word in set(words):
        if word:
            automaton.add_word(word, word)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


def implied_words(rule: Rule) -> frozenset[str] | None:
    """The words a rule's detector says every text it acts on holds, or None.

    None when the detector names none (most kinds), or names an empty word: "" is
    in every text, so it rules nothing out.
    """
    words = getattr(rule.detector, "implied_requires", None)
    if isinstance(words, frozenset) and words and "" not in words:
        return words
    return None


class RequiredWords:
    """The `requires` words of a set of rules, and which of them a text holds."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        rules = list(rules)
        self._implied = {rule.spec.id: implied_words(rule) for rule in rules}
        words = {word for rule in rules for word in rule.spec.requires}
        words.update(word for found in self._implied.values() if found for word in found)
        self._always = "" in words  # in every text; rule files never name it
        self._automaton = automaton_of(words)
        self._found: WeakKeyDictionary[TextView, frozenset[str]] = WeakKeyDictionary()

    def found_in(self, view: TextView) -> frozenset[str]:
        """The words that occur in the view's case-folded text (computed once per view)."""
        found = self._found.get(view)
        if found is None:
            words = {w for _, w in self._automaton.iter(view.folded)} if self._automaton else set()
            if self._always:
                words.add("")
            found = self._found[view] = frozenset(words)
        return found

    def applicable(self, rules: list[Rule], view: TextView) -> list[Rule]:
        """The rules that may apply to the view: `may_apply` of each, with one lookup.

        The engine asks for a pass's hundred-odd rules at once, so the view's words
        are looked up once instead of once per rule. A rule whose detector implies
        words (see the module's docstring) also needs one of those.
        """
        disjoint = self.found_in(view).isdisjoint
        implied = self._implied
        return [
            rule
            for rule in rules
            if (not (words := rule.spec.requires) or not disjoint(words))
            and ((own := implied.get(rule.spec.id)) is None or not disjoint(own))
        ]

    def may_apply(self, spec: RuleSpec, view: TextView) -> bool:
        """Whether the view holds one of the rule's `requires` words (or it names none).

        For a rule whose words are among this index's.
        """
        return not spec.requires or not self.found_in(view).isdisjoint(spec.requires)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without the per-view answers (a pipeline travels to Dask workers)."""
        return {"always": self._always, "automaton": self._automaton, "implied": self._implied}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._always = bool(state["always"])
        self._automaton = state["automaton"]
        self._implied = state["implied"]
        self._found = WeakKeyDictionary()
