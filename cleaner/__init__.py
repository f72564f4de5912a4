"""cleaner: rule-driven cleaning of news-text corpora with an exact change log.

    >>> from cleaner import clean
    >>> result = clean("Prices rose.\\n\\nShare")
    >>> result.text
    'Prices rose.'
    >>> [change.rule for change in result.changes]
    ['boilerplate.share-buttons']

`revert(result.text, result.changes)` gives the original back, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from cleaner.changelog import Change, replay, revert
from cleaner.engine import Pipeline, Result
from cleaner.rule import Edit, Finding, Level
from cleaner.ruleset import Selection, load_rules

__all__ = [
    "Change",
    "Edit",
    "Finding",
    "Level",
    "Pipeline",
    "Result",
    "clean",
    "load_pipeline",
    "replay",
    "revert",
]

__version__ = "0.1.0"


def load_pipeline(
    rules: Iterable[Path | str] = (), select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> Pipeline:
    """A pipeline of the default packs plus extra rule folders, narrowed by select/ignore."""
    selection = Selection(tuple(select), tuple(ignore))
    return Pipeline(load_rules([Path(folder) for folder in rules], selection))


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return load_pipeline()


def clean(text: str, pipeline: Pipeline | None = None) -> Result:
    """Clean one text with the default rules (or a given pipeline)."""
    return (pipeline or _default_pipeline()).clean(text)
