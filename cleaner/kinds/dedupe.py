"""dedupe: lines that repeat other lines of the same document.

Three modes, one per rule file:
- `line`: a later line equal to an earlier one (case and spacing folded) is dropped;
  with `contents_min_run`, a table of contents is the exception: its entries go and
  the section headings they repeat stay (see cleaner.kinds.contents);
- `glued`: a headline from the top of the document glued to the start of a later
  line ("Headline Lede sentence …") is cut off that line;
- `prefix`: a line that is a strict prefix of another line (a teaser of the lede)
  is dropped, since every word of it survives in the longer line; `where` limits
  plain prefixes, while a teaser cut off with an ellipsis may go from any zone.
Short lines are never touched (`min_words`), so "Yes." or "* * *" can repeat.
With `capture`, a headline from the top of the document that is repeated or glued
is kept as metadata under that field: the repetition is what shows it is a title.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from cleaner.document import Line, TextView
from cleaner.kinds.common import default_message, remove_lines
from cleaner.kinds.contents import adjacent_runs, section_headings
from cleaner.kinds.prefix_index import PrefixIndex
from cleaner.layout import WHERE_CHOICES, allowed, is_prose
from cleaner.params import Params
from cleaner.patterns import Pattern, fullmatch
from cleaner.rule import Edit, MetadataItems, RuleSpec

MODES = ("line", "glued", "prefix")
_KEY_WORDS = 5
_ELLIPSIS = regex.compile(r"\s*(?:…|\.{3})$")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Compare lines ignoring case and runs of spaces.

    Remembered: two dedupe rules fold the same lines, pass after pass.
    """
    return " ".join(text.split()).casefold()


class Dedupe:
    """Detector for the dedupe kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.mode = params.choice("mode", MODES, "line")
        self.min_words = params.integer("min_words", 4, minimum=1)
        self.max_headline_words = params.integer("max_headline_words", 25, minimum=1)
        self.headline_lines = params.integer("headline_lines", 5, minimum=1)
        self.contents_min_run = params.integer("contents_min_run", 0, minimum=0)
        self.contents_labels = frozenset(map(_label_key, params.texts("contents_labels")))
        self.where = params.choice("where", WHERE_CHOICES, "anywhere")
        self.capture: str | None = params.text("capture", None)
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def _title(self, headline: Line) -> MetadataItems:
        """With `capture`, a repeated or glued headline is kept as that field (the title)."""
        return ((self.capture, " ".join(headline.text.split())),) if self.capture else ()

    def detect(self, view: TextView) -> Iterator[Edit]:
        """Dispatch on the configured mode."""
        least = self.min_words  # split no further than needed to count that many words
        candidates = [line for line in view.lines if len(line.text.split(maxsplit=least)) >= least]
        if self.mode == "line":
            yield from self._repeated(view, candidates)
        elif self.mode == "glued":
            yield from self._glued(view, candidates)
        else:
            yield from self._prefixes(view, candidates)

    def _repeated(self, view: TextView, lines: list[Line]) -> Iterator[Edit]:
        """Later copies go, the first stays; a table of contents is the exception."""
        copies: dict[str, list[Line]] = {}
        for line in lines:
            copies.setdefault(fold(line.text), []).append(line)
        repeated = {text: group for text, group in copies.items() if len(group) > 1}
        if not repeated:
            return
        kept = self._section_headings(view, repeated)
        later = [
            (line, group[0])
            for text, group in repeated.items()
            if text not in kept
            for line in group[1:]
            if allowed(view, line.index, self.where)
        ]
        yield from self._contents_copies(view, repeated, kept, {line.index for line, _ in later})
        headlines = {line.index for line in self._headlines(view)}
        for line, first in later:
            reason = f"{self.message} (repeats line {first.index + 1})"
            title = self._title(first) if first.index in headlines else ()
            yield remove_lines(view, line.index, line.index, self.rule, reason, title)

    def _section_headings(self, view: TextView, repeated: dict[str, list[Line]]) -> dict[str, int]:
        """Contents entries by folded text, with the index of the heading that stays."""
        if not self.contents_min_run or len(repeated) < self.contents_min_run:
            return {}
        return section_headings(view.content_lines, repeated, fold, self.contents_min_run)

    def _contents_copies(
        self, view: TextView, repeated: dict[str, list[Line]], kept: dict[str, int], going: set[int]
    ) -> Iterator[Edit]:
        """Every copy of a section heading but the heading itself goes.

        Adjacent copies (the entries of one list) go in one edit: the engine applies
        one of two edits that touch, and one entry per pass would leave a list too
        short to be recognised as contents in the next.
        """
        doomed = sorted(
            line.index
            for text, heading in kept.items()
            for line in repeated[text]
            if line.index != heading and allowed(view, line.index, self.where)
        )
        detail = "a table of contents: each entry comes back as a heading, which stays"
        for first, last in adjacent_runs(view.lines, doomed):
            reason = f"{self.message} ({detail})"
            start = self._label_above(view, first, going)
            yield remove_lines(view, start, last, self.rule, reason)

    def _label_above(self, view: TextView, first: int, going: set[int]) -> int:
        """The first line of a contents list, or its label ("Inhalt:") right above it.

        A label goes only with a list recognised by its entries, so "Inhalt" as the
        heading of a review's plot summary stays. Lines between that go anyway (a
        repeated headline) do not hide the label.
        """
        above = next(
            (
                line
                for line in reversed(view.lines[:first])
                if not line.is_blank and line.index not in going
            ),
            None,
        )
        if above is None or _label_key(above.text) not in self.contents_labels:
            return first
        return above.index if allowed(view, above.index, self.where) else first

    def _headlines(self, view: TextView) -> list[Line]:
        content = view.content_lines[: self.headline_lines]
        return [
            line
            for line in content
            if len(line.text.split()) <= self.max_headline_words and not is_prose(line.text)
        ]

    def _glued(self, view: TextView, lines: list[Line]) -> Iterator[Edit]:
        headlines = self._headlines(view)
        for headline in headlines:
            words = headline.text.split()
            if len(words) < self.min_words:
                continue
            later = [
                line
                for line in lines
                if line.index > headline.index and may_open_with(line.text, words)
            ]
            if not later:
                continue  # no later line opens with the headline: nothing to compile
            pattern = _glued_regex(tuple(words))
            for line in later:
                match = fullmatch(pattern, line.text)
                if match and self._glued_rest(view, line, match.group("rest")):
                    start = line.start + match.start("rest")
                    reason = f"{self.message} (headline of line {headline.index + 1})"
                    yield Edit(line.start, start, "", self.rule, reason, self._title(headline))

    def _glued_rest(self, view: TextView, line: Line, rest: str) -> bool:
        """Whether `rest` reads as a new sentence glued on, in a zone the rule may edit.

        A headline continued in lower case is a sentence that merely starts with the
        headline's words, so it is left alone.
        """
        if len(rest.split()) < self.min_words or rest[:1].islower():
            return False
        return allowed(view, line.index, self.where)

    def _prefixes(self, view: TextView, lines: list[Line]) -> Iterator[Edit]:
        by_key: dict[str, list[tuple[Line, str]]] = {}
        for line in lines:
            folded = fold(line.text)
            key = " ".join(folded.split()[:_KEY_WORDS])
            by_key.setdefault(key, []).append((line, folded))
        for group in by_key.values():
            if len(group) < 2:
                continue  # no other line opens with the same words: nothing continues it
            index = PrefixIndex([folded for _, folded in group])
            for line, folded in group:
                longer = _longer_line(folded, group, index)
                if longer is not None and self._teaser_allowed(view, line, folded):
                    reason = f"{self.message} (prefix of line {longer.index + 1})"
                    yield remove_lines(view, line.index, line.index, self.rule, reason)

    def _teaser_allowed(self, view: TextView, line: Line, folded: str) -> bool:
        """Whether this teaser may go: from anywhere if cut with an ellipsis.

        A plain prefix only from `where`, and never the document's first line: that is
        its title, which a lede may repeat word for word.
        """
        if _ELLIPSIS.search(folded):
            return True
        first = next(candidate for candidate in view.lines if not candidate.is_blank)
        return line.index != first.index and allowed(view, line.index, self.where)


def _label_key(text: str) -> str:
    """A contents label compared as lines are, without a closing colon ("Inhalt:")."""
    return fold(text).rstrip(": ")


def glued_pattern(words: list[str]) -> str:
    """The pattern of a line that opens with the headline's words and goes on.

    Every copy of the headline glued in front goes in one edit: one copy per pass
    would need as many passes as there are copies.
    """
    copy = r"\s+".join(regex.escape(w) for w in words) + r"[^\S\r\n]+"
    return rf"\s*(?:{copy})+(?P<rest>\S.*)"


@lru_cache(maxsize=1024)
def _glued_regex(words: tuple[str, ...]) -> Pattern:
    """The compiled `glued_pattern`, kept: the engine's next pass asks for it again."""
    return regex.compile(glued_pattern(list(words)), regex.IGNORECASE)


def may_open_with(text: str, words: list[str]) -> bool:
    """Whether `text` may open with `words` and go on, ignoring case and spacing.

    A cheap test before compiling a headline's pattern (a compile costs a
    millisecond or two). The pattern's white space is `\\s`, which str.split also
    splits on, so a matching line's first words are the headline's words, with
    more after them. Case-insensitive matching without full case folding pairs
    characters one to one; most pairs share a lower or upper form, and for the few
    others ("İ" and "i") the regex module is asked once.
    """
    tokens = text.split(maxsplit=len(words))
    if len(tokens) <= len(words):
        return False
    return all(
        len(token) == len(word) and all(map(_same_letter, token, word))
        for token, word in zip(tokens, words, strict=False)
    )


def _same_letter(one: str, other: str) -> bool:
    return (
        one == other
        or one.lower() == other.lower()
        or one.upper() == other.upper()
        or _regex_same_letter(one, other)
    )


@lru_cache(maxsize=4096)
def _regex_same_letter(one: str, other: str) -> bool:
    """The regex module's own answer, for the rare pairs the str methods disagree on."""
    return regex.fullmatch(regex.escape(other), one, regex.IGNORECASE) is not None


def _longer_line(folded: str, group: list[tuple[Line, str]], index: PrefixIndex) -> Line | None:
    """The first line of the group that continues `folded` past a word boundary.

    The boundary may be a space or punctuation ("… inside Russia" continued by
    "… inside Russia, officials said"); a teaser cut off with an ellipsis may also
    stop inside a word. A continuation that starts a new sentence after a space is a
    headline glued to a lede (mode `glued` cuts that copy), not a teaser.
    """
    stem = _ELLIPSIS.sub("", folded)
    truncated = stem != folded
    best: int | None = None
    for other_folded, places in index.extending(stem):
        if len(other_folded) <= len(folded):
            continue
        for place in places:
            if best is not None and place >= best:
                break
            if truncated or _continues(stem, group[place][0], other_folded[len(stem)]):
                best = place
                break
    return None if best is None else group[best][0]


def _continues(stem: str, other: Line, boundary: str) -> bool:
    """Whether `other` goes on from `stem` within the same sentence."""
    if boundary.isalnum():
        return False
    if not boundary.isspace():
        return True
    following = other.text.split()[len(stem.split())]
    return following[:1].islower()
