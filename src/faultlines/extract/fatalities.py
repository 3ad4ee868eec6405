"""Fatality counts from text: digits, number words, vague quantities and bounds.

``parse_fatalities("at least 17 people were killed")`` gives best 17, low 17, high None.
Vague words get conservative lower bounds ("dozens" -> 24, "hundreds" -> 200).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_UNITS = {
    "no": 0, "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
#: Vague quantities: (low, high). The low bound is used as the best estimate.
_VAGUE = {
    "several": (3, 9), "a few": (2, 5), "few": (2, 5), "many": (10, None), "numerous": (10, None),
    "a dozen": (12, 12), "dozen": (12, 12), "dozens": (24, 99), "dozens of": (24, 99),
    "tens": (20, 99), "tens of": (20, 99), "scores": (40, 199), "scores of": (40, 199),
    "hundreds": (200, 999), "hundreds of": (200, 999), "thousands": (2000, 9999),
    "thousands of": (2000, 9999), "a number of": (2, None), "some": (2, None),
}  # fmt: skip

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")(?:[\s-]+(?:"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r"))?(?:\s+(?:hundred|thousand))?)"
)
_VAGUE_RE = "|".join(re.escape(k) for k in sorted(_VAGUE, key=len, reverse=True))
_NUMBER = rf"(?P<num>\d[\d,]*(?:\s*(?:-|–|to)\s*\d[\d,]*)?|{_VAGUE_RE}|{_WORD_NUMBER})"
_BOUND = (
    r"(?P<bound>at least|more than|over|nearly|almost|about|around|approximately|some|up to|as many as"
    r"|fewer than|less than|at most|roughly|an estimated)?\s*"
)
_VICTIMS = (
    r"(?:[\w'-]+\s+){0,4}?(?:people|persons?|civilians?|soldiers?|troops?|fighters?|militants?|members?|"
    r"men|women|children|boys?|girls?|policemen|police(?:\s+officers)?|officers?|rebels?|insurgents?|"
    r"militiamen|jihadists?|villagers?|residents?|protesters?|demonstrators?|individuals?|others?|"
    r"attackers?|assailants?|gunmen|personnel|workers?|students?|farmers?|victims?|prisoners?|inmates?|"
    r"guards?|family members|relatives|child|man|woman|person|combatants|terrorists?|bandits?)"
)
_DEATH = r"(?:killed|dead|died|slain|executed|beheaded|massacred|murdered|shot dead|lost their lives|perished)"

_PATTERNS = [
    # "2 fatalities", "one fatality", "17 deaths", "17 lives"
    re.compile(rf"\b{_BOUND}{_NUMBER}\s+(?:reported\s+)?(?:fatalities|fatality|deaths|dead|lives)\b", re.I),
    # "killing 17", "killed at least 17 people", "leaving 3 dead"
    re.compile(rf"\b(?:killing|killed|kill|executing|executed|leaving|left)\s+{_BOUND}{_NUMBER}\b", re.I),
    # "17 people were killed", "12 civilians, including a child, were killed", "at least 17 killed"
    re.compile(
        rf"\b{_BOUND}{_NUMBER}\s+(?:{_VICTIMS}(?:,[^.;,]{{1,60}},)?\s+)?"
        rf"(?:(?:were|was|have been|had been|are|being)\s+)?{_DEATH}\b",
        re.I,
    ),
    re.compile(rf"\b(?:cost|claimed|costing|claiming)\s+{_BOUND}{_NUMBER}\s+(?:\w+\s+)?lives\b", re.I),
]
_NONE_RE = re.compile(
    r"\b(?:no|zero)\s+(?:reported\s+)?"
    r"(?:fatalities|deaths|casualties|one was killed|one was hurt|injuries or fatalities)\b"
    r"|\bno(?:body| one) (?:was|were) (?:killed|hurt|injured)\b"
    r"|\bthere were no (?:casualties|fatalities|deaths)\b",
    re.I,
)


@dataclass(frozen=True)
class Fatalities:
    """A fatality count: ``best`` estimate with ``low``/``high`` bounds (None = open)."""

    best: int
    low: int | None
    high: int | None
    text: str
    """The phrase the count was read from."""
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return dict(self.__dict__)


def number_value(text: str) -> tuple[int, int | None] | None:
    """Value of a number phrase as (low, high): "17" -> (17, 17), "dozens" -> (24, 99), "1-3" -> (1, 3)."""
    phrase = " ".join(text.lower().split())
    if phrase in _VAGUE:
        return _VAGUE[phrase]
    digits = re.fullmatch(r"(\d[\d,]*)(?:\s*(?:-|–|to)\s*(\d[\d,]*))?", phrase)
    if digits:
        low = int(digits.group(1).replace(",", ""))
        high = int(digits.group(2).replace(",", "")) if digits.group(2) else low
        return (low, high) if high >= low else (low, low)
    return _word_value(phrase)


def _word_value(phrase: str) -> tuple[int, int | None] | None:
    total = 0
    for word in re.split(r"[\s-]+", phrase):
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _SCALES:
            total = max(total, 1) * _SCALES[word]
        else:
            return None
    return total, total


def _apply_bound(bound: str, low: int, high: int | None) -> tuple[int, int | None, int | None]:
    """(best, low, high) after a bound word such as "at least" or "more than"."""
    bound = bound.lower()
    if bound in ("more than", "over"):
        return low + 1, low + 1, None
    if bound == "at least":
        return low, low, None
    if bound in ("up to", "as many as", "at most"):
        return high or low, 0, high or low
    if bound in ("fewer than", "less than"):
        return max(low - 1, 0), 0, max(low - 1, 0)
    if bound in ("nearly", "almost"):
        return low, None, low
    return low, low, high


@lru_cache(maxsize=4096)
def parse_fatalities(text: str) -> Fatalities | None:
    """The first fatality count stated in ``text``, or None when it states none.

    "no fatalities" / "there were no casualties" give a count of 0.
    """
    found: list[tuple[int, Fatalities]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = number_value(match.group("num"))
            if value is None:
                continue
            best, low, high = _apply_bound(match.group("bound") or "", *value)
            raw = match.group(0)
            start = match.start() + len(raw) - len(raw.lstrip())
            end = match.end() - (len(raw) - len(raw.rstrip()))
            found.append((start, Fatalities(best, low, high, text[start:end], start, end)))
            break
    if found:
        return min(found, key=lambda item: item[0])[1]
    none = _NONE_RE.search(text)
    if none:
        return Fatalities(0, 0, 0, none.group(0), none.start(), none.end())
    return None
