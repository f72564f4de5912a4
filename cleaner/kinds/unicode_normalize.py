"""unicode_normalize: bring text to one Unicode normalization form (NFC by default).

"café" can be stored as "e" + U+0301 or as one precomposed "é"; search, dedupe and
tokenizers treat the two as different words. Most text is already normalized, and
`unicodedata.is_normalized` answers that in one fast pass, so only text that fails
it is rewritten. Normalization never joins across an ASCII character, so each run
of non-ASCII text (with the ASCII letter before it, which a combining accent may
attach to) is normalized on its own and reported as its own small edit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Literal, cast

import regex

from cleaner.document import TextView
from cleaner.kinds.common import default_message
from cleaner.kinds.rewrite import trimmed
from cleaner.params import Params
from cleaner.rule import Edit, RuleSpec

Form = Literal["NFC", "NFD", "NFKC", "NFKD"]
FORMS: tuple[Form, ...] = ("NFC", "NFD", "NFKC", "NFKD")

_SEGMENT = regex.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
"""A run of non-ASCII characters and the ASCII character it may combine with."""


class UnicodeNormalize:
    """Detector for the unicode_normalize kind."""

    repairs = True  # the valve counts only blank replacements (cleaner.engine)

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.form = cast(Form, params.choice("form", FORMS, "NFC"))
        message = params.text("message", default_message(spec))
        self.reason = f"{message} ({self.form})"
        self.rule = spec.id

    def detect(self, view: TextView) -> Iterator[Edit]:
        """Nothing for normalized text; otherwise one edit per run that changes."""
        if unicodedata.is_normalized(self.form, view.text):
            return
        for match in _SEGMENT.finditer(view.text):
            segment = match.group()
            if unicodedata.is_normalized(self.form, segment):
                continue
            fixed = unicodedata.normalize(self.form, segment)
            start, end, replacement = trimmed(segment, fixed, match.start())
            yield Edit(start, end, replacement, self.rule, self.reason)
