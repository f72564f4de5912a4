"""The story's own tables and lists, which widget rules with `spare_tables` or `spare_lists` leave."""

from cleaner.document import TextView
from cleaner.story_blocks import continues_numbering, list_lines, table_lines
from tests.conftest import LONG, one_rule


def test_table_rows_are_runs_of_equal_cells_with_figures():
    table = "Votes\nGroup | For | Against\n\nLabour | 6 | 1\nGreens | 9 | 2\nThe end."
    assert table_lines(TextView(table)) == {1, 3, 4}
    menu = "Home | News | Sport\nWeather | Travel | Culture\nOpinion | Video | Audio"
    assert table_lines(TextView(menu)) == frozenset()  # no figures: a menu
    assert table_lines(TextView("A | 1\nB | 2\nC | 3 | 4")) == frozenset()  # two rows alike
    # no figures, but phrases in the cells of three rows (blind336)
    works = [
        "Section | When | Closure",
        "Church to town hall | April to June | full",
        "Town hall to pitch | July to August | half",
        "Pitch to the edge of town | autumn | half",
    ]
    assert table_lines(TextView("\n".join(works))) == {0, 1, 2, 3}
    # phrases in half the rows of a longer table: a show's winners (blind373)
    show = "Class | Winner | Village\nLongest runner bean | Ted Mallory | Upper Bramley\n"
    show += "Heaviest marrow | Sue Pike | Hatherley\nBest jar of chutney | Anne Cole | Kirkby Fell"
    assert table_lines(TextView(show)) == {0, 1, 2, 3}
    first_three = "\n".join(show.split("\n")[:3])
    assert table_lines(TextView(first_three)) == {0, 1, 2}  # short phrases under the header
    single_words = (
        "Class | Winner | Village\nLongest runner bean | Ted | Bramley\nMarrow | Sue | Fell"
    )
    assert table_lines(TextView(single_words)) == frozenset()  # one row of single words
    # short phrases in the rows under the header: a court's table (blind454)
    pleas = "Charge | Defendant | Plea\nFalse accounting | Calder | Not guilty\n"
    pleas += "Fraud by abuse of position | Calder, Hesketh | Not guilty"
    assert table_lines(TextView(pleas)) == {0, 1, 2}
    assert table_lines(TextView("Home | News\nLocal news | Sport\nWhat's on | Jobs")) == frozenset()
    footer = "About us | Contact | Privacy policy\nTerms | Cookies | Help\n"
    footer += "Jobs | Advertise | Shop\nRSS | Apps | Archive"
    assert table_lines(TextView(footer)) == frozenset()  # no phrase at all
    # cells joined by a spaced slash, as some extractors print them (blind395)
    flights = (
        "Route / First flight / Flights a week\nBergen / 3 November / 4\nGdańsk / 10 November / 3"
    )
    assert table_lines(TextView(flights)) == {0, 1, 2}
    trail = "Home / News / Local\nSport / Football / Cup\nWeather / Travel / Culture"
    assert table_lines(TextView(trail)) == frozenset()  # no figures: trails


def test_list_items_are_runs_of_one_marker_with_a_figure_in_each():
    prices = "Prices\n- Print: 29 € a month\n\n- E-Paper: 9.99 € a month\nThe end."
    assert list_lines(TextView(prices)) == {1, 3}
    numbered = "1. Turnout: 61%\n2. Seats won: 14\n• Tally: 3"
    assert list_lines(TextView(numbered)) == {0, 1}  # a bullet after numbers starts a new run
    menu = "- E-Paper\n- Newsletter\n- Abo"
    assert list_lines(TextView(menu)) == frozenset()  # no figures: a menu
    assert list_lines(TextView("- E-Paper: 2730 readers")) == frozenset()  # a lone line
    # one item without a figure, and numbers that are only the items' markers
    assert list_lines(TextView("- Print: 29 €\n- Read the e-paper")) == frozenset()
    assert list_lines(TextView("1. Read the e-paper\n2. Newsletter")) == frozenset()


def test_a_numbered_line_continues_the_item_above_only_with_the_next_number():
    assert continues_numbering("1. Crash on the A4", "2. Land prices rose by 30 proc.")
    assert continues_numbering("9) Nine", "10) Ten")
    assert not continues_numbering("1. One", "3. Three")  # a gap
    assert not continues_numbering("1. One", "2) Two")  # another closer
    assert not continues_numbering("Crash on the A4", "2. Two")  # no list above
    assert not continues_numbering("1. One", "2.5 million people voted.")  # a figure


def test_a_box_of_numbered_links_goes_on_past_an_entry_that_reads_as_a_sentence():
    pipeline = one_rule("after_marker", markers=["Most read"], inline=True)
    entries = "1. Crash on the ring road\n2. Land prices in the district rose by thirty per cent.\n3. Bins"
    assert pipeline.clean(f"{LONG}\n\nMost read\n{entries}\n\n{LONG}").text == f"{LONG}\n\n{LONG}"
    unnumbered = "Crash on the ring road\nLand prices in the district rose by thirty per cent."
    kept = pipeline.clean(f"{LONG}\n\nMost read\n{unnumbered}\n\n{LONG}").text
    assert "Land prices in the district rose by thirty per cent." in kept
