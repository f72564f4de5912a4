"""The default rules on the five seed articles: boilerplate goes, every sentence stays.

Removal, idempotence and revertibility are checked with every default rule (`clean`);
sentence survival is checked with the boilerplate pack alone, since other packs
(metadata extraction) may legitimately move a date or an attribution out of a
sentence.
"""

from __future__ import annotations

import re

import pytest

from cleaner import clean, load_pipeline, revert
from tests.conftest import SEEDS

BOILERPLATE = load_pipeline(select=["boilerplate"])

SEED_FILES = sorted(SEEDS.glob("*.txt"))
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[A-Z“\"])")


def seed(prefix: str) -> str:
    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def sentences(text: str) -> list[str]:
    """Sentences of the prose lines (8+ words), split after . ! ? and closing quotes."""
    found = []
    for line in text.splitlines():
        if len(line.split()) >= 8:
            found.extend(s for s in _SENTENCE_BREAK.split(line.strip()) if s)
    return found


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_cleaning_is_revertible_and_idempotent(path):
    original = path.read_text(encoding="utf-8")
    result = clean(original)
    assert revert(result.text, result.changes) == original
    again = clean(result.text)
    assert again.text == result.text
    assert not again.changes


def test_000_share_suffix_removed_and_all_sentences_kept():
    original = seed("000")
    text = clean(original).text
    assert not any(line.rstrip().endswith("Share") for line in text.splitlines())
    assert "Share" not in text
    assert "\nBiden made a long-awaited decision regarding Ukraine\n" in text
    assert "\nThe USA is still afraid of Putin's reaction\n" in text
    assert "Russian Federation.\n" in text
    assert text.endswith("otherwise be able to achieve.")
    only_boilerplate = BOILERPLATE.clean(original).text
    assert only_boilerplate == original.replace(" Share\n", "\n")
    for sentence in sentences(original.replace(" Share\n", "\n")):
        assert sentence in only_boilerplate


HEADLINE_001 = "Biden authorizes use of US long-range weapons to strike inside Russia — media"


def test_001_widgets_category_and_headline_copies_removed():
    result = clean(seed("001"))
    text = result.text
    lines = text.splitlines()
    for widget in ("Latest news", "Orphus sistemi", "Other countries"):
        assert widget not in lines
    assert "Latest news" not in text
    assert "Orphus" not in text
    assert text.count(HEADLINE_001) == 1
    assert lines[0] == HEADLINE_001
    assert result.metadata.get("category") == "Other countries"
    # The teaser left after cutting the glued headline is a prefix of the lede: it goes.
    assert text.count("US-supplied long-range ballistic missiles to strike inside Russia") == 1
    assert text.rstrip().endswith("includes a clause on joint defense.")


def test_001_body_dateline_and_attribution_kept_by_the_boilerplate_pack():
    original = seed("001")
    text = BOILERPLATE.clean(original).text
    lines = text.splitlines()
    # Dateline and attribution belong to another pack: the boilerplate rules leave them.
    assert "November 18, 2024 08:04" in lines
    assert "Report informs via TASS." in text
    assert text.count(HEADLINE_001) == 1
    for sentence in sentences(original):
        if not sentence.startswith(HEADLINE_001):
            assert sentence in text


def test_003_hashtags_question_and_interview_appendix_removed():
    original = seed("003")
    result = clean(original)
    text = result.text
    assert "#media" not in text
    assert "What are the potential implications" not in text
    assert "Interview Topic" not in text
    assert "Guest 1:" not in text
    assert "Guest 2:" not in text
    assert result.metadata.get("keywords", [])[:4] == ["media", "claim", "Joe", "Biden"]
    article = original.split("\n#media")[0]
    for paragraph in article.splitlines():
        assert paragraph in text
    assert text.endswith("the security of Ukraine is our security,” he commented.")
    assert BOILERPLATE.clean(original).text == article


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_clean_seeds_are_unchanged(prefix):
    original = seed(prefix)
    result = clean(original)
    assert result.text == original
    assert not result.changes
    for sentence in sentences(original):
        assert sentence in result.text
