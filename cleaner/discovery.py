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
    found: list[tuple[Source, str]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(_under(path, glob))
        elif path.is_file():
            found.append((Source(path, path.name), _identity(path)))
        else:
            raise InputError("no such file or directory", path=str(path))
    return _once(found)


def _once(found: list[tuple[Source, str]]) -> list[Source]:
    """Each file once, however often it was named (`fix a.txt a.txt`, `fix dir dir/a.txt`).

    A file listed twice would be cleaned twice and written as two copies of itself.
    Each source comes with its identity: its real path (see `_identity`).
    """
    seen: set[str] = set()
    unique = []
    for source, identity in found:
        if identity not in seen:
            seen.add(identity)
            unique.append(source)
    return unique


def _identity(path: Path) -> str:
    """The file's real path: through a symbolic link to the file, or to its folder."""
    if path.is_symlink():
        return str(path.resolve())
    return os.path.join(os.path.realpath(path.parent), path.name)


def _under(folder: Path, glob: str) -> list[tuple[Source, str]]:
    """The files below `folder` whose name matches `glob`, hidden ones left out.

    The same files, in the same order, as sorted(folder.rglob(glob)) (symbolic links
    to folders are not followed), but with os.scandir: a re-check of a cached corpus
    spends most of its time finding the files, and pathlib is several times slower.
    Each folder is resolved once, and a file is resolved only if it is a link.
    """
    if "/" in glob or "**" in glob:
        return [
            (Source(found, found.relative_to(folder).as_posix()), _identity(found))
            for found in sorted(folder.rglob(glob))
            if found.is_file() and not _hidden(found.relative_to(folder))
        ]
    match = re.compile(fnmatch.translate(glob)).match
    found: list[tuple[tuple[str, ...], str]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while stack:
        directory, parts = stack.pop()
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except OSError:
            continue  # like rglob: an unreadable folder is passed over
        real = os.path.realpath(directory)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, (*parts, entry.name)))
            elif match(entry.name) and entry.is_file():
                identity = os.path.join(real, entry.name)
                if entry.is_symlink():  # known from the listing: no extra stat
                    identity = os.path.realpath(entry.path)
                found.append(((*parts, entry.name), identity))
    found.sort()  # tuples of parts sort as Paths do
    return [(Source(folder.joinpath(*parts), "/".join(parts)), key) for parts, key in found]


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
