"""Bytes to text: binary sniffing, careful decoding, whitespace normalisation, content hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SNIFF_BYTES = 8192
_WHITESPACE = re.compile(r"\s+")
# Control characters that never occur in text (tab, newline, carriage return, form feed excluded).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0", "legacy Office"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
)
_MAX_CONTROL_RATIO = 0.01
# Letters seen when UTF-8 text is wrongly decoded as cp1252 ("Ã©", "â€™"): a sign the fallback lies.
_MOJIBAKE = re.compile(r"[ÃÂâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


class DecodeFailure(ValueError):
    """Bytes that are not text; ``str(exc)`` is the one-line reason."""


def binary_kind(head: bytes) -> str | None:
    """Name the kind of binary data ``head`` starts with, or None when it may be text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if b"\x00" in head[:_SNIFF_BYTES]:
        return "binary data (NUL bytes)"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` as UTF-8, else as cp1252 when that clearly gives text.

    Returns ``(text, encoding)``; raises DecodeFailure with a one-line reason otherwise.
    """
    kind = binary_kind(data[:_SNIFF_BYTES])
    if kind:
        raise DecodeFailure(f"binary file ({kind}), not text; convert it to text or HTML first")
    try:
        return _strip_bom(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_like_text(text):
        return text, "cp1252"
    raise DecodeFailure(
        f"not valid UTF-8 (byte {utf8_error.start}) and not clean cp1252 text; "
        "re-encode the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)"
    )


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _looks_like_text(text: str) -> bool:
    """True when decoded text has (almost) no control characters and no UTF-8 mojibake."""
    if not text.strip():
        return False
    controls = len(_CONTROL.findall(text))
    if controls / len(text) > _MAX_CONTROL_RATIO:
        return False
    return not _MOJIBAKE.search(text)


def has_control_noise(text: str) -> bool:
    """True when ``text`` carries more control characters than real text ever does."""
    return bool(text) and len(_CONTROL.findall(text)) / len(text) > _MAX_CONTROL_RATIO


def normalise_whitespace(text: str) -> str:
    """NFC-normalise and collapse every run of whitespace to one space (the hashing form)."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def clean_text(text: str) -> str:
    """Tidy document text: NFC, unified newlines, trailing spaces and 3+ blank lines removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the whitespace-normalised text: equal for exact duplicates."""
    return hashlib.sha256(normalise_whitespace(text).encode("utf-8")).hexdigest()
