"""Structure-aware boilerplate rules on invented pages: furniture goes by shape and place.

Every page here is made up. The news pages carry the furniture real pages leave
around an article (a menu stack, a breadcrumb trail, a byline with a date, picture
credits, a related-stories list under its heading, a cookie prompt, footer links);
all of it must go, every paragraph must stay, and the byline and date must come
back as metadata. The control article and the page with subheadings must come out
unchanged: structure rules may only act outside the run of prose.
"""

from __future__ import annotations

from cleaner import clean, load_pipeline, revert
from cleaner.document import TextView
from cleaner.engine import Pipeline
from cleaner.layout import allowed
from tests.conftest import LONG, one_rule

BOILERPLATE = load_pipeline(select=["boilerplate"])
EVERYTHING = load_pipeline()

NEWS_PAGE = """\
Home
World
Business
Sport
Sign in
Home » Regions » Coast
Lighthouse keepers return to Gull Point
By Marta Lind | 14.03.2024 · 09:30 · Coast
The old lighthouse on Gull Point will be staffed again from April, the maritime agency announced on Thursday, after a decade of automatic operation.
Keepers at the lamp room in the early morning. Photo: Example Agency
Two keepers will live on the headland in shifts of four weeks and look after the lamp, the fog signal and a small weather station.
Local fishermen had asked for the change after a series of near misses in fog last winter.
Why now?
The agency said the automatic system had failed three times in twelve months, once for almost six hours.
"A person on the rock sees things no sensor sees," said the head of the agency's coastal unit.
The first keepers were chosen from more than forty applicants and start their training next week.
Share on Facebook | Share on X
Related articles
Storm closes the harbour road for two days
Ferry timetable changes from Monday
New rescue boat named after retired skipper
This website uses cookies to improve your experience. By continuing you accept our use of cookies.
About us
Contact
Privacy policy
"""

NEWS_PARAGRAPHS = (
    "Lighthouse keepers return to Gull Point\n",
    "The old lighthouse on Gull Point will be staffed again from April, the maritime agency "
    "announced on Thursday, after a decade of automatic operation.",
    "Two keepers will live on the headland in shifts of four weeks and look after the lamp, "
    "the fog signal and a small weather station.",
    "Local fishermen had asked for the change after a series of near misses in fog last winter.",
    "\nWhy now?\n",
    "The agency said the automatic system had failed three times in twelve months, once for "
    "almost six hours.",
    '"A person on the rock sees things no sensor sees," said the head of the agency\'s '
    "coastal unit.",
    "The first keepers were chosen from more than forty applicants and start their training "
    "next week.",
)

NEWS_FURNITURE = (
    "Home\n",
    "World\n",
    "Sign in",
    "Regions",
    "By Marta Lind",
    "14.03.2024",
    "Photo: Example Agency",
    "Share on Facebook",
    "Related articles",
    "Storm closes the harbour road",
    "Ferry timetable changes",
    "New rescue boat",
    "cookies",
    "About us",
    "Privacy policy",
)

GERMAN_PAGE = """\
Startseite
Politik
Wirtschaft
Regionales
Startseite | Regionales | Küste
Leuchtturm wird wieder bewohnt
von Redaktion Küstenbote
Der alte Leuchtturm auf der Möwenspitze wird von April an wieder von Wärtern betreut, teilte das Seeamt am Donnerstag mit.
Zwei Wärter sollen sich im Wechsel um die Lampe, das Nebelhorn und eine kleine Wetterstation kümmern.
Die Fischer der Gegend hatten die Rückkehr nach mehreren Beinahe-Unfällen im Nebel gefordert.
Vervielfältigung nur mit Genehmigung des Verlags
Mehr zum Thema
Sturm sperrt die Hafenstraße
Neuer Fahrplan für die Inselfähre
Weitere Nachrichten aus der Region:
Impressum
Datenschutz
Kontakt
"""

GERMAN_PARAGRAPHS = (
    "Leuchtturm wird wieder bewohnt\n",
    "Der alte Leuchtturm auf der Möwenspitze wird von April an wieder von Wärtern betreut, "
    "teilte das Seeamt am Donnerstag mit.",
    "Zwei Wärter sollen sich im Wechsel um die Lampe, das Nebelhorn und eine kleine "
    "Wetterstation kümmern.",
    "Die Fischer der Gegend hatten die Rückkehr nach mehreren Beinahe-Unfällen im Nebel gefordert.",
)

CONTROL = """\
Lighthouse keepers return to Gull Point

The old lighthouse on Gull Point will be staffed again from April, the maritime agency announced on Thursday, after a decade of automatic operation.

Two keepers will live on the headland in shifts of four weeks and look after the lamp, the fog signal and a small weather station.

Local fishermen had asked for the change. "We lost two nets and nearly a boat last winter," one of them said.

The agency has not said what the new posts will cost.
"""

SUBHEADINGS = """\
How the keepers will work

The two keepers will share the lighthouse in shifts of four weeks, the agency said on Thursday.

Training

Both will spend a month at the coastal school, where they learn to service the lamp and the fog signal.

The lamp
The signal
Weather

Each morning they will record wind, pressure and visibility and send the figures to the weather service.

What comes next

The agency plans to staff two more lighthouses on the northern coast if the trial goes well.
"""


def _check_page(text, paragraphs, furniture):
    result = BOILERPLATE.clean(text)
    for paragraph in paragraphs:
        assert paragraph in result.text, paragraph
    for piece in furniture:
        assert piece not in result.text, piece
    assert revert(result.text, result.changes) == text
    assert not BOILERPLATE.clean(result.text).changes
    return result


def test_news_page_furniture_goes_and_every_paragraph_stays():
    result = _check_page(NEWS_PAGE, NEWS_PARAGRAPHS, NEWS_FURNITURE)
    assert result.metadata["author"] == "Marta Lind"
    assert result.metadata["date"] == "2024-03-14T09:30"


def test_german_page_furniture_goes_and_every_paragraph_stays():
    furniture = (
        "Startseite",
        "Politik\n",
        "Küste",
        "Redaktion",
        "Vervielfältigung",
        "Mehr zum Thema",
        "Hafenstraße",
        "Inselfähre",
        "Weitere Nachrichten",
        "Impressum",
        "Datenschutz",
        "Kontakt",
    )
    result = _check_page(GERMAN_PAGE, GERMAN_PARAGRAPHS, furniture)
    assert result.metadata["author"] == "Redaktion Küstenbote"


def test_clean_control_article_is_unchanged_by_every_rule():
    result = EVERYTHING.clean(CONTROL)
    assert result.text == CONTROL
    assert not result.changes


def test_subheadings_between_paragraphs_survive():
    result = BOILERPLATE.clean(SUBHEADINGS)
    assert result.text == SUBHEADINGS
    assert not result.changes


def test_short_page_is_held_back_not_emptied():
    page = "Home\nNews\nSport\nShort notice.\nAbout us\nContact\nJobs"
    result = BOILERPLATE.clean(page)
    assert "Short notice." in result.text


def test_edge_lines_needs_prose_and_a_run():
    pipeline = one_rule("edge_lines")
    assert pipeline.clean("Home\nNews\nSport\nWeather").text == "Home\nNews\nSport\nWeather"
    single = f"Menu\n{LONG}\nContact"
    assert pipeline.clean(single).text == single


def test_edge_lines_spares_the_line_next_to_the_body():
    pipeline = one_rule("edge_lines", side="top", min_run=2)
    page = f"Home\nNews\nSport\nGull Point\n{LONG}"
    assert pipeline.clean(page).text == f"Gull Point\n{LONG}"
    keep_all = one_rule("edge_lines", side="top", min_run=2, spare_adjacent=False)
    assert keep_all.clean(page).text == LONG


def bottom_edge_rule(**signature: object) -> Pipeline:
    """The bottom edge rule that may take the line next to the body, with signature params."""
    return one_rule("edge_lines", side="bottom", min_run=2, spare_adjacent=False, **signature)


def test_edge_lines_keeps_the_signature_under_a_letters_closing_line():
    pipeline = bottom_edge_rule(signature_after=["yours,"])
    signed = f"{LONG}\n\nYours,\nAnna Berg\nGull Point"
    assert pipeline.clean(signed).text == signed
    unsigned = f"{LONG}\n\nAnna Berg\nGull Point"
    assert pipeline.clean(unsigned).text == LONG
    couple_first = f"{LONG}\n\nYours,\nAnna and Tom Berg\nEva Lind\nGull Point"  # blind366
    assert pipeline.clean(couple_first).text == couple_first
    sentence_first = f"{LONG}\n\nYours,\nSee you at the fete.\nAbout\nJobs"
    assert pipeline.clean(sentence_first).text == f"{LONG}\n\nYours,\nSee you at the fete."


def test_edge_lines_keeps_the_lines_under_a_closing_sentence_that_ends_the_body():
    # blind413: "Veuillez agréer, …, l'expression de mes salutations distinguées." is prose,
    # so the body ends with it and the writer's name and role under it are the whole run
    pipeline = bottom_edge_rule(
        signature_after=["veuillez [^\\n]{0,120}salutations distinguées\\.?"]
    )
    closing = "Veuillez agréer, Monsieur le Maire, l'expression de mes salutations distinguées."
    signed = f"{LONG}\n{closing}\nGeneviève Lartigue\nparent d'élève"
    assert pipeline.clean(signed).text == signed
    unsigned = f"{LONG}\nSee you at the fete in the square.\nAbout\nJobs"
    assert pipeline.clean(unsigned).text == f"{LONG}\nSee you at the fete in the square."


def test_edge_lines_keeps_a_name_over_a_town_right_under_the_body():
    pipeline = bottom_edge_rule(
        signature_name=["(?-i:[A-Z][a-z]+(?: [A-Z][a-z]+){1,3})"],
        signature_place=[
            "(?!abo)(?-i:(?:[A-Z][a-z]+ [a-z]+, )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)",
            "(?-i:[A-Z][a-z]+ [A-Z][a-z]+ Society)",
        ],
        signature_middle=["(?-i:(?:[A-Z][a-z]+ )+(?:Road|Lane|Vicarage)|Hon\\. Secretary)"],
    )
    signed = f"{LONG}\n\nAnna Berg\nGull Point"
    assert pipeline.clean(signed).text == signed
    with_role = f"{LONG}\n\nAnna Berg\nRetired teacher\nGull Point"  # the role on its own line
    assert pipeline.clean(with_role).text == with_role
    with_party = f"{LONG}\n\nAnna Berg\nCouncillor (Lab)\nGull Point"  # an office and its party
    assert pipeline.clean(with_party).text == with_party
    with_acronym = (
        f"{LONG}\n\nAnna Berg\nRetired GP\nGull Point"  # an acronym among the small words
    )
    assert pipeline.clean(with_acronym).text == with_acronym
    in_small_letters = f"{LONG}\n\nAnna Berg\nretired teacher\nGull Point"
    assert pipeline.clean(in_small_letters).text == in_small_letters
    with_street = f"{LONG}\n\nAnna Berg\nGorse Hill Road\nGull Point"  # the writer's street
    assert pipeline.clean(with_street).text == with_street
    long_name = (
        f"{LONG}\n\nRev Canon David Ashworth\nOswald Vicarage\nGull Point"  # too long to fit
    )
    assert pipeline.clean(long_name).text == long_name
    above_menu = f"{LONG}\n\nRead More From Us"  # a long line over a menu, no town under it
    assert pipeline.clean(f"{above_menu}\nAbout\nJobs").text == above_menu
    under_closing_sentence = f"{LONG}\n\nThank you.\nAnna Berg\nGull Point"
    assert pipeline.clean(under_closing_sentence).text == under_closing_sentence
    assert pipeline.clean(f"{LONG}\n\nThank you.\nAbout\nGull").text == f"{LONG}\n\nThank you."
    under_label = f"{LONG}\n\nRead related topics:"  # a label's colon closes no sentence
    assert pipeline.clean(f"{under_label}\nAnna Berg\nGull Point").text == under_label
    officers = f"{LONG}\n\nAnna Berg, chair\nTom Hill, treasurer\nGull Point Society"
    assert pipeline.clean(officers).text == officers  # a society's officers over its name
    long_office = f"{LONG}\n\nTom Hill, Hon. Secretary\nAnna Berg, chair\nGull Point Society"
    assert pipeline.clean(long_office).text == long_office  # the first too long for the run
    for menu in (
        "Anna Berg\nTom Hill\nGull Point Society",  # names without offices: a list
        "Anna Berg, chair\nTom Hill, treasurer\nAbo",
        "Anna Berg\nAbo",
        "Anna Berg\nGull\nPoint",
        "About\nGull",
        "Anna Berg\nSign In\nGull Point",
        "Anna Berg\nLOG IN\nGull Point",
    ):
        assert pipeline.clean(f"{LONG}\n\n{menu}").text == LONG


def test_after_marker_takes_only_the_short_lines_under_its_heading():
    pipeline = one_rule("after_marker", markers=["Related"])
    long_line = " ".join(["word"] * 20)
    assert pipeline.clean(f"{LONG}\n\nRelated\n\n{long_line}").text == f"{LONG}\n\n{long_line}"
    short_tail = f"{LONG}\n\nRelated\n\nStorm closes the road\nFerry changes\n\n{long_line}"
    assert pipeline.clean(short_tail).text == f"{LONG}\n\n{long_line}"
    two_paragraphs = f"{LONG}\n\nRelated\n\nStorm closes the road\n\n{LONG}\n\n{LONG}"
    assert pipeline.clean(two_paragraphs).text == two_paragraphs


def test_after_marker_survives_a_rule_that_takes_its_marker():
    marker_only = load_pipeline(select=["boilerplate.navigation-widgets"]).rules
    closing = load_pipeline(select=["boilerplate.closing-sections"]).rules
    pipeline = Pipeline(marker_only + closing)
    page = f"{LONG}\nRelated articles\n\nStorm closes the road\nFerry changes\n"
    result = pipeline.clean(page)
    assert result.text == f"{LONG}\n"
    assert revert(result.text, result.changes) == page


def test_margins_reach_one_line_into_the_body():
    view = TextView(f"Menu\n{LONG}\n{LONG}\n{LONG}\nFooter")
    assert [allowed(view, i, "margins") for i in range(5)] == [True, True, False, True, True]
    assert [allowed(view, i, "edges") for i in range(5)] == [True, False, False, False, True]


def test_default_clean_keeps_metadata_from_news_page():
    result = clean(NEWS_PAGE)
    assert result.metadata.get("author") == "Marta Lind"
    for paragraph in NEWS_PARAGRAPHS[1:]:
        assert paragraph.strip() in result.text


def test_margins_skip_a_stray_prose_line_at_either_end():
    caption = "Keepers at the lamp room of the lighthouse in the early morning light."
    page = (
        f"{caption}\nPosted by Marta Lind\n{LONG}\n{LONG}\n{LONG}\nPosted by Marta Lind\n{caption}"
    )
    view = TextView(page)
    in_margins = [allowed(view, i, "margins") for i in range(7)]
    assert in_margins == [True, True, True, False, True, True, True]
    result = BOILERPLATE.clean(page)
    assert result.text == f"{caption}\n{LONG}\n{LONG}\n{LONG}\n{caption}"
    assert result.metadata["author"] == "Marta Lind"


def test_a_list_of_biographies_is_held_back_by_the_valve():
    # Every line is a biography at the margin once its neighbour is gone, so the rule
    # peels the list pass by pass; the engine's valve stops it before half is lost.
    bios = "\n".join(
        f"Name{i} Surname is a staff writer who has covered the harbour and its ferries for years."
        for i in "ABCDEFGH"
    )
    result = BOILERPLATE.clean(f"Our contributors\n{bios}")
    assert result.text.count("staff writer") >= 4
