"""State actors for every country: the government, its military and its police.

Ids: ``state-sy`` (Government of Syria), ``state-sy-military``, ``state-sy-police``. The
names follow the press ("Syrian army", "the Syrian air force", "Iraqi security forces") and
ACLED's ("Military Forces of Syria", "Police Forces of India").
"""

from __future__ import annotations

from faultlines.kb.countries import Country
from faultlines.kb.model import Actor

GOVERNMENT_HEADS = ("government", "regime", "authorities", "administration", "cabinet")
MILITARY_HEADS = (
    "forces",
    "army",
    "military",
    "troops",
    "soldiers",
    "air force",
    "navy",
    "armed forces",
    "security forces",
    "government forces",
    "regime forces",
    "national army",
    "border guards",
    "border guard",
    "warplanes",
    "jets",
    "fighter jets",
    "special forces",
    "marines",
    "artillery",
    "military forces",
    "defence forces",
    "defense forces",
    "state forces",
    "drones",
    "gunboats",
    "warships",
    "helicopters",
    "tanks",
    "military vehicles",
    "army troops",
    "servicemen",
    "positions",
    "air forces",
    "reinforcements",
    "airstrikes",
    "air strikes",
    "air raids",
    "shelling",
    "artillery fire",
    "units",
    "warplane",
    "helicopter",
    "drone",
    "military convoy",
    "coast guard",
    "republican guard",
    "counter-terrorism service",
    "paratroopers",
    "national guard",
)
POLICE_HEADS = ("police", "police forces", "riot police", "policemen", "police officers", "gendarmerie")


# Unqualified mentions of a state's forces ("the army", "police officers"): they refer to the state
# of the country the document is about, when that is known.
GENERIC_STATE_TERMS: dict[str, tuple[str, ...]] = {
    "military": (
        "military forces",
        "the military",
        "army",
        "the army",
        "soldiers",
        "troops",
        "armed forces",
        "security forces",
        "government forces",
        "regime forces",
        "government troops",
        "military police",
        "military police forces",
        "army soldiers",
        "the air force",
        "government soldiers",
        "regime military",
        "regime soldiers",
        "regime troops",
        "army troops",
        "servicemen",
        "regime reinforcements",
        "regime positions",
        "army positions",
        "military positions",
        "governmental forces",
        "governmental positions",
        "military officers",
        "the navy",
        "border guards",
        "gendarmerie",
        "special forces",
        "soldier",
        "a soldier",
        "military soldier",
        "military soldiers",
        "military personnel",
        "air forces",
        "army personnel",
        "national guard",
        "the national guard",
    ),
    "police": (
        "police",
        "police forces",
        "police officers",
        "policemen",
        "the police",
        "police officer",
        "municipal police",
        "riot police",
        "police agents",
        "police personnel",
        "state police",
        "federal police",
        "policeman",
        "a policeman",
        "police station",
        # Ethiopia's regional special forces are regional paramilitary police
        "regional special forces",
        "regional special force",
        "municipal guards",
        # guards of a state's prisons serve its police or corrections service
        "prison guards",
        "prison guard",
    ),
    "government": ("the government", "the authorities", "the regime"),
}
GENERIC_PREFIX = "state-generic-"
# Where the armed forces that "soldiers" and "troops" refer to are another state's: in the
# Palestinian territories unqualified soldiers are Israeli.
FORCES_ON_GROUND = {"PS": "IL"}
# Forces whose service differs by country: Mexico's National Guard (founded 2019) is a public
# security force, a police force, where other countries' national guards are military.
ROLE_BY_COUNTRY: dict[str, dict[str, str]] = {"MX": {"national guard": "police"}}


def generic_role(country: str, term: str, role: str) -> str:
    """The role of an unqualified force ``term`` ("the National Guard") in ``country``."""
    key = term.lower().removeprefix("the ").strip()
    return ROLE_BY_COUNTRY.get(country, {}).get(key, role)


def state_id(iso2: str, role: str = "government") -> str:
    """The id of a country's state actor in ``role`` (government, military, police)."""
    base = f"state-{iso2.lower()}"
    return base if role == "government" else f"{base}-{role}"


def _modifiers(country: Country) -> list[str]:
    return [*country.demonyms, *country.names]


def state_actors(country: Country) -> list[Actor]:
    """The three state actors of ``country``."""
    mods = _modifiers(country)
    gov = Actor(
        id=state_id(country.iso2),
        name=f"Government of {country.name}",
        kind="state_forces",
        country=country.iso2,
        role="government",
        aliases=[f"{m} {h}" for m in mods for h in GOVERNMENT_HEADS] + [f"Government of {n}" for n in country.names],
        sources=["geonames"],
    )
    military = Actor(
        id=state_id(country.iso2, "military"),
        name=f"Military Forces of {country.name}",
        kind="state_forces",
        country=country.iso2,
        role="military",
        parent=gov.id,
        aliases=[f"{m} {h}" for m in mods for h in MILITARY_HEADS]
        + [f"Military Forces of {n}" for n in country.names]
        + [f"armed forces of {n}" for n in country.names],
        sources=["geonames"],
    )
    police = Actor(
        id=state_id(country.iso2, "police"),
        name=f"Police Forces of {country.name}",
        kind="state_forces",
        country=country.iso2,
        role="police",
        parent=gov.id,
        aliases=[f"{m} {h}" for m in mods for h in POLICE_HEADS] + [f"Police Forces of {n}" for n in country.names],
        sources=["geonames"],
    )
    return [gov, military, police]


def leader_aliases(surname: str, full_name: str) -> dict[str, list[str]]:
    """Aliases a head of state/government lends to their state's actors, by role."""
    names = list(dict.fromkeys([surname, full_name]))
    return {
        "government": [f"{n} {h}" for n in names for h in ("government", "regime", "administration")],
        "military": [f"{n} {h}" for n in names for h in ("forces", "troops", "army", "loyalists")]
        + [f"pro-{surname} forces"],
    }
