"""Metadata that arrives with a document (JSONL fields, front matter) is repaired too."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import load_pipeline
from cleaner.changelog import replay, revert
from cleaner.cli import main
from cleaner.errors import RuleError
from cleaner.ruleset import load_spec
from tests.conftest import pipeline_of, write_rule

BODY = "The minister said on Monday that the talks would resume next week.\n"
DAMAGED = {
    "title": "Caf&eacute; owners &amp; the new tax",
    "author": "JosÃ© MartÃ­nez",
    "date": "18.11.2024",
    "url": "https://example.com/?a=1&amp;b=2",
    "views": 12,
}
REPAIRED = {
    "title": "Café owners & the new tax",
    "author": "José Martínez",
    "date": "2024-11-18",
    "url": "https://example.com/?a=1&amp;b=2",
    "views": 12,
}


def test_pipeline_repairs_a_field_value_with_the_rules_that_name_it():
    pipeline = load_pipeline()
    title = pipeline.clean("Q&amp;A with the mayor&#8217;s team", field="title")
    assert title.text == "Q&A with the mayor’s team"
    assert revert(title.text, title.changes) == "Q&amp;A with the mayor&#8217;s team"
    assert pipeline.clean("November 18, 2024 08:04", field="date").text == "2024-11-18T08:04"
    assert pipeline.clean("Q&amp;A", field="url").text == "Q&amp;A"  # no rule names url


def test_a_field_only_rule_never_touches_the_body(rule_dir):
    write_rule(
        rule_dir,
        "fields.shout",
        """
        kind: substitute
        level: error
        description: Lowercase a shouted word.
        applies_to: [title]
        params:
          patterns: ["SALE"]
          replacement: "sale"
        examples:
          - field: title
            input: "Big SALE"
            output: "Big sale"
          - pass: "Big SALE"
        """,
    )
    pipeline = pipeline_of(rule_dir)
    assert pipeline.clean("Big SALE").text == "Big SALE"
    assert pipeline.clean("Big SALE", field="title").text == "Big sale"
    assert pipeline.rules == []


def test_applies_to_must_be_a_list_of_names(rule_dir):
    path = write_rule(
        rule_dir,
        "fields.bad",
        """
        kind: strip
        level: error
        description: x
        applies_to: body
        params: {patterns: ["x"]}
        examples: [{input: "x", output: ""}, {pass: "y"}]
        """,
    )
    with pytest.raises(RuleError, match="applies_to must be a list"):
        load_spec(path)


def test_jsonl_fields_are_repaired_logged_and_reverted(tmp_path):
    src = tmp_path / "docs.jsonl"
    records = [{"id": 1, "text": BODY, **DAMAGED}, {"id": 2, "text": BODY, "title": "Fine"}]
    original = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    src.write_text(original, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out)]) == 0
    cleaned = [json.loads(line) for line in (out / "docs.jsonl").read_text().splitlines()]
    assert cleaned[0] == {"id": 1, "text": BODY, **REPAIRED}
    assert (out / "docs.jsonl").read_text().splitlines()[1] == original.splitlines()[1]
    logged = [json.loads(line) for line in (out / "changes.jsonl").read_text().splitlines()]
    assert {record["field"] for record in logged} == {"title", "author", "date"}
    assert all(record["doc"] == "docs.jsonl:1" for record in logged)
    assert main(["revert", str(out), "--out", str(tmp_path / "back")]) == 0
    assert (tmp_path / "back" / "docs.jsonl").read_text(encoding="utf-8") == original


def test_check_reports_field_repairs_and_fails(tmp_path, capsys):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"text": BODY, "title": "Tom &amp; Jerry"}) + "\n")
    assert main(["check", str(src)]) == 1
    out = capsys.readouterr().out
    assert f"{src}:1:1: encoding.html-entities" in out
    assert "(field 'title')" in out


def test_fix_repairs_front_matter_once(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Caf&eacute; owners\ndate: 20.11.2024 14:05\n---\n" + BODY)
    assert main(["check", str(path)]) == 1
    assert f"{path}:2:1: encoding.html-entities" in capsys.readouterr().out
    assert main(["fix", str(path)]) == 1
    fixed = path.read_text()
    assert fixed.startswith("---\ntitle: Café owners\ndate: 2024-11-20T14:05\n---\n")
    assert fixed.endswith(BODY)
    assert main(["fix", str(path)]) == 0
    assert path.read_text() == fixed


def test_run_keeps_front_matter_bytes_and_logs_the_repair(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    original = "---\ntitle: Caf&eacute; owners\n---\n" + BODY
    (src / "a.txt").write_text(original)
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out)]) == 0
    assert (out / "a.txt").read_text() == original
    record = json.loads((out / "metadata.jsonl").read_text())
    assert record["metadata"] == {"title": "Café owners"}
    assert main(["revert", str(out), "--out", str(tmp_path / "back")]) == 0
    assert (tmp_path / "back" / "a.txt").read_text() == original


DAMAGE = st.sampled_from(["&amp;", "&#8217;", "&eacute;", "\u00ad", "\u200b", "<b>", "</i>", " "])
FIELD_VALUES = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
        DAMAGE,
        st.sampled_from(["Café", "José Martínez", "Zelensky’s"]).map(
            lambda word: word.encode("utf-8").decode("cp1252", errors="replace")
        ),
        st.sampled_from(["18.11.2024", "November 18, 2024 08:04 ET", "2024-11-18"]),
    ),
    max_size=6,
).map("".join)


@given(name=st.sampled_from(["title", "author", "date", "description", "url"]), value=FIELD_VALUES)
def test_field_repairs_revert_exactly_and_settle(name, value):
    pipeline = PIPELINE
    result = pipeline.clean(value, field=name)
    assert replay(value, result.changes) == result.text
    assert revert(result.text, result.changes) == value
    assert not pipeline.clean(result.text, field=name).changes


PIPELINE = load_pipeline()
