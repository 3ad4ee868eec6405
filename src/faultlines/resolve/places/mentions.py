"""Find the places a text names, using the gazetteer itself (works on lower-cased text too).

spaCy's NER misses lower-cased names and many small Syrian or Iraqi villages, so the finder scans
word n-grams against the index's name keys. In cased text a span must start with a capital; in
text that is (almost) all lower case any word may start one, but only well-known places count.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from faultlines.resolve.places.gazetteer import Gazetteer, get_gazetteer
from faultlines.resolve.places.keys import (
    DESCRIPTORS,
    fold,
    name_key,
    skeleton_key,
    split_descriptor,
    wordset,
)
from faultlines.resolve.places.model import ADMIN1, ADMIN2, COUNTRY, PlaceMention

MAX_WORDS = 5
_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“(\[])|\n+")
# Lower-case words allowed inside a capitalised name ("Deir ez-Zor", "Cienega de Flores").
_CONNECTORS = wordset("al el ez az ad ar as ash an at de del della di da do dos das la le les los las y of bin ibn")
# Capitalised words that are place names somewhere but almost never mean one in news text.
_NOT_PLACES = wordset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday police army forces force military government "
    "islamic state front brigade brigades party people president minister general mr mrs said however "
    "meanwhile according sources source video twitter reuters afp bbc jihadist jihadists rebels rebel "
    "militants many most several some among other others one two three four new north south east west "
    "northern southern eastern western central post leave reply comment levant sunni shia abu al bin "
    "free far seen split loss mobile reading bath nice union center centre human rights law arab coast "
    "secretary gen university college court hospital square confederation federation association council "
    "committee coalition alliance movement manage log login accept"
)
# Lower-case particles that join the words of one name but are not English words, so that a name
# continuing after one ("Dur al Naft", "Guadalupe y Calvo") is a longer name, not the shorter one.
_NAME_PARTICLES = wordset("al el ez az ad ar ash de del della di da dos das la le les los las y bin ibn")
# An elided particle joined to the next word of a name: "Monticelli d'Ongina", "Sant'Agata".
_ELIDED_PARTICLE = re.compile(r"^(?:d|l|dell|all|sull)['’][A-Z]")
# A lower-case Arabic article hyphenated to a capitalised name: "al-Ain", "ez-Zor".
_ARTICLE_NAME = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|ez|an|ed|er|es|et|en)-[A-Z]")
# "Mr. Kerry", "Gen. Petraeus": a name after a title is a person's.
_TITLES = wordset("mr mrs ms dr gen lt col maj capt sen rep")
_PREPOSITIONS = wordset("in near at outside around from to into of across toward towards between")
# "Velykomykhailivka, Dnipropetrovsk", "Sarwan (Aleppo)", "Tawileh town": a place name follows.
_FOLLOWED_BY_PLACE_CUE = re.compile(
    r"\s*(?:\(|,\s*[A-Z]|(?:town|village|city|district|township|county|municipality|locality|LGA|woreda|"
    r"tehsil|commune|sub-?district|neighbou?rhood)\b|in the (?:north|south|east|west)\b)"
)
# A preposition capitalised because it opens a sentence ("In Syria, ...") is no part of the name after it.
_OPENERS = _PREPOSITIONS
_LOCATIVES = wordset("in near at outside around into toward towards")
# Words that put a place after them even in lower-cased text ("near tikrit"), where "in" and "at" often do not;
# so does "<place> and" ("in samarra and tikrit").
_STRONG_LOCATIVES = wordset("near outside around outskirts toward towards")
_FOLLOWED_BY_DIRECTION = re.compile(r"\s*in the (?:north|south|east|west)\b")
_HYPHENATED_LOWER = re.compile(r"-[a-z]{3,}")
# "Baath party", "Baathist loyalists": a name that heads a party or movement is not a place.
# "Fano militias", "Buganda youth", "Meru ethnic militia": a name that heads a group of people is an actor.
_FOLLOWED_BY_PARTY = re.compile(
    r"\s+(?:party|parties|loyalists|ideology|(?:ethnic\s+|communal\s+|clan\s+)?(?:militias?|militiamen|youths?|"
    r"clans?|sub-clans?|tribesmen|tribe))\b",
    re.IGNORECASE,
)
# "angry at Ankara's stance", "Damascus's decision": a capital's or country's stance is its government's.
_POLICY_NOUN = re.compile(
    r"(?:['’]s)?\s+(?:stance|position|policy|policies|decision|refusal|response|reaction|approach|attitude|"
    r"strategy|reluctance|insistence|failure|inaction|silence|backing|demands?|offer|proposal|objections?|"
    r"opposition|intervention|involvement|assurances?)\b",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*\(([^()]{2,120})\)")
_CONTAINER_GAP = re.compile(
    r"^\s*(?:(?:town|village|city|area|district|township|neighbou?rhood|municipality|locality|LGA|"
    r"corregimiento|vereda|parish|county|sub-county|tehsil|mandal|woreda|regency|camp)\s+)?(?:cent(?:er|re)\s*)?"
    r"(?:,\s*(?:in\s+|(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of\s+)?|(?:located\s+)?in\s+|of\s+)(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass
class _Span:
    start: int
    end: int
    text: str
    after_preposition: bool


def _stands_for_government(text: str, end: int) -> bool:
    """True when a possessive name is followed by a word of policy ("Ankara's stance"): the government."""
    possessive = text[end : end + 2] in ("'s", "’s") or text[end - 2 : end] in ("'s", "’s")
    return possessive and _POLICY_NOUN.match(text, end) is not None


def is_lower_cased(text: str) -> bool:
    """True when the text has (almost) no capitals, as in stop-word-stripped dumps."""
    letters = sum(map(str.isalpha, text))
    return letters > 0 and sum(map(str.isupper, text)) / letters < 0.01


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], position: int, length: int) -> tuple[int, int]:
    """The bounds of the sentence that holds ``position`` (or ends right before it), else the whole text."""
    k = bisect.bisect_right(starts, position) - 1
    if k >= 0 and position <= sentences[k][1]:
        return sentences[k]
    return 0, length


def _words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as (start, end, word), a possessive "'s" left out."""
    words = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        start = match.start()
        words.append((start, start + len(word), word))
    return words


def _after_list_opener(text: str, position: int) -> bool:
    """True when the text before ``position`` ends with "(" or "," (white space aside)."""
    k = position
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] in "(,"


class MentionFinder:
    """Scans text for gazetteer names; see :func:`find_place_mentions`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        # spaCy's English stop words; imported here so that plain lookups do not load spaCy.
        from spacy.lang.en.stop_words import STOP_WORDS

        self.gazetteer = gazetteer
        self.stop_words: frozenset[str] = frozenset(STOP_WORDS)

    def _notable(self, text: str, min_population: int, districts: bool = False) -> bool:
        """Whether ``text`` names a country, region, hand-kept place, town of that size or (when
        ``districts``) a second-level district ("Passore" in "Bagare (Bagare, Passore)")."""
        kinds = (COUNTRY, ADMIN1, ADMIN2) if districts else (COUNTRY, ADMIN1)
        for entry in self.gazetteer.entries(text, fuzzy=False):
            if entry.feature in kinds or entry.supplement or entry.population >= min_population:
                return True
        return False

    def _accept(
        self,
        words: list[str],
        lower: bool,
        after_prep: bool,
        locative: bool = False,
        listed: bool = False,
        strong: bool = False,
    ) -> bool:
        """Whether ``words`` name a place; ``after_prep``: a word around it says a place is meant,
        ``locative``: a locative word ("in", "near", "in the east") stands right next to it,
        ``listed``: it follows a bracket or a comma, as the districts of "X (Y, Z)" do; ``strong``: a
        word that always announces a place ("near", "outside") stands before it, so that lower-cased
        text may name a town smaller than a city ("near tikrit")."""
        text = " ".join(words)
        single = len(words) == 1
        bare = fold(split_descriptor(text)[0])
        if bare in self.stop_words or bare in _NOT_PLACES or len(bare) < 3:
            return False
        if self.gazetteer.country_of_demonym(bare):
            return False  # "Iraqi city", "Syrian side"
        if not self.gazetteer.has_name(name_key(text)):
            # A spelling variant ("Muhassen") counts only in a locative frame: "in X", "X in the east".
            known_variant = locative and len(name_key(text)) >= 5 and self.gazetteer.has_skeleton(skeleton_key(text))
            return known_variant and not lower
        if single and text.isupper():
            # Acronyms are organisations ("FSA", "NATO") unless they name a country ("US", "DRC").
            return any(e.feature == COUNTRY for e in self.gazetteer.entries(text, fuzzy=False))
        if lower:
            return self._notable(text, 100_000 if single and not strong else 20_000)
        if single and not after_prep:
            # A lone capitalised word is often a person ("Omar", "Kerry"): only well-known places.
            # In a bracketed list ("Bagare (Bagare, Passore)") a district name counts too.
            return self._notable(text, 20_000, districts=listed)
        return True

    def spans(self, text: str, lower: bool | None = None) -> list[_Span]:
        """Longest gazetteer names in ``text``, left to right, not overlapping (``lower``: see
        :func:`is_lower_cased`, computed when not given)."""
        lower = is_lower_cased(text) if lower is None else lower
        words = _words(text)
        # In cased text only a capitalised word starts a name.
        starts = range(len(words)) if lower else [i for i, w in enumerate(words) if w[2][0].isupper()]
        found: list[_Span] = []
        resume = 0  # the first word after the last name found
        for i in starts:
            if i < resume:
                continue
            listed_after = bool(found) and i > 1 and fold(words[i - 1][2]) == "and" and found[-1].end == words[i - 2][1]
            span = self._span_at(text, words, i, lower, listed_after)
            if span is not None:
                found.append(span[0])
                resume = span[1]
        return found

    def _span_at(
        self, text: str, words: list[tuple[int, int, str]], i: int, lower: bool, listed_after: bool = False
    ) -> tuple[_Span, int] | None:
        """The longest place name starting at word ``i``; ``listed_after``: the word follows "<place> and"."""
        first = words[i][2]
        if not lower and not first[0].isupper():
            return None
        if i > 0 and fold(words[i - 1][2]) in _TITLES:
            return None
        previous = fold(words[i - 1][2]) if i > 0 else ""
        after_prep = previous in _PREPOSITIONS
        listed = _after_list_opener(text, words[i][0])
        strong = listed_after or previous in _STRONG_LOCATIVES
        for n in range(self._joined_words(text, words, i, lower), 0, -1):
            chunk = words[i : i + n]
            if not self._may_end_name(chunk[-1][2], lower):
                continue
            names = [w[2] for w in chunk]
            if not lower and self._inside_longer_name(text, words, i, i + n):
                continue
            if _FOLLOWED_BY_PARTY.match(text, chunk[-1][1]) or _stands_for_government(text, chunk[-1][1]):
                continue
            cue = after_prep or bool(_FOLLOWED_BY_PLACE_CUE.match(text, chunk[-1][1]))
            # "in X", "X in the east", "X district": the words around say a place is meant.
            locative = (
                previous in _LOCATIVES
                or bool(_FOLLOWED_BY_DIRECTION.match(text, chunk[-1][1]))
                or (i + n < len(words) and fold(words[i + n][2]) in DESCRIPTORS)
            )
            if self._accept(names, lower, cue, locative, listed, strong):
                end_index = i + n
                end = chunk[-1][1]
                # Keep a descriptor that follows ("Kirkuk province", "Aleppo countryside").
                if (
                    end_index < len(words)
                    and fold(words[end_index][2]) in DESCRIPTORS
                    and text[end : words[end_index][0]].strip() == ""
                ):
                    end = words[end_index][1]
                    end_index += 1
                return _Span(chunk[0][0], end, text[chunk[0][0] : end], after_prep), end_index
        return None

    @staticmethod
    def _inside_longer_name(text: str, words: list[tuple[int, int, str]], i: int, j: int) -> bool:
        """True when capitalised words touch the span ("Abu" in "Abu Bakr", "Human" in "Human Rights")."""
        k = i - 1
        while k >= 0 and fold(words[k][2]) in _CONNECTORS and not text[words[k][1] : words[k + 1][0]].strip():
            k -= 1
        before = (
            k >= 0
            and words[k][2][0].isupper()
            and fold(words[k][2]) not in _OPENERS
            and not _HYPHENATED_LOWER.search(words[k][2])  # "ISIL-controlled Raqa"
            and not text[words[k][1] : words[k + 1][0]].strip()
        )
        m = j
        while m < len(words) - 1 and words[m][2] in _NAME_PARTICLES and not text[words[m - 1][1] : words[m][0]].strip():
            m += 1  # "Dur" of "Dur al Naft", "San Miguel" of "San Miguel de Ibarra"
        after = (
            m < len(words)
            and (words[m][2][0].isupper() or _ELIDED_PARTICLE.match(words[m][2]) is not None)
            and not text[words[m - 1][1] : words[m][0]].strip()
            and fold(words[m][2]) not in DESCRIPTORS
        )
        return bool(before or after)

    @staticmethod
    def _joined_words(text: str, words: list[tuple[int, int, str]], i: int, lower: bool) -> int:
        """How many words from word ``i`` on (at most ``MAX_WORDS``) stand together as one name may:
        only white space between them and, in cased text, each capitalised or a connector ("Ras al-Ain")."""
        n = 1
        while n < MAX_WORDS and i + n < len(words):
            end, (start, _end, word) = words[i + n - 1][1], words[i + n]
            if text[end:start].strip():
                break
            connector = fold(word) in _CONNECTORS or _ARTICLE_NAME.match(word)
            if not lower and not word[0].isupper() and not connector:
                break
            n += 1
        return n

    @staticmethod
    def _may_end_name(word: str, lower: bool) -> bool:
        """In cased text a name ends in a capitalised word or an article joined to one ("Ras al-Ain")."""
        return lower or word[0].isupper() or bool(_ARTICLE_NAME.match(word))

    def _names_a_place(self, text: str) -> bool:
        """True when some comma-separated part names a place ("Paikoro, Niger": Niger does)."""
        if text.lstrip()[:1].islower():
            return False  # "(coded to Ciudad Bolivar, Bolivar)" is a remark, not a container
        if text.strip().isupper() and "," not in text and not self.gazetteer.country_code(text.strip()):
            return False  # "Treviso Province (LN)": a party's initials, unless a country's ("(DRC)")
        parts = [split_descriptor(part.strip())[0] for part in text.split(",")]
        return any(part and part[0].isupper() and self.gazetteer.has_name(name_key(part)) for part in parts)

    def find(self, text: str) -> list[PlaceMention]:
        """Mentions with their sentence and, where the text gives it, their container."""
        lower = is_lower_cased(text)
        spans = self.spans(text, lower)
        sentences = _sentences(text)
        mentions = []
        sentence_starts = [start for start, _end in sentences]
        for k, span in enumerate(spans):
            container = None
            paren = _PARENS.match(text, span.end)
            if paren and self._names_a_place(paren.group(1)):
                container = paren.group(1).strip()
            elif not lower and k + 1 < len(spans) and _CONTAINER_GAP.match(text[span.end : spans[k + 1].start]):
                container = spans[k + 1].text
            s_start, s_end = _sentence_of(sentences, sentence_starts, span.start, len(text))
            mentions.append(
                PlaceMention(
                    text=span.text,
                    sentence=text[s_start:s_end],
                    sentence_start=s_start,
                    start=span.start,
                    end=span.end,
                    container=container,
                )
            )
        return mentions


def find_place_mentions(doc_or_text: Any, *, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Place mentions in a text or a spaCy ``Doc`` (its text is scanned), in text order.

    Each mention carries its sentence, character offsets and the containing place the text
    gives right after it: "in Sarwan (Aleppo)" or "Hawija, in Kirkuk province".
    """
    text = doc_or_text if isinstance(doc_or_text, str) else str(doc_or_text.text)
    return _finder(gazetteer or get_gazetteer()).find(text)


@functools.lru_cache(maxsize=4)
def _finder(gazetteer: Gazetteer) -> MentionFinder:
    """One finder per gazetteer (it holds nothing per document)."""
    return MentionFinder(gazetteer)
