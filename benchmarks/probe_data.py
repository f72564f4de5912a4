"""The furniture probe's data: its tables, and the documents built from them.

The probe's lines are invented and kept in the repository:

- ``probes/furniture.tsv``: page furniture (datelines, bylines, captions, share and
  follow buttons, paywall and consent prompts, related links, ...) that must go;
- ``probes/legit.tsv``: legitimate short lines, some built to look like furniture
  ("Share prices fell 3%", "Follow the money"), that must stay;
- ``probes/articles.tsv``: invented carrier articles, a headline and three
  paragraphs, per language.

Each probe line names its placements. One document is built per (line, placement)
from one of its language's articles (the line's row number within the language,
modulo the number of articles), blocks separated by a blank line:

- ``t``: the headline, the line, the three paragraphs (the top edge);
- ``m``: the line between the first and the second paragraph;
- ``b``: the line after the last paragraph (the bottom edge);
- ``L``: the line in place of the first paragraph (a lead with a dateline).

A cell may hold a block of several lines, written with the two characters ``\\n``
between them ("Related\\nFerry fares rise\\nTram vote delayed"): furniture that an
extractor leaves one element per line, a label and the headlines under it, a byline
stack, a caption and its credit. The block goes in as consecutive lines of one
paragraph. A furniture block counts as removed when none of its lines is left; a
legitimate block is lost when any of its lines is.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent / "probes"
FURNITURE_FILE, LEGIT_FILE, ARTICLES_FILE = "furniture.tsv", "legit.tsv", "articles.tsv"
FURNITURE, LEGIT = "furniture", "legit"
PLACEMENTS = "tmbL"
BLOCK_BREAK = "\\n"  # the two characters that separate the lines of a block in a cell


@dataclass(frozen=True, slots=True)
class ProbeLine:
    """One row of furniture.tsv or legit.tsv."""

    kind: str
    lang: str
    family: str
    placements: str
    text: str

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines of the cell: one, or the lines of a block."""
        return tuple(part.strip() for part in self.text.split(BLOCK_BREAK))

    @property
    def body(self) -> str:
        """The cell as it goes into a document: a block's lines joined by line breaks."""
        return "\n".join(self.lines)


@dataclass(frozen=True, slots=True)
class Article:
    """One carrier article: a headline and three paragraphs."""

    lang: str
    headline: str
    paragraphs: tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class ProbeDoc:
    """One built document: a probe line in one placement of one article."""

    id: str
    line: ProbeLine
    placement: str
    text: str
    article_lines: tuple[str, ...]


# --- reading -----------------------------------------------------------------


def shipped_sets() -> list[Path]:
    """The main probe and every set folder beside it (blind, blind2, ... blind10), in order.

    Each tuning round is judged on the sets written after it, so a round's figures are
    a row over all of them; `--all-sets` runs this list.
    """
    folders = [path for path in DEFAULT_DATA.iterdir() if (path / FURNITURE_FILE).is_file()]
    return [DEFAULT_DATA, *sorted(folders, key=_natural_key)]


def _natural_key(path: Path) -> tuple[str | int, ...]:
    """blind2 before blind10: the digit runs of the name compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.name))


def data_rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a tab-separated file, comments and blank lines skipped."""
    with path.open(encoding="utf-8") as lines:
        for number, raw in enumerate(lines, 1):
            row = raw.rstrip("\n")
            if not row.strip() or row.startswith("#"):
                continue
            cells = row.split("\t")
            if len(cells) != columns or not all(cell.strip() for cell in cells):
                raise ValueError(
                    f"{path}:{number}: expected {columns} non-empty tab-separated cells"
                )
            yield number, cells


def read_lines(path: Path, kind: str) -> list[ProbeLine]:
    """The probe lines of one table; placements are checked against t, m, b, L."""
    rows = []
    for number, (lang, family, placements, text) in data_rows(path, 4):
        if set(placements) - set(PLACEMENTS) or len(set(placements)) != len(placements):
            raise ValueError(f"{path}:{number}: placements {placements!r} are not from t, m, b, L")
        row = ProbeLine(kind, lang, family, placements, text)
        if len(row.lines) > 1 and "L" in placements:
            raise ValueError(f"{path}:{number}: a block of lines cannot be a lead (L)")
        if not all(row.lines):
            raise ValueError(f"{path}:{number}: a block has an empty line")
        rows.append(row)
    return rows


def read_articles(path: Path) -> dict[str, list[Article]]:
    """The carrier articles by language, in file order."""
    articles: dict[str, list[Article]] = defaultdict(list)
    for _, (lang, headline, first, second, third) in data_rows(path, 5):
        articles[lang].append(Article(lang, headline, (first, second, third)))
    return dict(articles)


# --- building ----------------------------------------------------------------


def blocks(article: Article, line: str, placement: str) -> tuple[list[str], tuple[str, ...]]:
    """The document's blocks with the line in its placement, and the article lines among them."""
    first, second, third = article.paragraphs
    if placement == "L":
        return [article.headline, line, second, third], (article.headline, second, third)
    kept = (article.headline, first, second, third)
    parts = list(kept)
    parts.insert({"t": 1, "m": 2, "b": 4}[placement], line)
    return parts, kept


def build_documents(
    lines: Sequence[ProbeLine], articles: Mapping[str, Sequence[Article]]
) -> list[ProbeDoc]:
    """One document per (line, placement), in table order."""
    docs = []
    index: dict[tuple[str, str], int] = defaultdict(int)
    for line in lines:
        row = index[line.kind, line.lang]
        index[line.kind, line.lang] += 1
        carriers = articles.get(line.lang)
        if not carriers:
            raise ValueError(f"no carrier article for language {line.lang!r}")
        article = carriers[row % len(carriers)]
        for placement in line.placements:
            parts, kept = blocks(article, line.body, placement)
            doc_id = f"{line.kind[0]}-{line.lang}-{row:03d}-{placement}"
            docs.append(ProbeDoc(doc_id, line, placement, "\n\n".join(parts) + "\n", kept))
    return docs


def load_documents(data: Path, langs: Sequence[str]) -> list[ProbeDoc]:
    """Read the tables and articles and build the documents (of some languages only)."""
    lines = read_lines(data / FURNITURE_FILE, FURNITURE) + read_lines(data / LEGIT_FILE, LEGIT)
    if langs:
        lines = [line for line in lines if line.lang in langs]
    return build_documents(lines, read_articles(data / ARTICLES_FILE))


def write_jsonl(docs: Iterable[ProbeDoc], path: Path) -> None:
    """The documents as JSONL records with an id and a text field only."""
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"id": doc.id, "text": doc.text}, ensure_ascii=False) + "\n")
