"""edge_lines: runs of short non-sentence lines at the very top or bottom of a page.

Menus, section lists, login and footer links survive extraction as a stack of one-,
two- or three-word lines ("Home", "Politics", "Sign in") above the article and below
it. No word list can name every site's menu, but the shape is telling: several short
lines in a row, none closing like a sentence, touching the edge of the document and
lying outside the article body (see cleaner.layout). A run is counted from the
document's first (or last) line inward and stops at the first line that does not
fit, which keeps a title or a closing line of the article out of it; nothing inside
the body is touched, and a text without prose is left alone.

Params: `side` (top, bottom, both), `max_words` (3), `min_run` (lines needed, 3),
`digits` (whether a line may hold a digit, false), `sentence_end` (the pattern of a
closing mark), `spare` (patterns of lines that never fit and end the run: sign-offs,
"Label: value" lines whose metadata another rule keeps), `signature_after` (patterns
of a letter's closing line, "Yours faithfully,": a run that this line ends is the
writer's name and place, and stays; so is the whole run under a body whose last
sentence is such a closing), `signature_name` and `signature_place` (a run of
just these two lines right under the body, a name over a place, is a letter's
signature and stays; so do a society's officers, "Name, office", over a place or the
society's name), `signature_middle` (patterns of the writer's street or house, which
may stand between the two, as a role may, and of an officer's office) and
`spare_adjacent` (never take the line next to the body, true).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.document import Line, TextView
from cleaner.kinds.common import default_message, remove_lines, whole_line_patterns
from cleaner.layout import ends_sentence
from cleaner.params import Params
from cleaner.patterns import Pattern, fullmatch
from cleaner.rule import Edit, RuleSpec

SIDES = ("both", "top", "bottom")
MAX_OFFICERS = 6  # a society signs with a few officers, not a page of names
DEFAULT_SENTENCE_END = r"[.!?…:;,][\"”»“’')\]]*\s*$"


class EdgeLines:
    """Detector for the edge_lines kind."""

    def __init__(self, spec: RuleSpec, params: Params) -> None:
        self.side = params.choice("side", SIDES, "both")
        self.max_words = params.integer("max_words", 3, minimum=1)
        self.min_run = params.integer("min_run", 3, minimum=1)
        self.digits = params.boolean("digits", False)
        self.spare_adjacent = params.boolean("spare_adjacent", True)
        self.spare = whole_line_patterns(params, "spare")
        self.signature_after = whole_line_patterns(params, "signature_after")
        self.signature_name = whole_line_patterns(params, "signature_name")
        self.signature_place = whole_line_patterns(params, "signature_place")
        self.signature_middle = whole_line_patterns(params, "signature_middle")
        self.sentence_end: Pattern = params.compile(
            "sentence_end", params.text("sentence_end", DEFAULT_SENTENCE_END)
        )
        self.message = params.text("message", default_message(spec))
        self.rule = spec.id

    def fits(self, text: str) -> bool:
        """A short line that does not close like a sentence (and has no digit, by default).

        Lines matching `spare` (a sign-off such as "Cheers, Anna") never fit: they end
        the article and would otherwise be swept up with the footer below them.
        """
        words = len(text.split())
        if not 0 < words <= self.max_words or self.sentence_end.search(text):
            return False
        if _reads(self.spare, text):
            return False
        if self.closes_letter(text):
            return False
        return self.digits or not any(char.isdigit() for char in text)

    def closes_letter(self, text: str) -> bool:
        """A letter's closing line ("Yours faithfully,"): the short lines under it sign it."""
        return _reads(self.signature_after, text)

    def is_signature(self, name: str, place: str) -> bool:
        """A writer's name over their town ("Bernard Lemoine" / "Vauclerc-sur-Orne")."""
        return _reads(self.signature_name, name) and _reads(self.signature_place, place)

    def signs_letter(self, lines: list[Line], run: list[int], edge: Line | None = None) -> bool:
        """The run is a letter's signature, which stays.

        Either the lines under its closing line ("Yours faithfully,", a line of names perhaps
        between them; the closing may be the body's last line, `edge`), or just a name over
        a town between the body (or a short closing sentence under it) and the edge
        ("Bernard Lemoine" / "Vauclerc-sur-Orne"), the
        writer's role, street or house perhaps on a line between them ("Dr Peter Lund" /
        "Retired hydrologist" / "Port Aske"; see `_between_name_and_town`, the town alone
        is read by `signature_place`), or a society's officers over its name. A name too
        long to fit the run ("Rev Canon David Ashworth", blind373 lost it) stands just
        above it.
        """
        if self._under_closing_line(lines, len(run), edge):
            return True
        sizes = (size for size in (len(run), len(run) + 1) if size <= len(lines))
        return any(
            self._under_body_or_sentence(lines, size) and self._signed_by(lines[:size])
            for size in sizes
        )

    def _signed_by(self, lines: list[Line]) -> bool:
        """A name over a town (two or three lines), or a society's officers over its name."""
        if 2 <= len(lines) <= 3 and self._name_over_town(lines):
            return True
        return self._officers_over_society(lines)

    def _under_closing_line(self, lines: list[Line], size: int, edge: Line | None) -> bool:
        """The run is under a letter's closing line, or under a line of names under it.

        A couple signing first ("Mieszkańcy osiedla Widok:" / "Anna i Marek
        Kowalczykowie" / "Barbara Lis") makes a line too long for the run (blind366 lost
        them); a line that closes like a sentence is prose, not names. A run that reaches
        the body is under its last line, `edge`: a French letter closes with a sentence
        ("Veuillez agréer, Monsieur le Maire, l'expression de mes salutations
        distinguées."), which the body counts as prose (blind413 lost "Geneviève Lartigue" /
        "parent d'élève" under it).
        """
        above = lines[size] if size < len(lines) else edge
        if above is not None and self.closes_letter(above.text):
            return True
        if size + 1 >= len(lines) or ends_sentence(lines[size].text):
            return False
        return self.closes_letter(lines[size + 1].text)

    def _name_over_town(self, lines: list[Line]) -> bool:
        """A name over a town, with the writer's role or street perhaps between them."""
        name, *place = _top_down(lines)
        if len(place) == 2 and not self._between_name_and_town(place[0]):
            return False  # "Neuer Abschnitt" / "Thüringen" / "Hintergrund": a menu
        return self.is_signature(name, place[-1])

    def _officers_over_society(self, lines: list[Line]) -> bool:
        """A society's officers, each with their office, over its name or town.

        "Eileen Brough, chair" / "Tom Yates, treasurer" / "Maureen Doyle, secretary" /
        "Coldwell Allotment Society" (blind380 lost it): every line above the last is a
        name with an office after its comma, so a list of authors or a menu still goes.
        """
        if not 3 <= len(lines) <= MAX_OFFICERS + 1:
            return False
        *officers, society = _top_down(lines)
        return _reads(self.signature_place, society) and all(map(self._is_officer, officers))

    def _is_officer(self, text: str) -> bool:
        """A name with an office after its comma ("Tom Yates, treasurer").

        The office is in small letters or one that `signature_middle` reads ("Ann Lee,
        Hon. Secretary").
        """
        name, comma, office = text.partition(",")
        office = office.strip()
        if not comma or not office or not _reads(self.signature_name, name):
            return False
        return office[:1].islower() or _reads(self.signature_middle, office)

    def _under_body_or_sentence(self, lines: list[Line], size: int) -> bool:
        """The run reaches the body, or a short closing sentence the body does not count.

        A letter may end on a line too short to be prose ("Ich hoffe, der Gemeinderat hält
        diesmal Wort."), with the writer's name and town under it (blind361 lost them). A
        label's colon is no such end: "Comenta este artículo en:" / "Hacker News" / "Reddit"
        is a link box.
        """
        if size == len(lines):
            return True
        return ends_sentence(lines[size].text)

    def _between_name_and_town(self, text: str) -> bool:
        """The writer's role ("Retired hydrologist"), street ("Gorse Hill Road") or house.

        A menu's middle line is neither, so "Neuer Abschnitt" / "Thüringen" still goes.
        """
        return _reads_as_role(text) or _reads(self.signature_middle, text)

    def detect(self, view: TextView) -> Iterator[Edit]:
        """At most one edit per edge: the run of fitting lines that touches it."""
        bounds = view.body
        if bounds is None:
            return  # no prose, no edges: the whole text may be the content
        first, last = bounds
        content = view.content_lines
        if self.side in ("both", "top"):
            yield from self._run(view, [line for line in content if line.index < first])
        if self.side in ("both", "bottom"):
            below = [line for line in reversed(content) if line.index > last]
            yield from self._run(view, below, view.lines[last])

    def _run(self, view: TextView, lines: list[Line], edge: Line | None = None) -> Iterator[Edit]:
        """The edit removing the leading fitting lines of `lines`, if there are enough.

        `lines` runs from the document's edge towards the body; `edge` is the body's last
        line, just above a bottom run. With `spare_adjacent`, the line next to the body is
        never taken: above the body it is most often the headline or a subheading, below
        it a closing line or a sign-off, and it stays the edge of the body even after the
        furniture around it is gone.
        """
        if self.spare_adjacent:
            lines = lines[:-1]
        run: list[int] = []
        for line in lines:
            if not self.fits(line.text):
                break
            run.append(line.index)
        if self.signs_letter(lines, run, edge):
            return
        if len(run) >= self.min_run:
            reason = f"{self.message} ({len(run)} lines)"
            yield remove_lines(view, min(run), max(run), self.rule, reason)


def _reads(pattern: Pattern | None, text: str) -> bool:
    """The whole line fits an optional pattern param; an absent param reads nothing."""
    return pattern is not None and fullmatch(pattern, text) is not None


def _top_down(lines: list[Line]) -> list[str]:
    """The lines' texts from the top of the page down (a bottom run is listed edge first)."""
    return [line.text.strip() for line in sorted(lines, key=lambda line: line.index)]


def _reads_as_role(text: str) -> bool:
    """A writer's role: a word and small ones after it ("Retired hydrologist").

    The first word may be small too ("ancien conseiller municipal"), as French and
    Polish letters pages print it, and an office may stand alone with its party or
    group in brackets ("Kreisrat (Freie Wähler)", "Councillor (Lab)"): a menu's entry
    seldom carries one. A short acronym may stand among the small words ("Retired GP",
    "Former MP"; blind359 lost "Dr Anil Mehta" / "Retired GP" / "Hallerton").
    """
    office, bracket, rest = text.partition("(")
    words = office.split()
    if not words or not words[0][:1].isalpha():
        return False
    if bracket and rest.rstrip().endswith(")") and len(words) <= 2:
        return words[0][:1].isupper()
    has_small_letters = any(char.islower() for char in office)  # "LOG IN" is a button
    return len(words) >= 2 and has_small_letters and all(_small_or_acronym(w) for w in words[1:])


def _small_or_acronym(word: str) -> bool:
    """A word in small letters, or a short acronym in capitals ("GP", "MSP")."""
    return word[:1].islower() or (2 <= len(word) <= 4 and word.isalpha() and word.isupper())
