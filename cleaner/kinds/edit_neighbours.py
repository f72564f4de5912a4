"""Spellings whose keys are at most one edit apart, found without comparing every pair.

`name_variants` asks, for each spelling in a document, which other spellings could be
the same name; one kind of match is a key one edit away (one transliterated letter). A
test of every pair of spellings is quadratic: a document listing ten thousand names
took minutes. Two strings are one substitution, insertion or deletion apart only if
deleting one letter from one or both gives the same string, so each spelling is
filed under its key and every one-letter deletion of it, and a lookup reads the few
spellings filed under the same strings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain


def deletions(key: str) -> Iterator[str]:
    """The key itself and every string one deleted letter shorter."""
    yield key
    for position in range(len(key)):
        yield key[:position] + key[position + 1 :]


@lru_cache(maxsize=65536)
def _deletion_set(key: str) -> tuple[str, ...]:
    """`deletions(key)`, remembered: a corpus spells the same names in document after document."""
    return tuple(dict.fromkeys(deletions(key)))


class NeighbourIndex:
    """Spellings filed under their key and its one-letter deletions."""

    def __init__(self, forms: Iterable[str], key: Callable[[str], str]) -> None:
        """File each spelling under its key, and under each deletion another key shares.

        A deletion that only one spelling has can only lead back to that spelling,
        which its own key finds: counting the deletions first (in C) spares a set for
        each of them, most of a document's.
        """
        keyed = [(form, key(form)) for form in forms]
        variants = [_deletion_set(found) for _, found in keyed]
        counts = Counter(chain.from_iterable(variants))
        filed: defaultdict[str, set[str]] = defaultdict(set)
        for (form, own), deleted in zip(keyed, variants, strict=True):
            filed[own].add(form)
            for variant in deleted:
                if counts[variant] > 1:
                    filed[variant].add(form)
        self._filed = filed

    def near(self, key: str) -> set[str]:
        """Every spelling whose key is `key` or one edit from it (and a few more).

        `key` is the key of a spelling of the index: a deletion that it shares with
        another spelling is filed because both have it.
        """
        filed = self._filed
        return set().union(*[filed[variant] for variant in _deletion_set(key) if variant in filed])


def one_edit_apart(first: str, second: str) -> bool:
    """Whether one edit before the last two letters turns one string into the other.

    Edits at the very end are inflection (a plural, a demonym's ending), not a
    second spelling of a name.
    """
    if abs(len(first) - len(second)) > 1 or first == second:
        return False
    if len(first) > len(second):
        first, second = second, first
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            tail = index + 1 if len(first) == len(second) else index
            return index < len(first) - 2 and first[tail:] == second[index + 1 :]
    return False
