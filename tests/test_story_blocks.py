"""The story's own tables and lists, which widget rules with `spare_tables` or `spare_lists` leave."""

from cleaner.document import TextView
from cleaner.story_blocks import list_lines, table_lines


def test_table_rows_are_runs_of_equal_cells_with_figures():
    table = "Votes\nGroup | For | Against\n\nLabour | 6 | 1\nGreens | 9 | 2\nThe end."
    assert table_lines(TextView(table)) == {1, 3, 4}
    menu = "Home | News | Sport\nWeather | Travel | Culture\nOpinion | Video | Audio"
    assert table_lines(TextView(menu)) == frozenset()  # no figures: a menu
    assert table_lines(TextView("A | 1\nB | 2\nC | 3 | 4")) == frozenset()  # two rows alike


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
