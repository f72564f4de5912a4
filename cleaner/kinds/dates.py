"""extract_date: take a date or dateline out of the text and keep it as ISO 8601 metadata.

The rule's patterns do the recognising, with named groups for the parts: `year`,
`month` (digits or a name), `day`, optionally `hour`, `minute`, `second`, `ampm`,
`tz`. For all-numeric dates whose order is unknown (04.05.2024) use `first` and
`second` instead of day and month: `dayfirst` decides, a date that could be read
both ways is recovered with a warning, and one that is a date in one order only
(01.21.2020) is read that way. Month names and time-zone abbreviations
are params, so new languages are data; `labels` maps a matched group `label`
("Updated", "Aktualisiert") to the metadata field it stands for. `where` limits the
lines a rule may take; `unknown_labels` (default: `where`) limits further the lines
whose label is not one of `labels`: a known label ("Published:") marks a page's
dateline wherever it sits, while "Termin: 29.02.2020" near the article's edge may be
an event listed in it. A match covering
a whole line removes the line; otherwise the match (or its group `strip`) is removed.
On a metadata field's value (a rule with the field in `applies_to`), a value that is
a whole date is rewritten in ISO 8601 in place instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cleaner.document import TextView
from cleaner.kinds.common import default_message, remove_lines
from cleaner.layout import WHERE_CHOICES, allowed, finditer_where
from cleaner.params import Params
from cleaner.patterns import Match, Pattern, fullmatch
from cleaner.rule import Edit, RuleSpec

MONTHS_IN_YEAR = 12
HALF_DAY = 12
TWO_DIGIT_YEAR = 100


class ExtractDate:
    """Detector for the extract_date kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", False)
        sources = params.texts("patterns")
        if not sources:
            raise params.error("patterns", "give at least one pattern")
        self.patterns: list[Pattern] = [
            params.compile(f"patterns[{i}]", source, ignore_case=ignore_case)
            for i, source in enumerate(sources)
        ]
        self.field: str = params.text("field", "date")
        self.labels = {k.casefold(): v for k, v in params.mapping("labels").items()}
        self.dayfirst = params.boolean("dayfirst", True)
        self.months = _month_table(params)
        self.timezones = params.mapping("timezones")
        for name in self.timezones.values():
            _zone(name, params)
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.unknown_labels = params.choice("unknown_labels", WHERE_CHOICES, self.where)
        self.inside_limit = params.integer("inside_limit", 0, minimum=0)
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per match that reads as a real calendar date.

        With `inside_limit`, dates inside the article body (in its margins, not at its
        edges) are taken only when there are at most that many: a page prints its own
        date once or twice, and a run of dates there is a table or a timeline.
        """
        if view.field is not None:
            yield from self._normalise_field(view)
            return
        outside: list[Edit] = []
        inside: list[Edit] = []
        for pattern in self.patterns:
            for match in finditer_where(pattern, view, self.where):
                parsed = self.parse(match)
                index = view.line_index(match.start())
                if parsed is None or not self._may_take(view, index, match):
                    continue
                iso, ambiguous = parsed
                note = f"ambiguous day and month in {match.group(0).strip()!r}" if ambiguous else ""
                edges = self.inside_limit == 0 or allowed(view, index, "edges")
                (outside if edges else inside).append(self._edit(view, match, index, iso, note))
        yield from outside
        if inside and self._dates_inside(view) <= self.inside_limit:
            yield from inside

    def _dates_inside(self, view: TextView) -> int:
        """How many lines inside the body (not at its edges) read as a date."""
        lines = {
            view.line_index(match.start())
            for pattern in self.patterns
            for match in finditer_where(pattern, view, "body")
            if self.parse(match) is not None
        }
        return len(lines)

    def _may_take(self, view: TextView, index: int, match: Match) -> bool:
        """Whether the line is in the rule's zone, and in the narrower one for an unknown label."""
        if not allowed(view, index, self.where):
            return False
        label = _label(match)
        return not label or label in self.labels or allowed(view, index, self.unknown_labels)

    def _normalise_field(self, view: TextView) -> Iterator[Edit]:
        """A field whose whole value is a date gets it in ISO 8601 instead (in place)."""
        value = view.text.strip()
        for pattern in self.patterns:
            match = fullmatch(pattern, view.text) if "\n" not in value else None
            parsed = self.parse(match) if match is not None else None
            if match is None or parsed is None:
                continue
            iso, ambiguous = parsed
            if iso != value:
                note = f"ambiguous day and month in {value!r}" if ambiguous else ""
                reason = f"{self.message} ({view.field} normalised to ISO 8601: {iso})"
                start = view.text.index(value)
                yield Edit(start, start + len(value), iso, self.rule, reason, (), note)
            return

    def _edit(self, view: TextView, match: Match, index: int, iso: str, note: str) -> Edit:
        field = self._field(match)
        metadata = ((field, iso),)
        reason = f"{self.message} ({field}: {iso})"
        line = view.lines[index]
        if "strip" not in match.re.groupindex and match.group(0).strip() == line.text.strip():
            edit = remove_lines(view, index, index, self.rule, reason, metadata)
            return Edit(edit.start, edit.end, "", self.rule, reason, metadata, note)
        span = match.span("strip") if "strip" in match.re.groupindex else match.span()
        return Edit(span[0], span[1], "", self.rule, reason, metadata, note)

    def _field(self, match: Match) -> str:
        """The field a label such as "Updated:" names, or the rule's default field."""
        return self.labels.get(_label(match), self.field)

    def parse(self, match: Match) -> tuple[str, bool] | None:
        """The ISO 8601 form of a match and whether day and month were ambiguous."""
        parts = match.groupdict()
        try:
            day, month, ambiguous = self._day_month(parts)
            moment = dt.datetime(_year(parts["year"]), month, day, *_clock(parts))
        except (KeyError, TypeError, ValueError):
            return None
        tz = parts.get("tz")
        if tz and tz.upper() in {k.upper() for k in self.timezones}:
            name = next(v for k, v in self.timezones.items() if k.upper() == tz.upper())
            moment = moment.replace(tzinfo=ZoneInfo(name))
        has_time = parts.get("hour") is not None
        iso = moment.isoformat(timespec="minutes") if has_time else moment.date().isoformat()
        return iso, ambiguous

    def _day_month(self, parts: dict[str, str | None]) -> tuple[int, int, bool]:
        first, second = parts.get("first"), parts.get("second")
        if first is not None and second is not None:
            a, b = int(first), int(second)
            ambiguous = a != b and a <= MONTHS_IN_YEAR and b <= MONTHS_IN_YEAR
            if b > MONTHS_IN_YEAR >= a:  # "01.21.2020": only month first is a date
                return b, a, False
            if a > MONTHS_IN_YEAR >= b:
                return a, b, False
            return (a, b, ambiguous) if self.dayfirst else (b, a, ambiguous)
        month = str(parts["month"])
        number = int(month) if month.isdigit() else self.months[month.casefold().rstrip(".")]
        return int(str(parts["day"])), number, False


def _label(match: Match) -> str:
    """The match's `label` group as `labels` keys are written: spaces folded, case folded."""
    label = match.group("label") if "label" in match.re.groupindex else None
    return " ".join(str(label).split()).casefold() if label else ""


def _month_table(params: Params) -> dict[str, int]:
    groups = params.groups("months")
    if groups and len(groups) != MONTHS_IN_YEAR:
        raise params.error("months", "give exactly 12 lists of names, January first")
    return {name.casefold().rstrip("."): n for n, names in enumerate(groups, 1) for name in names}


def _zone(name: str, params: Params) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise params.error("timezones", f"unknown time zone {name!r}") from None


def _year(text: str | None) -> int:
    year = int(str(text))
    return 2000 + year if year < TWO_DIGIT_YEAR else year


def _clock(parts: dict[str, str | None]) -> tuple[int, int, int]:
    hour = parts.get("hour")
    if hour is None:
        return 0, 0, 0
    value = int(hour)
    ampm = "".join((parts.get("ampm") or "").lower().replace(".", "").split())  # "p. m."
    if ampm == "pm" and value < HALF_DAY:
        value += HALF_DAY
    elif ampm == "am" and value == HALF_DAY:
        value = 0
    return value, int(parts.get("minute") or 0), int(parts.get("second") or 0)
