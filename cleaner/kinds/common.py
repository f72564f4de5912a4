"""Small helpers the kinds share: removing whole lines and reading common params."""

from __future__ import annotations

from cleaner.document import TextView
from cleaner.params import Params
from cleaner.patterns import Match, Pattern
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


def read_fields(params: Params, patterns: list[Pattern]) -> tuple[str, ...]:
    """The `fields` param: named groups that become metadata fields of the same name."""
    fields = params.texts("fields")
    for name in fields:
        if not any(name in pattern.groupindex for pattern in patterns):
            raise params.error("fields", f"no pattern has a named group {name!r}")
    return fields


def match_metadata(
    match: Match, capture: str | None, fields: tuple[str, ...], fallback: str | int = 0
) -> MetadataItems:
    """Metadata a match carries: `capture` (group `value`, else `fallback`) and `fields`."""
    items: list[tuple[str, str]] = []
    if capture:
        has_value = "value" in match.re.groupindex and match.start("value") >= 0
        items.append((capture, str(match.group("value" if has_value else fallback))))
    for name in fields:
        if name in match.re.groupindex and match.group(name):
            items.append((name, str(match.group(name))))
    return tuple((key, " ".join(value.split())) for key, value in items if value.strip())
