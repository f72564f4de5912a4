"""mojibake: repair text that was decoded with the wrong codec, using ftfy.

"cafÃ©" is "café" whose UTF-8 bytes were read as Windows-1252; ftfy knows
how to undo that (and double encodings, Latin-1, Windows-1250/1251,
MacRoman, C1 controls). ftfy is slow on text that needs nothing, so a cheap
`markers` regex (a param: the character pairs mojibake leaves behind) picks the
lines worth handing to ftfy; every other line costs one regex scan. That scan is
compiled with the standard `re` module, which scans a pattern that starts with a
character class about ten times faster than `regex` does; a gate made of character
classes and one-character lookbehinds cannot backtrack, so it needs no timeout.

Only ftfy's encoding fixes run: quotes, HTML entities, line breaks, character
widths and normalization are other rules' business (or a deliberate choice), so
this rule never changes text that was merely typographic. Each repaired line is
reported as small edits, one per changed run of non-ASCII text, whose reason
names the codec steps ftfy applied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from cleaner.document import TextView
from cleaner.kinds.common import default_message
from cleaner.kinds.rewrite import changed_runs
from cleaner.params import Params
from cleaner.rule import Edit, RuleSpec

if TYPE_CHECKING:  # ftfy is imported on first use: a run without mojibake never pays for it
    import ftfy


@lru_cache(maxsize=1)
def encoding_only() -> ftfy.TextFixerConfig:
    """Only ftfy's encoding fixes: the others are separate rules or style choices."""
    import ftfy  # noqa: PLC0415 - see TYPE_CHECKING above

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


_SWITCHES = (
    "restore_byte_a0",
    "replace_lossy_sequences",
    "decode_inconsistent_utf8",
    "fix_c1_controls",
    "fix_surrogates",
)
"""ftfy's encoding sub-steps, each a boolean param (all on by default, as in ftfy)."""


def describe(steps: Sequence[tuple[str, str]] | None) -> str:
    """The steps ftfy took, as a short phrase: "encode sloppy-windows-1252, decode utf-8"."""
    return ", ".join(f"{action} {name}" for action, name in steps or [])


def _compile(params: Params, key: str) -> re.Pattern[str]:
    source = params.text(key)
    try:
        return re.compile(source)
    except re.error as exc:
        raise params.error(key, f"bad regular expression: {exc}") from None


class Mojibake:
    """Detector for the mojibake kind.

    Exclusive (see cleaner.rule.Detector): repairs are applied before any other rule
    judges the line, so a garbled sentence is never mistaken for a menu.
    """

    repairs = True  # the valve counts only blank replacements (cleaner.engine)
    exclusive = True

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.markers = _compile(params, "markers")
        self.switches: dict[str, Any] = {name: params.boolean(name, True) for name in _SWITCHES}
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    @cached_property
    def config(self) -> ftfy.TextFixerConfig:
        """The ftfy settings of this rule, built when the first suspicious line is seen."""
        return encoding_only()._replace(**self.switches)

    def suspicious_lines(self, view: TextView) -> Iterator[int]:
        """Indices of lines where the markers occur, each once, in order."""
        last = -1
        for match in self.markers.finditer(view.text):
            index = view.line_index(match.start())
            if index != last:
                last = index
                yield index

    def detect(self, view: TextView) -> Iterator[Edit]:
        """Run ftfy on each suspicious line; one edit per repaired run."""
        import ftfy  # noqa: PLC0415 - see TYPE_CHECKING above

        for index in self.suspicious_lines(view):
            line = view.lines[index]
            fixed, steps = ftfy.fix_and_explain(line.text, self.config)
            reason = f"{self.message} ({describe(steps)})"
            for start, end, replacement in changed_runs(line.text, fixed):
                yield Edit(line.start + start, line.start + end, replacement, self.rule, reason)
