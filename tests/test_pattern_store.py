"""Compiled patterns kept between runs load as the same patterns, and nothing else loads."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import regex

from cleaner import pattern_store
from cleaner.pattern_store import ENVIRONMENT, PatternStore, default_folder

FLAGS = regex.UNICODE | regex.MULTILINE | regex.IGNORECASE | regex.FULLCASE
SOURCE = r"^(?:share(?:[^\S\r\n]+on[^\S\r\n]+(?:facebook|x))?|tweet)$"


def _no_compiling(*args: object, **kwargs: object) -> None:
    raise AssertionError("compiled instead of loaded")


def _stored(folder: Path) -> PatternStore:
    store = PatternStore(folder)
    store.compiled(SOURCE, FLAGS)
    store.save()
    return PatternStore(folder)


def test_a_saved_pattern_loads_without_compiling_and_matches_the_same(tmp_path, monkeypatch):
    texts = ("Share", "SHARE ON FACEBOOK", "Tweet", "Share prices fell", "share on")
    expected = [bool(regex.compile(SOURCE, FLAGS).match(text)) for text in texts]
    fresh = _stored(tmp_path)
    monkeypatch.setattr(pattern_store.regex, "compile", _no_compiling)
    loaded = fresh.compiled(SOURCE, FLAGS)
    assert [bool(loaded.match(text)) for text in texts] == expected == [1, 1, 1, 0, 0]
    assert loaded.pattern == SOURCE


def test_other_flags_or_text_compile_afresh(tmp_path):
    fresh = _stored(tmp_path)
    assert not fresh.compiled(SOURCE, regex.UNICODE).match("SHARE")
    assert fresh.compiled(SOURCE + "|print", FLAGS).match("Print")


def test_a_damaged_store_is_ignored_and_rewritten(tmp_path):
    store = PatternStore(tmp_path)
    assert store.path is not None
    store.path.write_bytes(b"\x80\x05not a pickle at all")
    assert store.compiled(SOURCE, FLAGS).match("tweet")
    store.save()
    assert PatternStore(tmp_path)._entries()  # a valid store again


def test_a_store_that_would_run_code_is_refused(tmp_path, monkeypatch):
    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("echo pwned > " + str(tmp_path / "ran"),))

    store = PatternStore(tmp_path)
    assert store.path is not None
    key = pattern_store._key(SOURCE, FLAGS)
    store.path.write_bytes(pickle.dumps({key: pickle.dumps(Exploit())}))
    assert store.compiled(SOURCE, FLAGS).match("share")
    store.path.write_bytes(pickle.dumps(Exploit()))
    assert PatternStore(tmp_path).compiled(SOURCE, FLAGS).match("share")
    assert not (tmp_path / "ran").exists()


def test_an_entry_for_another_pattern_is_not_used(tmp_path):
    store = PatternStore(tmp_path)
    assert store.path is not None
    other = regex.compile("tweet", FLAGS)
    key = pattern_store._key(SOURCE, FLAGS)
    store.path.write_bytes(pickle.dumps({key: pickle.dumps(other)}))
    assert PatternStore(tmp_path).compiled(SOURCE, FLAGS).pattern == SOURCE


def test_an_unwritable_folder_only_costs_the_compile(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = PatternStore(blocker / "cache")
    assert store.compiled(SOURCE, FLAGS).match("tweet")
    store.save()  # no error
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_pattern_with_a_mistake_raises_and_is_not_stored(tmp_path):
    store = PatternStore(tmp_path)
    with pytest.raises(regex.error):
        store.compiled("share(", FLAGS)
    store.save()
    assert store.path is not None
    assert not store.path.exists()


def test_the_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENVIRONMENT, "off")
    assert default_folder() is None
    assert PatternStore(None).compiled(SOURCE, FLAGS).match("tweet")
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path))
    assert default_folder() == tmp_path
    monkeypatch.delenv(ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = default_folder()
    assert folder is not None
    assert folder.parent == tmp_path / "xdg" or os.name == "nt"


def test_the_store_file_names_the_regex_and_python_versions(tmp_path):
    store = PatternStore(tmp_path)
    assert store.path is not None
    assert regex.__version__ in store.path.name


def _refuse(*args: object) -> None:
    raise AssertionError("computed instead of loaded")


def test_derived_facts_are_kept_with_the_patterns(tmp_path):
    store = PatternStore(tmp_path)
    assert store.derived("anchors", SOURCE, FLAGS, lambda: ("share", "tweet")) == ("share", "tweet")
    assert store.derived("other", SOURCE, FLAGS, lambda: None) is None
    store.save()
    again = PatternStore(tmp_path)
    assert again.derived("anchors", SOURCE, FLAGS, _refuse) == ("share", "tweet")
    assert again.derived("other", SOURCE, FLAGS, _refuse) is None
    assert again.derived("anchors", SOURCE, regex.UNICODE, lambda: ("x",)) == ("x",)


def test_a_derived_entry_that_is_not_strings_is_computed_again(tmp_path):
    store = PatternStore(tmp_path)
    store.derived("anchors", SOURCE, FLAGS, lambda: ("share",))
    store.save()
    again = PatternStore(tmp_path)
    key = next(key for key in again._entries() if key.startswith("anchors:"))
    again._entries()[key] = pickle.dumps([1, 2])
    assert again.derived("anchors", SOURCE, FLAGS, lambda: ("tweet",)) == ("tweet",)
