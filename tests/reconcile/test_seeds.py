"""The seeds check of issue #6: the five real articles ingested, reconciled and asked about dates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import faultlines
from faultlines.api import Faultlines
from faultlines.query.facts import same_actor_ids
from faultlines.reconcile import reconcile

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Faultlines]:
    """The seeds ingested once for the module."""
    fl = faultlines.open(tmp_path_factory.mktemp("seeds") / "seeds.db")
    fl.ingest([str(seeds_dir)])
    yield fl
    fl.close()


def _kinds(fl: Faultlines, at: str, a: str, b: str) -> set[str]:
    others = same_actor_ids(fl.conn, b)
    return {r["kind"] for r in fl.relations(at=at, actor=a) if {r["a"]["id"], r["b"]["id"]} & others}


def _holders(fl: Faultlines, place: str, at: str) -> list[str | None]:
    return [c["holder"]["name"] if c["holder"] else None for c in fl.control(place=place, at=at)]


def test_al_qaeda_and_isil_are_affiliated_before_february_2014_and_split_after(seeds: Faultlines) -> None:
    assert _kinds(seeds, "2014-01-15", "ISIL", "al-Qaeda") == {"affiliation"}
    assert _kinds(seeds, "2014-03-01", "ISIL", "al-Qaeda") >= {"split"}
    assert "affiliation" not in _kinds(seeds, "2014-03-01", "ISIL", "al-Qaeda")


def test_the_date_al_qaeda_cut_ties_is_a_contradiction_2013_against_february_2014(seeds: Faultlines) -> None:
    disputes = [c for c in seeds.contradictions() if c["subject"]["kind"] == "relation"]
    values = {tuple(sorted(claim["value"]["value"] for claim in c["claims"])) for c in disputes}
    assert ("2013", "2014-02") in values
    assert all(c["chosen"]["value"] == "2014-02" for c in disputes)
    for dispute in disputes:
        docs = {e["document"] for claim in dispute["claims"] for e in claim["evidence"]}
        assert len(docs) == 2


def test_al_qaim_held_by_iraqi_forces_before_and_by_isil_from_21_june(seeds: Faultlines) -> None:
    assert _holders(seeds, "Qā’im", "2014-06-10") == ["Military Forces of Iraq"]
    assert _holders(seeds, "Qā’im", "2014-06-22") == ["Islamic State of Iraq and the Levant"]
    (interval,) = seeds.control(place="Qā’im", at="2014-06-22")
    assert interval["from"] == "2014-06-21"
    assert len({e["document"] for e in interval["evidence"]}) >= 2


def test_al_qaim_held_by_fsa_and_nusra_from_17_june(seeds: Faultlines) -> None:
    assert _holders(seeds, "Qā’im", "2014-06-18") == ["Free Syrian Army"]
    (interval,) = seeds.control(place="Qā’im", at="2014-06-18")
    assert interval["from"] == "2014-06-17" and interval["until"] == "2014-06-21"
    quoted = " ".join(e["text"] for e in interval["evidence"])
    assert "border crossing on June 17" in quoted and "Russia" not in quoted


def test_albu_kamal_pledge_gives_isil_the_town(seeds: Faultlines) -> None:
    (interval,) = seeds.control(place="Kamāl", at="2014-06-26")
    assert interval["holder"]["name"] == "Islamic State of Iraq and the Levant"
    assert interval["from"] == "2014-06-25"


def test_albu_kamal_pledge_reported_by_a_dated_and_an_undated_article_is_one_event(seeds: Faultlines) -> None:
    pledges = [
        e
        for e in seeds.events(event_type="pledge_allegiance", actor="Jabhat al-Nusra")
        if e["actor2"] and e["actor2"]["name"] == "Islamic State of Iraq and the Levant"
    ]
    (pledge,) = pledges
    documents = {ev["document"] for ev in pledge["evidence"]}
    undated = {d["id"] for d in seeds.documents() if d["published"] is None}
    assert len(documents) >= 2 and documents & undated
    assert pledge["place"]["name"] == "Ālbū Kamāl" and pledge["date"]["start"] == "2014-06-25"


def test_reconcile_again_changes_nothing(seeds: Faultlines) -> None:
    before = seeds.state("2014-06-22")
    assert seeds.reconcile() == {"events_merged": 0, "events_rehomed": 0}
    assert seeds.state("2014-06-22") == before


def test_a_rejected_event_stays_rejected_after_reprocessing(seeds: Faultlines) -> None:
    assert [c["from"] for c in seeds.control(place="Kamāl", at="2014-06-26")] == ["2014-06-25"]
    # every report of the pledge (extraction may split one sentence's pledge into two canonical events)
    members = seeds.conn.execute(
        "SELECT id, fingerprint FROM events WHERE status = 'active' AND COALESCE(canonical_id, id) IN ("
        "SELECT COALESCE(canonical_id, id) FROM events WHERE type = 'pledge_allegiance' AND place_id = "
        "(SELECT id FROM places WHERE name LIKE '%Kamāl%') AND status = 'active' AND date_start = '2014-06-25')"
    ).fetchall()
    for event_id, _ in members:
        seeds.reject_event(event_id, note="test: not a pledge")
    assert "2014-06-25" not in [c["from"] for c in seeds.control(place="Kamāl")]
    seeds.reprocess()
    fingerprints = [fp for _, fp in members]
    marks = ",".join("?" * len(fingerprints))
    statuses = {
        r[0] for r in seeds.conn.execute(f"SELECT status FROM events WHERE fingerprint IN ({marks})", fingerprints)
    }
    assert statuses == {"rejected"}
    # what is stored after the re-processing is what a full re-derivation gives
    full = reconcile(seeds.conn, full=True)
    assert all(full[t]["added"] == full[t]["removed"] == 0 for t in ("relations", "control", "contradictions"))
    # no interval at the town rests on the rejected reports (one of their sentences also tells of Al-Qaim's fall,
    # which still supports Al-Qaim's intervals)
    pledged = {(e["document"], e["start"]) for c in seeds.control(place="Kamāl") for e in c["evidence"]}
    rejected = {
        (r[0], r[1])
        for r in seeds.conn.execute(
            f"SELECT ev.document_id, ev.start FROM evidence ev JOIN events e ON ev.subject_kind = 'event' "
            f"AND ev.subject_id = e.id AND ev.from_event IS NULL WHERE e.fingerprint IN ({marks})",
            fingerprints,
        )
    }
    assert not pledged & rejected
