"""Errors a user can act on: each names where the problem is and what to do."""

from __future__ import annotations

import logging

_log = logging.getLogger("cleaner")


class CleanerError(Exception):
    """A problem with input, rules or configuration; the CLI turns it into exit code 2."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class RuleError(CleanerError):
    """A rule file is invalid: bad YAML, unknown key, bad regex, missing field."""


class InputError(CleanerError):
    """An input file cannot be read as text (binary, undecodable, vanished)."""


class InternalError(CleanerError):
    """A bug met while cleaning one document: the document is left as is, the run goes on.

    The traceback goes to the "cleaner" logger at debug level (shown by --debug).
    """

    @classmethod
    def wrap(cls, exc: Exception, path: object, line: int | None) -> InternalError:
        """The one-line error for `exc`, after logging its traceback."""
        _log.debug("internal error in %s", path, exc_info=exc)
        message = (
            f"internal error ({type(exc).__name__}: {exc}); document left as is; "
            "rerun with --debug and report the traceback"
        )
        return cls(message, path=str(path), line=line)


class OscillationError(CleanerError):
    """Rules keep rewriting each other's output instead of reaching a fixed point."""
