"""Boxes of links between paragraphs: the label and its headlines go, the article stays.

A "Related" or "Lesen Sie auch" label with other stories' headlines under it may
stand between any two paragraphs, once or several times, two boxes stacked, with
any line breaks around it. The property draws such articles from the rule's own labels (so a label
added to the YAML file is tested at once) and checks that every paragraph survives,
that no label or headline of a box is left, that a subheading under an ordinary
paragraph stays, and that replay, revert and idempotence hold. The same for widgets
closed by a "full list" link (boilerplate.closing-link-widgets), and for picture
captions over their credit lines (boilerplate.credited-captions). Profiles:
tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from cleaner import load_pipeline
from cleaner.valve import nonspace
from tests.test_properties import LINE_BREAKS, PARAGRAPHS, assert_invariants

PIPELINE = load_pipeline()
RULE = Path(__file__).parents[1] / "rules" / "boilerplate" / "related-boxes.yaml"
LABELS = yaml.safe_load(RULE.read_text(encoding="utf-8"))["params"]["markers"]
DECORATIONS = ["{}", "{}:", "» {}", "{} ›"]
# Other stories' headlines: short, no closing mark, unlike any seed paragraph.
BOX_HEADLINES = [
    "Harbour fees rise for the second time this year",
    "Fährverkehr nach Sylt wieder aufgenommen",
    "Nueva terminal en el muelle norte",
    "Rybacy protestują przeciwko kwotom",
    "Storm closes the coast road",
]
SUBHEADINGS = ["A new harbour", "Was sich jetzt ändert"]


@st.composite
def boxed_articles(draw: st.DrawFn) -> tuple[list[str], list[str], str]:
    """(paragraphs and subheadings to keep, box lines to remove, text)."""
    paragraphs = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=3, max_size=5, unique=True))
    pieces, keep, gone = [paragraphs[0]], [paragraphs[0]], []
    for paragraph in paragraphs[1:]:
        boxes = draw(st.integers(0, 2))  # a site may stack boxes: label, headline, label, ...
        for _ in range(boxes):
            label = draw(st.sampled_from(DECORATIONS)).format(draw(st.sampled_from(LABELS)))
            headlines = draw(st.lists(st.sampled_from(BOX_HEADLINES), min_size=1, max_size=3))
            pieces += [label, *headlines]
            gone += headlines
        if not boxes and draw(st.booleans()):
            pieces.append(draw(st.sampled_from(SUBHEADINGS)))
            keep.append(pieces[-1])
        pieces.append(paragraph)
        keep.append(paragraph)
    return keep, gone, draw(LINE_BREAKS).join(pieces) + draw(st.sampled_from(["", "\n"]))


def assert_kept_and_gone(keep: list[str], gone: list[str], text: str) -> None:
    """The log invariants hold, every line to keep is a line of the result, no gone one is.

    Drawn texts that are mostly boxes are skipped: a rule that would delete most of a
    document is held back by design (cleaner.valve), so the article must stay the larger part.
    """
    assume(nonspace("".join(keep)) > 0.6 * nonspace(text))
    assert_invariants(text)
    lines = {line.strip() for line in PIPELINE.clean(text).text.splitlines()}
    for line in keep:
        assert line in lines, f"article line lost: {line[:60]!r}"
    for line in gone:
        assert line not in lines, f"furniture stayed: {line!r}"


@given(boxed_articles())
def test_boxes_go_and_the_article_stays(case):
    assert_kept_and_gone(*case)


LINKS_RULE = RULE.parent / "closing-link-widgets.yaml"
CLOSING_LINKS = yaml.safe_load(LINKS_RULE.read_text(encoding="utf-8"))["params"]["markers"]
WIDGET_LINES = [
    "League Two table",
    "18 Brackley Rovers 38 41",
    "Sa., 18.05. Frühlingsfest",
    "1. CD Almenar 62 pts",
]


@st.composite
def widget_articles(draw: st.DrawFn) -> tuple[list[str], list[str], str]:
    """(paragraphs, widget lines, text): widgets closed by a 'full list' link between paragraphs."""
    paragraphs = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=4, unique=True))
    pieces, gone = [paragraphs[0]], []
    for paragraph in paragraphs[1:]:
        if draw(st.booleans()):
            lines = draw(st.lists(st.sampled_from(WIDGET_LINES), min_size=1, max_size=4))
            pieces += [*lines, draw(st.sampled_from(CLOSING_LINKS))]
            gone += lines
        pieces.append(paragraph)
    return paragraphs, gone, draw(LINE_BREAKS).join(pieces) + draw(st.sampled_from(["", "\n"]))


@given(widget_articles())
def test_widgets_closed_by_a_link_go_and_the_article_stays(case):
    assert_kept_and_gone(*case)


CAPTIONS = [
    "Passengers queue at the old terminal building on Tuesday morning.",
    "Pendler warten am Bahnhof Kalbrunn auf einen Ersatzbus.",
    "La nouvelle salle de lecture peut accueillir une soixantaine de personnes.",
]
CREDITS = [
    "Photo: Gareth Lyle/Coastline Pictures",
    "Foto: dpa / Tobias Lenzner",
    "© Julien Marchais",
]
LAST_SENTENCES = ["The bill now goes to the Senate.", "Die Entscheidung fällt im Mai."]


@st.composite
def captioned_articles(draw: st.DrawFn) -> tuple[list[str], list[str], str]:
    """(lines to keep, captions to remove, text): captions over credits between paragraphs.

    The article may end with a short sentence over a credit line: that sentence is the
    article's own and stays (boilerplate.credited-captions asks for a paragraph below).
    """
    # At most three credits: a text with more is a picture series, left alone (max_boxes).
    paragraphs = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=3, unique=True))
    pieces, keep, gone = [paragraphs[0]], [paragraphs[0]], []
    for paragraph in paragraphs[1:]:
        if draw(st.booleans()):
            caption = draw(st.sampled_from(CAPTIONS))
            pieces += [caption, draw(st.sampled_from(CREDITS))]
            gone.append(caption)
        pieces.append(paragraph)
        keep.append(paragraph)
    if draw(st.booleans()):
        pieces += [draw(st.sampled_from(LAST_SENTENCES)), draw(st.sampled_from(CREDITS))]
        keep.append(pieces[-2])
    return keep, gone, draw(LINE_BREAKS).join(pieces) + draw(st.sampled_from(["", "\n"]))


@given(captioned_articles())
def test_credited_captions_go_and_the_article_stays(case):
    assert_kept_and_gone(*case)
