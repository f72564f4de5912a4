from collections import Counter

import pytest

from cleaner.errors import RuleError
from cleaner.ruleset import Selection, load_rules, load_specs
from tests.conftest import write_rule

GOOD = """\
kind: drop_line
level: error
description: Widget lines.
params:
  phrases: [Share]
examples:
  - input: "a\\nShare\\nb"
    output: "a\\nb"
  - pass: Share prices fell.
"""


def load(folder):
    return load_rules([folder], Selection(), defaults=False)


def test_a_good_rule_loads(rule_dir):
    write_rule(rule_dir, "t.widgets", GOOD)
    [rule] = load(rule_dir)
    assert rule.id == "t.widgets" and rule.spec.pack == "t"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (GOOD + "colour: red\n", "unknown key 'colour'"),
        (GOOD.replace("drop_line", "drop_lines"), "unknown kind 'drop_lines'"),
        (
            GOOD.replace("[Share]", "[Share]\n  casesensitive: true"),
            "params.casesensitive: unknown parameter",
        ),
        (GOOD.replace("phrases: [Share]", "patterns: ['(unclosed']"), "bad regular expression"),
        (GOOD.replace("level: error\n", ""), "required key 'level'"),
        (GOOD.replace("level: error", "level: fatal"), "unknown level 'fatal'"),
        (GOOD.replace("description: Widget lines.\n", ""), "required key 'description'"),
        ("kind: [unclosed\n", "cannot read rule file"),
        (GOOD.split("examples:")[0], "examples: give a list"),
    ],
)
def test_invalid_rule_files_name_the_file_and_the_key(rule_dir, body, message):
    path = write_rule(rule_dir, "t.widgets", body)
    with pytest.raises(RuleError) as caught:
        load(rule_dir)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_the_id_must_match_folder_and_file(rule_dir):
    path = write_rule(rule_dir, "t.widgets", GOOD)
    path.rename(path.with_name("other.yaml"))
    with pytest.raises(RuleError, match="must be 't.other'"):
        load(rule_dir)


def test_select_and_ignore_by_pack_and_id(rule_dir):
    write_rule(rule_dir, "t.widgets", GOOD)
    write_rule(rule_dir, "u.other", GOOD)
    write_rule(rule_dir, "u.optional", GOOD + "enabled: false\n")

    def ids(select=(), ignore=()):
        return [r.id for r in load_rules([rule_dir], Selection(select, ignore), defaults=False)]

    assert ids() == ["t.widgets", "u.other"]
    assert ids(select=("u",)) == ["u.other"]
    assert ids(select=("u.optional",)) == ["u.optional"]
    assert ids(ignore=("t",)) == ["u.other"]
    with pytest.raises(RuleError, match="no rule or pack matches 'nope'"):
        ids(select=("nope",))


def test_default_packs_load_and_every_rule_is_documented():
    specs = load_specs()
    assert specs, "the default packs ship with the package"
    for spec in specs:
        assert spec.summary, spec.source


def test_no_shipped_rule_lists_a_phrase_twice():
    """A second copy of a phrase or marker adds nothing but a place to forget when editing."""
    for spec in load_specs():
        for key, value in spec.params.items():
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                continue
            repeated = sorted(item for item, times in Counter(value).items() if times > 1)
            assert not repeated, f"{spec.source}: params.{key} lists {repeated} twice"


def test_no_shipped_rule_repeats_an_example():
    """A repeated example tests nothing twice; it is a copy left behind by an edit."""
    for spec in load_specs():
        inputs = Counter((example.input, example.field) for example in spec.examples)
        repeated = [text for text, times in inputs.items() if times > 1]
        assert not repeated, f"{spec.source}: examples repeat {repeated[:1]}"
