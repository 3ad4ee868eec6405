"""Name keys that survive transliteration: "Deir ez-Zor", "Deir Ezzor" and "Dayr az Zawr" meet.

Two keys per name: :func:`name_key` unifies spelling (case, accents, apostrophes, Arabic articles,
doubled letters, -ah/-a, ou/u, Abu/Albu/Al Bu); :func:`skeleton_key` keeps the consonants only, a
looser fallback for vowel variants (Zor/Zawr, Deir/Dayr, Homs/Hims).
"""

from __future__ import annotations

import functools
import re
import unicodedata


def wordset(text: str) -> frozenset[str]:
    """The set of space-separated words in ``text`` (for readable constant word lists)."""
    return frozenset(text.split())


# Arabic definite articles as romanised separately ("al-", "ez-", "ash ").
_ARTICLES = wordset("al el il ul ar er as es ash esh ad ed adh at et ath az ez an en l")
# Articles fused to a sun letter: "ezzor" -> "zor", "arraqqa" -> "raqqa", "ashsham" -> "sham".
_FUSED_ARTICLE = re.compile(r"^[ae](sh|th|dh|[tdrzsn])(?=\1)")
_ABU = frozenset({"abu", "abou", "albu", "bu", "abo"})
_APOSTROPHES = re.compile(r"[’'`ʿʾ‘´]")
_ASCII_APOSTROPHES = re.compile(r"['`]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")

# Words that describe what kind of place a name is, not which one.
DESCRIPTORS: dict[str, str] = {
    "province": "region",
    "governorate": "region",
    "muhafazat": "region",
    "region": "region",
    "oblast": "region",
    "state": "region",
    "department": "region",
    "prefecture": "region",
    "countryside": "near",
    "outskirts": "near",
    "rural": "near",
    "district": "near",
    "subdistrict": "near",
    "sub-district": "near",
    "lga": "near",
    "regency": "near",
    "mandal": "near",
    "tehsil": "near",
    "woreda": "near",
    "upazila": "near",
    "raion": "near",
    "rayon": "near",
    "hromada": "near",
    "locality": "town",
    "corregimiento": "town",
    "vereda": "town",
    "barangay": "town",
    "parish": "near",
    "commune": "town",
    "municipality": "town",
    "township": "town",
    "city": "town",
    "town": "town",
    "village": "town",
    "ward": "town",
    "neighbourhood": "town",
    "neighborhood": "town",
    "camp": "town",
}


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ASCII form of ``text``: accents stripped, apostrophes dropped (cached: words repeat)."""
    if text.isascii():
        return _ASCII_APOSTROPHES.sub("", text).lower() if "'" in text or "`" in text else text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _APOSTROPHES.sub("", stripped).lower()


def _token_key(token: str) -> str:
    token = _FUSED_ARTICLE.sub("", token) if len(token) > 4 else token
    token = token.replace("ou", "u")
    token = _DOUBLED.sub(r"\1", token)
    if len(token) > 3 and token.endswith("h") and token[-2] in "aei":
        token = token[:-1]
    return token


def name_tokens(text: str) -> list[str]:
    """The normalised tokens of a place name (articles dropped, spelling unified)."""
    raw = [t for t in _SEPARATORS.split(fold(text)) if t]
    tokens: list[str] = []
    for i, token in enumerate(raw):
        if token in _ARTICLES and i + 1 < len(raw):
            continue
        if token in _ABU:
            token = "abu"
        tokens.append(_token_key(token))
    return tokens


@functools.lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Spelling-unified key of a place name; equal keys are the same spelling family (cached)."""
    return " ".join(name_tokens(text))


def _skeleton(token: str) -> str:
    if not token or token.isdigit():
        return token
    rest = re.sub(r"[aeiouywh]", "", token[1:])
    head = token[0]
    # "y"/"w" at the start are consonants; a vowel start collapses to one symbol ("Idlib"/"Edlib").
    head = "a" if head in "aeiou" else head
    return _DOUBLED.sub(r"\1", head + rest)


@functools.lru_cache(maxsize=100_000)
def skeleton_key(text: str) -> str:
    """Consonant skeleton of a place name, for vowel-variant fallbacks (cached)."""
    return " ".join(_skeleton(t) for t in name_tokens(text))


def split_descriptor(text: str) -> tuple[str, str | None]:
    """Split "Deir Ezzor province" into ("Deir Ezzor", "region"); "Aleppo countryside" -> "near".

    Also handles leading forms: "province of Aleppo", "rural Damascus". Returns the bare name and
    the precision the descriptor implies (None when there is none).
    """
    words = text.split()
    if len(words) < 2:
        return text, None
    last, first = fold(words[-1]), fold(words[0])
    if last in DESCRIPTORS:
        return " ".join(words[:-1]), DESCRIPTORS[last]
    if first in DESCRIPTORS:
        rest = words[2:] if len(words) > 2 and fold(words[1]) == "of" else words[1:]
        if rest:
            return " ".join(rest), DESCRIPTORS[first]
    return text, None
