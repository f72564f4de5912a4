"""How the engine picks one consistent set of edits from overlapping proposals."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from cleaner.edits import apply, non_overlapping
from cleaner.rule import Edit

ORDER = {"menu": 0, "category": 1, "word": 2}


def deletion(start: int, end: int, rule: str = "menu", **metadata: str) -> Edit:
    return Edit(start, end, "", rule, "test", tuple(metadata.items()))


def test_a_wider_deletion_is_carved_around_an_edit_that_keeps_metadata() -> None:
    text = "Home\nNews\nPolitics\nMenu\nThe article."
    stack = deletion(0, 24)  # the four menu lines
    label = deletion(10, 19, "category", category="Politics")
    chosen = non_overlapping([stack, label], ORDER)
    assert label in chosen
    assert [(e.start, e.end) for e in chosen] == [(0, 10), (10, 19), (19, 24)]
    assert apply(text, chosen)[0] == "The article."


def test_an_edit_that_keeps_metadata_wins_over_an_overlapping_replacement() -> None:
    rewrite = Edit(0, 12, "x", "word", "test")
    label = deletion(5, 10, "category", category="News")
    assert non_overlapping([rewrite, label], ORDER) == [label]


def test_of_two_deletions_at_the_same_start_the_longer_wins() -> None:
    word = deletion(0, 5, "word")
    stack = deletion(0, 20, "menu")
    assert non_overlapping([word, stack], ORDER) == [stack]


def test_two_insertions_at_one_point_conflict_and_touching_edits_do_not() -> None:
    first, second = Edit(3, 3, "a", "menu", "t"), Edit(3, 3, "b", "word", "t")
    assert non_overlapping([second, first], ORDER) == [first]
    left, right = deletion(0, 3), deletion(3, 6, "word")
    assert non_overlapping([right, left], ORDER) == [left, right]


def overlap(a: Edit, b: Edit) -> bool:
    """The engine's notion of a conflict: shared characters, or one insertion point."""
    return (a.start < b.end and b.start < a.end) or a.start == a.end == b.start == b.end


spans = st.tuples(st.integers(0, 40), st.integers(0, 8), st.booleans(), st.booleans())


@given(st.lists(spans, max_size=25))
def test_the_chosen_edits_are_sorted_disjoint_and_keep_every_metadata_edit_they_can(
    proposals: list[tuple[int, int, bool, bool]],
) -> None:
    edits = [
        Edit(
            start, start + length, "" if delete else "r", "menu", "t", (("k", "v"),) if keep else ()
        )
        for start, length, delete, keep in proposals
    ]
    chosen = non_overlapping(edits, ORDER)
    for before, after in pairwise(chosen):
        assert before.end <= after.start
        assert not before.start == before.end == after.start == after.end
    # a metadata edit is left out only for an overlapping metadata edit that was chosen
    for proposed in (e for e in edits if e.metadata):
        assert proposed in chosen or any(c.metadata and overlap(c, proposed) for c in chosen)
    # every chosen piece lies within a proposed edit of the same kind
    for edit in chosen:
        assert any(
            p.start <= edit.start and edit.end <= p.end and p.metadata == edit.metadata
            for p in edits
        )
