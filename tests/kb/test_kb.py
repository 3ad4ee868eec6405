"""The actor knowledge base: alias keys, state actors, rename chains, leaders, corrections."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from faultlines.errors import NotFoundError
from faultlines.kb import default_kb, normalise_alias
from faultlines.kb.actor_kb import DEFAULT_KB_FILE


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Al-Nusrah Front", "al-Nusra Front"),
        ("the Nusra Front's", "al-Nusra Front"),
        ("al Qa’ida", "al-Qaeda"),
        ("Al-Qaida", "al-Qaeda"),
        ("Jaish al-Islam", "Jaysh al Islam"),
        ("Jeish al-Islam", "Jaysh al Islam"),
        ("Ahrar ash-Sham", "Ahrar al-Sham"),
        ("Ahrar al-Shaam", "Ahrar al-Sham"),
        ("Hay’at Tahrir al-Sham", "Hayat Tahrir al Sham"),
        ("Maliki’s government", "Maliki government"),
    ],
)
def test_spelling_variants_share_one_key(variant: str, canonical: str) -> None:
    assert normalise_alias(variant) == normalise_alias(canonical)


def test_different_names_keep_different_keys() -> None:
    assert normalise_alias("Islamic State of Iraq") != normalise_alias("Islamic State")
    assert normalise_alias("Syrian army") != normalise_alias("Iraqi army")


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Turkish forces", "state-tr-military"),
        ("the Syrian air force", "state-sy-military"),
        ("Assad regime", "state-sy"),
        ("Iraqi security forces", "state-iq-military"),
        ("Maliki's government", "state-iq"),
        ("Syrian army", "state-sy-military"),
        ("Military Forces of Iraq", "state-iq-military"),
        ("Police Forces of India", "state-in-police"),
        ("Indian police", "state-in-police"),
        ("al-Nusrah Front", "jabhat-al-nusra"),
        ("Daesh", "islamic-state"),
        ("Army of the Men of the Naqshbandi Order", "army-of-the-men-of-the-naqshbandi-order"),
    ],
)
def test_press_names_find_the_right_actor(text: str, actor_id: str) -> None:
    assert actor_id in [a.id for a in default_kb().lookup(text)]


def test_state_forces_belong_to_their_government() -> None:
    kb = default_kb()
    military = kb.get("state-sy-military")
    assert military.kind == "state_forces" and military.country == "SY" and military.parent == "state-sy"


def test_islamic_state_rename_chain_in_order() -> None:
    chain = [a.id for a in default_kb().chain("islamic-state")]
    assert chain == [
        "jamaat-al-tawhid-wal-jihad",
        "al-qaeda-in-iraq",
        "islamic-state-of-iraq",
        "islamic-state-of-iraq-and-the-levant",
        "islamic-state",
    ]


def test_nusra_chain_runs_to_hts() -> None:
    chain = [a.id for a in default_kb().chain("jabhat-al-nusra")]
    assert chain == ["jabhat-al-nusra", "jabhat-fateh-al-sham", "hayat-tahrir-al-sham"]


@pytest.mark.parametrize(
    ("actor_id", "day", "name"),
    [
        ("islamic-state-of-iraq-and-the-levant", date(2015, 3, 1), "Islamic State"),
        ("islamic-state", date(2013, 6, 1), "Islamic State of Iraq and the Levant"),
        ("islamic-state", date(2010, 1, 1), "Islamic State of Iraq"),
        ("jabhat-al-nusra", date(2016, 9, 1), "Jabhat Fateh al-Sham"),
        ("jabhat-al-nusra", None, "Jabhat al-Nusra"),
    ],
)
def test_name_in_force_follows_renames(actor_id: str, day: date | None, name: str) -> None:
    assert default_kb().name_in_force(actor_id, day) == name


def test_leaders_resolve_to_their_organisation_at_a_date() -> None:
    kb = default_kb()
    assert kb.organisation_of("abu-bakr-al-baghdadi", date(2014, 1, 10)).id == "islamic-state-of-iraq-and-the-levant"
    assert kb.organisation_of("abu-bakr-al-baghdadi", date(2016, 1, 10)).id == "islamic-state"
    assert kb.organisation_of("abu-muhammad-al-julani", date(2014, 1, 10)).id == "jabhat-al-nusra"
    assert kb.organisation_of("abu-muhammad-al-julani", date(2018, 1, 10)).id == "hayat-tahrir-al-sham"
    assert kb.organisation_of("ayman-al-zawahiri", date(2013, 6, 1)).id == "al-qaida"
    assert "ayman-al-zawahiri" in kb.get("al-qaida").leaders


def test_phoenix_errors_are_filtered_out() -> None:
    kb = default_kb()
    nusra = kb.get("jabhat-al-nusra")
    keys = {normalise_alias(n) for n in nusra.names()}
    assert normalise_alias("Syria's government") not in keys
    # no alias of al-Nusra names another actor
    for key in keys:
        assert {a.id for a in kb.candidates(key)} <= {"jabhat-al-nusra"}, key


def test_analyst_alias_takes_precedence_and_unknown_ids_are_refused() -> None:
    kb = default_kb().with_extra_aliases({"the Brave Lions": "free-syrian-army"})
    assert kb.lookup("Brave Lions")[0].id == "free-syrian-army"
    assert default_kb().lookup("Brave Lions") == []
    with pytest.raises(NotFoundError):
        default_kb().with_extra_aliases({"x": "no-such-actor"})


def test_search_ranks_exact_alias_first() -> None:
    results = default_kb().search("Nusrah Front")
    assert results[0][0].id == "jabhat-al-nusra" and results[0][1] == 100.0


def test_packaged_kb_is_compact() -> None:
    assert DEFAULT_KB_FILE.stat().st_size < 400_000


def test_committed_kb_matches_a_fresh_build(shared_dir: Path) -> None:
    from faultlines.kb.build import build_kb

    built = {a.id: a.to_json() for a in build_kb(shared_dir)}
    with gzip.open(DEFAULT_KB_FILE, "rt", encoding="utf-8") as handle:
        committed = {r["id"]: r for r in map(json.loads, handle) if "_meta" not in r}
    assert built == committed, "run `python scripts/build_kb.py` and commit the KB file"


def test_leader_aliases_hold_only_while_the_leader_was_in_office() -> None:
    kb = default_kb()
    # Ali Abdullah Saleh led Yemen until February 2012: his forces were the state's then, not in 2016
    assert kb.alias_valid("state-ye-military", "Saleh forces", date(2009, 3, 1))
    assert not kb.alias_valid("state-ye-military", "Saleh forces", date(2016, 3, 1))
    # the press keeps "pro-Hadi forces" for a while after Hadi handed over power (April 2022)
    assert kb.alias_valid("state-ye-military", "pro-Hadi forces", date(2022, 6, 1))
    # names that are not lent by a leader always hold, and any name holds without a date
    assert kb.alias_valid("state-ye-military", "Yemeni army", date(1950, 1, 1))
    assert kb.alias_valid("state-ye-military", "Saleh forces", None)


def test_vague_source_aliases_are_dropped_and_curated_groups_keep_their_names() -> None:
    kb = default_kb()
    assert kb.lookup("Spanish") == []  # a UCDP note on Los Tiguerones, not a name
    assert kb.lookup("Liberation Army") == []
    assert [a.id for a in kb.lookup("Syrian National Army")] == ["syrian-national-army"]
    assert [a.id for a in kb.lookup("Houthi")] == ["ansarallah"]


def test_bracketed_phoenix_acronyms_become_acronyms() -> None:
    let = default_kb().get("lashkar-e-taiba")
    assert "LET" in let.acronyms and "Lashkar-e-taiba (LET)" not in let.aliases


def test_amisom_hands_over_to_atmis_in_april_2022() -> None:
    kb = default_kb()
    assert kb.in_force("african-union-mission-in-somalia", date(2022, 2, 1)).acronyms == ["AMISOM"]
    assert kb.in_force("african-union-mission-in-somalia", date(2022, 6, 1)).acronyms == ["ATMIS"]


def test_children_index_matches_a_scan_of_the_kb_in_kb_order() -> None:
    kb = default_kb()
    parents = {a.parent for a in kb if a.parent}
    for parent in sorted(parents)[:200]:
        chain = {m.id for m in kb.chain(parent)} if parent in kb else {parent}
        assert kb.children(chain) == [a for a in kb if a.parent in chain]
