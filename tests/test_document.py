import pytest

from cleaner.document import TextView


def removed(text: str, first: int, last: int) -> str:
    start, end = TextView(text).removal_span(first, last)
    return text[:start] + text[end:]


@pytest.mark.parametrize(
    ("text", "first", "last", "expected"),
    [
        ("A\n\nX\n", 2, 2, "A\n"),
        ("A\n\nX", 2, 2, "A"),
        ("A\nX\n\n", 1, 1, "A\n"),
        ("A\r\n\r\nX\r\n", 2, 2, "A\r\n"),
        ("A\n\nX\n\nB", 2, 2, "A\n\nB"),
        ("A\nX\n\nB", 1, 1, "A\n\nB"),
        ("X\n\nA", 0, 0, "A"),
        ("A\nX\nC", 1, 1, "A\nC"),
        ("A\n\nX\nY\n\nB", 2, 3, "A\n\nB"),
        ("A\n\nX\nB", 2, 2, "A\n\nB"),
        ("X", 0, 0, ""),
    ],
)
def test_removal_keeps_paragraphs_separated(text, first, last, expected):
    assert removed(text, first, last) == expected


def test_lines_exclude_terminators_and_carriage_returns():
    view = TextView("one\r\ntwo\n\nthree")
    assert [line.text for line in view.lines] == ["one", "two", "", "three"]
    assert view.position(view.text.index("three")) == (4, 1)
    assert view.position(view.text.index("wo")) == (2, 2)


def test_body_is_first_to_last_prose_line():
    text = "Menu\nThis is a real sentence of the article body here.\nA subheading\nAnother real sentence of the article body is here.\nFooter"
    assert TextView(text).body == (1, 3)
    assert TextView("Menu\nHome").body is None


@pytest.mark.parametrize(
    "line",
    [
        "„Wir werden das schaffen, auch wenn es lange dauert und viel kostet.“",
        "»Wir werden das schaffen, auch wenn es lange dauert und viel kostet.«",
        "« Nous y arriverons, même si cela prend du temps et coûte cher. »",
        "“We will get there, even if it takes a long time and costs a lot.”",
        "‚Wir schaffen das, auch wenn es lange dauert und viel Geld kostet.‘",
    ],
)
def test_a_quoted_sentence_is_prose_whatever_its_closing_quote(line):
    """German „…“ and »…« close with the marks English opens with; all end a sentence."""
    from cleaner.layout import is_prose

    assert is_prose(line)
