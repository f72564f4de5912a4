"""name_variants: one name transliterated in several ways, in a document or a corpus.

Translations from Cyrillic spell the same person or place differently from one
sentence or one source to the next (examples in rules/translation/name-variants.yaml).
Every capitalised word is folded to a key (no diacritics, lower
case, then the ordered `fold` substitutions such as kh -> h, i/j -> y, yy -> y).
Two spellings are taken for one name when the curated `canonical` map joins them
(Kiev -> Kyiv: dated but English, so only flagged beside the canonical spelling),
or when their keys are equal and they share a neighbour somewhere in the corpus
(the same surname after both spellings of a first name): folding alone would also join
different names (Simon / Symon, Mayor / Major). Inside one document, equal long
keys suffice, and keys one edit apart with a shared neighbour count too.
Spellings that differ only in case or accents (Hotel / Hôtel) are left alone,
and only words also seen in mid-sentence count as names.

A corpus-level rule (two passes): corpus counts choose the suggestion, a
canonical spelling first. A spelling is flagged when another spelling of its name
occurs in the same document (the rule's level), when the curated map prefers
another spelling found in the corpus (the rule's level), or when the corpus
spells it another way at least `majority_ratio` times as often (`corpus_level`:
advisory, since each document may be consistent). `foreign_spellings` are
transliterations no English text uses (the rule file lists them): they are
flagged wherever they occur. With `fix: true` a curated variant is replaced by its
canonical spelling instead of being reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count
from typing import Any

from cleaner.document import TextView
from cleaner.kinds.edit_neighbours import NeighbourIndex, one_edit_apart
from cleaner.kinds.gate import Gated, LanguageGate
from cleaner.kinds.tokens import (
    Word,
    fold_accents,
    in_markup,
    is_titled,
    line_pieces,
    word_at,
    words_where,
)
from cleaner.params import Params
from cleaner.rule import Edit, Finding, Level, Outcome, RuleSpec

Index = tuple[dict[str, list[str]], dict[str, frozenset[str]]]
Verdict = tuple[Level, str, str]


class NameVariants(Gated):
    """Detector for the name_variants kind (a CorpusDetector)."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.gate = LanguageGate(params)
        self.min_length = params.integer("min_length", 5, minimum=2)
        self.substitutions = list(params.mapping("fold").items())
        self.foreign = params.mapping("foreign_spellings")
        self.canonical = {**params.mapping("canonical"), **self.foreign}
        self.preferred = frozenset(self.canonical.values())
        self.skip = frozenset(w.casefold() for item in params.texts("skip") for w in item.split())
        self.ratio = params.number("majority_ratio", 2.0)
        self.distance_length = params.integer("distance_length", 7)
        self.headline_share = params.number("headline_share", 0.6)
        self.fix = params.boolean("fix", False)
        self.produces_edits = self.fix  # report-only rules run once, on the final text
        self.corpus_level = Level.parse(params.choice("corpus_level", ("info", "warning"), "info"))
        self.level: Level = spec.level
        self.rule = spec.id
        self.key = lru_cache(maxsize=65536)(self._key)
        self._cache: tuple[Counter[str], int, Index] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the caches (worker processes and Dask ship detectors)."""
        return {**self.__dict__, "key": None, "_cache": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self.key = lru_cache(maxsize=65536)(self._key)

    def _key(self, form: str) -> str:
        """The folded spelling: equal keys may be one name."""
        folded = fold_accents(self.canonical.get(form, form))
        for before, after in self.substitutions:
            folded = folded.replace(before, after)
        return folded

    def names(self, view: TextView) -> Iterator[tuple[Word, bool, list[Word]]]:
        """Capitalised words that may be names: mid-sentence or not, adjacent capitals.

        Only capitalised words become Word tuples: a line's word texts are tested
        in C, and most words of a line are not names. The tests on a word's text
        (length, skip list) come before its position is looked at: most capitalised
        words ("The", "In") fail them.
        """
        text = view.text
        for cut in line_pieces(view):
            texts = cut.parts[1::2]
            titled = list(compress(count(), map(is_titled, texts)))
            if not titled:
                continue
            headline = len(texts) >= 3 and len(titled) >= self.headline_share * len(texts)
            capitals = set(titled)
            for index in compress(titled, map(self._plausible, map(texts.__getitem__, titled))):
                word = word_at(cut, index)
                if not in_markup(text, word.start, word.end):
                    near = (word_at(cut, i) for i in (index - 1, index + 1) if i in capitals)
                    beside = [other for other in near if _adjacent(text, word, other)]
                    yield word, not (word.initial or headline), beside

    def _occurrences(self, view: TextView) -> list[Word]:
        """The words `names` yields, without their neighbours and sentence position.

        Judging a document needs only where the names are: neither the neighbours
        nor a tuple for every other word.
        """
        text = view.text
        return [word for word in words_where(view, is_titled) if self._candidate(text, word)]

    def _candidate(self, text: str, word: Word) -> bool:
        return self._plausible(word.text) and not in_markup(text, word.start, word.end)

    def _plausible(self, form: str) -> bool:
        """What a spelling alone says: not skipped, and known or long enough."""
        if form.casefold() in self.skip:
            return False
        known = form in self.canonical or form in self.preferred
        return known or len(form) >= self.min_length

    def observe(self, view: TextView) -> Counter[str]:
        """n:<spelling> per use, m:<spelling> mid-sentence, p:<spelling>\\t<neighbour's key>.

        Neighbours are capitalised words next to the name ("Volodymyr Zelensky").
        """
        counts: Counter[str] = Counter()
        if self.gate.applies(view):
            for word, middle, beside in self.names(view):
                counts["n:" + word.text] += 1
                counts["m:" + word.text] += middle
                for other in beside:
                    counts[f"p:{word.text}\t{self.key(other.text)}"] += 1
        return +counts

    def detect(self, view: TextView) -> Iterator[Outcome]:
        """Judge one text by its own counts."""
        return self.detect_with(view, self.observe(view))

    def detect_with(self, view: TextView, stats: Counter[str]) -> Iterator[Outcome]:
        """Flag the spellings of this document that lose to another spelling."""
        if not self.gate.applies(view):
            return
        index = self._index(stats)
        occurrences = self._occurrences(view)
        order: dict[str, int] = {}
        for word in occurrences:
            order.setdefault(word.text, len(order))
        forms = sorted(order)
        candidates = self._candidates(forms)
        verdicts = {
            form: self._verdict(form, candidates[form], index, stats, order) for form in forms
        }
        for word in occurrences:
            verdict = verdicts[word.text]
            if verdict is None:
                continue
            level, message, best = verdict
            if self.fix and self.canonical.get(word.text) == best:
                yield Edit(word.start, word.end, best, self.rule, message)
            else:
                yield Finding(word.start, word.end, self.rule, level, message)

    def _candidates(self, forms: list[str]) -> dict[str, list[str]]:
        """For each spelling, those of the document that could be the same name.

        Cheap tests, by grouping: the same folded key, the same curated spelling, or
        a key one edit away (see cleaner.kinds.edit_neighbours) with the same first
        letter and a length within two. Each list keeps the order of `forms` (sorted).
        """
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for form in forms:
            groups["key", self.key(form)].append(form)
            groups["curated", self.canonical.get(form, form)].append(form)
        # Keys one edit apart count only when both are long (see _near): shorter ones
        # are filed nowhere and looked up nowhere.
        minimum = self.distance_length
        long_forms = {form for form in forms if minimum and len(self.key(form)) >= minimum}
        neighbours = NeighbourIndex(long_forms, self.key)
        found = {}
        for form in forms:
            near = {
                other
                for other in (neighbours.near(self.key(form)) if form in long_forms else ())
                if other[0] == form[0] and abs(len(other) - len(form)) <= 2
            }
            near.update(groups["key", self.key(form)])
            near.update(groups["curated", self.canonical.get(form, form)])
            found[form] = sorted(near)
        return found

    def _verdict(
        self, form: str, forms: list[str], index: Index, stats: Counter[str], order: dict[str, int]
    ) -> Verdict | None:
        """Level, message and suggestion for one spelling; None when it is the one to keep."""
        rivals = [other for other in forms if self.same_name(form, other, index, stats, local=True)]
        if rivals:
            best = self._best([*rivals, form], stats, order)
            message = f"'{form}' and '{best}' in one document: one spelling per name"
            return None if best == form else (self.level, message, best)
        group = index[0].get(self.key(form), [])
        rivals = [
            other for other in group if self.same_name(form, other, index, stats, local=False)
        ]
        best = self._best([*rivals, form], stats, order)
        count, best_count = stats["n:" + form], stats["n:" + best]
        curated = self.canonical.get(form) == best
        if best != form and (curated or best_count >= self.ratio * count):
            message = f"'{form}' ({count}×) is spelled '{best}' ({best_count}×) in the corpus"
            return (self.level if curated else self.corpus_level), message, best
        if form in self.foreign:
            target = self.foreign[form]
            return self.level, f"'{form}' is not an English spelling: write '{target}'", target
        return None

    def same_name(
        self, first: str, second: str, index: Index, stats: Counter[str], *, local: bool
    ) -> bool:
        """Whether two spellings are taken for one name (see the module docstring)."""
        if first == second or fold_accents(first) == fold_accents(second):
            return False
        if self.canonical.get(first, first) == self.canonical.get(second, second):
            return True
        groups, context = index
        shared = bool(context.get(first, frozenset()) & context.get(second, frozenset()))
        a, b = self.key(first), self.key(second)
        if a == b:
            return a in groups and (shared or (local and len(a) >= self.distance_length))
        mid_sentence = stats["m:" + first] > 0 and stats["m:" + second] > 0
        return local and shared and mid_sentence and self._near(a, b)

    def _near(self, a: str, b: str) -> bool:
        """Long keys one edit apart, neither a prefix of the other (not an inflection)."""
        if self.distance_length == 0 or min(len(a), len(b)) < self.distance_length:
            return False
        if a.startswith(b) or b.startswith(a) or a[0] != b[0]:
            return False
        return one_edit_apart(a, b)

    def _best(self, forms: list[str], stats: Counter[str], order: dict[str, int]) -> str:
        """The suggestion: a curated variant's canonical spelling, else the most frequent.

        Ties go to a canonical spelling, then to the spelling the document used first.
        """
        targets = {self.canonical[form] for form in forms if form in self.canonical}
        chosen = [form for form in forms if form in targets] or forms
        return min(
            chosen,
            key=lambda form: (
                -stats["n:" + form],
                form not in self.preferred,
                order.get(form, len(order)),
                form,
            ),
        )

    def _index(self, stats: Counter[str]) -> Index:
        """Spellings by key (two or more, with name evidence) and neighbours by spelling."""
        if self._cache is not None and self._cache[0] is stats and self._cache[1] == len(stats):
            return self._cache[2]
        by_key: dict[str, list[str]] = {}
        context: dict[str, set[str]] = {}
        for entry in stats:
            if entry.startswith("n:"):
                by_key.setdefault(self.key(entry[2:]), []).append(entry[2:])
            elif entry.startswith("p:"):
                form, neighbour = entry[2:].split("\t", 1)
                context.setdefault(form, set()).add(neighbour)
        groups = {
            key: sorted(forms)
            for key, forms in by_key.items()
            if len(forms) > 1 and any(stats["m:" + form] for form in forms)
        }
        index = (groups, {form: frozenset(keys) for form, keys in context.items()})
        self._cache = (stats, len(stats), index)
        return index


def _adjacent(text: str, first: Word, second: Word) -> bool:
    """Whether only spaces separate two words ("Volodymyr Zelensky", not "Kyiv, Kharkiv")."""
    low, high = (
        (first.end, second.start) if first.start < second.start else (second.end, first.start)
    )
    return not text[low:high].strip()
