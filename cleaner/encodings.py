"""Turning input bytes into text: UTF-8 first, then a reported guess, never silent loss.

UTF-8 is decoded strictly (a UTF-8 BOM stays in the text, so bytes round-trip).
UTF-16 and UTF-32 need their BOM. Other bytes get a guess only when the file holds
no valid UTF-8 multibyte sequence at all: a UTF-8 file with a few broken bytes is
an error naming the line, because decoding it as cp1252 would turn all of its
correct characters into mojibake. The guess prefers cp1252 for Latin text (where
non-ASCII letters are a minority of the letters) and asks charset-normalizer
otherwise.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

from cleaner.errors import InputError

BINARY_SNIFF_BYTES = 8192
LATIN_NON_ASCII_SHARE = 0.5
CHAOS_TIE = 0.01
_PREFERRED = (
    "cp1252",
    "cp1251",
    "cp1250",
    "koi8_r",
    "iso8859_2",
    "cp1254",
    "cp1253",
    "cp1257",
    "iso8859_5",
    "cp1256",
    "cp1255",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
)
# Decoded with an explicit byte order, so the BOM stays in the text as U+FEFF and
# encoding the text again gives back the very same bytes.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text and the encoding it came from; `guessed` when no BOM or UTF-8 said so."""

    text: str
    encoding: str = "utf-8"
    guessed: bool = False


def decode(data: bytes, path: str) -> Decoded:
    """Bytes to text; the error says what is wrong and what to do."""
    if not data:
        raise InputError("empty file: nothing to clean; delete it or add text", path=path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, encoding, path)
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError("binary file (contains NUL bytes); skipped, it is not text", path=path)
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if _has_utf8_sequences(data):
            raise _broken_utf8(data, exc, path) from None
    return _guess(data, path)


def _decode_with_bom(data: bytes, encoding: str, path: str) -> Decoded:
    """The BOM names the encoding; bytes that break it (a cut-off copy) are an error."""
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise InputError(
            f"not valid {encoding.upper()} despite its byte-order mark ({exc.reason} at "
            f"byte offset {exc.start}); restore the file or convert it to UTF-8",
            path=path,
            line=line,
        ) from None


def _has_utf8_sequences(data: bytes) -> bool:
    """Whether any multibyte UTF-8 character decodes: then the file is broken UTF-8."""
    return any(ord(c) > 0x7F and c != "\ufffd" for c in data.decode("utf-8", errors="replace"))


def _broken_utf8(data: bytes, exc: UnicodeDecodeError, path: str) -> InputError:
    line = data.count(b"\n", 0, exc.start) + 1
    return InputError(
        f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) in a file "
        "that is otherwise UTF-8; fix or remove the broken bytes",
        path=path,
        line=line,
    )


def _guess(data: bytes, path: str) -> Decoded:
    latin = _as_cp1252(data)
    if latin is not None:
        return Decoded(latin, "cp1252", guessed=True)
    best = _likeliest(data)
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        raise InputError(
            "not UTF-8 and no encoding could be guessed; convert it to UTF-8 "
            "(e.g. iconv -f ENCODING -t utf-8)",
            path=path,
        )
    return Decoded(str(best), best.encoding, guessed=True)


def _likeliest(data: bytes) -> Any:
    """charset-normalizer's guess, preferring widespread code pages among equal fits.

    On short texts several code pages decode equally cleanly (mac_cyrillic and
    cp1251 for Russian); the one news sites actually used is the better bet.
    """
    import charset_normalizer  # noqa: PLC0415 - only for the rare file that is not UTF-8

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    least = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= least + CHAOS_TIE]
    ranked = sorted(
        tied,
        key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED),
    )
    return ranked[0]


def _as_cp1252(data: bytes) -> str | None:
    """The cp1252 reading, if it decodes and looks like Latin-script text."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if ord(c) > 0x7F)
    return text if letters and foreign / len(letters) < LATIN_NON_ASCII_SHARE else None
