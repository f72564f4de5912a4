"""cleaner rules list | show ID | test: the rules are their own documentation."""

from __future__ import annotations

import argparse
import sys

import yaml

from cleaner.commands.common import add_rule_options
from cleaner.errors import CleanerError
from cleaner.rule import RuleSpec
from cleaner.ruleset import Selection, build, load_specs, select_rules
from cleaner.selftest import example_companions, failures


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Subcommands of `cleaner rules`."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="one line per rule: id, kind, level, summary")
    add_rule_options(listing)
    show = actions.add_parser("show", help="a rule's description, params and examples")
    show.add_argument("rule_id", metavar="ID")
    add_rule_options(show)
    test = actions.add_parser("test", help="check every rule against its own examples")
    add_rule_options(test)


def main(args: argparse.Namespace) -> int:
    """Dispatch to list, show or test."""
    if args.action == "show":
        return _show(args)
    selection = Selection(tuple(args.select), tuple(args.ignore))
    all_specs = load_specs(args.rules)
    rules = select_rules(all_specs, selection)
    if args.action == "list":
        for rule in rules:
            spec = rule.spec
            print(f"{spec.id:40} {spec.kind:12} {spec.level!s:8} {spec.summary}")
        return 0
    specs = {spec.id: spec for spec in all_specs}
    problems = [
        problem for rule in rules for problem in failures(rule, example_companions(rule, specs))
    ]
    for problem in problems:
        print(problem)
    examples = sum(len(rule.spec.examples) for rule in rules)
    print(f"{len(rules)} rules, {examples} examples, {len(problems)} failed", file=sys.stderr)
    return 1 if problems else 0


def _show(args: argparse.Namespace) -> int:
    specs = {spec.id: spec for spec in load_specs(args.rules)}
    spec = specs.get(args.rule_id)
    if spec is None:
        raise CleanerError(f"no rule {args.rule_id!r}; see 'cleaner rules list'")
    build(spec)
    print(describe(spec))
    return 0


def describe(spec: RuleSpec) -> str:
    """A rule as a reviewer reads it: what, why, how configured, and its examples."""
    state = "" if spec.enabled else " (disabled by default; enable with --select)"
    params = yaml.safe_dump(dict(spec.params), allow_unicode=True, sort_keys=False).rstrip()
    lines = [
        f"{spec.id}  [{spec.kind}, {spec.level}]{state}",
        f"file: {spec.source}",
        f"applies to: {', '.join(spec.applies_to)}",
        *([f"requires one of: {', '.join(spec.requires)}"] if spec.requires else []),
        "",
        spec.description.strip(),
        "",
        "params:",
        _indent(params),
        "",
        "examples:",
    ]
    for example in spec.examples:
        field = f" (field {example.field})" if example.field else ""
        lines.append(_indent(f"input:  {example.input!r}{field}"))
        outcome = "unchanged" if example.output is None else repr(example.output)
        lines.append(_indent(f"output: {outcome}"))
        if example.flags:
            lines.append(_indent(f"flags:  {list(example.flags)!r}"))
    return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())
