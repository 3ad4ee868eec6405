"""Find every temporal expression in a text and normalise it, carrying the date in force."""

from __future__ import annotations

import logging
import re
import string
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import dateparser

from faultlines.resolve.dates.grammar import PATTERNS, Pattern
from faultlines.resolve.dates.lexicon import fold
from faultlines.resolve.dates.model import ANCHOR_ABSOLUTE, ANCHOR_TEXT, TimeExpression
from faultlines.resolve.dates.reading import Context, Reading, unresolved
from faultlines.resolve.dates.rules import RULES, UNIT_PRECISION, shift_from

logger = logging.getLogger(__name__)

#: Text allowed between "two days after" and the date it counts from ("two days after the 8 June").
_AFTER_GAP = re.compile(r"\s*(?:the\s+)?$", re.IGNORECASE)
#: "days after" followed by a word takes an event as its complement ("days after rebels withdrew").
_WORD_FOLLOWS = re.compile(r"[ \t]+[A-Za-z]")
#: Words that put the rest of a sentence in the future ("talks will resume on Monday").
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|is\s+due|are\s+due|plans?\s+to|planned|scheduled|expected\s+to|set\s+to|going\s+to)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n](?=\s)")
FROM_EVENT = "counts from an event named in the text, not from a date"


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int
    pattern: Pattern
    match: re.Match[str]


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The expression's span: the ``core`` group when the pattern has one (drops "in", "since")."""
    if "core" in match.re.groupindex and match.group("core") is not None:
        return match.span("core")
    return match.span()


@cache
def _folds_safely(char: str) -> bool:
    """True when lower-casing the non-ASCII ``char`` hides nothing from the patterns: one character
    stays one, no ASCII letter matches it case-insensitively (as "ſ" matches "s"), and it keeps its
    class (word, space, digit)."""
    low = char.lower()
    if len(low) != 1 or (low != char and low.isascii()):
        return False
    if any(re.fullmatch(letter, c, re.IGNORECASE) for letter in string.ascii_lowercase for c in (char, low)):
        return False
    return all(bool(re.fullmatch(cls, char)) == bool(re.fullmatch(cls, low)) for cls in (r"\w", r"\s", r"\d"))


def _folded(text: str) -> str | None:
    """``text`` lower-cased when the case-sensitive twins of the patterns find in it exactly what
    the case-insensitive patterns find in ``text`` (same matches, same offsets), else None."""
    if not text.isascii() and not all(_folds_safely(char) for char in set(text) if not char.isascii()):
        return None
    return text.lower()


#: The words ``Pattern.needs`` speaks of: runs of ASCII letters or digits.
_WORD_RUN = re.compile(r"[a-z]+|[0-9]+")


def _candidates(text: str) -> list[_Candidate]:
    """Every match of every pattern (overlaps included). Text that lower-cases safely is matched
    lower-cased with the case-sensitive twins of the patterns, about twice as fast, and only by the
    patterns whose needed words it holds (see ``Pattern.needs``)."""
    found: list[_Candidate] = []
    folded = _folded(text)
    words = set(_WORD_RUN.findall(folded)) if folded is not None else None
    for order, pattern in enumerate(PATTERNS):
        if words is not None and not pattern.may_match(words):
            continue
        if folded is not None and pattern.folded is not None:
            matches = pattern.folded.finditer(folded)
        else:
            matches = pattern.regex.finditer(text)
        for match in matches:
            if pattern.accept is not None and not pattern.accept(match, text):
                continue
            start, end = _span(match)
            found.append(_Candidate(start, end, order, pattern, match))
    return found


def _non_overlapping(candidates: list[_Candidate], length: int) -> list[_Candidate]:
    """Keep the longest candidate wherever several overlap (earlier patterns win ties)."""
    ranked = sorted(candidates, key=lambda c: (-(c.match.end() - c.match.start()), c.order, c.start))
    taken = bytearray(length)
    kept: list[_Candidate] = []
    for cand in ranked:
        first, last = cand.match.start(), cand.match.end()
        if 1 not in taken[first:last]:
            taken[first:last] = b"\x01" * (last - first)
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _read(candidate: _Candidate, ctx: Context) -> Reading | None:
    """The candidate's reading; None (skipped, logged) when its words are outside the lexicon, so
    that an odd spelling the patterns let through never stops the analysis of a document."""
    try:
        return RULES[candidate.pattern.kind](candidate.match.groupdict(), ctx)
    except (KeyError, ValueError, OverflowError) as exc:
        logger.debug("unreadable time expression %r: %s", candidate.match.group(), exc)
        return None


def _expression(text: str, start: int, end: int, kind: str, reading: Reading) -> TimeExpression:
    return TimeExpression(
        text=text[start:end],
        char_start=start,
        char_end=end,
        start=reading.start,
        end=reading.end,
        precision=reading.precision,
        relative=reading.anchor != ANCHOR_ABSOLUTE,
        anchor=reading.anchor,
        kind=kind,
        reason=reading.reason,
    )


def _counts_from_next(current: _Candidate, following: _Candidate | None, text: str) -> bool:
    """True for "two days after 8 June": a shift written right before the date it counts from."""
    if following is None or current.pattern.kind != "shift":
        return False
    if fold(current.match.group("dir")) not in ("after", "before"):
        return False
    return bool(_AFTER_GAP.match(text[current.end : following.start]))


def _speaks_of_future(text: str, position: int) -> bool:
    """True when the sentence up to ``position`` carries a future cue ("will", "is due to")."""
    window = text[max(0, position - 120) : position]
    ends = list(_SENTENCE_END.finditer(window))
    sentence = window[ends[-1].end() :] if ends else window
    return bool(_FUTURE_CUE.search(sentence))


def _counts_from_event(current: _Candidate, text: str) -> bool:
    """True for "days after rebels withdrew": the shift counts from an event, not from a date."""
    if current.pattern.kind != "shift":
        return False
    if fold(current.match.group("dir")) not in ("after", "before"):
        return False
    return bool(_WORD_FOLLOWS.match(text, current.end))


def _shift_precision(current: _Candidate) -> str:
    return UNIT_PRECISION.get(fold(current.match.group("unit") or "day").removesuffix("s"), "day")


def find_time_expressions(text: str, published: date | None) -> list[TimeExpression]:
    """Every temporal expression in ``text``, in document order, each normalised to an interval.

    ``published`` resolves deictic expressions ("Wednesday", "last week"); without it they come
    back unresolved with a reason. The *date in force* is the interval of the latest resolved
    expression before the current one anywhere earlier in the document; anaphoric expressions
    ("same month", "two days later") are resolved against it.
    """
    found = _resolve_all(text, published, None)
    logger.debug("found %d time expressions in %d characters", len(found), len(text))
    return found


_OTHER_DIGIT = re.compile(r"[^\x00-\x7f]")


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of another script (full-width １０, Arabic-Indic ١٠,
    Devanagari १०...) written as its ASCII digit; one character for one, so offsets hold."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(), m.group())), text)


def _resolve_all(text: str, published: date | None, in_force: Reading | None) -> list[TimeExpression]:
    shown, text = text, ascii_digits(text)
    chosen = _non_overlapping(_candidates(text), len(text))
    found: list[TimeExpression] = []
    index = 0
    while index < len(chosen):
        current = chosen[index]
        following = chosen[index + 1] if index + 1 < len(chosen) else None
        ctx = Context(published, in_force, _speaks_of_future(text, current.start))
        reading: Reading | None
        if following is not None and _counts_from_next(current, following, text):
            reading = _shift_from_next(current, following, ctx)
            start, end, index = current.start, following.end, index + 2
        elif _counts_from_event(current, text):
            reading = unresolved(_shift_precision(current), ANCHOR_TEXT, FROM_EVENT)
            start, end, index = current.start, current.end, index + 1
        else:
            reading = _read(current, ctx)
            start, end, index = current.start, current.end, index + 1
        if reading is None:
            continue
        found.append(_expression(shown, start, end, current.pattern.kind, reading))
        if reading.resolved:
            in_force = reading
    return found


def _shift_from_next(shift: _Candidate, base: _Candidate, ctx: Context) -> Reading:
    """ "two days after 8 June": the shift counted from the date written after it."""
    base_reading = _read(base, ctx)
    reading = shift_from(shift.match.groupdict(), base_reading)
    if base_reading is not None and reading.resolved:
        return Reading(reading.start, reading.end, reading.precision, base_reading.anchor)
    return reading


def _covers_phrase(expression: TimeExpression, phrase: str) -> bool:
    """True when the expression spans the phrase but for leading/trailing function words."""
    rest = (phrase[: expression.char_start] + " " + phrase[expression.char_end :]).lower()
    return all(word in {"on", "in", "at", "the", "of", "during", "since", "around", "by"} for word in rest.split())


def normalise(expression: str, published: date | None, *, in_force: date | None = None) -> TimeExpression | None:
    """Normalise one phrase ("mid-May", "two days later"); None when it is not a time expression.

    ``in_force`` is the day anaphoric phrases count from. Phrases outside the grammar are tried
    with dateparser (relative to ``published``) and come back with day precision.
    """
    anchor = Reading(in_force, in_force, "day", ANCHOR_ABSOLUTE) if in_force else None
    found = _resolve_all(expression, published, anchor)
    if len(found) == 1 and _covers_phrase(found[0], expression):
        return found[0]
    return _dateparser_fallback(expression, published)


def _dateparser_fallback(expression: str, published: date | None) -> TimeExpression | None:
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    reading = Reading(day, day, "day", "published" if published else ANCHOR_ABSOLUTE)
    return _expression(expression, 0, len(expression), "dateparser", reading)
