import json

import pytest

from cleaner.discovery import discover
from cleaner.encodings import decode
from cleaner.errors import InputError
from cleaner.reading import documents


def test_decode_rejects_binary_empty_and_invalid_utf8_with_a_location():
    with pytest.raises(InputError, match="binary"):
        decode(b"abc\x00def", "f.txt")
    with pytest.raises(InputError, match="empty file"):
        decode(b"", "f.txt")
    with pytest.raises(InputError) as caught:
        decode("line one\nlíne \xff two".encode() + b"\xff", "f.txt")
    assert str(caught.value).startswith("f.txt:2: not valid UTF-8")


def test_bom_and_crlf_survive_decoding():
    assert decode("\ufeffa\r\nb".encode(), "f").text == "\ufeffa\r\nb"


def test_utf16_with_bom_and_guessed_legacy_encodings():
    for encoding in ["utf-16-le", "utf-16-be"]:
        data = "\ufeffKyiv, Zürich".encode(encoding)
        decoded = decode(data, "f")
        assert decoded.text == "\ufeffKyiv, Zürich"
        assert decoded.text.encode(decoded.encoding) == data
    latin = decode("Café au lait in Zürich.".encode("cp1252"), "f")
    assert (latin.text, latin.encoding, latin.guessed) == (
        "Café au lait in Zürich.",
        "cp1252",
        True,
    )
    cyrillic = "Президент подписал указ о бюджете на следующий год в понедельник."
    assert decode(cyrillic.encode("cp1251"), "f").text == cyrillic


def test_discover_walks_directories_with_a_glob_and_skips_hidden(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y")
    (tmp_path / "sub" / "c.md").write_text("z")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("w")
    assert [s.rel for s in discover([tmp_path])] == ["a.txt", "sub/b.txt"]
    assert [s.rel for s in discover([tmp_path], "*.md")] == ["sub/c.md"]
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "missing"])


def test_jsonl_records_carry_their_line_and_bad_lines_pass_through(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": 1, "text": "Hello"}), "not json", "", json.dumps({"body": "x"})]
    path.write_text("\n".join(lines) + "\n")
    [source] = discover([path])
    docs = list(documents(source))
    assert [d.doc_id for d in docs] == ["c.jsonl:1", "c.jsonl:2", "c.jsonl:3", "c.jsonl:4"]
    assert docs[0].text == "Hello" and docs[0].error is None
    assert "not JSON" in str(docs[1].error) and docs[1].raw == "not json\n"
    assert docs[2].error is None and docs[2].text is None
    assert "no string field 'text'" in str(docs[3].error)
