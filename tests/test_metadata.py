import json

from cleaner import clean, load_pipeline
from cleaner.cli import main
from cleaner.frontmatter import merged, split

DATELINE = "Headline of the story\nNovember 18, 2024 08:04\n\nThe minister said on Monday that the talks would resume next week.\n"


def test_front_matter_is_split_off_and_never_cleaned():
    text = "---\ntitle: Share\n---\nShare\n\nThe minister said the talks would resume next week.\n"
    parts = split(text)
    assert parts.fields == {"title": "Share"}
    assert parts.body.startswith("Share\n")
    assert split("--- not front matter\nBody").raw == ""
    assert split("---\n- a list\n---\nBody").raw == ""


def test_merged_front_matter_keeps_existing_fields_and_bytes():
    parts = split("---\ntitle:   Kept as is\n---\nBody\n")
    assert merged(parts, {}) == parts.raw
    assert merged(parts, {"title": "Other"}) == parts.raw
    assert (
        merged(parts, {"date": "2024-11-17"}) == "---\ntitle: Kept as is\ndate: '2024-11-17'\n---\n"
    )


def test_dates_become_iso_metadata():
    result = clean(DATELINE)
    assert result.metadata["date"] == "2024-11-18T08:04"
    assert "November 18" not in result.text


def test_ambiguous_numeric_dates_are_recovered_with_a_warning():
    result = clean("04.05.2024\nThe ministry announced new rules for grain imports on Friday.\n")
    assert result.metadata["date"] == "2024-05-04"
    [finding] = [f for f in result.findings if f.rule == "metadata.datelines"]
    assert "ambiguous" in finding.message and str(finding.level) == "warning"


def test_fix_writes_front_matter_and_a_second_fix_passes(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(DATELINE)
    assert main(["fix", str(path)]) == 1
    text = path.read_text()
    assert text.startswith("---\ndate: 2024-11-18T08:04\n---\nHeadline of the story\n")
    assert main(["fix", str(path)]) == 0
    assert main(["check", str(path)]) == 0
    assert path.read_text() == text


def test_run_and_revert_with_front_matter(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    original = "---\ntitle: Kept\n---\n" + DATELINE
    (src / "a.txt").write_text(original)
    assert main(["run", str(src), "--out", str(tmp_path / "out")]) == 0
    record = json.loads((tmp_path / "out" / "metadata.jsonl").read_text())
    assert record["metadata"] == {"title": "Kept", "date": "2024-11-18T08:04"}
    assert (tmp_path / "out" / "a.txt").read_text().startswith("---\ntitle: Kept\n---\nHeadline")
    assert main(["revert", str(tmp_path / "out"), "--out", str(tmp_path / "back")]) == 0
    assert (tmp_path / "back" / "a.txt").read_text() == original


def test_jsonl_metadata_is_merged_into_records_and_reverted(tmp_path):
    src = tmp_path / "docs.jsonl"
    records = [
        {"id": 1, "text": DATELINE},
        {"id": 2, "text": DATELINE, "metadata": {"lang": "en"}},
        {"id": 3, "text": "Plain text that needs nothing at all done to it, really."},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out)]) == 0
    cleaned = [json.loads(line) for line in (out / "docs.jsonl").read_text().splitlines()]
    assert cleaned[0]["metadata"] == {"date": "2024-11-18T08:04"}
    assert cleaned[1]["metadata"] == {"lang": "en", "date": "2024-11-18T08:04"}
    assert "metadata" not in cleaned[2]
    assert main(["revert", str(out), "--out", str(tmp_path / "back")]) == 0
    back = [
        json.loads(line) for line in (tmp_path / "back" / "docs.jsonl").read_text().splitlines()
    ]
    assert back == records


def test_a_lone_permalink_call_goes_without_becoming_the_category():
    """post-meta captures a post's section; the call alone names none (it once became "category")."""
    text = (
        "The club met in the pavilion on Saturday and voted to repair the roof before May.\n\n"
        "Bookmark the permalink."
    )
    result = load_pipeline(select=["boilerplate.post-meta"]).clean(text)
    assert "permalink" not in result.text
    assert "category" not in result.metadata
