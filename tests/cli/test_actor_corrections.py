"""Analyst corrections on actors are stored and survive re-processing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from faultlines.cli import main

REPORT = (
    "BAGHDAD, 12 June 2014 -- Fighters of the Islamic State of Iraq and the Levant (ISIL) seized "
    "the town of Tikrit on Wednesday after the Iraqi army withdrew, residents said. Jaysh al-Fateh "
    "commanders in Idlib said the Army of Conquest would not take part. The Naqshbandi Army also "
    "claimed a role in the fighting near Tikrit, a spokesman said."
)


def _cli(*args: str) -> dict | list:
    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture()
def store(tmp_path: Path) -> str:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "c.db")
    _cli("ingest", str(report), "--db", db)
    return db


@pytest.mark.slow
def test_actors_lists_what_the_corpus_names_with_aliases_and_provisional_flag(store: str) -> None:
    actors = _cli("actors", "--db", store)
    names = {a["name"]: a for a in actors}
    isil = next(a for a in actors if "ISIL" in a["aliases"])
    assert isil["mentions"] >= 2 and isil["provisional"] is False
    assert {"id", "name", "kind", "country", "aliases", "provisional", "mentions"} <= set(isil)
    assert any(a["kind"] == "state_forces" and a["country"] == "IQ" for a in actors)
    assert names, "no actors listed"


@pytest.mark.slow
def test_merge_alias_and_split_survive_reprocessing(store: str) -> None:
    fateh = _cli("actors", "--db", store, "--search", "Fateh")[0]
    conquest = _cli("actors", "--db", store, "--search", "Army of Conquest")[0]
    assert fateh["id"] != conquest["id"], "two names, two actors until an analyst says otherwise"
    merged = _cli("actors", "merge", fateh["id"], conquest["id"], "--db", store)
    assert merged["merged"] == [conquest["id"]]
    assert merged["mentions"] == fateh["mentions"] + conquest["mentions"]
    assert "Army of Conquest" in merged["aliases"]
    listed = {a["id"] for a in _cli("actors", "--db", store)}
    assert conquest["id"] not in listed and fateh["id"] in listed
    _cli("actors", "alias", "add", merged["id"], "the Conquest coalition", "--db", store)
    before = _cli("actors", "show", merged["id"], "--db", store)
    assert "the Conquest coalition" in before["aliases"]

    _cli("reprocess", "--db", store)
    after = _cli("actors", "show", merged["id"], "--db", store)
    assert after["mentions"] == before["mentions"]
    assert "the Conquest coalition" in after["aliases"]
    assert after["merged"] == before["merged"]


@pytest.mark.slow
def test_split_moves_an_alias_and_its_mentions_to_a_new_actor(store: str) -> None:
    isil = _cli("actors", "show", "ISIL", "--db", store)
    new = _cli("actors", "split", isil["id"], "--alias", "ISIL", "--name", "ISIL (as written)", "--db", store)
    assert new["name"] == "ISIL (as written)" and new["mentions"] >= 1
    _cli("reprocess", "--db", store)
    again = _cli("actors", "show", new["id"], "--db", store)
    assert again["mentions"] == new["mentions"]
    assert "ISIL" in again["aliases"]


def test_unknown_actor_gets_a_hint(store: str) -> None:
    result = CliRunner().invoke(main, ["actors", "show", "No Such Group", "--db", store])
    assert result.exit_code == 2
    assert "faultlines actors --search" in result.output
