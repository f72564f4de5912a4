"""Simple case folding where it gives the same matches as full case folding.

Rule patterns ignore case with full case folding (`regex.FULLCASE`), so that "ß"
matches "SS" and "ﬁ" matches "fi". It costs: at every position the `regex` module
must allow for a character that folds to several, and the widget patterns run about
twice as slow as with simple folding (the largest, a dozen times). Yet full folding
only ever matters through a character whose case folding is more than one character
long (ß, ẞ, İ, ŉ, the ligatures ﬀ to ﬆ, some Greek letters with a subscript iota):

- in the text, such a character may match a sequence of the pattern ("ß" ~ "ss");
- in the pattern, such a character, alone or in a class or a range, may match a
  sequence of the text ("[ß]" ~ "ss").

So each full-case pattern gets a simple-case twin: its source compiled without
FULLCASE, with every such character outside a set spelt out as an alternation
("ß" -> "(?:ß|ss)"). On a text where no character folds to several
(TextView.folds_simply), the twin finds exactly what the pattern finds, and it is
the twin that runs. A pattern with such a character in a set or a range, or a
source this module cannot read with certainty, has no twin. The source is read
conservatively: anything in a set that might be a range is one, and a range reaching
past the Basic Multilingual Plane is never safe. tests/test_simple_case.py holds
the twins to the full patterns on every shipped rule's example lines; the cleaned
development set, probes and generated corpus are the same with and without twins.

Processes that unpickle detectors without loading the rules (Dask workers) have no
twins and run the full patterns: slower, never different.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from functools import cache

import regex

from cleaner.pattern_store import PatternStore

# One character as a pattern source may write it: an escape that names a code point,
# an escaped symbol (`\-`, `\]`), or a plain character. Escapes such as \d or \p{L}
# name classes, not characters; they never fold to several characters.
_CHARACTER = (
    r"\\x\{[0-9A-Fa-f]+\}|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
    r"|\\N\{[^}]*\}|\\[0-7]{3}|\\[^A-Za-z0-9]|[^\\]"
)
# Every piece of a source, in order: the characters above, and class escapes such as
# \d or \p{L} (kept whole, so that their letters are not read as characters).
_TOKEN = regex.compile(rf"\\[pPN]\{{[^}}]*\}}|{_CHARACTER}|\\.", regex.DOTALL)
_RANGE = regex.compile(rf"({_CHARACTER})-({_CHARACTER})")
_BMP_END = 0xFFFF


def simple_twin(pattern: regex.Pattern[str], store: PatternStore) -> regex.Pattern[str] | None:
    """The pattern compiled with simple case folding, when that changes nothing it finds.

    None when the pattern does not fold case fully, or its source cannot be made
    fold-safe: the full pattern must run then.
    """
    if not pattern.flags & regex.FULLCASE or not pattern.flags & regex.IGNORECASE:
        return None
    source = simple_source(pattern.pattern)
    if source is None:
        return None
    twin: regex.Pattern[str] = store.compiled(source, pattern.flags & ~regex.FULLCASE)
    return twin


def simple_source(source: str) -> str | None:
    """The source of the simple-case twin; None when the pattern needs full folding.

    A character that folds to several, outside a set, becomes an alternation of
    itself and its folding: "ß" -> "(?:ß|ss)", which simple folding matches
    wherever full folding matched "ß" on a text without such characters. Inside a
    set or a range it cannot be spelt out, and the pattern keeps full folding.
    """
    if "(?" in source and regex.search(r"\(\?[a-zA-Z]*[fV]", source):
        return None  # an inline FULLCASE or VERSION1 flag: the twin would fold fully too
    pieces: list[str] = []
    in_set = False
    contents = 0  # where the contents of the last set opened begin
    for token in _TOKEN.finditer(source):
        written = token.group()
        was_in_set, in_set = in_set, _set_state(written, in_set, pieces)
        if in_set and not was_in_set:
            contents = token.end()
        elif was_in_set and not in_set and _range_folds(source[contents : token.start()]):
            return None
        spelt = _spelt(written, in_set)
        if spelt is None:
            return None
        pieces.append(spelt)
    return None if in_set else "".join(pieces)  # a set left open: not understood


def _spelt(written: str, in_set: bool) -> str | None:
    """A token as the twin writes it; None when only full folding can match it."""
    character = _decode(written)
    if character is None:
        return None
    if not _folds_to_several(character):
        return written
    if in_set:
        return None
    if _full_folding_agrees(character):
        return f"(?:{written}|{regex.escape(character.casefold())})"
    return written if _folds_like_one(character) else None


def _set_state(written: str, in_set: bool, pieces: list[str]) -> bool:
    """Whether the source is inside a set [..] once the token is read.

    Version 0 sets, as the rules are compiled: "[" inside a set is a character, and
    so is "]" right after "[" or "[^". A "]" right after any "^" is taken for a
    character too, which at worst keeps the set open: that keeps full folding.
    """
    if not in_set:
        return written == "["
    return written != "]" or not pieces or pieces[-1] in ("[", "^")


def _range_folds(contents: str) -> bool:
    """Whether a set holds something that may be a range over a multiple folding.

    Read conservatively: any "a-b" counts, whether or not "a" ends an earlier range.
    """
    for low, high in _RANGE.findall(contents, overlapped=True):
        first, last = _decode(low), _decode(high)
        if first is None or last is None:
            return True
        if ord(first) <= ord(last) and _range_folds_to_several(ord(first), ord(last)):
            return True
    return False


def _decode(written: str) -> str | None:
    """The character a source token stands for; None when it cannot be told."""
    if len(written) == 1 or written[1] not in "NxuU01234567":
        return written[-1]  # a plain character, or an escaped symbol: `\-` is "-"
    code = written[1:]
    try:
        if code.startswith("N{"):
            return unicodedata.lookup(code[2:-1])
        number = code[2:-1] if code.startswith("x{") else code[1:] if code[0] in "xuU" else code
        return chr(int(number, 8 if code[0] in "01234567" else 16))
    except (KeyError, ValueError, OverflowError):
        return None


def _folds_to_several(character: str) -> bool:
    return len(character.casefold()) > 1


_FULL = regex.IGNORECASE | regex.FULLCASE | regex.UNICODE
_COMBINING = range(0x300, 0x370)


@cache
def _full_folding_agrees(character: str) -> bool:
    """Whether the regex module's full folding matches the character to its casefold().

    Its tables are its own: "İ" does not match "i\u0307" there. The rewriting spells
    out Python's folding, so it is only used where the two agree.
    """
    return regex.fullmatch(regex.escape(character), character.casefold(), _FULL) is not None


@cache
def _folds_like_one(character: str) -> bool:
    """Whether full folding matches the character exactly where simple folding does.

    Asked of the characters on which the module's full folding and casefold()
    disagree ("İ"): the same single characters of the BMP must match, and none of
    them followed by a combining mark. Then the twin keeps the character as it is.
    About 40 ms, once per such character.
    """
    full = regex.compile(regex.escape(character), _FULL)
    simple = regex.compile(regex.escape(character), _FULL & ~regex.FULLCASE)
    singles = [chr(code) for code in range(_BMP_END + 1) if full.fullmatch(chr(code))]
    if singles != [chr(c) for c in range(_BMP_END + 1) if simple.fullmatch(chr(c))]:
        return False
    return not any(full.fullmatch(one + chr(mark)) for one in singles for mark in _COMBINING)


def _range_folds_to_several(first: int, last: int) -> bool:
    """Whether a range of code points holds one that folds to several characters."""
    if last > _BMP_END:
        return True  # not scanned; never assumed safe
    several = _several_in_bmp()
    index = bisect_left(several, first)
    return index < len(several) and several[index] <= last


@cache
def _several_in_bmp() -> tuple[int, ...]:
    """The code points of the BMP whose case folding is several characters (about 100)."""
    return tuple(code for code in range(_BMP_END + 1) if len(chr(code).casefold()) > 1)
