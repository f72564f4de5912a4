"""The encoding and whitespace packs, and the kinds behind them.

Kinds are tested on their own (edits, gates, params); the packs through the
engine, on seed-like text with injected mojibake, HTML residue, invisible
characters and line-ending damage, and on clean text that must come out untouched.
"""

from __future__ import annotations

import ftfy
import pytest

from cleaner import clean, load_pipeline, replay, revert
from cleaner.document import TextView
from cleaner.engine import Pipeline, Result
from cleaner.errors import RuleError
from cleaner.kinds.rewrite import changed_runs, trimmed
from cleaner.ruleset import Selection, build, load_rules
from tests.conftest import SEEDS, pipeline_of, write_rule

PACKS = load_pipeline(select=["encoding", "whitespace"])
MOJIBAKE = load_pipeline(select=["encoding.mojibake"])

LEDE = (
    "Biden authorized Ukraine to use long-range missiles supplied by the United States "
    "to strike targets inside Russia, officials said on Sunday."
)
CLEAN_ARTICLE = (
    "Biden’s decision on long-range weapons\n"
    "\n"
    f"{LEDE}\n"
    "\n"
    "“We will respond,” the Kremlin’s spokesman said — without giving details.\n"
    "\n"
    "The naïve café owners in Zürich, the Łódź council and the mayor of Київ "
    "all commented; AT&T, Q&A sessions and R&D budgets were not affected.\n"
    "\n"
    "In formulas a < b > c holds, 5 × 3 = 15, and 20 °C ± 2 is normal.\n"
    "\n"
    "Emoji with joiners stay: 👨\u200d👩\u200d👧, and Persian می\u200cخواهم keeps its ZWNJ.\n"
    "\n"
    "Il a dit\u00a0: «\u00a0Non\u00a0!\u00a0» — 한국어, 日本語, Ελληνικά.\n"
)


def cleaned(text: str, pipeline: Pipeline = PACKS) -> Result:
    result = pipeline.clean(text)
    assert replay(text, result.changes) == result.text
    assert revert(result.text, result.changes) == text
    assert not pipeline.clean(result.text).changes, "not idempotent"
    return result


# --- rewrite helpers -------------------------------------------------------


def test_trimmed_keeps_only_the_differing_middle():
    assert trimmed("cafÃ© au lait", "café au lait") == (3, 5, "é")
    assert trimmed("same", "same") == (4, 4, "")
    assert trimmed("ab", "abc", offset=10) == (12, 12, "c")


def test_changed_runs_pairs_runs_between_ascii_anchors():
    old = "Mr. Bidenâ€™s cafÃ© opened"
    new = "Mr. Biden’s café opened"
    spans = changed_runs(old, new)
    assert [old[s:e] for s, e, _ in spans] == ["â€™", "Ã©"]
    assert [r for _, _, r in spans] == ["’", "é"]


def test_changed_runs_treats_a_space_turned_nbsp_as_a_run():
    old, new = "namedÂ  stones", "named\u00a0 stones"
    assert changed_runs(old, new) == [(5, 7, "\u00a0")]


def test_changed_runs_falls_back_to_one_exact_span():
    old, new = "aXb", "ab"
    [(start, end, replacement)] = changed_runs(old, new)
    assert old[:start] + replacement + old[end:] == new


# --- mojibake ---------------------------------------------------------------


def test_cp1252_mojibake_in_seed_text_gives_one_small_edit():
    text = f"Mr. Bidenâ€™s aides said so.\n\n{LEDE}"
    result = cleaned(text, MOJIBAKE)
    assert result.text == f"Mr. Biden’s aides said so.\n\n{LEDE}"
    [change] = result.changes
    assert (change.before, change.after) == ("â€™", "’")
    assert "sloppy-windows-1252" in change.reason and "utf-8" in change.reason


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Mr. BidenÃ¢â‚¬â„¢s aides", "Mr. Biden’s aides"),  # double encoding
        ("The cafÃ© in ZÃ¼rich", "The café in Zürich"),  # latin-1 letters
        ("He said \x93yes\x94 twice.", "He said “yes” twice."),  # C1 controls
        ("â€œWe will respond,â€\x9d he said.", "“We will respond,” he said."),
        ("Ð¡ÐµÐ³Ð¾Ð´Ð½Ñ\x8f, 18 November", "Сегодня, 18 November"),  # Cyrillic
        ("РЎРµРіРѕРґРЅСЏ, 18 November", "Сегодня, 18 November"),  # read as cp1251
    ],
)
def test_mojibake_repairs(broken, fixed):
    assert cleaned(f"{broken}\n\n{LEDE}", MOJIBAKE).text == f"{fixed}\n\n{LEDE}"


def test_mojibake_with_soft_hyphen_and_nbsp_bytes_survives_the_other_rules():
    # "í" is C3 AD: its second byte reads as a soft hyphen; "à" is C3 A0, a no-break space.
    text = f"El dÃ\u00ada 18, voilÃ\u00a0 le travail.\n\n{LEDE}"
    assert cleaned(text).text == f"El día 18, voilà le travail.\n\n{LEDE}"


def test_mojibake_gate_keeps_ftfy_off_clean_lines(monkeypatch):
    calls = []
    real = ftfy.fix_and_explain

    def spy(text, config):
        calls.append(text)
        return real(text, config)

    monkeypatch.setattr(ftfy, "fix_and_explain", spy)
    text = f"{LEDE}\nThe cafÃ© opened.\n{CLEAN_ARTICLE}"
    result = MOJIBAKE.clean(text)
    assert "The café opened." in result.text
    assert calls and all("Ã" in line for line in calls)


def test_correct_multilingual_text_is_not_mojibake():
    assert not MOJIBAKE.clean(CLEAN_ARTICLE).changes


def test_mojibake_markers_must_compile(rule_dir):
    write_rule(
        rule_dir,
        "t.moji",
        "kind: mojibake\nlevel: error\ndescription: d\n"
        "params:\n  markers: '[unclosed'\nexamples:\n  - pass: x\n",
    )
    with pytest.raises(RuleError, match="params.markers: bad regular expression"):
        pipeline_of(rule_dir)


# --- HTML residue -----------------------------------------------------------


@pytest.mark.parametrize(
    ("residue", "text"),
    [
        ("AT&amp;T raised prices.", "AT&T raised prices."),
        ("&#8220;No,&#8221; he said &#x2014; twice.", "“No,” he said — twice."),
        ("Prices&nbsp;rose.", "Prices rose."),
        ("Fish &amp;amp; chips.", "Fish & chips."),
        ('Read the <a href="/r">full report</a> now.', "Read the full report now."),
        ("<p>Prices rose.</p>", "Prices rose."),
        ("Prices rose.<br>Bonds fell.", "Prices rose.\nBonds fell."),
        ("Prices rose.</p><p>Bonds fell.", "Prices rose.\nBonds fell."),
        ("Prices rose.<!-- slot 3 --> Bonds fell.", "Prices rose. Bonds fell."),
        ("Prices rose.<script>var a = 1;</script>", "Prices rose."),
    ],
)
def test_html_residue_is_removed(residue, text):
    assert cleaned(f"{LEDE}\n\n{residue}").text == f"{LEDE}\n\n{text}"


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and Q&A",
        "salt & pepper",
        "a < b > c",
        "x<y and z>w",
        "&foo; &copy 2024",
        "<Reuters> said",
        "5 &lt 6",
    ],
)
def test_text_that_looks_like_html_stays(text):
    assert not PACKS.clean(f"{LEDE}\n\n{text}").changes


def test_entity_params_are_checked(rule_dir):
    write_rule(
        rule_dir,
        "t.ent",
        "kind: html_entities\nlevel: error\ndescription: d\n"
        "params:\n  keep: [nbspx]\nexamples:\n  - pass: x\n",
    )
    with pytest.raises(RuleError, match="params.keep: 'nbspx' is not an HTML5 entity"):
        pipeline_of(rule_dir)


def test_entity_keep_and_only(rule_dir):
    write_rule(
        rule_dir,
        "t.ent",
        "kind: html_entities\nlevel: error\ndescription: d\n"
        "params:\n  keep: [lt]\n  numeric: false\nexamples:\n  - pass: x\n",
    )
    text = "a &lt; b &amp; c &#8220;"
    assert pipeline_of(rule_dir).clean(text).text == "a &lt; b & c &#8220;"


# --- invisible and odd characters ------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "text"),
    [
        ("\ufeffPrices rose.", "Prices rose."),
        ("Pre\u200bsident Bi\u200dden met Zelen\u2060sky.", "President Biden met Zelensky."),
        ("An inter\u00adnational deal.", "An international deal."),
        ("Prices\u00a0rose.", "Prices rose."),
        ("Prices\x00 rose\x07.", "Prices rose."),
        ("The cafe\u0301 opened.", "The café opened."),
    ],
)
def test_invisible_characters_are_removed(damaged, text):
    assert cleaned(f"{damaged}\n\n{LEDE}").text == f"{text}\n\n{LEDE}"


def test_legitimate_joiners_and_french_spacing_stay():
    text = "👨\u200d👩\u200d👧 می\u200cخواهم ภาษา\u200bไทย «\u00a0Non\u00a0!\u00a0»"
    assert not PACKS.clean(f"{LEDE}\n\n{text}").changes


def test_unicode_normalize_form_param(rule_dir):
    write_rule(
        rule_dir,
        "t.nfkc",
        "kind: unicode_normalize\nlevel: error\ndescription: d\n"
        "params:\n  form: NFKC\nexamples:\n  - pass: x\n",
    )
    assert pipeline_of(rule_dir).clean("ﬁne Ｆｕｌｌ").text == "fine Full"
    write_rule(
        rule_dir,
        "t.nfkc",
        "kind: unicode_normalize\nlevel: error\ndescription: d\n"
        "params:\n  form: NFX\nexamples:\n  - pass: x\n",
    )
    with pytest.raises(RuleError, match="params.form"):
        pipeline_of(rule_dir)


# --- quotes: a choice, off by default ---------------------------------------


def test_quotes_stay_curly_by_default_and_straighten_on_request():
    text = f"“We won’t,” he said.\n\n{LEDE}"
    assert clean(text).text == text
    straighten = Pipeline(load_rules(selection=Selection(["encoding.straighten-quotes"])))
    assert cleaned(text, straighten).text == f'"We won\'t," he said.\n\n{LEDE}'


def test_translate_rejects_a_mapping_that_would_never_settle(rule_dir):
    write_rule(
        rule_dir,
        "t.tr",
        "kind: translate\nlevel: error\ndescription: d\n"
        "params:\n  mapping: {a: ab}\nexamples:\n  - pass: x\n",
    )
    with pytest.raises(RuleError, match="contains a key"):
        pipeline_of(rule_dir)


# --- whitespace ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "text"),
    [
        ("A.\r\n\r\nB.\r\n", "A.\n\nB.\n"),
        ("A.\rB.\r\r\nC.", "A.\nB.\nC."),
        ("A.  \nB.\t\nC.", "A.\nB.\nC."),
        ("A.\n\n\n\n  \nB.", "A.\n\nB."),
        ("\n\n  \nA.\n\nB.\n\n\n", "A.\n\nB.\n"),
        ("A.\x0cB.\u2028C.", "A.\nB.\nC."),
    ],
)
def test_whitespace_pack(damaged, text):
    assert cleaned(damaged).text == text


def test_blank_line_runs_keep_crlf_when_line_endings_are_ignored():
    pipeline = load_pipeline(select=["whitespace"], ignore=["whitespace.line-endings"])
    assert cleaned("A.\r\n\r\n\r\n\r\nB.\r\n\r\n", pipeline).text == "A.\r\n\r\nB.\r\n"


# --- whole documents ----------------------------------------------------------


def test_clean_article_gets_zero_edits_from_every_default_rule():
    result = clean(CLEAN_ARTICLE)
    assert result.text == CLEAN_ARTICLE
    assert not result.changes
    assert not [f for f in result.findings if f.rule.split(".")[0] in {"encoding", "whitespace"}]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_need_no_encoding_or_whitespace_repair(path):
    assert not PACKS.clean(path.read_text(encoding="utf-8")).changes


def test_a_document_with_everything_wrong_comes_out_clean():
    damaged = (
        '\ufeff<div class="story"><h1>Bidenâ€™s decision</h1>\r\n'
        "\r\n\r\n\r\n"
        "<p>AT&amp;T and the cafÃ© in ZÃ¼rich.&nbsp;  </p>\r\n"
        f"<p>{LEDE}<br>Pre\u200bsident Biden\u00adâ€™s aides agreed.</p><!-- ad -->\r\n"
        "<script>var x = 1;</script>\r\n\r\n"
    )
    result = cleaned(damaged)
    assert result.text == (
        "Biden’s decision\n"
        "\n"
        "AT&T and the café in Zürich.\n"
        f"{LEDE}\n"
        "President Biden’s aides agreed.\n"
    )
    assert {c.rule.split(".")[0] for c in result.changes} == {"encoding", "whitespace"}


def test_kinds_never_mutate_the_view():
    text = "cafÃ© &amp; e\u0301"
    view = TextView(text)
    for rule in load_rules(selection=Selection(["encoding"])):
        list(rule.detector.detect(view))
    assert view.text == text


def test_every_new_rule_builds_from_its_file():
    for rule in load_rules(selection=Selection(["encoding", "whitespace"])):
        assert build(rule.spec).id == rule.id


PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Talks resume &amp; more'
    '</title><script>var a = "<p>";</script></head>\n<body><nav><ul><li>World</li><li>Sport</li>'
    "</ul></nav>\n<article><h1>Talks resume</h1><p>The minister said on Monday that the talks "
    "would resume <em>next week</em>, officials said.</p>\n<p>Caf&eacute; owners in Brussels "
    "welcomed the news, saying the uncertainty had hurt business for months.</p></article>"
    "<footer>&copy; 2024 Example News</footer></body></html>"
)


def test_a_whole_html_page_becomes_its_text_in_one_logged_edit():
    result = load_pipeline().clean(PAGE)
    assert result.text == (
        "Talks resume\n\nThe minister said on Monday that the talks would resume next week, "
        "officials said.\n\nCafé owners in Brussels welcomed the news, saying the uncertainty "
        "had hurt business for months.\n"
    )
    assert result.metadata["title"] == "Talks resume & more"
    assert result.changes[0].rule == "encoding.html-pages"
    assert replay(PAGE, result.changes) == result.text
    assert revert(result.text, result.changes) == PAGE
    assert not load_pipeline().clean(result.text).changes


def test_the_page_rule_wins_over_tag_rules_at_the_start_of_the_page():
    pipeline = load_pipeline(select=["encoding"])
    result = pipeline.clean("<div>" + PAGE.split("<body>", 1)[1])
    assert [change.rule for change in result.changes][:1] == ["encoding.html-pages"]
    assert "<" not in result.text


def test_prose_with_a_few_stray_tags_is_left_to_the_tag_rules():
    text = "Markets rose on Monday after the central bank cut rates. <b>Bonds</b> fell.\n"
    result = load_pipeline(select=["encoding"]).clean(text)
    assert {change.rule for change in result.changes} == {"encoding.html-inline-tags"}
