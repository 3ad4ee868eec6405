"""Trigger matching: find the words of a sentence that can announce an event.

Matching is on lower-cased lemmas, longest phrase first, so "shoot down" wins over "shoot"
and "suicide bomb" over "bomb". The pre-filter :func:`might_hold_event` works on raw text
with no parse, so a caller can skip parsing sentences that cannot hold an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from faultlines.extract.ontology import trigger_lexicon

MAX_PHRASE = 6


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger phrase found in a sentence: tokens [start, end) of the doc and its lexicon type."""

    type_id: str
    start: int
    end: int
    head: Token
    """The syntactic head of the phrase (its verb or noun)."""


@cache
def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First lemma -> [(phrase lemmas, type id)], longest phrase first; first listing wins."""
    seen: set[tuple[str, ...]] = set()
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for type_id, phrases in trigger_lexicon().items():
        for phrase in phrases:
            words = tuple(phrase.split())
            if words in seen:
                continue
            seen.add(words)
            index.setdefault(words[0], []).append((words, type_id))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


#: Forms the small model lemmatises wrongly: irregular pasts it leaves as they are when it mistags
#: them ("overran" as PROPN), and "raped", read as "rap".
_MISREAD_FORMS = {
    "overran": "overrun", "retook": "retake", "withdrew": "withdraw", "swore": "swear",
    "raped": "rape", "raping": "rape",
}  # fmt: skip


def _norm(token: Token) -> str:
    lemma = _MISREAD_FORMS.get(token.lower_) or token.lemma_.lower()
    if lemma == "shot" and _shot_as_verb(token):
        return "shoot"
    return lemma if lemma and lemma != "-pron-" else token.lower_


def _shot_as_verb(token: Token) -> bool:
    """ "suspects on a motorcycle shot against a bus": "shot" the parser took for a noun, told by
    what follows it (a target or "at"/"against"), where a noun "shot" is followed by a verb."""
    if token.lower_ != "shot" or token.i + 1 >= len(token.doc):
        return False
    if token.i and token.doc[token.i - 1].pos_ in ("DET", "ADJ"):
        return False  # "took a shot at the title", "a warning shot"
    after = token.doc[token.i + 1]
    return after.lower_ in ("at", "against", "dead", "down") or after.pos_ in ("DET", "PRON", "NUM")


def _matches_at(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """(tokens consumed, type id) of the longest phrase starting at ``tokens[i]``; inside a phrase one
    possessive or article may stand between its words ("cut its ties", "severed all links")."""
    for words, type_id in _phrase_index().get(_norm(tokens[i]), ()):
        size = _phrase_size(tokens, i, words)
        if size:
            return size, type_id
    return None


#: Words that may stand inside a phrase: a possessive or article ("cut its ties"), or how much is
#: taken ("took full control", "seized effective control").
_FILLERS = frozenset({"its", "their", "his", "her", "the", "all", "any", "full", "complete", "total", "effective"})


def _phrase_size(tokens: list[Token], i: int, words: tuple[str, ...]) -> int:
    j, skipped = i, False
    for k, word in enumerate(words):
        if j >= len(tokens):
            return 0
        if k and not skipped and tokens[j].lower_ in _FILLERS and _norm(tokens[j]) != word and j + 1 < len(tokens):
            j, skipped = j + 1, True
        if not (_norm(tokens[j]) == word or tokens[j].lower_ == word):
            return 0
        j += 1
    return j - i


def _phrase_head(tokens: list[Token]) -> Token:
    """The token of the phrase whose head lies outside it (first verb preferred)."""
    for token in tokens:
        if token.pos_ in ("VERB", "AUX"):
            return token
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[-1]


_NAME_LABELS = {"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"}


def _inside_name(token: Token) -> bool:
    """A capitalised word inside a name ("Capitol Riot", "Stop the War Coalition") is no trigger."""
    return token.ent_type_ in _NAME_LABELS and token.ent_iob_ == "I" and (token.pos_ == "PROPN" or token.is_title)


_MONTHS = frozenset({"march", "may"})


def _in_date(token: Token) -> bool:
    """A month name inside a date is no trigger: "On 9 March" holds no protest march."""
    return token.lower_ in _MONTHS and token.ent_type_ in ("DATE", "TIME")


#: Phrases whose object stands between their words ("set seven houses and two barns on fire"): the
#: verb lemma, the words that close the phrase, and the type the phrase announces.
_SPLIT_PHRASES: dict[str, tuple[tuple[tuple[str, ...], ...], str]] = {
    "set": ((("on", "fire"), ("ablaze",), ("alight",)), "looting_property_destruction"),
}
_SPLIT_GAP = 8
#: The same phrases on raw text, for the parse-free gate.
_SPLIT_GATE = re.compile(r"\bset\b[^.;:!?]{0,60}?\b(?:on\s+fire|ablaze|alight)\b", re.IGNORECASE)


def _split_phrase(tokens: list[Token], i: int) -> str | None:
    """The type of a split phrase whose verb is ``tokens[i]`` and which closes within a few words,
    before any other verb or clause break ("set the house on fire"), or None."""
    token = tokens[i]
    entry = _SPLIT_PHRASES.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
    if entry is None:
        return None
    closings, type_id = entry
    words = [t.lower_ for t in tokens[i + 1 : i + 1 + _SPLIT_GAP]]
    for j, word in enumerate(words):
        if tokens[i + 1 + j].pos_ in ("VERB", "AUX") or word in (".", ";", ":"):
            return None
        if any(tuple(words[j : j + len(c)]) == c for c in closings):
            return type_id
    return None


def find_triggers(sentence: Span) -> list[TriggerMatch]:
    """All non-overlapping trigger phrases in ``sentence``, left to right."""
    tokens = list(sentence)
    found: list[TriggerMatch] = []
    starts = _phrase_index()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # most words start no phrase: tell them first, by the cheapest test
        could_start = _norm(token) in starts or token.lemma_.lower() in _SPLIT_PHRASES
        if not could_start or _inside_name(token) or _in_date(token):
            i += 1
            continue
        match = _matches_at(tokens, i)
        split = _split_phrase(tokens, i) if match is None else None
        if split is not None:
            match = (1, split)
        if match is None:
            i += 1
            continue
        size, type_id = match
        phrase = tokens[i : i + size]
        found.append(TriggerMatch(type_id, phrase[0].i, phrase[-1].i + 1, _phrase_head(phrase)))
        i += size
    return found


@cache
def _prefilter_regex() -> re.Pattern[str]:
    """Word-start stems of the longest word of every trigger (inflections may follow the stem)."""
    stems: set[str] = set()
    for phrases in trigger_lexicon().values():
        for phrase in phrases:
            # every phrase must contain its longest word, so that word alone can gate the parse
            longest = max(phrase.split(), key=len)
            if len(longest) > 2:
                stems.add(_stem(longest))
    alternatives = "|".join(sorted((re.escape(s) for s in stems), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})", re.IGNORECASE)


# Irregular past forms whose stem differs from the lemma's.
_IRREGULAR = (
    "fought", "took", "shot", "fled", "left", "drove", "swore", "sworn", "met", "sent", "stole", "stolen",
    "beaten", "withdrew", "withdrawn", "overran", "overtook", "retook", "struck", "blew", "broke", "broken",
    "fell", "laid", "undertook", "gave", "began", "burnt", "threw", "thrown", "rode", "held",
)  # fmt: skip


def _stem(word: str) -> str:
    """A crude stem that still prefixes the word's inflections (seize -> seiz, capture -> captur)."""
    if len(word) > 4 and word.endswith("e"):
        return word[:-1]
    if len(word) > 4 and word.endswith("y"):
        return word[:-1]
    return word


def might_hold_event(sentence_text: str) -> bool:
    """Cheap lexicon scan (no parse): False only when no trigger word can be in the sentence."""
    if _prefilter_regex().search(sentence_text):
        return True
    lowered = sentence_text.lower()
    return any(re.search(rf"\b{form}\b", lowered) for form in _IRREGULAR)


# ---- strict gate: whole trigger phrases on surface forms, no parse --------------------------------

#: Irregular inflections of lexicon words (regular ones are generated by :func:`_surface_forms`).
_IRREGULAR_FORMS = {
    "take": ("took", "taken"), "fight": ("fought",), "shoot": ("shot",), "flee": ("fled",), "leave": ("left",),
    "drive": ("drove", "driven"), "swear": ("swore", "sworn"), "meet": ("met",), "send": ("sent",),
    "steal": ("stole", "stolen"), "beat": ("beaten",), "withdraw": ("withdrew", "withdrawn"),
    "overrun": ("overran",), "overtake": ("overtook", "overtaken"), "retake": ("retook", "retaken"),
    "strike": ("struck",), "blow": ("blew", "blown"), "break": ("broke", "broken"), "fall": ("fell", "fallen"),
    "lay": ("laid",), "give": ("gave", "given"), "throw": ("threw", "thrown"), "hold": ("held",),
    "burn": ("burnt",), "begin": ("began", "begun"), "hurl": (), "seek": ("sought",), "undertake": ("undertook",),
    "shell": ("shelled",), "ride": ("rode",), "himself": (), "herself": (), "themselves": (), "its": (),
    "their": (), "arm": ("arms",), "weapon": ("weapons",), "tie": ("ties", "tied", "tying"),
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")


def _surface_forms(word: str) -> set[str]:
    """The word and its regular inflections (-s, -es, -ed, -ing, e-drop, y->ie, doubled consonant)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms | set(_IRREGULAR_FORMS.get(word, ()))


@cache
def _gate_tables() -> tuple[dict[str, frozenset[str]], dict[str, tuple[tuple[str, ...], ...]]]:
    """(surface form -> lexicon words it may be a form of, first word -> phrases)."""
    lemmas: dict[str, set[str]] = {}
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for entries in trigger_lexicon().values():
        for phrase in entries:
            words = tuple(w for w in _WORD.findall(phrase))
            phrases.setdefault(words[0], set()).add(words)
            for word in words:
                for form in _surface_forms(word):
                    lemmas.setdefault(form, set()).add(word)
    return (
        {form: frozenset(words) for form, words in lemmas.items()},
        {first: tuple(sorted(found, key=len, reverse=True)) for first, found in phrases.items()},
    )


def _readings(word: str, lemmas: dict[str, frozenset[str]]) -> frozenset[str]:
    return lemmas.get(word, frozenset()) | {word}


def sentence_may_hold_event(sentence_text: str) -> bool:
    """Strict, parse-free gate: True when a whole trigger phrase of the lexicon appears in the
    sentence under some inflection ("took control", "pledged allegiance", "clashes").

    It reads surface forms where :func:`find_triggers` reads lemmas, so it lets through every
    sentence the trigger matcher can fire on (barring unusual inflections), and far fewer than
    :func:`might_hold_event`, which fires on any single word of a phrase.
    """
    if _SPLIT_GATE.search(sentence_text):
        return True
    lemmas, phrases = _gate_tables()
    words = _WORD.findall(sentence_text.lower())
    for i, word in enumerate(words):
        for reading in _readings(word, lemmas):
            for phrase in phrases.get(reading, ()):
                if _gate_match(words, i, phrase, lemmas):
                    return True
    return False


def _gate_match(words: list[str], i: int, phrase: tuple[str, ...], lemmas: dict[str, frozenset[str]]) -> bool:
    """``phrase`` at ``words[i]`` (whose reading is its first word), allowing one filler inside it as
    :func:`find_triggers` does ("cut its ties")."""
    j, skipped = i + 1, False
    for word in phrase[1:]:
        if j < len(words) and not skipped and words[j] in _FILLERS and word not in _readings(words[j], lemmas):
            j, skipped = j + 1, True
        if j >= len(words) or word not in _readings(words[j], lemmas):
            return False
        j += 1
    return True
