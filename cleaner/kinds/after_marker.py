"""after_marker: a closing section heading below the article and the short lines under it.

Below the last paragraph of an article, a heading such as "Related articles",
"Mehr zum Thema" or "Comments" opens the page furniture: the lines under it are
other stories' headlines, which no word list can name, but the heading can be named.
The rule looks for a marker line (a phrase or pattern that is the whole line,
decoration and a count allowed) with at most `max_prose_after` lines of prose below
it (a cookie notice or a copyright line may follow, a further paragraph may not), and
removes it together with the run of short lines right under it (`max_words`,
`max_chars`, not prose, not opening with a sentence of prose; a teaser cut off with an
ellipsis is an entry though it reads as prose). The run stops at the first line that
does not fit; a run longer than `max_lines` and the rule leaves everything alone, an
empty run and only the marker goes.

With `inline: true` the marker may stand anywhere, as the label of a box of links
that sites put between paragraphs ("Related" and two headlines, then the article
goes on). Every such marker goes with the short lines under it, up to the next
marker or the next line of prose; a marker with nothing short under it, or with
more than `max_lines`, is left to the rules that judge the label alone. The marker
list must then be labels that only ever introduce links: a box's headlines look
like the article's own subheadings, and only the label tells them apart. Where a
box's entries end with a line of their own (a date or time under each headline,
`entry_end`), the box ends after the last such line: a short line after it is the
article's next subheading, not half an entry.

Two options shape the run for boxes that are not lists of headlines: an author
box's biography is written as sentences (`max_prose_in_run` lets that many lines of
prose in, `max_prose_words` caps their length, and `min_plain_lines` asks an inline
box for that many lines that are not prose and ends it at the last of them, so that
a subheading over a short paragraph is not taken for a title over its box's pitch,
nor the paragraph after a box for part of it), and a share bar's run must be button
names only (`run_line`, which every line of the run must match), and a weather or
ticket box must hold a reading or a call to buy (`run_needs`, which one line of the run
must match: a price list under "Tickets" is the story's). With `run_above`,
the marker closes the box and the run is the short lines above it (a league table
over "View full table"; how the marker's and the run's removals are cut is
cleaner.kinds.marker_spans'). With `max_boxes`, a text with more markers than that is
left alone: a picture series whose every caption is credited tells its story in the
captions. With `prose_below`, the marker must have a paragraph under it: a box
between paragraphs, not the article's last sentence over a credit line at its end.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import Line, TextView
from cleaner.kinds.common import DECORATION, default_message, phrase_alternatives
from cleaner.kinds.line_memo import WholeLineMatch
from cleaner.kinds.marker_spans import marker_edits
from cleaner.layout import asks_briefly, cut_off_briefly, is_prose, opens_with_prose
from cleaner.params import Params
from cleaner.patterns import Pattern, folded_anchors, fullmatch
from cleaner.rule import Edit, RuleSpec
from cleaner.story_blocks import continues_numbering

_COUNT = r"(?:[^\S\r\n]*[(\[]?[0-9][0-9.,]*[)\]]?)?"


def marker_pattern(params: Params, ignore_case: bool) -> Pattern:
    """One whole-line pattern for the marker phrases and patterns, decoration allowed."""
    body = phrase_alternatives(params, "markers", ignore_case=ignore_case)
    source = f"{DECORATION}{body}{_COUNT}{DECORATION}"
    return params.compile("markers", source, ignore_case=ignore_case)


class AfterMarker:
    """Detector for the after_marker kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        ignore_case = not params.boolean("case_sensitive", False)
        self.marker = marker_pattern(params, ignore_case)
        self.max_words = params.integer("max_words", 12, minimum=1)
        self.max_chars = params.integer("max_chars", 100, minimum=1)
        self.max_lines = params.integer("max_lines", 40, minimum=1)
        self.max_prose_after = params.integer("max_prose_after", 1)
        self.inline = params.boolean("inline", False)
        self.run_above = params.boolean("run_above", False)
        self.max_prose_in_run = params.integer("max_prose_in_run", 0, minimum=0)
        self.max_prose_words = params.integer("max_prose_words", 0, minimum=0)  # 0: any length
        self.max_question_words = params.integer("max_question_words", 0, minimum=0)
        self.min_plain_lines = _min_plain_lines(params, self.inline and not self.run_above)
        self.max_boxes = params.integer("max_boxes", 0, minimum=0)  # 0: any number
        self.prose_below = params.boolean("prose_below", False)
        # A line's shape: simple case folding (see cleaner.patterns.compile_pattern).
        self.run_line: Pattern | None = params.pattern(
            "run_line", ignore_case=ignore_case, full_case=False, default=None
        )
        self.run_needs: Pattern | None = params.pattern(
            "run_needs", ignore_case=ignore_case, default=None
        )
        self.entry_end: Pattern | None = params.pattern("entry_end", default=None)
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id
        self._is_marker_text = WholeLineMatch(self.marker)
        # It acts only at a marker: a text without one of the marker's anchors is skipped.
        self.implied_requires = folded_anchors(self.marker)

    def detect(self, view: TextView) -> Iterator[Edit]:
        """Removals for the first marker below the body that heads a run of short lines."""
        bounds = view.body
        if bounds is None:
            return
        content = view.content_lines
        if self.inline:
            markers = [position for position, line in enumerate(content) if self._is_marker(line)]
            if not markers or (self.max_boxes and len(markers) > self.max_boxes):
                return  # no marker; or a series of pictures, each credited: their captions
            boxes = self._boxes_above if self.run_above else self._boxes
            yield from boxes(view, content, markers)
            return
        prose_after = sum(self._prose(line.text) for line in content)
        for position, line in enumerate(content):
            prose_after -= self._prose(line.text)
            if line.index <= bounds[0] or prose_after > self.max_prose_after:
                continue
            if not self._is_marker(line):
                continue
            run = self._run(content[position + 1 :])
            if len(run) > self.max_lines or not self._holds_needed(run):
                continue
            reason = f"{self.message} ({len(run)} lines under the marker)"
            yield from marker_edits(
                view, line.index, run[-1].index if run else None, self.rule, reason
            )
            return

    def _boxes(self, view: TextView, content: list[Line], markers: list[int]) -> Iterator[Edit]:
        """Removals for every marker that labels a few short lines inside the text.

        Boxes stacked right under each other ("Previous post" and its title, "Next
        post" and its title) go as one removal: apart, the removal of one box's lines
        and the next box's label would touch, and the engine keeps only one of two
        edits that overlap. A stack starts only at a marker (`markers`: their
        positions in `content`), so only those positions are tried.
        """
        taken = 0
        for position in markers:
            if position < taken:
                continue  # inside a stack already removed
            end = self._stack_end(content, position)
            if end == position:
                continue
            last = content[end - 1]
            reason = f"{self.message} ({end - position - 1} lines in the box)"
            yield from marker_edits(view, content[position].index, last.index, self.rule, reason)
            taken = end

    def _boxes_above(
        self, view: TextView, content: list[Line], markers: list[int]
    ) -> Iterator[Edit]:
        """Removals for every marker that closes a few short lines above it (`run_above`).

        A widget that no title names may end with a link that does ("View full table"
        under a league table). The run is collected upwards, up to the previous line of
        prose, marker or box (a run that reaches the top of the text could hold the
        article's headline, and is left), and goes with the marker as one removal: the edit starts
        at the run's first line, so the engine keeps it over a rule that takes one of
        its lines alone. Only the markers' positions (`markers`) are tried.
        """
        is_marker = set(markers).__contains__
        taken = 0
        for position in markers:
            if position < taken:
                continue
            above = self._run(content[taken:position][::-1], stop_at_marker=True)[::-1]
            if not above or len(above) > self.max_lines or above[0] is content[0]:
                continue  # no box, too long, or reaching the top: the headline may be in it
            if not self._holds_needed(above):
                continue
            last = position  # links stacked under the first ("All events", "Submit yours")
            while is_marker(last + 1):
                last += 1
            if self.prose_below and not _prose_at(content, last + 1):
                continue  # not between paragraphs: the run may be the article's last lines
            start, end = view.removal_span(above[0].index, content[last].index)
            reason = f"{self.message} ({len(above)} lines above the link)"
            yield Edit(start, end, "", self.rule, reason)
            taken = last + 1

    def _stack_end(self, content: list[Line], position: int) -> int:
        """Where the boxes stacked from `position` end (`position` itself: no box there)."""
        end = position
        while end < len(content) and self._is_marker(content[end]):
            run = self._as_box(self._entries(self._run(content[end + 1 :], stop_at_marker=True)))
            if not run or len(run) > self.max_lines:
                break
            end += 1 + len(run)
        return end

    def _is_marker(self, line: Line) -> bool:
        """Whether the line is a marker: short as a heading is (no search for prose lines).

        The answer is remembered by the line's text (cleaner.kinds.line_memo): every
        pass, and every box's stack, asks again about the same lines.
        """
        return len(line.text) <= self.max_chars and self._is_marker_text(line.text)

    def _entries(self, run: list[Line]) -> list[Line]:
        """The run up to the last line that closes an entry, when the box has such lines."""
        if self.entry_end is None:
            return run
        ends = [index for index, line in enumerate(run) if fullmatch(self.entry_end, line.text)]
        return run[: ends[-1] + 1] if ends else run

    def _run(self, lines: list[Line], stop_at_marker: bool = False) -> list[Line]:
        """The short, non-prose lines right under the marker (up to the next, if asked).

        With `max_prose_in_run`, that many lines of prose may be part of the run, of any
        length or of at most `max_prose_words`: an author box's biography is written as
        sentences, and so is a picture's caption. With `max_question_words`, a question
        that short is a headline ("Which roads are closed and when will they reopen?"), as
        a teaser cut off with an ellipsis always is.
        With `run_line`, every line of the run must match it (a share bar's buttons:
        "Facebook", "X"). A numbered list's next item is an entry even when it reads as
        a sentence (cleaner.story_blocks.continues_numbering).
        """
        run: list[Line] = []
        prose_left = self.max_prose_in_run
        for line in lines:
            text = line.text.strip()
            if stop_at_marker and self._is_marker(line):
                break
            if self.run_line is not None and fullmatch(self.run_line, text) is None:
                break
            asks = self._asks(text)  # a headline that asks is an entry, not a sentence
            if prose_left and not asks and is_prose(text) and self._prose_fits(text):
                prose_left -= 1
            elif len(text.split()) > self.max_words or len(text) > self.max_chars:
                break
            elif self._ends_run(run, text, asks):
                break  # a paragraph, perhaps with a widget word glued on: not a teaser
            run.append(line)
        return run

    def _ends_run(self, run: list[Line], text: str, asks: bool) -> bool:
        """Whether a line that fits the length limits is prose, unless it is the next item."""
        if asks or not (is_prose(text) or opens_with_prose(text)):
            return False
        return not (run and continues_numbering(run[-1].text, text))

    def _as_box(self, run: list[Line]) -> list[Line]:
        """The run as a box's entries, or [] when it is no box.

        Under `min_plain_lines`, the box ends at its last line that is not prose (a
        paragraph after it is the article's), and it needs that many such lines (a
        subheading over a short paragraph has none); under `run_needs`, the line it names.
        """
        if self.min_plain_lines:
            end = len(run)
            while end and is_prose(run[end - 1].text):
                end -= 1
            plain = sum(not is_prose(line.text) for line in run[:end])
            run = run[:end] if plain >= self.min_plain_lines else []
        return run if self._holds_needed(run) else []

    def _holds_needed(self, run: list[Line]) -> bool:
        """Whether the run has a line matching `run_needs` (always, without it)."""
        needs = self.run_needs
        return needs is None or any(fullmatch(needs, line.text.strip()) for line in run)

    def _asks(self, text: str) -> bool:
        """A headline with prose's closing mark: a box's entry, not a sentence.

        A question of at most `max_question_words` ("Which roads are closed?"), or a
        teaser cut off with an ellipsis ("… a walk along the old line…").
        """
        if len(text) > self.max_chars:
            return False
        return cut_off_briefly(text, self.max_words) or asks_briefly(text, self.max_question_words)

    def _prose(self, text: str) -> bool:
        """A line of prose that is not a box's headline (a short question, a cut-off teaser)."""
        return is_prose(text) and not self._asks(text.strip())

    def _prose_fits(self, text: str) -> bool:
        """Whether a line of prose is short enough to be part of the run."""
        return not self.max_prose_words or len(text.split()) <= self.max_prose_words


def _min_plain_lines(params: Params, stacked_boxes: bool) -> int:
    """`min_plain_lines`, read only for inline boxes under their title.

    Elsewhere (a closing section, a box above its link) it would do nothing, and a
    rule author would not see that: the rule file is refused instead.
    """
    value = params.integer("min_plain_lines", 0, minimum=0)
    if value and not stacked_boxes:
        raise params.error("min_plain_lines", "applies only with inline: true and no run_above")
    return value


def _prose_at(content: list[Line], position: int) -> bool:
    """Whether there is a line at `position` and it is prose."""
    return position < len(content) and is_prose(content[position].text)
