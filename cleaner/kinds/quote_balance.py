"""quote_balance: a paragraph whose quotation marks do not pair up.

Translation and extraction lose quotation marks: a quote that opens and never
closes, or closes without opening, hides where the speaker's words end, and a
reader (or a model trained on the text) takes the reporter's words for the
speaker's or the other way round. Each paragraph is scanned on its own (see
cleaner.kinds.quoting). Reported: a quote still open when the next one opens, a
quote still open at the end of its paragraph, a closing mark with nothing to
close. A quote left open at the end of a paragraph is not reported when the next
paragraph goes on with a quotation mark: reopening it (the English convention
for a quote over several paragraphs) or closing it (the same quote, run on).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import TextView
from cleaner.kinds.gate import Gated, LanguageGate
from cleaner.kinds.quoting import paragraphs, scan
from cleaner.params import Params
from cleaner.rule import Finding, Level, RuleSpec

SUPERSEDED = "quotation opened here is not closed before the next one opens"
OPEN_AT_END = "quotation opened here is not closed by the end of its paragraph"
STRAY = "closing quotation mark with no opening one in its paragraph"


class QuoteBalance(Gated):
    """Detector for the quote_balance kind."""

    produces_edits = False

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.gate = LanguageGate(params)
        self.level: Level = spec.level
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Finding]:
        """Findings for every mark that does not pair within its paragraph."""
        if not self.gate.applies(view):
            return
        text = view.text
        scans = [scan(text, start, end) for start, end in paragraphs(view)]
        for index, result in enumerate(scans):
            following = scans[index + 1] if index + 1 < len(scans) else None
            for start, end in result.superseded:
                yield self._finding(start, end, SUPERSEDED)
            if following is None or following.first_event not in ("reopen", "close"):
                for start, end in result.open_at_end:
                    yield self._finding(start, end, OPEN_AT_END)
            carried = index > 0 and bool(scans[index - 1].open_at_end)
            for number, position in enumerate(result.stray):
                if not (carried and number == 0 and result.first_event == "close"):
                    yield self._finding(position, position + 1, STRAY)

    def _finding(self, start: int, end: int, message: str) -> Finding:
        return Finding(start, end, self.rule, self.level, message)
