"""Searches over many lines at once find what the plain line-by-line search finds.

drop_line's one search over many lines, and the sorted index that dedupe's teaser
search and truncation's cut-copy search use instead of comparing every pair of lines.

cleaner.kinds.line_batch joins the lines a rule still has to judge and searches them
once (one timeout, one clock reading). These properties hold it to the plain way, a
match of the rule's pattern on each line of the document on its own: same matched
text, same groups, for every shipped drop_line rule, on lines
built from the rules' own phrases with the traps of joining (a phrase split over two
lines, CRLF endings, blank lines, a last line without a line break).
"""

from __future__ import annotations

from functools import cache
from unittest.mock import patch

from hypothesis import example, given
from hypothesis import strategies as st

from cleaner.document import Line, TextView
from cleaner.kinds.dedupe import _ELLIPSIS, _continues, _longer_line, fold
from cleaner.kinds.drop_line import DropLine
from cleaner.kinds.line_batch import line_matches
from cleaner.kinds.prefix_index import PrefixIndex
from cleaner.kinds.truncation import _cut, _first_continuation
from cleaner.patterns import Match, Pattern, compile_pattern, match_at
from cleaner.rule import Rule
from cleaner.ruleset import Selection, load_rules

PIECES = [
    "Share",
    "this",
    "Share this",
    "Share\u00a0this article",
    "Latest news",
    "Read more:",
    "Read also: Talks resume",
    "Foto: dpa",
    "Photo: Reuters",
    "(AP Photo/Jane Doe)",
    "Teilen",
    "Mehr zum Thema",
    "Home",
    "Menu",
    "• Share",
    "The talks lasted four hours on Monday.",
    "",
    " ",
]
LINES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12)
ENDINGS = st.sampled_from(["\n", "\r\n"])


@cache
def _drop_line_patterns() -> list[tuple[str, Pattern]]:
    rules: list[Rule] = load_rules([], Selection(select=("boilerplate", "metadata")))
    return [
        (rule.id, rule.detector.pattern) for rule in rules if isinstance(rule.detector, DropLine)
    ]


def _alone(pattern: Pattern, view: TextView, index: int) -> Match | None:
    """The plain way: the pattern on the line alone, without its line break."""
    start = view.line_starts[index]
    line = view.chunks[index].removesuffix("\n")
    return match_at(pattern, view.text, start, start + len(line))


def _shape(match: Match | None) -> object:
    """What drop_line reads of a match: its text and its groups (not its offsets)."""
    if match is None:
        return None
    return match.group(), match.groupdict()


@given(LINES, ENDINGS, st.booleans(), st.data())
@example(lines=["Share", "this"], ending="\n", closed=False, data=None)
def test_one_search_over_the_lines_matches_each_line_alone(lines, ending, closed, data):
    view = TextView(ending.join(lines) + (ending if closed else ""))
    indexes = list(range(len(view.chunks)))
    if data is not None:
        indexes = sorted(data.draw(st.sets(st.sampled_from(indexes), min_size=1)))
    for rule_id, pattern in _drop_line_patterns():
        joined = dict(line_matches(pattern, view, indexes))
        assert list(joined) == indexes
        for index in indexes:
            alone = _alone(pattern, view, index)
            assert _shape(joined[index]) == _shape(alone), (rule_id, view.chunks[index])


# Patterns as a user's rule may write them, where white space may meet a line break:
# in the joined lines a match can run on into the next line, and each line it touches
# must be judged alone again.
USER_PATTERNS = [
    r"^\s*(?P<body>share\s+this|this|latest\s+news)\s*\r?$",
    r"^(?P<body>(?:share|this)(?:\s+(?:share|this))*)\r?$",
]


@given(LINES, ENDINGS)
@example(lines=["Share", "this"], ending="\n")
@example(lines=["Share", "", "this", "this"], ending="\r\n")
def test_a_match_running_into_the_next_line_is_judged_line_by_line(lines, ending):
    view = TextView(ending.join(lines) + ending)
    indexes = list(range(len(view.chunks)))
    for source in USER_PATTERNS:
        pattern = compile_pattern(source, ignore_case=True)
        joined = dict(line_matches(pattern, view, indexes))
        for index in indexes:
            assert _shape(joined[index]) == _shape(_alone(pattern, view, index)), source


@given(LINES, ENDINGS, st.integers(1, 40))
def test_lines_searched_in_small_batches_match_each_line_alone(lines, ending, batch_chars):
    view = TextView(ending.join(lines))
    indexes = list(range(len(view.chunks)))
    with patch("cleaner.kinds.line_batch.BATCH_CHARS", batch_chars):
        for source in USER_PATTERNS:
            pattern = compile_pattern(source, ignore_case=True)
            joined = dict(line_matches(pattern, view, indexes))
            assert list(joined) == indexes
            for index in indexes:
                assert _shape(joined[index]) == _shape(_alone(pattern, view, index)), source


# A teaser and the line it opens, found through the sorted index, are the ones the
# plain comparison of every pair of lines finds (dedupe's `prefix` mode, truncation).
GROUP_LINES = st.lists(
    st.sampled_from(
        [
            "The ferry sails again",
            "The ferry sails again…",
            "The ferry sails again, the operator said",
            "The ferry sails again. Tickets are free",
            "The ferry sails again today",
            "The ferry sails agai",
            "The ferry sails again on Friday, the operator said",
            "the ferry sails again",
        ]
    ),
    min_size=1,
    max_size=12,
)


def _plain_longer_line(folded: str, group: list[tuple[Line, str]]) -> Line | None:
    stem = _ELLIPSIS.sub("", folded)
    for other, other_folded in group:
        if len(other_folded) <= len(folded) or not other_folded.startswith(stem):
            continue
        if stem != folded or _continues(stem, other, other_folded[len(stem)]):
            return other
    return None


@given(GROUP_LINES)
def test_the_indexed_teaser_search_finds_the_line_the_pairwise_search_finds(texts):
    view = TextView("\n".join(texts))
    group = [(line, fold(line.text)) for line in view.lines]
    index = PrefixIndex([folded for _, folded in group])
    for _, folded in group:
        assert _longer_line(folded, group, index) == _plain_longer_line(folded, group)


@given(GROUP_LINES)
def test_the_indexed_cut_search_finds_the_first_later_line_the_pairwise_search_finds(texts):
    index = PrefixIndex(texts)
    for position, flat in enumerate(texts):
        plain = next(
            (later for later in range(position + 1, len(texts)) if _cut(flat, texts[later])),
            None,
        )
        assert _first_continuation(flat, position, index) == plain
