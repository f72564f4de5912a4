"""orphan_lines: the short lines a removed widget left behind in its paragraph.

Rules name a widget by its words, and a widget's last button or label often has no
telling words of its own: "Reject non-essential" under a cookie notice, "Allow"
under a notification prompt, a news agency's name between a byline and its date,
the fourth price of a market ticker. Once the rules have removed the rest of the
widget, such a line stands where the widget stood (see cleaner.seams), and that is
what this kind judges, the way jusText's context step judges a short block by its
neighbours.

A paragraph (a run of lines between blank lines) is an orphan when removals took at
least `min_removed` lines of it, every line left is short (`max_words`, `max_chars`)
and none is prose, and at most `max_lines` are left. Where a text marks its
paragraphs with blank lines, the lines of one paragraph come from one element of the
page; a text written one block per line, without blank lines, is one paragraph, and
the kind leaves it alone. The first paragraph is never an orphan: above a removed
byline it is the headline. Nor is a paragraph with a line matching a `spare`
pattern (a date): it carries what the metadata rules keep. Only removals by rules
of the packs in `after_packs` count (or, when given, by the rules in `after_rules`:
a caption is what a removed credit leaves), never this rule's own. With
`box_edge`, only lines removed right above the paragraph's first line (`above`: a
box's label), right below its last line (`below`: the link that closes a box),
either, or `both` (a box's title and its button, each gone), count: the box's entries
are what is left. With `both`, `below_rules` may name other rules for the line below
(a caption framed by its removed toggle above and its removed credit below: the credit
is what makes it a caption). A line left is never prose, except that with
`max_prose_words` a sentence of at most that many words may be left too: the one-line
pitch between a subscription box's removed title and its removed button; and with
`max_question_words` a question of at most that many words: a headline that asks
("Wie teuer wird der Müll im nächsten Jahr?") reads as a sentence, but in the
paragraph of a removed box label it is one of the box's entries; and with
`max_cut_off_words` a line of at most that many words that the site cut off with an
ellipsis, whatever its length in characters: what a paywall leaves of the paragraph it
cut ("Councillors are expected to revisit the figures when…") above its removed prompt.

The kind needs other rules to act first, so its examples run with the rules named
in `example_rules` (see cleaner.selftest).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import Line, TextView
from cleaner.kinds.common import default_message, remove_lines, whole_line_patterns
from cleaner.layout import asks_briefly, cut_off_briefly, is_prose
from cleaner.params import Params
from cleaner.patterns import fullmatch
from cleaner.rule import Edit, RuleSpec
from cleaner.seams import Seams, line_seams

BOX_EDGES = ("", "above", "below", "either", "both")


class OrphanLines:
    """Detector for the orphan_lines kind."""

    reads_removals = True  # the engine carries removals from pass to pass only for such kinds

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.max_words = params.integer("max_words", 8, minimum=1)
        self.max_chars = params.integer("max_chars", 60, minimum=1)
        self.max_lines = params.integer("max_lines", 4, minimum=1)
        self.min_removed = params.integer("min_removed", 2, minimum=1)
        self.after_packs = frozenset(params.texts("after_packs", ("boilerplate", "metadata")))
        self.after_rules = frozenset(params.texts("after_rules"))
        self.box_edge = params.choice("box_edge", BOX_EDGES, "")
        self.below_rules = frozenset(params.texts("below_rules"))
        if self.below_rules and self.box_edge != "both":
            raise params.error("below_rules", "needs box_edge: both")
        self.max_prose_words = params.integer("max_prose_words", 0, minimum=0)
        self.max_question_words = params.integer("max_question_words", 0, minimum=0)
        self.max_cut_off_words = params.integer("max_cut_off_words", 0, minimum=0)
        self.example_rules = params.texts("example_rules")
        self.spare = whole_line_patterns(params, "spare")
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def counts(self, rule: str) -> bool:
        """Whether a removal by `rule` can leave orphans: a rule named, or of the packs named."""
        if rule == self.rule:
            return False
        if self.after_rules:
            return rule in self.after_rules
        return rule.split(".", 1)[0] in self.after_packs

    def counts_below(self, rule: str) -> bool:
        """Whether a removal by `rule` right below a paragraph counts, when `below_rules` is set."""
        return rule in self.below_rules

    def detect(self, view: TextView) -> Iterator[Edit]:
        """One edit per orphaned paragraph; nothing before any rule removed a line."""
        if not view.removals:
            return
        seams = line_seams(view, self.counts)
        if not seams:
            return
        under = line_seams(view, self.counts_below) if self.below_rules else seams
        paragraphs = list(_paragraphs(view.content_lines))
        for paragraph in paragraphs[1:]:  # the first holds the headline
            if self._orphaned(paragraph, seams, under):
                reason = f"{self.message} ({len(paragraph)} lines left by a removed widget)"
                yield remove_lines(view, paragraph[0].index, paragraph[-1].index, self.rule, reason)

    def _orphaned(self, paragraph: list[Line], seams: Seams, under: Seams) -> bool:
        # Lines removed from inside the paragraph count once, above the line under them
        # (the line over them lost them too); those at its end count below its last line.
        if self.box_edge:  # only the box's label over it or its closing link under it
            above = seams.above.get(paragraph[0].index, 0)
            below = under.below.get(paragraph[-1].index, 0)
            if self.box_edge == "both" and not (above and below):
                return False
            removed = (above if self.box_edge != "below" else 0) + (
                below if self.box_edge != "above" else 0
            )
        else:
            removed = sum(seams.above.get(line.index, 0) for line in paragraph)
            removed += seams.below.get(paragraph[-1].index, 0)
        return (
            removed >= self.min_removed
            and len(paragraph) <= self.max_lines
            and all(self._short(line.text) for line in paragraph)
        )

    def _short(self, text: str) -> bool:
        """A short line, not prose (or a sentence of `max_prose_words`), with nothing to keep."""
        if cut_off_briefly(text, self.max_cut_off_words):  # never, when 0
            return self._spare_free(text)
        words = len(text.split())
        return (
            words <= self.max_words
            and len(text.strip()) <= self.max_chars
            and (
                words <= self.max_prose_words
                or not is_prose(text)
                or asks_briefly(text, self.max_question_words)
            )
            and self._spare_free(text)
        )

    def _spare_free(self, text: str) -> bool:
        """Whether no `spare` pattern keeps the line (a date the metadata rules keep)."""
        return self.spare is None or fullmatch(self.spare, text) is None


def _paragraphs(content: list[Line]) -> Iterator[list[Line]]:
    """Runs of consecutive non-blank lines."""
    paragraph: list[Line] = []
    for line in content:
        if paragraph and line.index != paragraph[-1].index + 1:
            yield paragraph
            paragraph = []
        paragraph.append(line)
    if paragraph:
        yield paragraph
