"""Small helpers the kinds share: removing whole lines and reading common params."""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.document import TextView
from cleaner.params import Params
from cleaner.patterns import Match, Pattern, finditer, literal_alternation
from cleaner.rule import Edit, MetadataItems, MetadataValue, RuleSpec

SNIPPET_CHARS = 60

# Bullets, arrows, pipes and spaces around a widget's words: at most this many at each
# end of a line. Unbounded, a line of thousands of dashes made every pattern that
# looks ahead along the line retry at each dash (quadratic, seconds a line).
DECORATION_MAX = 32
# Punctuation, symbols (emoji included) and spaces; also the marks that complete an
# emoji: variation selectors ("➡️" is U+27A1 U+FE0F), the joiner of emoji sequences and
# the keycap mark.
DECORATION = rf"(?:[\p{{P}}\p{{S}}\uFE0E\uFE0F\u200D\u20E3]|[^\S\r\n]){{0,{DECORATION_MAX}}}"
SPACES = rf"[^\S\r\n]{{0,{DECORATION_MAX}}}"


def remove_lines(
    view: TextView, first: int, last: int, rule: str, reason: str, metadata: MetadataItems = ()
) -> Edit:
    """An edit deleting lines first..last, keeping paragraph separation intact."""
    start, end = view.removal_span(first, last)
    return Edit(start, end, "", rule, reason, metadata)


def phrase_alternatives(params: Params, phrase_key: str, *, ignore_case: bool) -> str:
    """One alternation of a rule's literal phrases and its `patterns`, each pattern checked.

    Phrases come first and are escaped; every pattern is compiled on its own first,
    so a bad one is reported under its own key rather than inside the alternation.
    """
    phrases = params.texts(phrase_key)
    patterns = params.texts("patterns")
    if not phrases and not patterns:
        raise params.error(phrase_key, "give at least one phrase or pattern")
    for index, source in enumerate(patterns):
        params.compile(f"patterns[{index}]", source, ignore_case=ignore_case)
    alternatives = [f"(?:{source})" for source in patterns]
    if phrases:
        alternatives.insert(0, f"(?:{literal_alternation(phrases, ignore_case=ignore_case)})")
    return "(?:" + "|".join(alternatives) + ")"


def whole_line_patterns(params: Params, key: str) -> Pattern | None:
    """The patterns listed under `key` as one case-blind pattern a whole line must match.

    Each is compiled on its own first, so a bad one is reported under its own index;
    None when the list is empty.
    """
    sources = params.texts(key)
    if not sources:
        return None
    for index, source in enumerate(sources):
        params.compile(f"{key}[{index}]", source, ignore_case=True)
    joined = "|".join(f"(?:{source})" for source in sources)
    return params.compile(key, rf"\s*(?:{joined})\s*", ignore_case=True)


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


@dataclass(frozen=True, slots=True)
class Capture:
    """What a rule keeps as metadata: a field for the match, named-group fields, items.

    `field` takes the named group `value` (else the fallback group); `fields` take
    the named groups of the same name; with `items`, the captured text is split into
    a list by that pattern (its group 1, else the whole match), e.g. hashtags.
    """

    field: str | None = None
    fields: tuple[str, ...] = ()
    items: Pattern | None = None

    @classmethod
    def read(cls, params: Params, patterns: list[Pattern]) -> Capture:
        """Read `capture`, `fields` and `items`, checking the named groups exist."""
        fields = params.texts("fields")
        for name in fields:
            if not any(name in pattern.groupindex for pattern in patterns):
                raise params.error("fields", f"no pattern has a named group {name!r}")
        return cls(params.text("capture", None), fields, params.pattern("items", default=None))

    def metadata(self, match: Match, fallback: str | int = 0) -> MetadataItems:
        """The metadata one match carries."""
        items: list[tuple[str, MetadataValue]] = []
        if self.field:
            has_value = "value" in match.re.groupindex and match.start("value") >= 0
            items.append(
                (self.field, self._value(str(match.group("value" if has_value else fallback))))
            )
        for name in self.fields:
            if name in match.re.groupindex and match.group(name):
                items.append((name, " ".join(str(match.group(name)).split())))
        return tuple((key, value) for key, value in items if value)

    def _value(self, text: str) -> MetadataValue:
        if self.items is None:
            return " ".join(text.split())
        found = (m.group(1) if m.re.groups else m.group(0) for m in finditer(self.items, text))
        return tuple(dict.fromkeys(" ".join(item.split()) for item in found if item.strip()))
