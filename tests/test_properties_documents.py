"""Change-log invariants for the kinds that move text around, not only delete it.

Metadata extraction (dates, bylines, source lines, titles and categories), block
drops (interview-topic appendices, closing "Related" sections), files with YAML front
matter (the run path keeps it byte for byte, the fix path writes into it) and the
corpus two-pass rules (name variants, mixed scripts). Each property checks replay,
revert and idempotence, plus what must never be lost: the article's paragraphs, and
the metadata a removed line carried. Profiles: tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from cleaner import load_pipeline, replay, revert
from cleaner.batch import Outcome, clean_document
from cleaner.corpus import merge
from cleaner.engine import CorpusStats, Result
from cleaner.reading import Source, text_document
from tests.test_properties import LINE_BREAKS, PARAGRAPHS, assert_invariants

PIPELINE = load_pipeline()

# What a page template leaves around an article, with the field each must become.
DATELINES = [
    "November 18, 2024 08:04",
    "Published: 20.11.2024 14:05",
    "18 ноября 2024, 08:04",
    "Nov. 19, 2019 8:03 am ET",
]
BYLINES = ["By Olena Kovalenko, staff correspondent", "By Jane Doe"]
SOURCE_LINES = ["Source: Harbour Authority", "Quelle: Deutscher Hafenverband, 3. Mai 2024"]
CATEGORIES = ["Other countries", "Politics"]
HEADLINES = ["Biden authorizes long-range strikes — media", "Harbour fees rise again"]
VIA = [", Report informs via TASS", ", APA informs via Interfax"]
INTERVIEW = [
    "What could limited strikes mean for peace talks?",
    "Interview Topic 1: The decision on long-range missiles",
    "Guest 1: Defense analyst, a news channel",
    "Guest 2: Former diplomat, a newspaper",
    "Interview Topic 2: What the deployment changes",
    "Guest 1: Professor of Asian studies",
]
CLOSING = [
    "Related articles",
    "Harbour fees rise for the second time this year",
    "New terminal opens on the north quay",
    "Fishermen protest quota cuts",
]


def _joined(draw: st.DrawFn, pieces: list[str]) -> str:
    return draw(LINE_BREAKS).join(pieces) + draw(st.sampled_from(["", "\n"]))


@st.composite
def metadata_documents(draw: st.DrawFn) -> tuple[list[str], dict[str, str], str]:
    """An article with template lines around it: (paragraphs, line -> field, text)."""
    paragraphs = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=5, unique=True))
    header: list[str] = []
    fields: dict[str, str] = {}
    for pool, field in [(HEADLINES, "title"), (CATEGORIES, "category"), (DATELINES, "date")]:
        if draw(st.booleans()):
            header.append(draw(st.sampled_from(pool)))
            fields[header[-1]] = field
    if draw(st.booleans()):
        header.append(draw(st.sampled_from(BYLINES)))
        fields[header[-1]] = "author"
    body = list(paragraphs)
    if draw(st.booleans()):
        body[-1] = body[-1].rstrip(".") + draw(st.sampled_from(VIA)) + "."
    footer = []
    if draw(st.booleans()):
        footer.append(draw(st.sampled_from(SOURCE_LINES)))
        fields[footer[-1]] = "source"
    return paragraphs, fields, _joined(draw, header + body + footer)


def _kept(paragraph: str, cleaned: str) -> bool:
    """The paragraph survives; a glued agency attribution may go from its end."""
    return paragraph.rstrip(".") in cleaned


@given(metadata_documents())
def test_metadata_lines_leave_the_text_and_land_in_metadata(case):
    paragraphs, fields, text = case
    assert_invariants(text)
    result = PIPELINE.clean(text)
    for paragraph in paragraphs:
        assert _kept(paragraph, result.text)
    for line, field in fields.items():
        if line not in result.text and field != "title":
            assert field in result.metadata, f"{line!r} removed but no {field!r} recovered"


@st.composite
def block_documents(draw: st.DrawFn) -> tuple[list[str], str]:
    """Prose followed by a generated interview appendix and/or a closing section."""
    paragraphs = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=5, unique=True))
    pieces = list(paragraphs)
    blocks = draw(st.lists(st.sampled_from(["interview", "closing"]), min_size=1, unique=True))
    for block in blocks:
        lines = INTERVIEW if block == "interview" else CLOSING
        start = draw(st.integers(0, 1)) if block == "interview" else 0
        pieces.extend(lines[start:])
    return paragraphs, _joined(draw, pieces)


@given(block_documents())
def test_block_drops_keep_the_article_and_the_log_exact(case):
    paragraphs, text = case
    assert_invariants(text)
    result = PIPELINE.clean(text)
    for paragraph in paragraphs:
        assert paragraph in result.text
    held = any("held back" in finding.message for finding in result.findings)
    assert held or "Interview Topic" not in result.text, "appendix neither removed nor flagged"


FRONT_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "title": st.sampled_from(["Biden’s decision", "Bidenâ€™s decision", "AT&amp;T deal"]),
        "author": st.sampled_from(["Jane Doe", "Jane&nbsp;Doe", "Olena\u200b Kovalenko"]),
        "date": st.sampled_from(["2024-11-20", "20.11.2024 14:05"]),
        "tags": st.lists(st.sampled_from(["media", "Ukraine"]), max_size=2),
    },
)


@st.composite
def front_matter_files(draw: st.DrawFn) -> tuple[list[str], bytes]:
    """A text file whose YAML front matter arrives with (maybe damaged) fields."""
    fields = draw(FRONT_FIELDS)
    paragraphs, _, body = draw(metadata_documents())
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) if fields else ""
    newline = "\r\n" if "\r\n" in body else "\n"
    head = "---" + newline + dumped.replace("\n", newline) + "---" + newline
    return paragraphs, (head + body).encode("utf-8")


def _outcome(data: bytes) -> Outcome:
    document = text_document(Source(Path("doc.txt"), "doc.txt"), data)
    assert document.error is None and document.text is not None
    outcome = clean_document(document, PIPELINE)
    assert outcome.result is not None
    return outcome


def _assert_log(result: Result) -> None:
    assert replay(result.original, result.changes) == result.text
    assert revert(result.text, result.changes) == result.original
    for repair in result.field_changes:
        assert replay(repair.before, repair.changes) == repair.after
        assert revert(repair.after, repair.changes) == repair.before


@given(front_matter_files())
def test_front_matter_files_run_keeps_it_and_fix_settles(case):
    paragraphs, data = case
    outcome = _outcome(data)
    result = outcome.result
    _assert_log(result)
    original = data.decode("utf-8")
    front = outcome.document.front.raw
    assert original == front + result.original, "front matter split lost bytes"
    assert outcome.render().text == front + result.text, "run must keep the front matter"
    fixed = outcome.render(front_matter=True).text
    again = _outcome(fixed.encode("utf-8"))
    assert again.result.changes == () and again.result.field_changes == (), "fix is not stable"
    assert again.render(front_matter=True).text == fixed
    for key in result.metadata:
        assert key in again.document.front.fields, f"recovered {key!r} not in the front matter"
    for paragraph in paragraphs:
        assert _kept(paragraph, again.document.text or "")


# --- corpus-level rules: the two-pass API (observe every document, then clean) -----

CORPUS_SENTENCES = [
    "Ukraine asked its allies for more air defence systems on Monday, officials said.",
    "The Ukrаine delegation arrived in Brussels late on Sunday evening, officials said.",
    "President Volodymyr Zelensky said the talks would resume next week in Geneva.",
    "Aides of Volodimir Zelensky said the talks would resume next week in Geneva.",
    "Officials in Kyiv said the air raid alert lasted for more than three hours overnight.",
    "Residents of Kiev were told to stay in shelters until the morning, the mayor said.",
    "The mayor of Kyiv said the city would open more heating points before the winter.",
    "The Kyiv city council met on Tuesday to discuss repairs to the power grid, it said.",
]


def _stats(texts: list[str]) -> CorpusStats:
    total: CorpusStats = {}
    for text in texts:
        merge(total, PIPELINE.observe(text))
    return total


@st.composite
def corpora(draw: st.DrawFn) -> list[str]:
    """Two to five documents sharing names, some spelled differently or in mixed script."""
    documents = []
    for _ in range(draw(st.integers(2, 5))):
        sentences = draw(st.lists(st.sampled_from(CORPUS_SENTENCES), min_size=1, max_size=4))
        documents.append(_joined(draw, sentences))
    return documents


@given(corpora())
def test_corpus_two_pass_fixes_replay_revert_and_settle(texts):
    corpus = _stats(texts)
    results = [PIPELINE.clean(text, corpus) for text in texts]
    for result in results:
        _assert_log(result)
    cleaned = [result.text for result in results]
    second = _stats(cleaned)
    for text in cleaned:
        assert PIPELINE.clean(text, second).changes == (), "a second corpus pass changed text"
    if any("Ukraine" in text for text in cleaned):
        assert not any("Ukrаine" in text for text in cleaned), "mixed-script word left"


# Subheadings of a guide that a table of contents lists first (questions, each under
# eight words: headings, not prose).
SECTION_HEADINGS = [
    "When does the season start?",
    "How much do tickets cost?",
    "Where do the ferries leave from?",
    "Wie tödlich ist das Coronavirus?",
]


@st.composite
def contents_documents(draw: st.DrawFn) -> tuple[list[tuple[str, str]], str]:
    """A lede, a table of contents (maybe labelled, twice, shuffled), then the sections."""
    count = draw(st.integers(2, len(SECTION_HEADINGS)))
    headings = draw(st.permutations(SECTION_HEADINGS))[:count]
    bodies = draw(
        st.lists(st.sampled_from(PARAGRAPHS), min_size=count + 1, max_size=count + 1, unique=True)
    )
    sections = list(zip(headings, bodies[1:], strict=True))
    listed = draw(st.permutations(headings)) if draw(st.booleans()) else headings
    label = draw(st.sampled_from([[], ["In this article:"], ["Inhalt"]]))
    pieces = [bodies[0], *label, *listed] + (list(listed) if draw(st.booleans()) else [])
    for heading, body in sections:
        pieces += [heading, body]
    return sections, _joined(draw, pieces)


@given(contents_documents())
def test_contents_lists_go_and_every_section_keeps_its_heading(case):
    sections, text = case
    assert_invariants(text)
    result = PIPELINE.clean(text)
    for heading, body in sections:
        assert body in result.text
        assert heading in result.text, "a heading and all its copies are gone"
    order = [heading for heading, _ in sections]
    kept = [line.strip() for line in result.text.splitlines() if line.strip() in order]
    if sorted(kept) == sorted(order) and len(kept) == len(order):
        for heading, body in sections:
            above = result.text[: result.text.index(body)].rstrip().splitlines()[-1]
            assert above.strip() == heading, "a section lost its heading to the contents list"
        assert "In this article" not in result.text and "Inhalt\n" not in result.text
