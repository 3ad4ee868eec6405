"""State forces named by a country word and a military or police noun.

"a Russian Orlan-10 drone", "Iraqi F-16 warplanes", "the Iraq Federal Police", "Syrian regime
artillery", "Ukrainian government positions", "the Russian Ministry of Defense": the
country's military (or police). Without a country word, "regime"/"military"/"army" in front
of such a noun ("regime snipers", "military columns") give the forces of the document's
country, when it is known. Words between the country and the noun must not be verbs,
prepositions or other actors' names ("Russian diplomats left ..." is nobody's forces).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import cache

from faultlines.kb.countries import load_countries
from faultlines.kb.states import FORCES_ON_GROUND, state_id
from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.found import Found

MILITARY_NOUNS = frozenset(
    [
        "soldier",
        "soldiers",
        "troops",
        "trooper",
        "troopers",
        "forces",
        "force",
        "army",
        "military",
        "airforce",
        "navy",
        "marines",
        "helicopter",
        "helicopters",
        "drone",
        "drones",
        "warplane",
        "warplanes",
        "plane",
        "planes",
        "jet",
        "jets",
        "aircraft",
        "artillery",
        "sniper",
        "snipers",
        "tank",
        "tanks",
        "ship",
        "ships",
        "warship",
        "warships",
        "vessel",
        "vessels",
        "gunboat",
        "gunboats",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "patrol",
        "patrols",
        "convoy",
        "convoys",
        "unit",
        "units",
        "division",
        "brigade",
        "battalion",
        "regiment",
        "column",
        "columns",
        "personnel",
        "positions",
        "position",
        "base",
        "bases",
        "checkpoint",
        "shelling",
        "airstrike",
        "airstrikes",
        "strikes",
        "bombardment",
        "paratroopers",
        "servicemen",
        "serviceman",
        "gendarmerie",
        "guards",
        "guard",
        "reinforcements",
        "commandos",
    ]
)
# Nouns that name a force's place: they end a phrase ("Iraqi Federal Police position") but do not extend it.
_PLACE_NOUNS = frozenset({"position", "positions", "base", "bases", "checkpoint"})
POLICE_NOUNS = frozenset(["police", "policeman", "policemen", "policewoman", "policemen", "cops"])
_POLICE_BEFORE_GUARDS = frozenset({"prison", "municipal", "prisons"})
_DEFENCE_MINISTRY = re.compile(r"\s+(?:ministry of defen[cs]e|defen[cs]e ministry|mod)\b", re.IGNORECASE)
# Words that stand for the state without naming it: the document's country is meant.
COUNTRYLESS = frozenset({"regime", "military", "army", "pro-regime", "pro-government"})
_BLOCKING_POS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "PUNCT"})
_MAX_FILLERS = {"demonym": 3, "name": 1, "countryless": 2}


@cache
def modifier_index() -> dict[str, tuple[str, str]]:
    """Lower-cased country words -> (ISO2, "demonym" | "name")."""
    index: dict[str, tuple[str, str]] = {}
    for country in load_countries().values():
        for name in country.names:
            if "(" not in name and len(name) > 2:
                index.setdefault(name.lower(), (country.iso2, "name"))
        for demonym in country.demonyms:
            index[demonym.lower()] = (country.iso2, "demonym")
            index.setdefault(demonym.lower().rstrip("."), (country.iso2, "demonym"))  # "U.S military"
    return index


@cache
def _by_first_word() -> dict[str, list[str]]:
    """First word of every country word -> the country words starting with it, longest first."""
    index: dict[str, list[str]] = {}
    for words in [*modifier_index(), *COUNTRYLESS]:
        index.setdefault(words.split()[0], []).append(words)
    return {k: sorted(v, key=len, reverse=True) for k, v in index.items()}


_WORD = re.compile(r"[A-Za-z][\w.-]*")


def _modifiers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, words) of each country word (or "regime"-like word) in ``text``."""
    first = _by_first_word()
    for match in _WORD.finditer(text):
        word = match.group().lower()
        options = first.get(word)
        if options is None and word.endswith("."):  # "U.S."
            options = first.get(word.rstrip("."))
        if not options:
            continue
        start = match.start()
        for option in options:
            candidate = text[start : start + len(option)]
            if candidate.lower() == option and not text[start + len(option) : start + len(option) + 1].isalnum():
                yield start, start + len(option), candidate
                break


def _role(head: str, previous: str) -> str | None:
    word = head.lower()
    if word in POLICE_NOUNS:
        return "police"
    if word in ("guards", "guard") and previous.lower() in _POLICE_BEFORE_GUARDS:
        return "police"
    return "military" if word in MILITARY_NOUNS else None


def _tokens_after(ctx: DocContext, end: int, limit: int) -> list[tuple[int, int, str, str]]:
    """(start, end, text, pos) of the next tokens starting within 80 characters after character
    ``end`` (same sentence)."""
    stop = min(len(ctx.text), end + 80)
    out: list[tuple[int, int, str, str]] = []
    for i in range(ctx.token_at_or_after(end), len(ctx.tokens)):
        start = ctx.token_starts[i]
        if start >= stop:
            break
        token = ctx.tokens[i]
        if token.is_sent_start or len(out) >= limit:
            break
        word = token.text
        out.append((start, start + len(word), word, token.pos_))
    return out


def _other_names(size: int, taken: list[Found]) -> bytearray:
    """A mask of the characters that belong to another actor's name (not a state actor)."""
    mask = bytearray(size)
    for f in taken:
        if f.actor is None or f.actor.kind != "state_forces":
            mask[f.start : f.end] = b"\x01" * (f.end - f.start)
    return mask


def _phrase_end(ctx: DocContext, after: int, fillers: int, other_names: bytearray) -> tuple[int, str] | None:
    """End of the head noun (and the role it names) within ``fillers`` words after ``after``."""
    text = ctx.text
    ministry = _DEFENCE_MINISTRY.match(text, after, after + 30)
    if ministry:
        return ministry.end(), "military"
    previous = ""
    used = 0
    coordinated = False  # "Turkish and opposition artillery": the country word alone is the mention
    tokens = _tokens_after(ctx, after, fillers + 4)
    for i, (start, end, word, pos) in enumerate(tokens):
        if i == 0 and word.lower() in ("and", "&"):
            coordinated = True
            continue
        if 1 in other_names[start:end] and not coordinated:
            return None
        role = _role(word, previous)
        if role is not None and coordinated:
            return after, _coordinated_role(ctx.text[:after], role)
        if role is not None:
            return _extend(tokens[i + 1 :], end), role
        if word in ("-", "–") or (word in ("'s", "’s") and i == 0) or re.fullmatch(r"\d+(?:st|nd|rd|th)?", word):
            continue
        if pos in _BLOCKING_POS or "\n" in text[after:start] or used >= fillers:
            return None
        used += 1
        previous = word
    return None


def _coordinated_role(before: str, role: str) -> str:
    """ "military and police forces": the word before "and" is the military, whatever follows."""
    word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    return "military" if word in ("military", "army") else role


def _extend(tokens: list[tuple[int, int, str, str]], end: int) -> int:
    """ "army warplanes", "police forces": further head nouns belong to the phrase."""
    for _, token_end, word, _ in tokens:
        lower = word.lower()
        if lower in _PLACE_NOUNS or (lower not in MILITARY_NOUNS and lower not in POLICE_NOUNS):
            break
        end = token_end
    return end


# Nouns that a force word merely qualifies: "the military coup", "army aspirants", "a military
# court", "the Russian military invasion" speak of no force acting in the reported event.
QUALIFIED_NOUNS = frozenset(
    {
        "coup",
        "coups",
        "takeover",
        "rule",
        "invasion",
        "aggression",
        "aspirant",
        "aspirants",
        "candidates",
        "recruitment",
        "court",
        "courts",
        "tribunal",
        "tribunals",
        "academy",
        "college",
        "school",
        "hospital",
        "hospitals",
        "service",
        "uniform",
        "uniforms",
        "pensioners",
        "veterans",
        "retirees",
    }
)
_FORCE_WORDS = frozenset({"military", "army", "police"})
_LAST_AND_NEXT = re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)")


def qualifies_other_noun(text: str, end: int) -> bool:
    """Whether the phrase ending at ``end`` ends in "military", "army" or "police" used as a
    modifier of a noun in :data:`QUALIFIED_NOUNS` ("protest against the military coup")."""
    start = text.rfind(" ", 0, end) + 1
    match = _LAST_AND_NEXT.match(text, start, end + 16)
    if match is None or match.end(1) != end:
        return False
    return match.group(1).lower() in _FORCE_WORDS and match.group(2).lower() in QUALIFIED_NOUNS


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s+$")
# Capitalised words that may stand before a state's forces without making them part of a name.
_NOT_NAME_WORDS = frozenset(
    {"the", "on", "in", "at", "by", "as", "when", "after", "before", "while", "later", "meanwhile", "also", "and"}
    | {m.lower() for m in calendar.month_name[1:]}
    | {d.lower() for d in calendar.day_name}
)


def _inside_group_name(text: str, start: int, end: int) -> bool:
    """ "the Free Syria Brigade", "the Free Iraqi Army": a country word and a capitalised head
    noun after another capitalised word are one group's own name, not the state's forces."""
    if not text[end - 1 : end].isalpha() or not text[start:end].split()[-1][:1].isupper():
        return False
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if match is None or match.group(1).lower() in _NOT_NAME_WORDS or match.group(1).lower() in modifier_index():
        return False
    before = text[: match.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:\n"


def state_phrases(ctx: DocContext, taken: list[Found]) -> list[Found]:
    """State forces named by a country word (or "regime") and a military or police noun."""
    text = ctx.text
    other_names = _other_names(len(text), taken)
    out: list[Found] = []
    for start, after, word in _modifiers(text):
        if out and start < out[-1].end:
            continue
        if ctx.cased(start) and not word[0].isupper() and word.lower() not in COUNTRYLESS:
            continue
        entry = modifier_index().get(word.lower())
        if entry is None:
            if ctx.country is None:
                continue
            entry = (ctx.country, "countryless")
        country, sort = entry
        found = _phrase_end(ctx, after, _MAX_FILLERS[sort], other_names)
        if found is None:
            continue
        end, role = found
        if _inside_group_name(text, start, end) or qualifies_other_noun(text, end):
            continue
        if role == "military":
            country = FORCES_ON_GROUND.get(country, country) if sort == "countryless" else country
        actor = ctx.kb.find(state_id(country, role))
        if actor is not None:
            out.append(Found(start, end, text[start:end], "kb", 0.75, actor, kind=actor.kind))
    return out
