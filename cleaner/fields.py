"""Metadata that arrives with a document, repaired like its text.

A JSONL record's other fields and a text file's front matter carry the same damage
as the body: mojibake in a title, HTML entities in an author, a date written the
local way. A rule that names a field in its `applies_to` also runs on that field's
value (as a short text of its own, see Pipeline.clean), and every repair is a
`FieldChange` with its own change log, so revert gives the original value back.

Only top-level string values are repaired; numbers, lists, nested objects and the
record's "metadata" object (where recovered fields go) are left as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from cleaner.changelog import FieldChange
from cleaner.engine import Pipeline, Result
from cleaner.reading import Document

RECOVERED_KEY = "metadata"


def incoming_fields(document: Document) -> dict[str, str]:
    """The string fields a document arrived with: front matter, or the record's others."""
    fields: Mapping[str, Any]
    if document.line is None:
        fields = document.front.fields
    else:
        text_field = document.field or "text"
        fields = {k: v for k, v in (document.record or {}).items() if k != text_field}
    return {
        key: value
        for key, value in fields.items()
        if isinstance(key, str) and isinstance(value, str) and key != RECOVERED_KEY
    }


def repair_fields(pipeline: Pipeline, fields: Mapping[str, str]) -> tuple[FieldChange, ...]:
    """One FieldChange per field whose value the rules for that field changed."""
    repaired = []
    for name, value in fields.items():
        if not pipeline.field_rules(name):
            continue
        result = pipeline.clean(value, field=name)
        if result.changes:
            repaired.append(FieldChange(name, value, result.text, result.changes))
    return tuple(repaired)


def with_repaired_fields(result: Result, pipeline: Pipeline, document: Document) -> Result:
    """The document's result, with the repairs of the metadata it arrived with."""
    changes = repair_fields(pipeline, incoming_fields(document))
    return replace(result, field_changes=changes) if changes else result
