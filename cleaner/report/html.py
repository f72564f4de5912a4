"""HTML pages of the report: the shared page shell and one page per document.

A document page is what a reviewer judges a cleaning by: the original text with
every change marked in place (see cleaner.report.markup), and beside it what the
cleaning recovered (metadata), every edit in reading order with its rule and
reason, and every finding. Three views share one text: changes (default),
original and cleaned; they switch with radio buttons and CSS only, so the page
works without JavaScript (which only adds hover highlights and arrow-key paging).
Everything links relative to the report folder; nothing is fetched from a network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from cleaner.batch import Outcome
from cleaner.changelog import to_original
from cleaner.document import TextView
from cleaner.engine import Result
from cleaner.kinds.common import snippet
from cleaner.report.markup import WHITESPACE_GLYPHS, text_markup
from cleaner.report.worddiff import SAME, Piece, pieces

GENERATOR = "cleaner report"
PAGE_SCRIPTS = ("assets/page.js",)


@dataclass(frozen=True, slots=True)
class Link:
    """A link to another document page, relative to the page that shows it."""

    href: str
    label: str


@dataclass(frozen=True, slots=True)
class Nav:
    """Where a document page sits: its number, the report root, its neighbours."""

    number: int
    root: str
    previous: Link | None = None
    next: Link | None = None


def shell(title: str, root: str, body: str, scripts: Sequence[str], body_class: str) -> str:
    """A complete page: UTF-8, the shared stylesheet, and deferred local scripts in order."""
    tags = "".join(f'<script defer src="{root}{script}"></script>\n' for script in scripts)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{GENERATOR}">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{root}assets/report.css">\n'
        f'{tags}</head>\n<body class="{body_class}">\n{body}</body>\n</html>\n'
    )


def document_page(outcome: Outcome, nav: Nav) -> str:
    """The page of one document: nav bar, header, marked-up text and the side panel."""
    doc = outcome.document.doc_id
    result = outcome.result
    if result is None:
        main = f'<p class="error">Not cleaned: {escape(str(outcome.error))}</p>\n'
        body = _nav(nav) + f'<header class="head"><h1>{escape(doc)}</h1></header>\n' + main
        return shell(f"{doc} · cleaner report", nav.root, body, PAGE_SCRIPTS, "page")
    view = pieces(result.original, result.changes)
    text = text_markup(view, result.changes, result.findings)
    side = _metadata(outcome) + _edits(result, view) + _findings(result)
    body = (
        _nav(nav)
        + _header(doc, result)
        + '<main class="layout">\n'
        + f'<article class="text" id="text">{text}</article>\n'
        + f'<aside class="side">\n{side}</aside>\n</main>\n'
    )
    return shell(f"{doc} · cleaner report", nav.root, body, PAGE_SCRIPTS, "page")


def _nav(nav: Nav) -> str:
    previous = _neighbour(nav.previous, "prev", "←")
    following = _neighbour(nav.next, "next", "→")
    return (
        '<nav class="bar">'
        f'<a class="home" href="{nav.root}index.html">All documents</a>'
        f'{previous}<span class="pos">document {nav.number}</span>{following}</nav>\n'
    )


def _neighbour(link: Link | None, rel: str, arrow: str) -> str:
    if link is None:
        return f'<span class="{rel} none">{arrow}</span>'
    text = f"{arrow} {escape(link.label)}" if rel == "prev" else f"{escape(link.label)} {arrow}"
    return f'<a class="{rel}" rel="{rel}" href="{escape(link.href)}">{text}</a>'


def _header(doc: str, result: Result) -> str:
    rules = len({change.rule for change in result.changes})
    removed = sum(max(len(c.before) - len(c.after), 0) for c in result.changes)
    counts = (
        f"{_plural(len(result.changes), 'edit')} by {_plural(rules, 'rule')} · "
        f"{_plural(removed, 'character')} removed · {_plural(len(result.findings), 'finding')}"
    )
    views = "".join(
        f'<label><input type="radio" name="view" id="v-{name}" value="{name}"'
        f"{' checked' if name == 'changes' else ''}> {name}</label>"
        for name in ("changes", "original", "cleaned")
    )
    return (
        f'<header class="head"><h1>{escape(doc)}</h1>\n<p class="counts">{counts}</p>\n'
        f'<div class="views">View: {views}'
        '<label><input type="checkbox" id="labels" checked> rule labels</label>'
        '<span class="legend"><del>removed</del> <ins>inserted</ins> '
        '<mark class="f warning">finding</mark></span></div>\n</header>\n'
    )


def _metadata(outcome: Outcome) -> str:
    metadata = outcome.metadata
    assert outcome.result is not None
    sources: dict[str, list[str]] = {}
    for change in outcome.result.changes:
        for key, _ in change.metadata:
            if change.rule not in sources.setdefault(key, []):
                sources[key].append(change.rule)
    rows = "".join(
        f"<dt>{escape(key)}</dt><dd>{escape(_value(value))}"
        f'<span class="by">{escape(", ".join(sources.get(key, ["front matter"])))}</span></dd>'
        for key, value in metadata.items()
    )
    content = f"<dl>{rows}</dl>" if rows else '<p class="none">none</p>'
    return f'<section class="meta"><h2>Recovered metadata</h2>{content}</section>\n'


def _edits(result: Result, view: Sequence[Piece]) -> str:
    """The edits in reading order (where they sit in the original), superseded ones last."""
    where: dict[int, int] = {}
    for piece in view:
        if piece.kind != SAME:
            where.setdefault(piece.change, piece.old)
    order = sorted(range(len(result.changes)), key=lambda i: (i not in where, where.get(i, 0), i))
    items = "".join(_edit_item(result, index, index in where) for index in order)
    count = len(result.changes)
    content = f'<ol class="list">{items}</ol>' if items else '<p class="none">none</p>'
    return f'<section class="edits"><h2>Edits ({count})</h2>{content}</section>\n'


def _edit_item(result: Result, index: int, visible: bool) -> str:
    change = result.changes[index]
    rule = f"<code>{escape(change.rule)}</code>"
    head = f'<a href="#c{index}">{rule}</a>' if visible else rule
    detail = ""
    if change.after:
        detail = f'<span class="swap">{_quote(change.before)} → {_quote(change.after)}</span>'

    if not visible:
        detail += '<span class="gone">superseded by a later edit</span>'
    return (
        f'<li data-c="{index}">{head} <span class="at">{change.action}, line {change.line}:'
        f'{change.col}</span><p class="why">{escape(change.reason)}</p>{detail}</li>'
    )


def _findings(result: Result) -> str:
    """The findings in text order, each located by its line in the original."""
    original = TextView(result.original)
    items = []
    for index, finding in enumerate(result.findings):
        flagged = result.text[finding.start : finding.end]
        quoted = f"<q>{escape(snippet(flagged))}</q>" if flagged.strip() else ""
        line, _ = original.position(to_original(finding.start, result.changes))
        items.append(
            f'<li><a href="#f{index}"><code>{escape(finding.rule)}</code></a> '
            f'<span class="lvl {finding.level}">{finding.level}</span> '
            f'<span class="at">line {line}</span>'
            f'<p class="why">{escape(finding.message)}</p>{quoted}</li>'
        )
    content = f'<ol class="list">{"".join(items)}</ol>' if items else '<p class="none">none</p>'
    return f'<section class="findings"><h2>Findings ({len(items)})</h2>{content}</section>\n'


def _quote(text: str) -> str:
    """A short quotation of edited text; whitespace alone is drawn with visible glyphs."""
    shown = snippet(text) if text.strip() else "".join(WHITESPACE_GLYPHS.get(c, "␣") for c in text)
    return f"“{escape(shown)}”"


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
