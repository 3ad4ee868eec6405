"""Alias normalisation: one key for the many spellings the press uses for a name.

``normalise_alias("Al-Nusrah Front")``, ``normalise_alias("al Nusra front")`` and
``normalise_alias("the Nusra Front's")`` all give ``"nusra front"``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic article forms (al-, el-, and the sun-letter assimilations ad-, ash-, ar- ...) dropped from keys.
ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "ar", "at", "az", "adh", "an", "ath", "ul", "l", "the"})

# Transliteration variants mapped to one spelling (applied per token, after accents are stripped).
VARIANTS = {
    "nusrah": "nusra",
    "nosra": "nusra",
    "qaida": "qaeda",
    "qaidah": "qaeda",
    "qaeda's": "qaeda",
    "qeada": "qaeda",
    "jaysh": "jaish",
    "jeish": "jaish",
    "jaish": "jaish",
    "jaich": "jaish",
    "shaam": "sham",
    "mohammad": "muhammad",
    "mohammed": "muhammad",
    "muhammed": "muhammad",
    "mohamed": "muhammad",
    "zawahri": "zawahiri",
    "jawlani": "julani",
    "jolani": "julani",
    "joulani": "julani",
    "golani": "julani",
    "jolany": "julani",
    "shabab": "shabaab",
    "kataib": "kataib",
    "kata'ib": "kataib",
    "kataeb": "kataib",
    "katibat": "katiba",
    "islamiyya": "islamiya",
    "islamiyah": "islamiya",
    "islamiyyah": "islamiya",
    "wal": "wa",
    "organisation": "organization",
    "defense": "defence",
    "daish": "daesh",
    "da'esh": "daesh",
}

_APOSTROPHES = "'’‘`´ʼʻʿʾ"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s\b")
_APOSTROPHE = re.compile(rf"[{_APOSTROPHES}]")
_DASHES = re.compile(r"[-‐‑‒–—―_/]")
_NON_WORD = re.compile(r"[^\w\s]")


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text  # ASCII has nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def alias_tokens(text: str) -> list[str]:
    """The normalised tokens of ``text`` (articles dropped, variants unified)."""
    text = _strip_accents(text).lower()
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE.sub("", text)
    text = _DASHES.sub(" ", text)
    text = _NON_WORD.sub(" ", text)
    tokens = [VARIANTS.get(tok, tok) for tok in text.split()]
    kept = [tok for tok in tokens if tok not in ARTICLES]
    return kept or tokens


@lru_cache(maxsize=1 << 16)
def normalise_alias(text: str) -> str:
    """The matching key of a name: lower case, no accents/punctuation/articles, one transliteration.

    Cached: resolution looks the same entity texts up several times per document.
    """
    return " ".join(alias_tokens(text))


def slugify(text: str) -> str:
    """A stable ASCII slug for ids (``"Jabhat al-Nusra"`` -> ``"jabhat-al-nusra"``)."""
    text = _APOSTROPHE.sub("", _strip_accents(text).lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"
