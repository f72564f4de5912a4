"""The folded form of text that `requires` words and pattern anchors are looked up in.

A rule's `requires` words and its patterns' anchors (cleaner.anchors) are quick
tests that rule a text or a line out before a pattern is tried: they must never
rule out a text the pattern would match. Case folding alone left a trap: a word
written with an accent the text lacks, or without one the text has ("demo" for
"Demander une démo", "reagir" for "Réagir à cet article"), silently kept the rule
off lines its pattern matches. Folding both sides the same way, case and
diacritics (canonical decomposition, combining marks dropped), closes it.

The fold maps each character on its own (decomposition is per character, and the
marks whose order normalization may change are all dropped), so a word inside a
text stays inside it once both are folded: the quick tests can only let more
through, never fewer. Letters without a decomposition ("ł", "ø") stay as they are,
and so do compatibility characters: a rule may require a no-break space or "…",
which a compatibility decomposition would turn into a plain space and "...".

cleaner.kinds.tokens.fold_accents, which folds a name's spelling, is not reused: it
decomposes for compatibility (NFKD, see above) and drops marks character by character
in Python, which suits one word but not a whole text folded on every pass.
"""

from __future__ import annotations

import unicodedata

import regex

# Characters of a non-zero canonical combining class: accents and other marks that
# normalization may reorder among themselves.
_MARKS = regex.compile(r"\P{ccc=0}+")


def fold(text: str) -> str:
    """Case-folded, canonically decomposed text without combining marks."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose: most English text, every ASCII word
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    return _MARKS.sub("", decomposed) if not decomposed.isascii() else decomposed
