"""Reviewer reports: word-level spans, terminal diffs, HTML pages, index paging, formats."""

from __future__ import annotations

import io
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean, load_pipeline
from cleaner.batch import clean_sources
from cleaner.changelog import Change
from cleaner.cli import main
from cleaner.discovery import discover
from cleaner.report.diff import diff_lines, plain
from cleaner.report.html import Nav, document_page
from cleaner.report.index import Summary
from cleaner.report.markup import text_markup
from cleaner.report.site import page_path
from cleaner.report.terminal import MARK, colored, use_color
from cleaner.report.worddiff import DEL, INS, SAME, new_text, old_text, pieces
from cleaner.rule import Finding, Level
from tests.conftest import SEEDS

SEED_001 = SEEDS / "001_4a9b58a3b2d42a32.txt"
ARTICLE = "Prices rose sharply on Monday, officials said in a statement. Share\n\nMarkets closed.\n"
SUFFIX = ["--select", "boilerplate.share-suffix"]


def orphus_rule(changes: tuple[Change, ...]) -> str:
    """Which rule removes seed 001's "Orphus sistemi" widget title (rules evolve)."""
    return next(c.rule for c in changes if "Orphus sistemi" in c.before)


def change(text: str, start: int, end: int, after: str, rule: str = "t.rule") -> Change:
    return Change(rule, start, end, text[start:end], after, f"why {rule}", 1, start + 1)


def sequence(original: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[Change]]:
    """Apply (start, end, after) edits one after another, recording sequential changes."""
    text, changes = original, []
    for start, end, after in edits:
        changes.append(change(text, start, end, after, f"r.{len(changes)}"))
        text = text[:start] + after + text[end:]
    return text, changes


# Word-level spans from the change log


def test_pieces_of_a_multi_pass_seed_sit_on_the_original():
    original = SEED_001.read_text(encoding="utf-8")
    result = clean(original)
    view = pieces(original, result.changes)
    assert old_text(view) == original and new_text(view) == result.text
    orphus = [p for p in view if p.kind == DEL and "Orphus sistemi" in p.text]
    assert [result.changes[p.change].rule for p in orphus] == [orphus_rule(result.changes)]
    teaser = next(p for p in view if p.kind == DEL and p.text.startswith("US President"))
    later_pass = result.changes[teaser.change]
    assert later_pass.rule == "boilerplate.teaser-prefix"
    assert result.changes.index(later_pass) > 0 and later_pass.start != teaser.old
    assert original[teaser.old : teaser.old_end] == teaser.text  # located in the original
    line_start = original.rindex("\n", 0, teaser.old) + 1
    assert (original[: teaser.old].count("\n") + 1, teaser.old - line_start + 1) == (3, 79)


def test_a_replacement_is_shown_word_by_word_and_a_rewrite_whole():
    text = "The cat sat on the mat today."
    view = pieces(text, [change(text, 0, len(text), "The dog sat on the mat today.")])
    assert [(p.kind, p.text) for p in view if p.kind != SAME] == [(DEL, "cat"), (INS, "dog")]
    text = "Salt &amp; pepper"
    view = pieces(text, [change(text, 5, 10, "&")])
    assert [(p.kind, p.text) for p in view if p.kind != SAME] == [(DEL, "&amp;"), (INS, "&")]


def test_text_inserted_then_removed_leaves_no_trace():
    cleaned, changes = sequence("abc", [(1, 1, "XY"), (1, 3, ""), (0, 1, "")])
    view = pieces("abc", changes)
    assert old_text(view) == "abc" and new_text(view) == cleaned == "bc"
    assert [(p.kind, p.text) for p in view] == [(DEL, "a"), (SAME, "bc")]


@st.composite
def edit_runs(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    original = draw(st.text(alphabet="ab \n", max_size=12))
    length, edits = len(original), []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, length))
        end = draw(st.integers(start, length))
        after = draw(st.text(alphabet="abc \n", max_size=3))
        edits.append((start, end, after))
        length += len(after) - (end - start)
    return original, edits


@given(edit_runs())
def test_pieces_read_back_both_texts_and_their_offsets(run):
    original, edits = run
    cleaned, changes = sequence(original, edits)
    view = pieces(original, changes)
    assert old_text(view) == original and new_text(view) == cleaned
    for piece in view:
        if piece.kind != INS:
            assert original[piece.old : piece.old_end] == piece.text
        if piece.kind != DEL:
            assert cleaned[piece.new : piece.new_end] == piece.text


# Terminal diff


def test_diff_marks_the_changed_words_inside_a_paragraph_and_names_rule_and_reason():
    result = clean(ARTICLE)
    lines = list(diff_lines(ARTICLE, result.text, "a.txt", result.changes))
    header = next(line for line in lines if line.tag == "@@")
    assert ("boilerplate.share-suffix", result.changes[0].reason) in header.notes
    removed = next(line for line in lines if line.tag == "-")
    assert [removed.text[a:b] for a, b in removed.marks] == [" Share"]
    text = "".join(plain(iter(lines)))
    assert "@@ -1,2 +1,2 @@ boilerplate.share-suffix: A share" in text and "\x1b" not in text


def test_colour_marks_words_in_reverse_video_and_keeps_line_ends():
    original = "One line.\r\nTwo Share\r\n"
    cleaned, changes = sequence(original, [(14, 20, "")])
    out = "".join(colored(diff_lines(original, cleaned, "x", changes)))
    assert f"{MARK['-']} Share" in out and "+Two\x1b[0m\r\n" in out


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_is_on_only_for_a_terminal_without_no_color():
    assert use_color(_Stream(True), environ={}) is True
    assert use_color(_Stream(False), environ={}) is False
    assert use_color(_Stream(True), environ={"NO_COLOR": "1"}) is False
    assert use_color(_Stream(True), environ={"TERM": "dumb"}) is False
    assert use_color(_Stream(False), True) is True and use_color(_Stream(True), False) is False


def test_diff_command_colour_switches_and_exit_codes(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["diff", str(path), *SUFFIX, "--color"]) == 1
    assert "\x1b[" in capsys.readouterr().out
    assert main(["diff", str(path), *SUFFIX, "--no-color"]) == 1
    assert "\x1b[" not in capsys.readouterr().out
    assert main(["diff", str(path), *SUFFIX]) == 1  # captured output is not a terminal
    assert "\x1b[" not in capsys.readouterr().out
    path.write_text("Nothing to see.\n", encoding="utf-8")
    assert main(["diff", str(path), *SUFFIX]) == 0


# HTML document pages


def test_document_page_strikes_removed_spans_with_rule_and_reason():
    outcome = next(clean_sources(discover([SEED_001]), load_pipeline()))
    page = document_page(outcome, Nav(2, "../../"))
    assert outcome.result is not None
    rule = orphus_rule(outcome.result.changes)
    struck = re.search(r"<del ([^>]*)>[^<]*Orphus sistemi</del>", page)
    assert struck and f'data-label="{rule}"' in struck.group(1)
    assert f'title="{rule}: ' in struck.group(1)
    assert (
        '<dt>category</dt><dd>Other countries<span class="by">boilerplate.category-labels' in page
    )
    assert outcome.result is not None and f"Edits ({len(outcome.result.changes)})" in page
    assert 'href="../../index.html"' in page and 'src="../../assets/page.js"' in page
    assert "http" not in page.replace("http-equiv", "")  # nothing remote


def test_markup_marks_findings_on_the_cleaned_text_even_inside_insertions():
    original = "Teh cat sat."
    cleaned, changes = sequence(original, [(0, 3, "The")])
    view = pieces(original, changes)
    findings = [
        Finding(0, 7, "x.flag", Level.WARNING, "look <here>"),
        Finding(12, 12, "x.note", Level.INFO, "at the end"),
    ]
    html = text_markup(view, changes, findings)
    assert html.startswith(
        '<del id="c0" data-label="r.0" data-c="0" title="r.0: why r.0">Teh</del>'
    )
    assert (
        '<ins data-c="0" title="r.0: why r.0"><span id="f0"></span><mark class="f warning"' in html
    )
    assert "look &lt;here&gt;" in html and html.endswith(
        'title="x.note [info]: at the end"></mark>'
    )
    assert cleaned == "The cat sat."


def test_whitespace_only_edits_are_drawn_with_glyphs():
    original = "One.  \n\n\n\nTwo."
    cleaned, changes = sequence(original, [(4, 6, ""), (5, 7, "")])
    html = text_markup(pieces(original, changes), changes, [])
    assert 'data-ws="··"' in html and 'data-ws="↵↵"' in html and cleaned == "One.\n\nTwo."


def test_page_names_are_bucketed_and_safe():
    assert page_path(1, "a b/c.txt") == "docs/000/000001-a_b_c.txt.html"
    assert page_path(1000, "x.jsonl:3").startswith("docs/000/001000-x.jsonl_3")
    assert page_path(1001, "...").startswith("docs/001/001001-document")


def test_index_data_lists_rows_with_rule_indices():
    pipeline = load_pipeline()
    summary = Summary([rule.spec for rule in pipeline.rules])
    edits: dict[str, int] = {}
    rule = ""
    for number, outcome in enumerate(clean_sources(discover([SEEDS]), pipeline), start=1):
        summary.add(outcome, page_path(number, outcome.document.doc_id))
        assert outcome.result is not None
        for c in outcome.result.changes:
            edits[c.rule] = edits.get(c.rule, 0) + 1
        if outcome.document.doc_id == SEED_001.name:
            rule = orphus_rule(outcome.result.changes)
    script = summary.data_script()
    data = json.loads(script.removeprefix("window.CLEANER_REPORT = ").rstrip().rstrip(";"))
    assert [row[0] for row in data["rows"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    second = data["rows"][1]
    assert rule in [data["rules"][i] for i in second[6]]
    assert second[7].startswith("title: Biden authorizes")
    assert "category: Other countries" in second[7]
    assert {r: t.edits for r, t in summary.totals.items() if t.edits} == edits
    page = summary.page()
    assert all(rule.id in page for rule in pipeline.rules)
