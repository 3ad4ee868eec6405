"""Context rules that settle the type of an ambiguous trigger from its clause.

A lexicon hit such as "attack", "seize", "strike" or "form" names a family of events; the
words around it (weapon, target, object) decide which one, or that there is no event at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from faultlines.extract.arguments import CharSpan, is_place_like

#: Weapon words and the explosion type they imply, strongest first.
INSTRUMENTS: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide_bomb", frozenset({"suicide"})),
    ("chemical_weapon", frozenset({"chemical", "chlorine", "sarin"})),
    ("air_strike", frozenset({
        "airstrike", "warplane", "aircraft", "jet", "helicopter", "drone", "uav", "bomber", "air", "aerial",
        "airplane", "fighter-bomber",
    })),
    ("shelling", frozenset({
        "shell", "shelling", "artillery", "mortar", "rocket", "missile", "howitzer", "mlrs", "mlr", "grad",
        "launcher", "tank", "cannon", "projectile", "bombard", "bombardment", "mm",
    })),
    ("grenade", frozenset({"grenade"})),
    ("remote_explosive", frozenset({
        "ied", "ieds", "landmine", "mine", "explosive", "roadside", "vbied", "explosion", "blast", "detonate",
        "explode", "bomb", "uxo",
    })),
)  # fmt: skip
EXPLOSION_TYPES = frozenset(name for name, _ in INSTRUMENTS)
#: Lemmas of triggers that name violence in general; the weapon or target decides the type.
VIOLENCE_LEMMAS = frozenset({
    "attack", "fire", "shoot", "kill", "injure", "wound", "raid", "assault", "storm", "ambush", "offensive",
    "bomb", "bombing", "strike", "hit", "target", "open", "onslaught", "launch", "carry",
})  # fmt: skip
#: Trigger lemmas that only count as verbs.
VERB_ONLY = frozenset({
    "provide", "supply", "arm", "fund", "finance", "train", "equip", "deliver", "back", "support", "mass",
    "form", "found", "establish", "create", "launch", "leave", "join", "meet", "offer", "promise", "accept",
    "approve", "call", "ask", "fire", "shoot", "target", "block", "gather", "drive", "mine", "thank",
    "welcome", "warn", "beat", "hack", "patrol", "burn", "engage", "storm", "rob", "steal", "mobilize",
    "mobilise", "deploy", "reinforce", "dispatch", "ally", "talk", "visit", "consult", "aid", "pledge",
    "demand", "request", "urge", "shell", "fight", "vow", "defect", "desert", "split",
})  # fmt: skip
CIVILIAN_NOUNS = frozenset({
    "civilian", "man", "woman", "child", "boy", "girl", "resident", "villager", "farmer", "family", "person",
    "people", "student", "teacher", "journalist", "trader", "merchant", "driver", "worker", "activist",
    "passenger", "shepherd", "herder", "pastoralist", "doctor", "nurse", "priest", "imam", "businessman",
    "youth", "teenager", "elder", "chief", "leader", "official", "politician", "candidate", "councillor",
    "councilor", "member", "couple", "son", "daughter", "wife", "husband", "father", "mother", "brother",
    "village", "house", "home", "market", "community", "school", "church", "mosque", "refugee", "displaced",
    "miner", "fisherman", "vendor", "owner", "lawyer", "judge", "mayor", "inmate", "prisoner", "individual",
})  # fmt: skip
ARMED_NOUNS = frozenset({
    "soldier", "troop", "force", "police", "policeman", "officer", "militant", "fighter", "rebel", "army",
    "military", "base", "position", "checkpoint", "outpost", "convoy", "patrol", "insurgent", "militia",
    "militiaman", "guard", "personnel", "jihadist", "gunman", "combatant", "unit", "brigade", "battalion",
    "post", "barracks", "garrison", "commander", "terrorist", "bandit", "gang", "trafficker", "vehicle",
    "tank", "group", "faction", "fardc", "pdf", "kndf", "sdf", "ypg", "pkk", "isis", "isil",
})  # fmt: skip
GROUP_NOUNS = frozenset({
    "group", "front", "coalition", "brigade", "battalion", "army", "movement", "organization", "organisation",
    "party", "council", "unit", "force", "militia", "faction", "committee", "wing", "branch", "cell",
    "network", "division", "alliance", "state", "emirate", "caliphate", "regiment", "squad", "federation",
})  # fmt: skip
#: What is launched or set up when it is an operation, not a group ("launched an offensive").
OPERATION_NOUNS = frozenset({
    "offensive", "attack", "campaign", "operation", "assault", "raid", "strike", "war", "counteroffensive",
    "counter-offensive", "bombardment", "push", "bid", "investigation", "appeal", "initiative",
})  # fmt: skip
BASE_NOUNS = frozenset({"base", "headquarters", "checkpoint", "camp", "post", "outpost", "office", "position"})
WEAPON_NOUNS = frozenset({
    "weapon", "arm", "ammunition", "explosive", "cache", "rifle", "gun", "bomb", "ied", "grenade", "drug",
    "device", "mine", "missile", "rocket", "drone", "munition", "material", "firearm", "pistol",
})  # fmt: skip
PROTEST_CONTEXT = frozenset({
    "protest", "demonstrate", "demonstration", "demonstrator", "protester", "protestor", "against", "demand",
    "denounce", "oppose", "solidarity", "call", "rally", "march", "strike", "sit", "petition", "slogan",
    "commemorate", "mark", "condemn", "support", "banner", "placard", "vigil",
})  # fmt: skip
STATE_WORDS = frozenset({"government", "army", "military", "police", "troop", "soldier", "forces", "regime", "state"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def instrument_type(tokens: Sequence[Token]) -> str | None:
    """The explosion type implied by weapon words in ``tokens`` (None when none is named)."""
    lemmas = [_lemma(t) for t in tokens]
    text = {t.lower_ for t in tokens}
    for type_id, words in INSTRUMENTS:
        hits = [i for i, lemma in enumerate(lemmas) if lemma in words or tokens[i].lower_ in words]
        if type_id == "air_strike":
            # "air" only counts in "air strike/raid/force/attack"
            hits = [
                i
                for i in hits
                if lemmas[i] != "air"
                or (i + 1 < len(lemmas) and lemmas[i + 1] in ("strike", "raid", "force", "attack", "-"))
            ]
        if type_id == "grenade" and ({"stun", "smoke", "tear", "teargas"} & text or "launcher" in lemmas):
            continue
        if type_id == "remote_explosive":
            hits = [i for i in hits if not (lemmas[i] == "mine" and tokens[i].pos_ != "NOUN")]
        if hits:
            return type_id
    return None


def _argument_heads(trigger: Token) -> list[Token]:
    """Objects, prepositional objects and passive subjects of the trigger."""
    heads: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            heads.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ not in ("by",):
            heads.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB":
            heads.extend(c for c in child.children if c.dep_ == "dobj")
    expanded: list[Token] = []
    for head in heads:
        expanded.append(head)
        expanded.extend(c for c in head.children if c.dep_ == "conj")
    return expanded


def target_kind(trigger: Token) -> str | None:
    """``civilian`` or ``armed`` from the trigger's objects, or None when they say nothing."""
    kinds = []
    for head in _argument_heads(trigger):
        lemma = _lemma(head)
        if lemma in ARMED_NOUNS or head.lower_ in ARMED_NOUNS:
            kinds.append("armed")
        elif lemma in CIVILIAN_NOUNS or head.ent_type_ == "PERSON" or head.ent_type_ in ("GPE", "LOC", "FAC"):
            kinds.append("civilian")
    if "armed" in kinds:
        return "armed"
    return "civilian" if kinds else None


def _clause_target(trigger: Token, clause: Sequence[Token]) -> str | None:
    """Who is hit, judged from the nouns after the trigger when it has no object of its own."""
    after = [t for t in clause if t.i > trigger.i and t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj", "nsubjpass")]
    if any(_lemma(t) in ARMED_NOUNS for t in after):
        return "armed"
    if any(_lemma(t) in CIVILIAN_NOUNS for t in after):
        return "civilian"
    return None


def _retype_violence(type_id: str, trigger: Token, clause: Sequence[Token]) -> str:
    instrument = instrument_type(clause)
    if instrument:
        return instrument
    target = target_kind(trigger) or _clause_target(trigger, clause)
    if type_id == "armed_clash":
        return (
            "attack" if target == "civilian" and _lemma(trigger) in ("attack", "raid", "storm", "assault") else type_id
        )
    return "armed_clash" if target == "armed" else "attack"


_SUSPECTS = frozenset({"suspect", "robber", "thief", "criminal", "smuggler", "kidnapper", "poacher", "trafficker"})


def _retype_territory(
    type_id: str, trigger: Token, clause: Sequence[Token], actor_spans: Sequence[CharSpan] | None
) -> str | None:
    lemma = _lemma(trigger)
    if lemma == "drive" and not any(t.lower_ in ("out", "away") for t in trigger.children):
        return None
    heads = [h for h in _argument_heads(trigger) if h.ent_type_ not in ("DATE", "TIME")]
    if trigger.pos_ == "NOUN":  # "capture of Mosul": only the 'of' object is what was taken
        heads = [c for p in trigger.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    if lemma in ("seize", "capture", "seizure"):
        if not heads:
            return None if trigger.pos_ == "NOUN" or lemma == "capture" else type_id
        if all(h.like_num for h in heads):
            return "arrest"
        objects = {_lemma(h) for h in heads}
        if objects & WEAPON_NOUNS:
            return "disrupted_weapons_use"
        # a proper name that is not a known actor is taken to be a place ("captured Al-Qaim"); in
        # lower-cased text a name has no capital, so any noun that names no people is ("capture of fallujah")
        place = any(is_place_like(h, actor_spans) or h.pos_ in ("PRON", "PROPN") for h in heads) or (
            lower_cased(trigger) and not objects & (CIVILIAN_NOUNS | ARMED_NOUNS | _SUSPECTS | WEAPON_NOUNS)
        )
        if not place and not objects & {"control", "territory", "area"}:
            if objects & (CIVILIAN_NOUNS | ARMED_NOUNS | _SUSPECTS):
                return "arrest"
            if lemma == "capture":
                return None
            if lemma == "seizure" and not objects:
                return None
            return "looting_property_destruction" if lemma != "capture" else type_id
    words = {_lemma(t) for t in clause} | {t.lower_ for t in clause}
    if "without" in words and words & {"fight", "fighting", "resistance", "clash", "battle"}:
        return "nonviolent_territory_transfer"
    return type_id


def lower_cased(token: Token) -> bool:
    """Whether ``token``'s sentence is written without capitals (a lower-cased wire or scrape)."""
    text = token.sent.text
    return text.lower() == text and any(char.isalpha() for char in text)


def _retype_group(type_id: str, trigger: Token, actor_spans: Sequence[CharSpan] | None) -> str | None:
    objects = _argument_heads(trigger)
    lemmas = {_lemma(h) for h in objects}
    named = any(h.ent_type_ in ("ORG", "NORP", "PERSON") or h.pos_ == "PROPN" for h in objects) or bool(
        actor_spans and any(s <= h.idx < e for h in objects for s, e in actor_spans)
    )
    if type_id == "group_formed":
        direct = {_lemma(c) for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")}
        if direct & OPERATION_NOUNS:
            return None  # "launched an offensive": the fighting is the event, no group is formed
        if lemmas & {"alliance", "pact", "partnership"} and trigger.dep_ != "acl":
            return "alliance"
        if lemmas & BASE_NOUNS:
            return "headquarters_established"
        if lemmas & GROUP_NOUNS or named or _noun_trigger_of_group(trigger):
            return type_id
        return None
    if _lemma(trigger) == "join":
        passive = any(c.dep_ in ("auxpass", "agent") for c in trigger.children)
        return type_id if (named or lemmas & GROUP_NOUNS) and not passive else None
    if _lemma(trigger) == "expel":
        return type_id if named or lemmas & GROUP_NOUNS else None
    return type_id


def _noun_trigger_of_group(trigger: Token) -> bool:
    """ "formation of the Levant Front": a noun trigger whose 'of' object is a group."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "pobj" and (c.pos_ == "PROPN" or _lemma(c) in GROUP_NOUNS)
        for p in trigger.children
        if p.lower_ == "of"
        for c in p.children
    )


def _retype_protest(type_id: str, trigger: Token, clause: Sequence[Token]) -> str | None:
    lemma = _lemma(trigger)
    words = {_lemma(t) for t in clause}
    if lemma == "strike":
        instrument = instrument_type(clause)
        if instrument:
            return instrument
        military = {
            "air",
            "drone",
            "force",
            "army",
            "military",
            "troop",
            "kill",
            "target",
            "jet",
            "warplane",
            "missile",
        }
        return "air_strike" if words & military else type_id
    if lemma == "procession" and any(_lemma(c) in ("funeral", "religious", "wedding") for c in trigger.children):
        return None  # a funeral or religious procession is no protest of its own
    if lemma in ("gather", "block", "blockade", "march") and not (words - {lemma}) & PROTEST_CONTEXT:
        if lemma == "march" and words & {"troop", "soldier", "force", "fighter"}:
            return "mobilize"
        return None
    return type_id


_PLACES_AMONG_CIVILIANS = frozenset({"village", "house", "home", "market", "community", "school", "church", "mosque"})
_PEOPLE = (CIVILIAN_NOUNS - _PLACES_AMONG_CIVILIANS) | {
    "victim", "suspect", "body", "corpse", "shopkeeper", "policeman", "soldier", "officer", "guard",
}  # fmt: skip


_SYMBOLS = frozenset({"flag", "effigy", "banner", "poster", "portrait"})


def _burnt(trigger: Token) -> set[str]:
    """Lemmas of what the trigger burns ("set a woman on fire", "set fire to flags", "burned effigies")."""
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    objects += [c for o in list(objects) for c in o.conjuncts]
    return {_lemma(o) for o in objects}


#: People that forces "rescue" from smugglers: the press's word for intercepting them (ACLED: arrests).
#: Rescuing hostages, victims or residents is no arrest and no event of its own.
SMUGGLED_NOUNS = frozenset({"migrant", "immigrant", "refugee", "asylum"})


def _retype_withdrawal(type_id: str, trigger: Token, actor_spans: Sequence[CharSpan] | None) -> str | None:
    lemma = _lemma(trigger)
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj",) and not c.like_num]
    subject_lemmas = {_lemma(s) for s in subjects}
    # "thousands of residents fled": the people are the object of the quantity's "of"
    counted = [
        c for s in trigger.children if s.dep_ == "nsubj" for p in s.children if p.lower_ == "of" for c in p.children
    ]
    if lemma in ("flee", "evacuate") and (subject_lemmas | {_lemma(c) for c in counted}) & CIVILIAN_NOUNS:
        return "other"
    if lemma == "leave":
        if not subjects:  # "after gunmen linked to X left": the parser hangs the subject lower
            subjects = [t for t in trigger.subtree if t.i < trigger.i and t.dep_ == "nsubj"]
            subject_lemmas = {_lemma(s) for s in subjects}
        armed = (
            subject_lemmas & (ARMED_NOUNS | {"gunman", "gunmen"})
            or any(s.ent_type_ in ("ORG", "NORP") for s in subjects)
            or bool(actor_spans and any(a <= s.idx < b for s in subjects for a, b in actor_spans))
        )
        return type_id if armed else None
    return type_id


def refine_type(
    type_id: str,
    trigger: Token,
    clause: Sequence[Token],
    actor_spans: Sequence[CharSpan] | None = None,
    *,
    multiword: bool = False,
) -> str | None:
    """The final type for a trigger of lexicon type ``type_id``, or None when it is no event.

    ``multiword`` triggers ("open fire", "set up") keep their head whatever its tag.
    """
    lemma = _lemma(trigger)
    if lemma in VERB_ONLY and trigger.pos_ not in ("VERB", "AUX") and not multiword:
        return None
    if type_id in EXPLOSION_TYPES:
        if lemma == "bomb" or lemma == "bombing":
            return instrument_type([t for t in clause if _lemma(t) not in ("bomb", "bombing")]) or "remote_explosive"
        if type_id == "grenade":
            return instrument_type(clause)
        return type_id
    if type_id in ("armed_clash", "attack") and lemma in VIOLENCE_LEMMAS | {"kill", "shoot", "open"}:
        return _retype_violence(type_id, trigger, clause)
    if type_id in ("nonstate_overtakes_territory", "government_regains_territory"):
        return _retype_territory(type_id, trigger, clause, actor_spans)
    if type_id in ("group_formed", "pledge_allegiance", "disavowal"):
        return _retype_group(type_id, trigger, actor_spans)
    if type_id == "peaceful_protest":
        return _retype_protest(type_id, trigger, clause)
    if type_id == "withdrawal":
        return _retype_withdrawal(type_id, trigger, actor_spans)
    if type_id == "looting_property_destruction" and lemma in ("set", "burn", "torch"):
        burnt = _burnt(trigger)
        if burnt & _PEOPLE:
            return "attack"  # "set a woman on fire" is violence against a person, not property
        if burnt & _SYMBOLS:
            return "peaceful_protest"  # burning a flag or an effigy is a protest gesture
    if lemma == "rescue":
        return type_id if {_lemma(t) for t in clause} & SMUGGLED_NOUNS else None
    return type_id
