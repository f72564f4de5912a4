"""The change log: what each edit did, exact enough to replay and to revert.

Convention: a document's changes are listed in the order they were applied, and
`start`/`end` of each change are code-point offsets into the text *as it stood just
before that change* (after all earlier changes of the same document). `end - start`
is the length of `before`. Replaying therefore means: for each change in order,
check text[start:end] == before and splice in `after`. Reverting walks the list
backwards and splices `before` back over `after`. Within one engine pass the edits
are applied left to right, so for a single-pass document `start` is also where the
change sits in the cleaned text.

`line` and `col` (1-based) locate the change in the *original* document, for
`path:line:col` messages and for reviewers.

A change to a metadata field's value (see cleaner.fields) carries a `field` key in
changes.jsonl; its offsets are into that value, by the same convention.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from cleaner.errors import CleanerError
from cleaner.rule import MetadataItems


@dataclass(frozen=True, slots=True)
class Change:
    """One applied edit: which rule, where, and the text before and after."""

    rule: str
    start: int
    end: int
    before: str
    after: str
    reason: str
    line: int
    col: int
    metadata: MetadataItems = ()

    @property
    def action(self) -> str:
        """delete, insert or replace: what a reviewer would call this change."""
        if not self.after:
            return "delete"
        if not self.before:
            return "insert"
        return "replace"

    def to_record(self, doc: str) -> dict[str, Any]:
        """The JSON object written to changes.jsonl."""
        record: dict[str, Any] = {"doc": doc, "rule": self.rule, "action": self.action}
        # The plain fields by name: dataclasses.asdict deep-copies, and this runs for
        # every change of every document in the process that writes the logs.
        for name in _RECORD_FIELDS:
            record[name] = getattr(self, name)
        if self.metadata:
            record["metadata"] = {
                key: list(value) if isinstance(value, tuple) else value
                for key, value in self.metadata
            }
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Change:
        """Read a changes.jsonl object back; unknown fields are ignored."""
        try:
            metadata = tuple(
                (str(k), tuple(map(str, v)) if isinstance(v, list) else str(v))
                for k, v in (record.get("metadata") or {}).items()
            )
            return cls(
                rule=str(record["rule"]),
                start=int(record["start"]),
                end=int(record["end"]),
                before=str(record["before"]),
                after=str(record["after"]),
                reason=str(record.get("reason", "")),
                line=int(record.get("line", 0)),
                col=int(record.get("col", 0)),
                metadata=metadata,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CleanerError(f"malformed change record: {exc}") from None


_RECORD_FIELDS = tuple(f.name for f in fields(Change) if f.name not in ("rule", "metadata"))


@dataclass(frozen=True, slots=True)
class FieldChange:
    """The repair of one metadata field's value (a title, a date): its own change log.

    Offsets of `changes` are into the field's value, by the same convention as a
    document's; `before` and `after` are the whole value before and after.
    """

    field: str
    before: str
    after: str
    changes: tuple[Change, ...]

    def to_records(self, doc: str) -> list[dict[str, Any]]:
        """changes.jsonl objects: the document's change records, plus the field name."""
        return [{**change.to_record(doc), "field": self.field} for change in self.changes]


def replay(original: str, changes: Iterable[Change]) -> str:
    """Apply a change log to the original text; raises if the log does not fit it."""
    text = original
    for change in changes:
        if text[change.start : change.end] != change.before:
            raise CleanerError(f"change by {change.rule} at {change.start} does not fit the text")
        text = text[: change.start] + change.after + text[change.end :]
    return text


def revert(cleaned: str, changes: Sequence[Change]) -> str:
    """Undo a change log over the cleaned text, giving back the original exactly."""
    text = cleaned
    for change in reversed(changes):
        stop = change.start + len(change.after)
        if text[change.start : stop] != change.after:
            raise CleanerError(f"change by {change.rule} at {change.start} does not fit the text")
        text = text[: change.start] + change.before + text[stop:]
    return text


def to_original(offset: int, changes: Sequence[Change]) -> int:
    """Map an offset in the text after `changes` back to the original text.

    An offset inside inserted text maps to where the insertion happened.
    """
    for change in reversed(changes):
        after_end = change.start + len(change.after)
        if offset >= after_end:
            offset += len(change.before) - len(change.after)
        elif offset > change.start:
            offset = change.start
    return offset


def to_final(offset: int, later: Sequence[Change]) -> int:
    """Map an offset forward through later changes; inside a replaced span, its start."""
    for change in later:
        if offset >= change.end:
            offset += len(change.after) - len(change.before)
        elif offset > change.start:
            offset = change.start
    return offset


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line; non-ASCII kept readable, which is also what reviewers want."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=plain)


def plain(value: Any) -> Any:
    """JSON for the YAML types front matter can hold: `date: 2024-01-02` is a date."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)  # bytes (!!binary) and anything else: readable, never a crash


def collect_metadata(changes: Sequence[Change]) -> dict[str, Any]:
    """Fields taken out of the body, in order; a field found twice becomes a list.

    List fields (tuple values, such as hashtags as keywords) are always lists.
    """
    metadata: dict[str, Any] = {}
    for change in changes:
        for key, value in change.metadata:
            if isinstance(value, tuple):
                listed = metadata.setdefault(key, [])
                listed.extend(item for item in value if item not in listed)
            elif key not in metadata:
                metadata[key] = value
            elif isinstance(metadata[key], list):
                if value not in metadata[key]:
                    metadata[key].append(value)
            elif metadata[key] != value:
                metadata[key] = [metadata[key], value]
    return metadata
