import pytest

from cleaner.changelog import Change, replay, revert, to_original
from cleaner.errors import CleanerError


def change(start, before, after, rule="p.r"):
    return Change(rule, start, start + len(before), before, after, "why", 1, 1)


def test_replay_and_revert_are_inverse():
    original = "abc def ghi"
    changes = [change(0, "abc ", ""), change(4, "ghi", "GHI!")]
    cleaned = replay(original, changes)
    assert cleaned == "def GHI!"
    assert revert(cleaned, changes) == original


def test_replay_rejects_a_log_that_does_not_fit():
    with pytest.raises(CleanerError):
        replay("xyz", [change(0, "abc", "")])
    with pytest.raises(CleanerError):
        revert("xyz", [change(0, "abc", "q")])


def test_to_original_maps_through_deletions_and_insertions():
    changes = [change(0, "abc ", ""), change(2, "", "++")]
    assert to_original(0, changes) == 4
    assert to_original(5, changes) == 7
    assert to_original(3, changes) == 6  # inside the insertion: where it happened


def test_record_round_trip():
    item = Change("p.r", 3, 5, "ab", "", "why", 2, 4, (("category", "World"),))
    record = item.to_record("doc.txt")
    assert record["action"] == "delete" and record["doc"] == "doc.txt"
    assert record["metadata"] == {"category": "World"}
    assert Change.from_record(record) == item
