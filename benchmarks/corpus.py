"""A deterministic benchmark corpus: seed paragraphs recombined, with known damage.

Each document is built from its own random generator (seeded with the corpus seed
and the document's index), so document 17 is the same whether the corpus has
20,000 documents or 200,000, and two runs write the same bytes. A document is a
title and 4-10 prose paragraphs drawn from seeds/, and then, at the rates below:

- `widget`: 1-3 widget lines ("Share", "Read more", ...) between paragraphs,
  taken from the `phrases` of the boilerplate pack's drop_line rules;
- `mojibake`: one paragraph (with a typographic apostrophe) as UTF-8 read as
  Windows-1252, the common mojibake;
- `html`: one paragraph wrapped in <p>...</p> with an entity (&amp;, &nbsp;);
- `date`: a "date YYYY-MM-DD" prefix before the first paragraph;
- `title`: the title repeated as the first line of the body;
- `foreign`: one untranslated line, from the foreign-language rule's examples.

No phrase list lives here: widgets and foreign lines come from the rule files.

    .venv/bin/python benchmarks/corpus.py --docs 20000 --out /tmp/bench.jsonl[.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

import ftfy  # noqa: F401 - registers the "sloppy-windows-1252" codec
import yaml

ROOT = Path(__file__).resolve().parent.parent
RATES = {"widget": 0.5, "mojibake": 0.05, "html": 0.1, "date": 0.2, "title": 0.2, "foreign": 0.05}


class Material:
    """What documents are made of: prose paragraphs, widget lines, foreign lines."""

    def __init__(self, root: Path = ROOT) -> None:
        self.paragraphs = _paragraphs(root / "seeds")
        self.widgets = _widget_phrases(root / "rules" / "boilerplate")
        self.foreign = _flagged_examples(root / "rules" / "translation" / "foreign-language.yaml")


def _paragraphs(folder: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for raw in path.read_text(encoding="utf-8").split("\n\n"):
            block = raw.strip()
            if len(block.split()) >= 12 and block[-1:] in ".!?\"'”":
                found.append(block)
    return found


def _widget_phrases(folder: Path) -> list[str]:
    phrases: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        if rule.get("kind") == "drop_line":
            phrases += [p for p in rule.get("params", {}).get("phrases", []) if p.isascii()]
    return phrases


def _flagged_examples(path: Path) -> list[str]:
    rule = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [flag for example in rule["examples"] for flag in example.get("flags", [])]


def document(material: Material, seed: int, index: int) -> tuple[str, list[str]]:
    """Document `index` of the corpus `seed`, and the kinds of damage injected into it."""
    rng = random.Random(f"{seed}:{index}")
    body = rng.sample(material.paragraphs, rng.randint(4, 10))
    title = " ".join(body[0].split()[: rng.randint(5, 10)]).rstrip(",.;:")
    injected = [kind for kind, rate in RATES.items() if rng.random() < rate]
    if "mojibake" in injected:
        at = rng.randrange(len(body))
        damaged = body[at].replace("'", "\u2019")
        if "\u2019" not in damaged:
            damaged += " It\u2019s done."
        body[at] = damaged.encode("utf-8").decode("sloppy-windows-1252")
    if "html" in injected:
        at = rng.randrange(len(body))
        body[at] = "<p>" + body[at].replace(" and ", " &amp; ", 1) + "&nbsp;</p>"
    if "foreign" in injected:
        body.insert(rng.randrange(1, len(body)), rng.choice(material.foreign))
    if "widget" in injected:
        for _ in range(rng.randint(1, 3)):
            body.insert(rng.randrange(1, len(body) + 1), rng.choice(material.widgets))
    if "date" in injected:
        day = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        body[0] = f"date {day} {body[0]}"
    if "title" in injected:
        body.insert(0, title)
    return title + "\n\n" + "\n\n".join(body) + "\n", injected


def write(path: Path, docs: int, seed: int = 7) -> dict[str, int]:
    """Write `docs` records to a JSONL file (gzip when it ends in .gz); counts per damage."""
    material = Material()
    counts = dict.fromkeys(RATES, 0)
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        for index in range(docs):
            text, injected = document(material, seed, index)
            for kind in injected:
                counts[kind] += 1
            record = {"id": f"bench-{index:07d}", "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="a .jsonl or .jsonl.gz file")
    args = parser.parse_args(argv)
    counts = write(args.out, args.docs, args.seed)
    size = args.out.stat().st_size / 1e6
    print(f"{args.docs} documents, {size:.1f} MB -> {args.out}", file=sys.stderr)
    print("injected: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
