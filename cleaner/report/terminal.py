"""Colour for diffs in a terminal: ANSI escapes, and when to leave them out.

Colour is on only when a person is likely to read the output: standard output is
a terminal, `NO_COLOR` is unset (https://no-color.org) and TERM is not `dumb`;
`--color` / `--no-color` override the guess. Inside changed lines the words the
change log touched are shown in reverse video, so they stand out in any theme.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO

from cleaner.report.diff import DiffLine

RESET = "\x1b[0m"
STYLE = {
    "---": "\x1b[1m",
    "+++": "\x1b[1m",
    "@@": "\x1b[36m",
    "-": "\x1b[31m",
    "+": "\x1b[32m",
    "\\": "\x1b[2m",
}
MARK = {"-": "\x1b[7;31m", "+": "\x1b[7;32m"}
RULE, REASON = "\x1b[1;33m", "\x1b[2m"


def use_color(
    stream: TextIO, choice: bool | None = None, environ: Mapping[str, str] | None = None
) -> bool:
    """Whether to colour output to `stream`: the user's choice, else a terminal without NO_COLOR."""
    if choice is not None:
        return choice
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def colored(lines: Iterable[DiffLine]) -> Iterator[str]:
    """Render a structured diff with ANSI colour, one reason per line under each hunk header."""
    for line in lines:
        body, end = _split_terminator(line.text)
        style = STYLE.get(line.tag, "")
        if line.tag == "@@":
            yield f"{style}{body}{RESET}{end}"
            for rule, reason in line.notes:
                yield f"   {RULE}{rule}{RESET} {REASON}{reason}{RESET}\n"
        elif line.marks:
            yield _with_marks(body, line.marks, style, MARK[line.tag]) + end
        else:
            yield f"{style}{body}{RESET}{end}" if style else line.text


def _with_marks(body: str, marks: Iterable[tuple[int, int]], style: str, mark: str) -> str:
    """The line in its colour, each marked range in reverse video."""
    parts, position = [style], 0
    for start, end in marks:
        parts += [body[position:start], mark, body[start:end], RESET, style]
        position = end
    parts += [body[position:], RESET]
    return "".join(parts)


def _split_terminator(text: str) -> tuple[str, str]:
    """Keep colour codes off the line break, so a CRLF line still ends in CRLF."""
    body = text.rstrip("\r\n")
    return body, text[len(body) :]
