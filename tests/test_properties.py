"""Invariants of the change log and the fixed point, on arbitrary and seed-like text.

Profiles: the default runs in CI; `HYPOTHESIS_PROFILE=long` runs 10,000 examples
per property (see CONTRIBUTING.md).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean, replay, revert
from tests.conftest import SEEDS

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PARAGRAPHS = [
    p.strip()
    for path in sorted(SEEDS.glob("*.txt"))
    for p in path.read_text(encoding="utf-8").split("\n")
    if len(p.split()) >= 8
]
BOILERPLATE = [
    "Share",
    "Latest news",
    "Orphus sistemi",
    "Tweet",
    "Print",
    "Advertisement",
    "Share on Facebook",
    "#media #claim #Ukraine",
    "Read also: Biden meets Zelensky",
    "Interview Topic 1: Something\nGuest 1: Someone, Somewhere\nGuest 2: Another, Place",
]
LINE_BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"])
ANY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400
) | st.lists(
    st.sampled_from(["Share", "\n", "\r\n", " ", "Latest news", "a", "#x", "é"]), max_size=40
).map("".join)


def assert_invariants(text: str) -> None:
    result = clean(text)
    assert replay(text, result.changes) == result.text
    assert revert(result.text, result.changes) == text
    assert clean(result.text).text == result.text, "cleaning cleaned text changed it"


@given(ANY_TEXT)
def test_invariants_on_arbitrary_text(text):
    assert_invariants(text)


@given(st.text(alphabet="ab \n", min_size=2000, max_size=6000))
def test_invariants_on_long_lines(text):
    assert_invariants(text)


@st.composite
def seed_like(draw):
    paragraphs = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=8, unique=True))
    pieces = list(paragraphs)
    for _ in range(draw(st.integers(0, 4))):
        position = draw(st.integers(0, len(pieces)))
        pieces.insert(position, draw(st.sampled_from(BOILERPLATE)))
    if draw(st.booleans()):
        index = draw(st.integers(0, len(pieces) - 1))
        pieces[index] += " Share"
    return paragraphs, draw(LINE_BREAKS).join(pieces) + draw(st.sampled_from(["", "\n"]))


@given(seed_like())
def test_seed_like_documents_keep_every_paragraph(case):
    paragraphs, text = case
    assert_invariants(text)
    cleaned = clean(text).text
    for paragraph in paragraphs:
        assert paragraph in cleaned
