"""Score actor recognition + resolution on the ACLED development notes.

For each event, ACLED's named actor1/actor2 (generic "Civilians (X)", "Protesters (X)",
"Rioters (X)" and "Unidentified ..." actors skipped) should be found in the event's ``notes``
and resolved to a KB actor that carries ACLED's name. ACLED's state forces ("Military Forces of
Iraq (2022-)", "Police Forces of India (2014-)") match a state actor by country and role.

* ``recall``: share of named ACLED actors found in their notes (state forces by country+role);
* ``recall_state`` / ``recall_nonstate``: the same split by actor type; ``recall_state_any_role``
  accepts any state actor of the right country;
* provisional militias named by ACLED's convention ("Katsina Communal Militia (Nigeria)", see
  ``resolve/actors/communal.py``) are credited by name, in recall and in precision alike;
* ``precision``: share of resolved non-person KB mentions that are one of the event's ACLED actors
  (actor1/2 or associated actors; state actors by country) — a lower bound, since notes also
  name actors ACLED did not code for the event;
* ``recall_generic`` / ``precision_generic``: ACLED's generic actor1/actor2 of the kinds named by
  :mod:`faultlines.resolve.actors.generic` ("Protesters (Kenya)", "Civilians (Iraq)",
  "Unidentified Armed Group (Syria)", ...) found by name among the generic mentions
  (``resolve_actors(..., generic=True)``), and the share of distinct generic names found in a note
  that are one of its ACLED actors (a lower bound, as above). The other metrics leave generic
  mentions out.

ACLED's actor columns are only read here, to score: no KB alias is built from them. Error
analysis looked at the first ``TUNING_ROWS`` events only; the rest are reported as ``held_out``.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from faultlines.eval.shared import AcledRow, iter_acled_dev
from faultlines.kb.actor_kb import ActorKB, default_kb
from faultlines.kb.countries import country_index, iso2_of, load_countries
from faultlines.kb.model import Actor
from faultlines.kb.normalise import normalise_alias
from faultlines.resolve.actors.generic import is_generic
from faultlines.resolve.actors.mention import ActorMention

GENERIC = re.compile(r"^(Civilians|Protesters|Rioters|Unidentified)\b")
STATE = re.compile(r"^(Military|Police) Forces of (?:the )?(.+?) \(\d{4}-\d{0,4}\)")
GOVERNMENT = re.compile(r"^Government of (?:the )?(.+?) \(\d{4}-\d{0,4}\)")
# Provisional identity (and Islamist) militias get ACLED-style names and are credited by name.
CONVENTION_KINDS = frozenset({"identity_militia", "political_militia"})
MILITIA = re.compile(r"^(.+?) (?:(?:Ethnic |Communal |Clan |Sub-Clan |Tribal |Youth )?Militia|Gang)\b")
# "CNDD-FDD-Imbonerakure: ... (Imbonerakure Faction)": the faction named in brackets
FACTION = re.compile(r"\(([^()]+?) Faction\)")
# ACLED conventions that name a de facto authority by the state it controls.
ACLED_CONVENTIONS = {
    "Military Forces of Yemen (2016-) Supreme Political Council": "Ansarallah",
    "Police Forces of Yemen (2016-) Supreme Political Council": "Ansarallah",
    "Military Forces of Afghanistan (2021-)": "Taliban",
    "Police Forces of Afghanistan (2021-)": "Taliban",
}
# ACLED codes the forces of the Donetsk and Luhansk people's republics as one actor.
ACLED_GROUPS = {
    "NAF: United Armed Forces of Novorossiya": (
        "Donetsk People's Republic",
        "Lugansk People's Republic",
        "Luhansk People's Republic",
    ),
}


# A coalition whose member state's forces ACLED codes as the coalition (US forces in Syria and Iraq
# serve in the coalition against the Islamic State, which the US leads).
ACLED_COALITIONS = {"Global Coalition Against Daesh": ("US",)}


@dataclass(frozen=True)
class Target:
    """One ACLED actor to find: a state (country + role) or names of a non-state actor."""

    raw: str
    country: str | None = None
    role: str | None = None
    keys: frozenset[str] = frozenset()
    members: frozenset[str] = frozenset()  # states whose military counts as the coalition

    @property
    def is_state(self) -> bool:
        return self.country is not None


def parse_acled_actor(name: str, countries: dict[str, str]) -> Target | None:
    """The target for an ACLED actor name; None for generic actors."""
    name = name.strip()
    if not name or GENERIC.match(name):
        return None
    if name in ACLED_CONVENTIONS:
        return Target(name, keys=frozenset({normalise_alias(ACLED_CONVENTIONS[name])}))
    state = STATE.match(name)
    gov = GOVERNMENT.match(name)
    if state or gov:
        country = iso2_of((state or gov).group(2 if state else 1), countries)  # type: ignore[union-attr]
        if country:
            return Target(name, country=country, role=state.group(1).lower() if state else "government")
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    # a qualifier that is part of the name stays: "CPI (Maoist)" is also "CPI Maoist"
    inline = re.sub(r"\s*\((?:\d{4}-\d{0,4}|[^)]*\b(?:Faction|Country)\b)\)", "", name).strip()
    names = {bare, re.sub(r"\s*\((?!\d{4})([^)]*)\)\s*$", "", inline).replace("(", "").replace(")", "")}
    for n in list(names):
        if ":" in n:
            acronym, _, full = n.partition(":")
            names |= {acronym.strip(), full.strip()}
    names |= {part.strip() for n in list(names) for part in n.split(" - ")}
    # ACLED's joint actors name both members: "KNU/KNLA: Karen National Union/Karen National Liberation Army"
    names |= {part.strip() for n in list(names) for part in n.split("/") if len(part.strip()) > 1}
    names |= {m.group(1) for n in list(names) if (m := MILITIA.match(n))}
    names |= set(ACLED_GROUPS.get(name, ()))
    names |= set(FACTION.findall(name))
    keys = frozenset(normalise_alias(n) for n in names if n.strip())
    return Target(name, keys=keys, members=frozenset(ACLED_COALITIONS.get(name, ())))


def _lineage(kb: ActorKB, actor: Actor) -> list[Actor]:
    """The actor, its rename chain and its parents (a unit of a state's forces counts for the state)."""
    if actor.id not in kb:  # a provisional actor
        return [actor]
    out = list(kb.chain(actor.id))
    parent = actor.parent
    while parent and parent in kb and len(out) < 20:
        out.append(kb.get(parent))
        parent = kb.get(parent).parent
    return out


def matches(kb: ActorKB, actor: Actor, target: Target, *, any_role: bool = False) -> bool:
    """Whether a resolved actor is the ACLED target."""
    lineage = _lineage(kb, actor)
    if target.is_state:
        return any(
            a.kind == "state_forces" and a.country == target.country and (any_role or a.role == target.role)
            for a in lineage
        )
    keys = {normalise_alias(n) for a in lineage for n in a.names()}
    member = any(a.kind == "state_forces" and a.role == "military" and a.country in target.members for a in lineage)
    return bool(keys & target.keys) or member


def convention_actor(mention: ActorMention) -> Actor | None:
    """A provisional militia named by ACLED's convention ("Niger Communal Militia (Nigeria)") as an
    Actor to score by name; None for other mentions. Discovered groups of other kinds are not
    credited (see ``recall_with_discovered``)."""
    if not mention.provisional or mention.kind not in CONVENTION_KINDS or not mention.provisional_name:
        return None
    name = mention.provisional_name
    bare = re.sub(r"\s*\([^)]*\)$", "", name)
    # like the KB's identity militias ("Fulani"), the militia also goes by its people's name
    people = re.sub(r"\s+(?:(?:Ethnic|Communal|Tribal|Clan|Sub-Clan)\s+)?Militia$", "", bare)
    return Actor(id=mention.key, name=name, kind=mention.kind, aliases=[bare, people])


def scored_actors(kb: ActorKB, mentions: list[ActorMention]) -> list[Actor]:
    """The non-person actors a document's mentions resolve to, convention-named militias included."""
    out = [kb.get(m.actor_id) for m in mentions if m.actor_id and m.kind != "person"]
    return out + [a for m in mentions if (a := convention_actor(m)) is not None]


def _targets(row: AcledRow, countries: dict[str, str], *, with_assoc: bool) -> list[Target]:
    names = [row.actor1, row.actor2]
    if with_assoc:
        names += [n for field in (row.assoc_actor_1, row.assoc_actor_2) for n in field.split(";")]
    return [t for t in (parse_acled_actor(n, countries) for n in names) if t is not None]


# The KB and resolver were tuned (error analysis) on the first TUNING_ROWS events of the dev
# file; the rest is held out, and its metrics are reported apart under "held_out".
TUNING_ROWS = 3000
_COUNTS = (
    "targets",
    "found",
    "state",
    "state_found",
    "state_any_role",
    "nonstate",
    "nonstate_found",
    "found_no_country_hint",
    "found_with_discovered",
    "mentions",
    "mentions_correct",
    "provisional",
    "generic",
    "generic_found",
    "generic_mentions",
    "generic_mentions_correct",
)


def _count_row(counts: Counter[str], kb: ActorKB, row: AcledRow, doc: Doc, countries: dict[str, str]) -> None:
    """Add one event's targets, hits and resolved mentions to ``counts``."""
    from faultlines.resolve.actors import resolve_actors

    published = date.fromisoformat(row.event_date)
    # the pipeline knows the event's country from its resolved places; ACLED gives it with the notes
    everything = resolve_actors(doc, published=published, kb=kb, country=iso2_of(row.country, countries), generic=True)
    mentions = [m for m in everything if not is_generic(m)]
    _count_generic(counts, row, {m.provisional_name or "" for m in everything if is_generic(m)}, countries)
    unhinted = resolve_actors(doc, published=published, kb=kb)
    resolved = scored_actors(kb, mentions)
    resolved_unhinted = scored_actors(kb, unhinted)
    discovered = {normalise_alias(m.provisional_name or "") for m in mentions if m.provisional}
    counts["provisional"] += len(discovered)
    for target in _targets(row, countries, with_assoc=False):
        hit = any(matches(kb, a, target) for a in resolved)
        kind = "state" if target.is_state else "nonstate"
        counts["targets"] += 1
        counts["found"] += hit
        counts[kind] += 1
        counts[f"{kind}_found"] += hit
        counts["found_no_country_hint"] += any(matches(kb, a, target) for a in resolved_unhinted)
        counts["found_with_discovered"] += hit or bool(target.keys & discovered)
        if target.is_state:
            counts["state_any_role"] += any(matches(kb, a, target, any_role=True) for a in resolved)
    everyone = _targets(row, countries, with_assoc=True)
    for actor in resolved:
        counts["mentions"] += 1
        counts["mentions_correct"] += any(matches(kb, actor, t, any_role=True) for t in everyone)


def generic_name(name: str, countries: dict[str, str]) -> str | None:
    """The generic ACLED actor ``name`` ("Protesters (Democratic Republic of Congo)") in the
    resolver's spelling of its country; None for any other actor."""
    from faultlines.resolve.actors.generic import CATEGORIES, convention_name

    category, _, rest = name.strip().partition(" (")
    if category not in CATEGORIES:
        return None
    country = iso2_of(rest.rstrip(")"), countries) if rest else None
    return convention_name(category, country) if country or not rest else None


def _count_generic(counts: Counter[str], row: AcledRow, found: set[str], countries: dict[str, str]) -> None:
    """Add one event's generic actors (targets, hits) and generic mentions (correct or not)."""
    targets = {t for t in (generic_name(n, countries) for n in (row.actor1, row.actor2)) if t}
    everyone = [row.actor1, row.actor2, *row.assoc_actor_1.split(";"), *row.assoc_actor_2.split(";")]
    coded = {t for t in (generic_name(n, countries) for n in everyone) if t}
    counts["generic"] += len(targets)
    counts["generic_found"] += len(targets & found)
    counts["generic_mentions"] += len(found)
    counts["generic_mentions_correct"] += len(found & coded)


def _metrics(counts: Counter[str]) -> dict[str, float | int]:
    def ratio(a: str, b: str) -> float:
        return round(counts[a] / counts[b], 4) if counts[b] else 0.0

    return {
        "recall": ratio("found", "targets"),
        "recall_state": ratio("state_found", "state"),
        "recall_state_any_role": ratio("state_any_role", "state"),
        "recall_nonstate": ratio("nonstate_found", "nonstate"),
        "recall_no_country_hint": ratio("found_no_country_hint", "targets"),
        "recall_with_discovered": ratio("found_with_discovered", "targets"),
        "precision": ratio("mentions_correct", "mentions"),
        "recall_generic": ratio("generic_found", "generic"),
        "precision_generic": ratio("generic_mentions_correct", "generic_mentions"),
        **{name: counts[name] for name in _COUNTS},
    }


def score(shared: Path, *, limit: int | None = None) -> dict:
    """Recall and precision of actor resolution on the first ``limit`` ACLED dev events.

    Events past the first ``TUNING_ROWS`` (not used for tuning) are also scored on their own,
    under ``held_out``.
    """
    from faultlines.annotate import get_nlp

    nlp, kb = get_nlp(), default_kb()
    countries = country_index(load_countries())
    indexed = [(i, r) for i, r in enumerate(iter_acled_dev(shared, limit)) if r.notes.strip()]
    overall: Counter[str] = Counter()
    held_out: Counter[str] = Counter()
    started = time.perf_counter()
    docs = nlp.pipe((r.notes for _, r in indexed), batch_size=64)
    for (index, row), doc in zip(indexed, docs, strict=True):
        counts: Counter[str] = Counter()
        _count_row(counts, kb, row, doc, countries)
        overall.update(counts)
        if index >= TUNING_ROWS:
            held_out.update(counts)
    elapsed = time.perf_counter() - started
    report: dict = {**_metrics(overall), "events": len(indexed)}
    if held_out["targets"]:
        report["held_out"] = {**_metrics(held_out), "events": sum(1 for i, _ in indexed if i >= TUNING_ROWS)}
    report["docs_per_second"] = round(len(indexed) / elapsed, 1) if elapsed else 0.0
    return report
