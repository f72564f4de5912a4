"""YAML front matter: where `fix` keeps the metadata it takes out of a text file.

A file that starts with a `---` line, a YAML mapping and a closing `---` line has
front matter. It is read as metadata: the engine sees only the body after it, and
only the rules that name a field in `applies_to` touch that field's value (see
cleaner.fields), so a second `fix` finds nothing to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex
import yaml

_FRONT_MATTER = regex.compile(
    r"\A---[^\S\r\n]*\r?\n(?P<yaml>.*?\r?\n)?(?:---|\.\.\.)[^\S\r\n]*(?:\r?\n|\Z)", regex.DOTALL
)
MAX_FRONT_MATTER_CHARS = 64_000


@dataclass(frozen=True, slots=True)
class Split:
    """A text cut into its raw front matter (maybe empty), its fields, and the body."""

    raw: str
    fields: dict[str, Any]
    body: str


def split(text: str) -> Split:
    """Separate front matter from the body; text without valid front matter is all body."""
    match = _FRONT_MATTER.match(text[:MAX_FRONT_MATTER_CHARS])
    if match is None:
        return Split("", {}, text)
    try:
        fields = yaml.safe_load(match.group("yaml") or "") or {}
    except yaml.YAMLError:
        return Split("", {}, text)
    if not isinstance(fields, dict):
        return Split("", {}, text)
    return Split(match.group(0), fields, text[match.end() :])


def merged(
    existing: Split, recovered: dict[str, Any], repaired: dict[str, str] | None = None
) -> str:
    """Front matter holding the existing fields (repaired) plus recovered ones not there.

    Existing front matter is returned byte for byte when nothing is added or
    repaired, so files that already carry clean metadata are never rewritten.
    """
    new = {key: value for key, value in recovered.items() if key not in existing.fields}
    fixes = {k: v for k, v in (repaired or {}).items() if k in existing.fields}
    if not new and not fixes:
        return existing.raw
    fields = {**existing.fields, **fixes, **new}
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000)
    newline = "\r\n" if existing.raw.endswith("\r\n") or "\r\n" in existing.body[:2000] else "\n"
    return "---" + newline + dumped.replace("\n", newline) + "---" + newline
