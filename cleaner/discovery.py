"""Which files a command works on: the paths given, and the matching files below folders.

Hidden files and folders are left out, symbolic links to folders are not followed,
and each file is taken once however often it was named.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from pathlib import Path

from cleaner.errors import InputError
from cleaner.reading import Source


def discover(paths: Iterable[str | Path], glob: str = "*.txt") -> list[Source]:
    """Files named directly, plus files under directories that match `glob`."""
    sources: list[Source] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            sources.extend(_under(path, glob))
        elif path.is_file():
            sources.append(Source(path, path.name))
        else:
            raise InputError("no such file or directory", path=str(path))
    return _once(sources)


def _once(sources: list[Source]) -> list[Source]:
    """Each file once, however often it was named (`fix a.txt a.txt`, `fix dir dir/a.txt`).

    A file listed twice would be cleaned twice and written as two copies of itself.
    """
    seen: set[str] = set()
    unique = []
    parents: dict[str, str] = {}  # each folder resolved once, not each file
    for source in sources:
        path = source.path
        if path.is_symlink():
            key = str(path.resolve())
        else:
            parent = str(path.parent)
            if parent not in parents:
                parents[parent] = os.path.realpath(parent)
            key = os.path.join(parents[parent], path.name)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def _under(folder: Path, glob: str) -> list[Source]:
    """The files below `folder` whose name matches `glob`, hidden ones left out.

    The same files, in the same order, as sorted(folder.rglob(glob)) (symbolic links
    to folders are not followed), but with os.scandir: a re-check of a cached corpus
    spends most of its time finding the files, and pathlib is several times slower.
    """
    if "/" in glob or "**" in glob:
        return [
            Source(found, found.relative_to(folder).as_posix())
            for found in sorted(folder.rglob(glob))
            if found.is_file() and not _hidden(found.relative_to(folder))
        ]
    match = re.compile(fnmatch.translate(glob)).match
    found: list[tuple[str, ...]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while stack:
        directory, parts = stack.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except OSError:
            continue  # like rglob: an unreadable folder is passed over
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, (*parts, entry.name)))
            elif match(entry.name) and entry.is_file():
                found.append((*parts, entry.name))
    found.sort()  # tuples of parts sort as Paths do
    return [Source(folder.joinpath(*parts), "/".join(parts)) for parts in found]


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
