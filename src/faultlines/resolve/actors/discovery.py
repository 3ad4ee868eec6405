"""Discover groups the KB does not know: names built on a group head word ("Jaysh al-Fateh",
"Levant Front", "Liwa Shuhada al-Yarmouk") and ORG entities in a conflict context."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.found import Found

ARABIC_HEADS = frozenset(
    [
        "jaysh",
        "jaish",
        "jeish",
        "liwa",
        "harakat",
        "ansar",
        "jabhat",
        "kataib",
        "katiba",
        "katibat",
        "saraya",
        "tajamu",
        "faylaq",
    ]
)
HEADS = (
    frozenset(
        [
            "front",
            "army",
            "brigade",
            "brigades",
            "battalion",
            "battalions",
            "movement",
            "council",
            "forces",
            "division",
            "militia",
        ]
    )
    | ARABIC_HEADS
)
CONNECTORS = frozenset(
    [
        "al",
        "el",
        "ad",
        "ash",
        "ar",
        "as",
        "at",
        "az",
        "wa",
        "wal",
        "of",
        "the",
        "and",
        "li",
        "bin",
        "ibn",
        "-",
        "‘",
        "’",
        "'",
    ]
)
CONFLICT_LEMMAS = frozenset(
    [
        "fight",
        "fighter",
        "clash",
        "attack",
        "kill",
        "militant",
        "rebel",
        "insurgent",
        "seize",
        "capture",
        "battle",
        "offensive",
        "bomb",
        "shell",
        "ambush",
        "jihadist",
        "militia",
        "troop",
        "gunman",
        "abduct",
        "withdraw",
        "pledge",
        "allegiance",
        "behead",
        "raid",
        "storm",
        "overrun",
    ]
)
FIGHTER_NOUNS = frozenset(
    [
        "fighters",
        "militants",
        "rebels",
        "insurgents",
        "gunmen",
        "jihadists",
        "militiamen",
        "members",
        "forces",
        "troops",
        "commanders",
        "units",
    ]
)
# Organisations that report on conflicts rather than fight in them.
NON_COMBATANT_WORDS = frozenset(
    [
        "news",
        "agency",
        "press",
        "times",
        "post",
        "journal",
        "observatory",
        "university",
        "ministry",
        "department",
        "bank",
        "company",
        "committee",
        "television",
        "tv",
        "radio",
        "channel",
        "institute",
        "centre",
        "center",
        "foundation",
        "reuters",
        "afp",
        "bbc",
        "cnn",
        "council-on",
        "commission",
        "union",
        "nations",
        "twitter",
        "facebook",
        "telegram",
        "school",
        "hospital",
        "court",
        "online",
        "daily",
        "media",
        "herald",
        "tribune",
        "gazette",
        "magazine",
        "weekly",
        "monitor",
    ]
)
_MAX_TOKENS = 7
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def _is_name_token(token: Token, cased: bool) -> bool:
    if token.is_punct and token.text not in ("-", "’", "'"):
        return False
    if not cased:
        return token.is_alpha
    return token.text[:1].isupper() or token.lower_ in CONNECTORS


def _leading_noise(token: Token) -> bool:
    """Words before a name that are not part of it: articles, connectors, "Fighters (of)"."""
    return (
        token.lower_ in CONNECTORS
        or token.lower_ in ("the", "a", "an")
        or (token.tag_ == "NNS" and token.lower_ not in HEADS)
    )


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and _leading_noise(tokens[0]):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in CONNECTORS:
        tokens = tokens[:-1]
    return tokens


def _runs(sent: list[Token], cased: bool) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in sent:
        if not _is_name_token(token, cased):
            if current:
                runs.append(current)
            current = []
        elif token.is_sent_start:
            current = [token]
        else:
            current.append(token)
    if current:
        runs.append(current)
    return runs


def _name_start(run: list[Token], head: int) -> int:
    """Where a name ending in the head at ``head`` starts: at most four words back, and after a "the"
    that follows a word other than a connector ("In Idlib the Army of Conquest" -> "Army of Conquest")
    or an English "as"/"at"."""
    start = max(0, head - 4)
    for j in range(head - 1, start, -1):
        # "known in English as the Army of X": an English "as"/"at" before "the" is no Arabic article
        if run[j].text == "the" and (run[j - 1].lower_ not in CONNECTORS or run[j - 1].text in ("as", "at")):
            return j + 1
    return start


def _head_spans(run: list[Token], cased: bool) -> list[list[Token]]:
    """Parts of a run that form a group name around a head word."""
    heads = HEADS if cased else ARABIC_HEADS
    out: list[list[Token]] = []
    for i, token in enumerate(run):
        if token.lower_ not in heads:
            continue
        if cased and token.lower_ not in ARABIC_HEADS:
            tokens = _trim(run[_name_start(run, i) : i + _MAX_TOKENS])
        elif cased:  # Arabic names start with their head word: "Liwa Shuhada al-Yarmouk"
            tokens = _trim(run[i : i + _MAX_TOKENS])
        else:  # lower-cased text: an Arabic head word and the two or three words of its name
            tokens = _trim(run[i : i + 4])
        if len([t for t in tokens if t.is_alpha and t.lower_ not in CONNECTORS]) >= 2:
            out.append(tokens)
        break
    return out


def _split_at_known(run: list[Token], claimed: bytearray) -> list[list[Token]]:
    """The parts of a run outside known names ("Levant Front and Jaysh al-Fateh" -> "and Jaysh al-Fateh");
    ``claimed`` marks the characters of the names already found."""
    parts: list[list[Token]] = [[]]
    for token in run:
        if 1 in claimed[token.idx : token.idx + len(token.text)]:
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def _conflict_sentence(sent: list[Token]) -> bool:
    return any(t.lemma_.lower() in CONFLICT_LEMMAS for t in sent)


def discover(ctx: DocContext, taken: list[Found]) -> list[Found]:
    """Provisional groups in text not already claimed by a known actor."""
    out: list[Found] = []
    known = bytearray(len(ctx.text) + 1)  # the characters of the names found before discovery
    for found in taken:
        known[found.start : found.end] = b"\x01" * (found.end - found.start)
    claimed = bytearray(known)  # and of those discovered so far

    def free(start: int, end: int) -> bool:
        return 1 not in claimed[start:end]

    def claim(found: Found) -> None:
        out.append(found)
        claimed[found.start : found.end] = b"\x01" * (found.end - found.start)

    with_heads = ctx.sentences_with(HEADS)  # no head word, no name built on one
    for index, sent in enumerate(ctx.sents):
        tokens_of_sentence = ctx.sentence_tokens(index)
        if index in with_heads:
            cased = ctx.cased(sent.start_char)
            parts = [part for run in _runs(tokens_of_sentence, cased) for part in _split_at_known(run, known)]
            for part in parts:
                for tokens in _head_spans(part, cased):
                    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                    name = ctx.text[start:end]
                    if _masthead(ctx.text, start, end):
                        continue
                    if free(start, end) and not ctx.kb.lookup(name) and not _non_combatant(name):
                        claim(Found(start, end, name, "discovered", 0.6, None, name, _kind(tokens)))
        orgs = [ent for ent in ctx.ents_by_sentence[index] if ent.label_ == "ORG"]
        if not orgs or not _conflict_sentence(tokens_of_sentence):
            continue
        for ent in orgs:
            text = ctx.text_of(ent)
            if "\n" in text or not _combatant_context(ent):
                continue
            if free(ent.start_char, ent.end_char) and not _non_combatant(text):
                name = _LEADING_ARTICLE.sub("", text)
                claim(Found(ent.end_char - len(name), ent.end_char, name, "discovered", 0.4, None, name, "other"))
    return out


def _masthead(text: str, start: int, end: int) -> bool:
    """A name in capitals alone on its line ("NORTHERN FRONT ONLINE") is a page header, not a group."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    words = re.findall(r"[A-Za-z]+", line)
    return bool(words) and line.isupper() and len(words) <= 6 and not re.search(r"[.!?]$", line)


def _combatant_context(ent: Span) -> bool:
    """ "X fighters", "X militants", "fighters of X", "members of X": the ORG is an armed group."""
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[max(0, ent.start - 3) : ent.start].text.lower()
    return after in FIGHTER_NOUNS or bool(
        re.search(r"\b(fighters|militants|members|gunmen|rebels) (of|from)( the)?$", before)
    )


def _non_combatant(name: str) -> bool:
    words = set(re.split(r"[\s\-]+", name.lower()))
    return bool(words & NON_COMBATANT_WORDS) or len(name) < 3 or (name.isupper() and len(name) <= 3)


def _kind(tokens: list[Token]) -> str:
    heads = {t.lower_ for t in tokens}
    return "other" if heads & {"council", "movement"} and not heads & ARABIC_HEADS else "rebel_group"
