"""`requires`: the words one of which every match of a rule holds.

The engine skips a rule on texts without any of them, and a drop_line rule also
skips every line without one of them before its pattern runs. That is only sound if
the words really are in every line the pattern matches, so the default rules' lists
are checked against every example line of every rule and every line of the furniture
probes (benchmarks/probes), and the folded lines must line up with the lines they
stand for.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks import probe_data
from cleaner.document import TextView
from cleaner.errors import RuleError
from cleaner.folding import fold
from cleaner.kinds.drop_line import DropLine
from cleaner.kinds.line_batch import line_matches
from cleaner.kinds.line_sieve import letter_words
from cleaner.patterns import match_at
from cleaner.rule import Rule, holds_one_of
from cleaner.ruleset import Selection, load_rules, load_specs
from tests.conftest import pipeline_of, write_rule

CASE_TEXT = st.text(alphabet="aAsSßẞſKkKıIİiσςΣΐǅǄµﬀǰéÉe\u0301\u0323ł…² \r\n|»", max_size=30)


@given(CASE_TEXT)
def test_folded_lines_line_up_with_the_lines(text):
    view = TextView(text)
    assert len(view.folded_lines) == len(view.lines)
    for line, chunk, folded in zip(view.lines, view.chunks, view.folded_lines, strict=True):
        assert folded == fold(chunk.rstrip("\n"))
        assert folded.startswith(fold(line.text))


@cache
def _example_lines() -> tuple[str, ...]:
    """Every line of every rule's examples: inputs, outputs and lines that must pass."""
    lines: set[str] = set()
    for spec in load_specs():
        for example in spec.examples:
            for text in (example.input, example.output):
                lines.update((text or "").split("\n"))
    return tuple(sorted(line for line in lines if line.strip()))


def _drop_line_rules_with_requires() -> list[Rule]:
    rules = load_rules(selection=Selection())
    return [r for r in rules if isinstance(r.detector, DropLine) and r.spec.requires]


def test_default_rules_that_require_words_use_them():
    assert {rule.id for rule in _drop_line_rules_with_requires()} >= {
        "boilerplate.breadcrumbs",
        "boilerplate.caption-credits",
    }


def test_every_line_a_default_rule_matches_holds_a_word_it_requires():
    for rule in _drop_line_rules_with_requires():
        detector = rule.detector
        assert isinstance(detector, DropLine)
        for line in _example_lines():
            if match_at(detector.pattern, line, 0, len(line)) is None:
                continue
            assert holds_one_of(fold(line), rule.spec.requires), (rule.id, line)


SOURCE_RULE = """\
kind: strip
level: error
description: Agency tag at the end of a sentence.
requires: [informs]
params:
  patterns: ['[^\\S\\n]+\\p{Lu}\\w+[^\\S\\n]+(?i:informs|tells)[^\\S\\n]+via[^\\S\\n]+\\w+(?=\\.?$)']
examples:
  - input: "Prices rose sharply in the second quarter, Report informs via TASS."
    output: "Prices rose sharply in the second quarter,."
  - pass: "Prices rose sharply in the second quarter, Report tells via TASS."
"""


def test_a_rule_runs_only_on_texts_holding_a_word_it_requires(rule_dir):
    write_rule(rule_dir, "meta.via", SOURCE_RULE)
    pipeline = pipeline_of(rule_dir)
    lede = "Prices rose sharply in the second quarter of the year, officials said"
    assert pipeline.clean(f"{lede}, Report INFORMS via TASS.").text == f"{lede},."
    assert pipeline.clean(f"{lede}, Report informs via TASS.").text == f"{lede},."
    # The pattern matches "tells" too, but the rule requires "informs": skipped.
    assert pipeline.clean(f"{lede}, Report tells via TASS.").changes == ()


def _load_error(rule_dir, source: str) -> str:
    """The RuleError message of loading a rule file with this source."""
    write_rule(rule_dir, "meta.via", source)
    with pytest.raises(RuleError) as caught:
        pipeline_of(rule_dir)
    return str(caught.value)


def test_requires_must_be_a_list_of_words(rule_dir):
    message = _load_error(rule_dir, SOURCE_RULE.replace("[informs]", "informs"))
    assert "requires must be a list" in message
    assert "via.yaml" in message


WIDGET_RULE = """\
kind: drop_line
level: error
description: Share buttons.
requires: [share]
params: {sequence: true, phrases: [Share, Tweet]}
examples: [{pass: "Share prices fell 3%."}, {input: "Prices fell.\\nShare | Tweet", output: "Prices fell."}]
"""


def test_a_drop_line_rule_skips_lines_without_a_word_it_requires(rule_dir):
    write_rule(rule_dir, "widgets.share", WIDGET_RULE)
    pipeline = pipeline_of(rule_dir)
    lede = "The ferry sailed again on Friday after three days of gales, the operator said."
    assert pipeline.clean(f"{lede}\nSHARE | Tweet").text == lede
    # "Tweet" alone matches the phrases, but the line lacks the required "share".
    assert pipeline.clean(f"{lede}\nShare | Tweet\nTweet").text == f"{lede}\nTweet"


def _pattern_rules_with_requires() -> list[Rule]:
    rules = load_rules(selection=Selection())
    return [r for r in rules if hasattr(r.detector, "patterns") and r.spec.requires]


@cache
def _example_texts() -> tuple[str, ...]:
    """Every whole example text of every rule: inputs, outputs and texts that must pass."""
    texts = {
        text
        for spec in load_specs()
        for example in spec.examples
        for text in (example.input, example.output)
        if text
    }
    return tuple(sorted(texts))


def test_default_pattern_rules_that_require_strings_use_them():
    assert {rule.id for rule in _pattern_rules_with_requires()} >= {
        "metadata.source-via",
        "encoding.zero-width",
        "whitespace.line-endings",
        "encoding.html-inline-tags",
    }


def test_every_match_of_a_default_pattern_rule_holds_a_string_it_requires():
    for rule in _pattern_rules_with_requires():
        for text in _example_texts():
            for pattern in rule.detector.patterns:  # type: ignore[attr-defined]
                for match in pattern.finditer(text):
                    assert holds_one_of(fold(match.group()), rule.spec.requires), (
                        rule.id,
                        match.group(),
                    )


def test_every_marker_phrase_of_a_default_rule_holds_a_word_it_requires():
    """A marker without one of the words is never looked for: the engine skips the text.

    ("Rechercher un hôtel" was listed under `requires: [hotel]`, which "hôtel" did
    not hold when folding kept accents; see also test_accents_do_not_hide_a_line.)
    """
    specs = [spec for spec in load_specs() if spec.kind == "after_marker" and spec.requires]
    assert specs
    for spec in specs:
        for marker in spec.params.get("markers", []):
            assert holds_one_of(fold(marker), spec.requires), (spec.id, marker)


def test_no_match_of_a_rule_searched_within_lines_crosses_a_line_break():
    rules = [r for r in load_rules(selection=Selection()) if getattr(r.detector, "within_lines", 0)]
    assert rules
    for rule in rules:
        for text in _example_texts():
            for pattern in rule.detector.patterns:  # type: ignore[attr-defined]
                for match in pattern.finditer(text):
                    assert "\n" not in match.group(), (rule.id, match.group())


def test_a_rule_searched_within_lines_skips_lines_without_a_word_it_requires(rule_dir):
    within = SOURCE_RULE.replace("params:\n", "params:\n  within_lines: true\n")
    write_rule(rule_dir, "meta.via", within)
    pipeline = pipeline_of(rule_dir)
    lede = "Prices rose sharply in the second quarter of the year, officials said"
    tagged = f"{lede}, Report informs via TASS."
    # The second line matches the pattern ("tells") but lacks the required word:
    # searched whole, the text would lose both tags; searched by line, only the first.
    told = f"{lede}, Report tells via TASS."
    assert pipeline.clean(f"{tagged}\n{told}").text == f"{lede},.\n{told}"
    write_rule(rule_dir, "meta.via", SOURCE_RULE)
    assert pipeline_of(rule_dir).clean(f"{tagged}\n{told}").text == f"{lede},.\n{lede},."


def test_within_lines_without_requires_is_an_error(rule_dir):
    without = SOURCE_RULE.replace("requires: [informs]\n", "").replace(
        "params:\n", "params:\n  within_lines: true\n"
    )
    message = _load_error(rule_dir, without)
    assert "within_lines" in message
    assert "requires" in message


@cache
def _probe_lines() -> tuple[str, ...]:
    """Every line of the furniture probes: their furniture and legitimate rows, and articles."""
    lines: set[str] = set()
    for folder in probe_data.shipped_sets():
        for name, kind in (
            (probe_data.FURNITURE_FILE, "furniture"),
            (probe_data.LEGIT_FILE, "legit"),
        ):
            for row in probe_data.read_lines(folder / name, kind):
                lines.update(row.lines)
        for articles in probe_data.read_articles(folder / probe_data.ARTICLES_FILE).values():
            lines.update(
                line for article in articles for line in (article.headline, *article.paragraphs)
            )
    return tuple(sorted(line for line in lines if line.strip()))


def test_every_probe_line_a_default_rule_matches_holds_a_word_it_requires():
    """The examples are a rule's own lines; the probes' 19,000-odd lines are everyone's.

    A scan like this one found 'Demander une démo', 'Réagir à cet article' and the
    lottery's 'Next draw: Saturday' matched by their rule's pattern but never tried.
    Lines with more words than the rule takes, or without one of its pattern's anchors,
    never reach the pattern: not checked. The lines are searched together, as the
    engine does (cleaner.kinds.line_batch).
    """
    lines = _probe_lines()
    assert len(lines) > 10_000
    view = TextView("\n".join(lines))
    words = [letter_words(line) for line in lines]
    for rule in _drop_line_rules_with_requires():
        detector = rule.detector
        assert isinstance(detector, DropLine)
        limit = detector.max_words or len(view.text)
        short = [index for index, count in enumerate(words) if count <= limit]
        # The anchors are sound by construction (cleaner.anchors): no match without one.
        if (anchors := detector.anchor_words) is not None:
            folded = view.folded_lines
            short = [i for i in short if any(anchor in folded[i] for anchor in anchors)]
        for index, match in line_matches(detector.pattern, view, short):
            if match is not None and match.end() > match.start():
                assert holds_one_of(fold(lines[index]), rule.spec.requires), (rule.id, lines[index])
