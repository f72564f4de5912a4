"""Anchors: strings of which every match of a pattern holds at least one.

A drop_line rule tries its whole-line pattern on every short line it has not judged
before, and on real pages, whose lines rarely repeat, those attempts are most of the
engine's time: the `regex` module tries each line against a pattern of hundreds of
phrases. Most patterns are made of literal words ("Share", "Newsletter", "Foto:"),
and a line that holds none of a pattern's words cannot match it. This module reads
those words out of the pattern itself, the way RE2 and code-search indexes build
their prefilters: each part of the pattern gets the finite set of strings it can
match (when small), or a set of strings one of which every match of it holds.

The answer is case-folded and only ever claims less than the truth: a part it does
not understand (a character class, a lookaround, a back reference) guarantees
nothing, and a pattern the standard library's parser cannot read has no anchors
(`None`), so its rule tries every line as before. Folding is sound because
`str.casefold` maps character by character: a match of a case-insensitive literal
folds to the literal's folding, inside the folded line. drop_line folds the anchors
once more, with the line, the way cleaner.folding folds both (accents too).
"""

from __future__ import annotations

import re
import re._constants as sre  # the parser's opcodes (standard library, Python 3.11+)
import re._parser as sre_parse
from collections.abc import Callable
from typing import cast

Strings = frozenset[str]

# Beyond this many strings a part's exact set is no longer tracked.
EXACT_LIMIT = 256
# The regex module's property classes, unknown to the standard parser: any class will do.
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")
# A pattern of a rule's list opens its group with its flags, "(?:(?x)...": the regex module
# applies them from there on, the standard parser only at the very start; "(?x:..." says the
# same to both. With "x", white space may stand between flag groups ("(?x) (?m) ^").
_GROUP_FLAGS = re.compile(
    r"\(\?:\(\?([a-zA-Z]*x[a-zA-Z]*)\)((?:\s*\(\?[a-zA-Z]+\))*)"  # with "x"
    r"|\(\?:\(\?([a-zA-Z]+)\)"  # without
)


def anchors(source: str, flags: int = 0) -> Strings | None:
    """Folded strings one of which every match of `source` holds; None if unknown."""
    try:
        readable = _GROUP_FLAGS.sub(_scoped, _PROPERTY.sub(r"\\w", source))
        parsed = sre_parse.parse(readable, flags & re.VERBOSE)
    except (re.error, RecursionError, OverflowError):
        return None
    strings = _best_of(_sequence(list(parsed)))
    return None if strings is None else _minimal(strings)


def _scoped(match: re.Match[str]) -> str:
    """The flags opening a group as the group's own: "(?:(?x) (?m)" becomes "(?mx:"."""
    letters = "".join(part for part in match.groups() if part)
    flags = sorted({letter for letter in letters if letter in "imsx"})
    return "(?" + "".join(flags) + ":" if flags else "(?:"


def _minimal(strings: Strings) -> Strings:
    """Without the strings that hold a shorter one: "read more." says no more than "read more"."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for string in ordered:
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return frozenset(kept)


# A part's knowledge: (exact, held). `exact` is every string it can match, or None;
# `held` is a set one of which each of its matches holds, or None for no guarantee.
Info = tuple[Strings | None, Strings | None]
Item = tuple[object, object]  # (opcode, argument) as the parser gives them
_EMPTY: Strings = frozenset({""})
_NOTHING: Info = (None, None)


def _item(op: object, av: object) -> Info:
    """What one parsed item of a pattern can match (nothing certain for unknown items)."""
    handler = _HANDLERS.get(op)
    return _NOTHING if handler is None else handler(av)


def _literal(av: object) -> Info:
    return frozenset({chr(cast(int, av)).casefold()}), None


def _zero_width(av: object) -> Info:
    """Anchors and lookarounds match the empty string (a lookaround's content is not used)."""
    return _EMPTY, None


def _group(av: object) -> Info:
    return _sequence(cast(tuple[object, object, object, list[Item]], av)[3])


def _atomic(av: object) -> Info:
    return _sequence(cast(list[Item], av))


def _alternation(av: object) -> Info:
    return _branch(cast(tuple[object, list[list[Item]]], av)[1])


def _repeated(av: object) -> Info:
    low, high, body = cast(tuple[int, int, list[Item]], av)
    return _repeat(low, high, _sequence(body))


def _char_class(av: object) -> Info:
    """A class of plain characters ("[Ss]") can only match one of them."""
    items = cast(list[Item], av)
    if all(op is sre.LITERAL for op, _ in items):
        return frozenset(chr(cast(int, code)).casefold() for _, code in items), None
    return _NOTHING


def _branch(branches: list[list[Item]]) -> Info:
    """An alternation: every branch's strings, or what every branch holds."""
    infos = [_sequence(list(branch)) for branch in branches]
    exacts = [exact for exact, _ in infos]
    if all(exact is not None for exact in exacts):
        union = frozenset().union(*[exact for exact in exacts if exact is not None])
        if len(union) <= EXACT_LIMIT:
            return union, None
    helds = [_best_of(info) for info in infos]
    if any(held is None for held in helds):
        return _NOTHING
    return None, frozenset().union(*[held for held in helds if held is not None])


def _repeat(low: int, high: int, body: Info) -> Info:
    """A repeated part: nothing is certain unless it must occur at least once."""
    exact = body[0]
    if high == 0:
        return _EMPTY, None
    if low == 0:
        if high == 1 and exact is not None:
            return exact | _EMPTY, None
        return _NOTHING
    if low == high == 1:
        return body
    return None, _best_of(body)


def _sequence(items: list[Item]) -> Info:
    """A concatenation: its exact strings while they stay few, else its best held set.

    Consecutive parts with exact strings make a run (their cross product); a part
    without them closes the run, and the run and the part's own held set become
    candidates, of which the most selective wins.
    """
    run: Strings = _EMPTY
    whole = True
    candidates: list[Strings] = []
    for op, av in items:
        part_exact, part_held = _item(op, av)
        if part_exact is not None:
            product = frozenset(a + b for a in run for b in part_exact)
            if len(product) <= EXACT_LIMIT:
                run = product
            else:
                candidates.append(run)
                run, whole = part_exact, False
            continue
        candidates.append(run)
        if part_held is not None:
            candidates.append(part_held)
        run, whole = _EMPTY, False
    if whole:
        return run, None
    candidates.append(run)
    return None, _best([strings for strings in candidates if "" not in strings])


def _best_of(info: Info) -> Strings | None:
    exact, held = info
    if exact is not None:
        return exact if "" not in exact else None
    return held


def _best(candidates: list[Strings]) -> Strings | None:
    """The most selective set: the longest shortest string, then the fewest strings."""
    if not candidates:
        return None
    return max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)))


_HANDLERS: dict[object, Callable[[object], Info]] = {
    sre.LITERAL: _literal,
    sre.IN: _char_class,
    sre.AT: _zero_width,
    sre.ASSERT: _zero_width,
    sre.ASSERT_NOT: _zero_width,
    sre.SUBPATTERN: _group,
    sre.ATOMIC_GROUP: _atomic,
    sre.BRANCH: _alternation,
    sre.MAX_REPEAT: _repeated,
    sre.MIN_REPEAT: _repeated,
    sre.POSSESSIVE_REPEAT: _repeated,
}
