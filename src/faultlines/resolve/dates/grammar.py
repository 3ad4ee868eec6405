"""The patterns that find temporal expressions; each names the rule that normalises it.

Patterns are plain regular expressions, matched case-insensitively so lower-cased text works.
Where several patterns match overlapping text the finder keeps the longest match. An optional
``accept`` check rejects look-alikes that a regex cannot rule out ("may" the verb, "fall" the noun).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from faultlines.resolve.dates.lexicon import (
    FULL_MONTH,
    MONTHS,
    OPTIONAL_WEEKDAY,
    PART,
    QUANTITY,
    SEASON,
    TIME_PREPOSITION,
    WEEKDAY,
    WEEKDAY_NAMES,
    WEEKDAYS,
    day,
    month,
    year,
    year_phrase,
)

Accept = Callable[[re.Match[str], str], bool]

RANGE_SEP = r"\s*(?:-|–|—|to|and|until|till|through|thru)\s*"
FROM = r"(?:(?:from|between)\s+)"
#: Words that, right before "may"/"march"/"fall", make them a month or season rather than a verb/noun.
_DATE_LEAD_WORDS = frozenset(
    {
        *("on", "since", "by", "until", "till", "from", "of", "between", "and", "to", "early", "mid"),
        *("late", "the", "in", "before", "after", "around", "through", "during", "this", "last", "next"),
        "throughout",
    }
)


@dataclass(frozen=True)
class Pattern:
    """One way of writing a temporal expression.

    ``folded`` is the same pattern matched case-sensitively, for lower-cased ASCII text (where it
    finds exactly what ``regex`` finds in the original, at the same offsets, and runs about twice
    as fast); it is ``regex`` itself when the pattern spells an upper-case letter. ``needs`` are
    sets of lower-case words of which every match holds one each as a whole word (a run of ASCII
    letters or of digits): a text that lacks one of them cannot match, and is not scanned.
    """

    kind: str
    regex: re.Pattern[str]
    accept: Accept | None = None
    folded: re.Pattern[str] | None = None
    needs: tuple[frozenset[str], ...] = ()

    def may_match(self, words: set[str]) -> bool:
        """False when a text whose lower-cased words are ``words`` lacks a word every match holds."""
        return all(not need.isdisjoint(words) for need in self.needs)


def _previous_word(text: str, position: int) -> str:
    words = re.findall(r"[a-z]+", text[max(0, position - 20) : position].lower())
    return words[-1] if words else ""


def _month_word_is_a_month(match: re.Match[str], text: str) -> bool:
    """Reject "may"/"march" used as verbs: without a year they need a leading date word."""
    groups = match.groupdict()
    names = [k for k in ("m", "m1", "m2") if groups.get(k)]
    verbs = {"may", "march", "mar"}
    if not any((groups[k] or "").lower().rstrip(".") in verbs for k in names):
        return True
    if groups.get("y") or groups.get("y1"):
        return True
    lead = {_previous_word(text, match.start()), _previous_word(text, match.start(names[0]))}
    return bool(lead & _DATE_LEAD_WORDS)


def _season_is_a_time(match: re.Match[str], text: str) -> bool:
    """Seasons need a year, a last/this/next, or a leading "in (the)"; "fall" needs more."""
    groups = match.groupdict()
    if groups.get("y") or groups.get("y_rel"):
        return True
    relative = (groups.get("rel") or "").lower()
    if relative in ("last", "this", "next"):
        return True
    if groups["season"].lower() == "fall":
        return False
    lead = text[max(0, match.start() - 12) : match.start()].lower().split()
    return bool(lead) and lead[-1] in {"in", "during", "the", "this", "by", "since", "until", "of"}


def _weekday_is_a_day(match: re.Match[str], text: str) -> bool:
    """Reject named days: "Easter Sunday", "Good Friday", "Blue Out Tuesday"."""
    return _previous_word(text, match.start()) not in {
        "easter",
        "good",
        "palm",
        "black",
        "holy",
        "ash",
        "out",
    }


def _vague_shift_is_plural(match: re.Match[str], text: str) -> bool:
    """ "days later" is vague but "day after" alone is not a shift ("the first day after the truce")."""
    return bool(match.group("qty")) or (match.group("unit") or "").lower().endswith("s")


def _bare_year_is_a_time(match: re.Match[str], text: str) -> bool:
    """Reject money and codes: "$2014.", "#2013)"."""
    before = text[max(0, match.start() - 1) : match.start()]
    return before not in {"$", "€", "£", "#", "/", "-", ".", ","}


#: Escapes and group names: what in a pattern is no literal letter.
_NOT_LITERAL = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


def _wordset(text: str) -> frozenset[str]:
    """The set of space-separated words in ``text``."""
    return frozenset(text.split())


def _p(kind: str, pattern: str, accept: Accept | None = None, needs: tuple[frozenset[str], ...] = ()) -> Pattern:
    regex = re.compile(pattern, re.IGNORECASE)
    cased = re.search(r"[A-Z]", _NOT_LITERAL.sub("", pattern))
    return Pattern(kind, regex, accept, regex if cased else re.compile(pattern), needs)


# Words some patterns cannot match without (see ``Pattern.needs``).
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_FROM_WORDS = frozenset({"from", "between"})
_YEARS = frozenset(str(y) for y in range(1900, 2100))  # as the runs of digits that ``year`` matches


_M, _D, _Y = month, day, year

#: After a number, words that make it a count ("around 2000 people"), not a year.
_NOT_A_COUNT = (
    r"(?!\s+(?:[a-z]+\s+)?(?:people|persons|protesters|demonstrators|men|women|children|fighters|troops"
    r"|soldiers|residents|workers|students|families|civilians|members|supporters|militants|households"
    r"|refugees|others|participants|farmers|teachers|villagers|migrants|prisoners|km|kilometres|metres)\b)"
)

PATTERNS: tuple[Pattern, ...] = (
    # -- ranges -------------------------------------------------------------------------------
    _p(
        "range_days",
        rf"\b{FROM}?{_D('d1')}(?:\s+(?:of\s+)?{_M('m1')}(?:,?\s*{_Y('y1')})?)?{RANGE_SEP}"
        rf"{_D('d2')}\s+(?:of\s+)?{_M('m2')}(?:,?\s*{_Y('y')})?",
        _month_word_is_a_month,
        needs=(_MONTH_WORDS,),
    ),
    _p(
        "range_days",
        rf"\b{FROM}?{_M('m1')}\s+{_D('d1')}{RANGE_SEP}(?:{_M('m2')}\s+)?{_D('d2')}(?:,?\s*{_Y('y')})?",
        _month_word_is_a_month,
        needs=(_MONTH_WORDS,),
    ),
    _p(
        "range_months",
        rf"\b{FROM}{_M('m1')}(?:,?\s*{_Y('y1')})?\s+(?:to|and|until|till|through)\s+{_M('m2')}"
        rf"(?:,?\s*(?:of\s+)?{year_phrase('y')})?",
        needs=(_FROM_WORDS, _MONTH_WORDS),
    ),
    _p("range_months", rf"\b{_M('m1')}\s*[-–—/]\s*{_M('m2')},?\s*{_Y('y')}", needs=(_MONTH_WORDS, _YEARS)),
    _p(
        "range_years",
        rf"\b{FROM}{_Y('y1')}\s+(?:to|and|until|till|through)\s+{_Y('y2')}",
        needs=(_FROM_WORDS, _YEARS),
    ),
    _p("range_years", rf"\b{_Y('y1')}\s*[-–—]\s*(?P<y2>(?:19|20)?\d{{2}})(?![\d-])", needs=(_YEARS,)),
    _p(
        "range_weekdays",
        rf"\b{FROM}(?P<wd1>{WEEKDAY_NAMES})\s+(?:to|and|until|till|through)\s+(?P<wd2>{WEEKDAY_NAMES})\b",
        needs=(_FROM_WORDS, _WEEKDAY_WORDS),
    ),
    # -- days ---------------------------------------------------------------------------------
    _p(
        "day",
        rf"\b(?:the\s+)?{OPTIONAL_WEEKDAY}{_D('d')}\s+(?:of\s+)?{_M('m')}(?:,?\s*{_Y('y')})?",
        _month_word_is_a_month,
        needs=(_MONTH_WORDS,),
    ),
    _p(
        "day",
        rf"\b{OPTIONAL_WEEKDAY}{_M('m')}\s+(?:the\s+)?{_D('d')}(?!\s*(?:-|–|to\b))(?:,?\s*{_Y('y')})?",
        _month_word_is_a_month,
        needs=(_MONTH_WORDS,),
    ),
    _p("day_compact", rf"\b{_D('d')}{month('m', boundary=False)}(?P<y>\d{{4}}|\d{{2}})(?!\d)"),
    _p("day_numeric", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
    _p("day_dotted", r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)"),
    _p("day_iso", r"\b(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?!\d)"),
    # -- months, seasons, quarters, parts -----------------------------------------------------
    _p("month_year", rf"\b{_M('m')},?\s+(?:of\s+)?{year_phrase('y')}", _month_word_is_a_month, needs=(_MONTH_WORDS,)),
    _p(
        "month_deictic",
        rf"\b(?P<rel>last|this|next)\s+{_M('m')}(?!\s*\d)",
        needs=(frozenset({"last", "this", "next"}), _MONTH_WORDS),
    ),
    _p(
        "month_bare",
        rf"\b{TIME_PREPOSITION}\s+(?:the\s+month\s+of\s+)?(?P<core>{FULL_MONTH})(?!\s*\d)",
        _month_word_is_a_month,
        needs=(_MONTH_WORDS,),
    ),
    _p(
        "part",
        rf"\b{PART}[-\s]+(?:{_M('m')}(?:,?\s*(?:of\s+)?{year_phrase('y')})?"
        rf"|(?:the\s+)?(?P<decade>(?:19|20)\d0)'?s\b|{year_phrase('yp')})",
        _month_word_is_a_month,
    ),
    _p("decade", r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)'?s\b", needs=(_YEARS,)),
    _p(
        "season",
        rf"\b(?:(?P<rel>last|this|next|early|late|mid)[-\s]+)?(?:the\s+)?{SEASON}"
        rf"(?:\s+(?:of\s+)?{year_phrase('y')})?\b",
        _season_is_a_time,
        needs=(frozenset({"spring", "summer", "autumn", "fall", "winter"}),),
    ),
    _p("quarter", rf"\bq(?P<n>[1-4])\s*{_Y('y')}", needs=(frozenset({"q"}),)),
    _p(
        "quarter",
        r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+quarter\s+"
        rf"(?:of\s+)?(?:the\s+year\s+)?{year_phrase('y')}",
        needs=(frozenset({"quarter"}),),
    ),
    _p(
        "half",
        rf"\b(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half\s+of\s+{year_phrase('y')}",
        needs=(frozenset({"half"}),),
    ),
    # -- years --------------------------------------------------------------------------------
    _p(
        "year",
        r"\b(?:in|since|during|until|till|before|after|through|throughout|(?:the\s+)?year)\s+"
        rf"(?P<core>{_Y('y')})(?!\s*[-–—]\s*\d)",
        needs=(_YEARS,),
    ),
    _p("year", rf"\b{TIME_PREPOSITION}\s+(?P<core>{_Y('y')})(?!\s*[-–—]\s*\d){_NOT_A_COUNT}", needs=(_YEARS,)),
    _p(
        "year",
        rf"(?:(?<=\()|(?<![\w$€£#/.,-])){_Y('y')}(?=\s*[,.;:)\]]|\s*$)",
        _bare_year_is_a_time,
        needs=(_YEARS,),
    ),
    # -- relative to the publication date -----------------------------------------------------
    _p(
        "weekday",
        rf"\b(?:(?P<rel>last|this|next|past)\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b"
        r"(?!\s+(?:prayers?|walks?|sermons?|market|times|mail|telegraph|express|post|protests?)\b)",
        _weekday_is_a_day,
        needs=(_WEEKDAY_WORDS,),
    ),
    _p(
        "deictic",
        r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|overnight"
        r"|last\s+night|this\s+(?:morning|afternoon|evening))\b",
        needs=(_wordset("yesterday today tonight tomorrow overnight night morning afternoon evening"),),
    ),
    _p(
        "deictic_unit",
        r"\b(?P<rel>earlier\s+this|later\s+this|so\s+far\s+this|the\s+past|the\s+last|past|last|this|next)"
        r"\s+(?P<unit>week|month|year)\b",
    ),
    _p(
        "past_n",
        rf"\b(?:the\s+)?(?:past|last|previous)\s+{QUANTITY}\s+(?P<unit>days|weeks|months|years)\b",
        needs=(_wordset("past last previous"), _wordset("days weeks months years")),
    ),
    _p("recent", r"\bin\s+recent\s+(?P<unit>days|weeks|months|years)\b", needs=(frozenset({"recent"}),)),
    _p(
        "ago",
        rf"\b{QUANTITY}\s+(?P<unit>days?|weeks?|months?|years?|fortnights?)\s+ago\b",
        needs=(frozenset({"ago"}),),
    ),
    # -- relative to the date in force in the text --------------------------------------------
    _p(
        "shift",
        rf"\b(?:{QUANTITY}\s+)?(?P<unit>days?|weeks?|months?|years?)\s+"
        r"(?P<dir>later|earlier|after|before|afterwards|on|previously|prior)\b",
        _vague_shift_is_plural,
    ),
    _p(
        "same",
        r"\b(?P<rel>(?:(?:the|that)\s+)?(?:same|following|preceding|prior)|the\s+(?:next|previous)|that)\s+"
        r"(?P<unit>day|night|morning|afternoon|evening|week|weekend|month|year)\b",
    ),
    _p(
        "later_that",
        r"\b(?P<rel>later|earlier)\s+(?:that|the\s+same)\s+(?P<unit>day|week|month|year)\b",
        needs=(frozenset({"later", "earlier"}),),
    ),
    _p("unit_before", r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)\b"),
)
