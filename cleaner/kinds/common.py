"""Small helpers the kinds share: removing whole lines and reading common params."""

from __future__ import annotations

from cleaner.document import TextView
from cleaner.rule import Edit, MetadataItems, RuleSpec

SNIPPET_CHARS = 60


def remove_lines(
    view: TextView, first: int, last: int, rule: str, reason: str, metadata: MetadataItems = ()
) -> Edit:
    """An edit deleting lines first..last, keeping paragraph separation intact."""
    start, end = view.removal_span(first, last)
    return Edit(start, end, "", rule, reason, metadata)


def default_message(spec: RuleSpec) -> str:
    """The message an edit or finding carries when the rule sets none: its summary."""
    return spec.summary.rstrip(".") or spec.id


def snippet(text: str) -> str:
    """A one-line excerpt for messages, shortened in the middle of long text."""
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET_CHARS:
        return flat
    half = SNIPPET_CHARS // 2 - 2
    return f"{flat[:half]} … {flat[-half:]}"
