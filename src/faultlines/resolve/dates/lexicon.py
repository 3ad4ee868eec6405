"""Words of time (month, weekday, season and number names) and the regex fragments built on them."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a couple of": 2, "couple of": 2,
}  # fmt: skip

#: Quantities that name no number: "days later", "a few weeks earlier".
VAGUE_QUANTITIES = ("a few", "few", "several", "some", "many", "a number of")

ORDINALS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                            "fourth": 4, "4th": 4, "last": 4, "final": 4}  # fmt: skip


#: Letters that case-insensitive patterns match as ASCII but that no decomposition maps to it.
_ASCII_TWINS = str.maketrans({"ı": "i", "\u212a": "k"})


def fold(raw: str | None) -> str:
    """``raw`` as a lexicon key: compatibility-decomposed ("ſ" -> "s", "ﬁ" -> "fi", full-width and
    Arabic-Indic digits kept as digits), accents and invisible format marks dropped, lower-cased,
    and runs of white space collapsed. A word the case-insensitive patterns matched always folds
    to the key it was matched as ("Wedneſday" -> "wednesday")."""
    text = unicodedata.normalize("NFKD", raw or "")
    kept = "".join(c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
    return " ".join(kept.translate(_ASCII_TWINS).lower().split())


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(w.replace(" ", r"\s+") for w in ordered)


def month(name: str, *, boundary: bool = True) -> str:
    """A named group matching a month name or abbreviation (optionally with a full stop).

    ``boundary=False`` lets digits follow directly, as in "21Jun2014".
    """
    full = _alternation(k for k in MONTHS if len(k) > 4 or k in ("may", "june", "july"))
    short = _alternation(k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july"))
    end = r"\b" if boundary else r"(?![a-z])"
    return rf"(?P<{name}>(?:{full}){end}|(?:{short}){end}\.?)"


def day(name: str) -> str:
    """A named group matching a day of month with an optional ordinal suffix."""
    return rf"(?P<{name}>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"


def year(name: str) -> str:
    """A named group matching a four-digit year from 1900 to 2099."""
    return rf"(?P<{name}>(?:19|20)\d{{2}})(?!\d|'?s\b)"


def year_phrase(name: str) -> str:
    """A year given as digits or as a phrase ("last year", "the same year"); groups ``name``/``name_rel``."""
    relative = r"last|this|next|that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding"
    return rf"(?:{year(name)}|(?P<{name}_rel>{relative})\s+year\b)"


FULL_MONTH = rf"(?P<m>{_alternation(k for k in MONTHS if len(k) > 4 or k in ('may', 'june', 'july'))})\b"
WEEKDAY_NAMES = _alternation(WEEKDAYS)
WEEKDAY = rf"(?P<weekday>{WEEKDAY_NAMES})"
OPTIONAL_WEEKDAY = rf"(?:(?:{_alternation(WEEKDAYS)}),?\s+(?:the\s+)?)?"
SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
QUANTITY = rf"(?P<qty>\d{{1,3}}|{_alternation(list(NUMBER_WORDS) + list(VAGUE_QUANTITIES))})"
PART = (
    r"(?P<part>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of(?:\s+the)?"
    r"|(?:the\s+)?(?:first|last)\s+days\s+of)"
)
#: Words before a bare month or year that mark it as a time ("in June", "since 2011").
TIME_PREPOSITION = (
    r"(?:in|since|by|until|till|during|from|of|before|after|through|throughout|between|and|to"
    r"|or|around|circa|late\s+in|early\s+in|last|this|next)"
)


def part_name(raw: str) -> str:
    """Normalise a PART match to "early", "mid" or "late"."""
    text = fold(raw)
    if text in ("early", "mid", "late"):
        return text
    if "middle" in text:
        return "mid"
    if "end" in text or "last" in text:
        return "late"
    return "early"


def quantity(raw: str | None) -> int | None:
    """Numeric value of a QUANTITY match; None for vague quantities ("several")."""
    if raw is None:
        return None
    text = fold(raw)
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)
