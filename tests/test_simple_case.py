"""cleaner.simple_case: a pattern's simple-case twin finds what the pattern finds.

The twin runs instead of the full-case pattern on texts where no character folds to
several (TextView.folds_simply); it is only sound if, on such texts, it matches
exactly where the pattern does. Checked on hand-made sources (the rewriting of "ß"
and friends, sets, ranges, inline flags) and on every shipped rule pattern against
the rules' own example lines with their case and look-alike letters varied.
"""

from __future__ import annotations

from functools import cache

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import patterns
from cleaner.document import TextView
from cleaner.ruleset import Selection, load_rules, load_specs
from cleaner.simple_case import simple_source

FULL = regex.IGNORECASE | regex.FULLCASE | regex.UNICODE | regex.MULTILINE
SIMPLE = FULL & ~regex.FULLCASE


@pytest.mark.parametrize(
    ("source", "twin"),
    [
        ("share|print", "share|print"),
        ("straße", "stra(?:ß|ss)e"),
        (r"\xdf", r"(?:\xdf|ss)"),
        ("ﬁx", "(?:ﬁ|fi)x"),
        ("(?<=ß)x", "(?<=(?:ß|ss))x"),
        ("[ab]ß", "[ab](?:ß|ss)"),
        ("[-–—]+", "[-–—]+"),
        (r"\p{Lu}\w+ [a-z]", r"\p{Lu}\w+ [a-z]"),
        ("e-mail", "e-mail"),
        # in a set or a range, or where it cannot be told: full folding stays
        ("stra[sß]e", None),
        ("[]ß]", None),
        (r"[\]ß]", None),
        (r"[\u00c0-\u024f]+", None),
        ("[À-ÿ]", None),
        (r"[\U00010000-\U0001ffff]", None),
        (r"\N{NO SUCH CHARACTER}", None),
        ("(?f)abc", None),
        ("(?V1)abc", None),
        # the regex module's full folding matches "İ" to "i" and "İ" alone, as simple folding
        ("İstanbul", "İstanbul"),
    ],
)
def test_twin_sources(source: str, twin: str | None) -> None:
    assert simple_source(source) == twin


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("straße", "STRASSE"),
        ("straße", "Strasse"),
        ("Straße", "straſſe"),
        ("ﬁx", "FIX"),
        ("[a-z]+ kelvin", "ABC \u212aELVIN"),
    ],
)
def test_rewritten_twin_matches_where_full_folding_does(source: str, text: str) -> None:
    assert TextView(text).folds_simply
    twin = simple_source(source)
    assert twin is not None
    assert regex.fullmatch(source, text, FULL)
    assert regex.fullmatch(twin, text, SIMPLE)


def test_a_text_with_a_multiple_folding_is_not_simple() -> None:
    for text in ("Straße", "STRAẞE", "ﬁx", "İstanbul", "ŉ"):
        assert not TextView(text).folds_simply
    view = TextView("Share\nGrüße\nFIX\n")
    assert [view.line_folds_simply(i) for i in range(4)] == [True, False, True, True]


@cache
def _shipped_twins() -> tuple[tuple[regex.Pattern[str], regex.Pattern[str]], ...]:
    load_rules(selection=Selection())  # compiles every shipped pattern, and its twin
    return tuple((full, twin) for full, twin in patterns._TWINS.items() if twin is not None)


@cache
def _example_lines() -> tuple[str, ...]:
    lines: set[str] = set()
    for spec in load_specs():
        for example in spec.examples:
            for text in (example.input, example.output or ""):
                lines.update(line for line in text.splitlines() if line.strip())
    return tuple(sorted(lines))


# Letters that simple folding joins to others: long s, Kelvin sign, micro sign, ohm sign.
LOOK_ALIKES = {"s": "ſ", "k": "\u212a", "K": "\u212a", "μ": "µ", "Ω": "\u2126"}


@st.composite
def varied_lines(draw: st.DrawFn) -> str:
    """An example line of a shipped rule, its letters' case and look-alikes varied."""
    line = draw(st.sampled_from(_example_lines()))
    flips = draw(st.lists(st.sampled_from(["upper", "lower", "swapcase", "alike"]), max_size=3))
    for flip in flips:
        if flip == "alike":
            line = "".join(LOOK_ALIKES.get(c, c) for c in line)
        else:
            line = getattr(line, flip)()
    return line


@settings(max_examples=60, deadline=None)
@given(varied_lines())
def test_shipped_twins_find_what_the_patterns_find(line: str) -> None:
    if not TextView(line).folds_simply:
        return  # the full patterns run on such lines
    for full, twin in _shipped_twins():
        found = [(m.span(), m.groups()) for m in full.finditer(line, timeout=5)]
        assert found == [(m.span(), m.groups()) for m in twin.finditer(line, timeout=5)], (
            full.pattern[:80]
        )
