"""Cross-document event merging: what must merge, what must not, sources and confidence."""

from __future__ import annotations

from .corpus import Corpus


def test_same_capture_in_two_reports_becomes_one_event_with_both_evidence(corpus: Corpus) -> None:
    first = corpus.report(
        "ISIL seized Al-Qaim on 21 June.",
        "2014-06-21",
        "nonstate_overtakes_territory",
        "isil",
        place=2,
        date="2014-06-21",
    )
    # the later report calls the group by its new name and says only "June"
    second = corpus.report(
        "IS took the Al-Qaim crossing in June.",
        "2014-06-25",
        "nonstate_overtakes_territory",
        "is",
        place=3,
        date="2014-06",
    )
    corpus.reconcile()
    assert corpus.canonical(second) == first
    events = corpus.fl.events()
    assert len(events) == 1
    assert {e["document"] for e in events[0]["evidence"]} == {1, 2}
    shown = corpus.fl.event(first)
    assert shown["source_count"] == 2 and shown["duplicates"] == [second]


def test_undated_report_merges_only_when_both_actors_agree(corpus: Corpus) -> None:
    dated = corpus.report(
        "Nusra in Albu Kamal pledged to ISIL on 25 June.",
        "2014-06-25",
        "pledge_allegiance",
        "nusra",
        "isil",
        date="2014-06-25",
    )
    undated = corpus.report("Nusra's local unit swore loyalty to ISIS.", None, "pledge_allegiance", "nusra", "is")
    other = corpus.report("Nusra fighters pledged allegiance.", None, "pledge_allegiance", "nusra")
    corpus.reconcile()
    assert corpus.canonical(undated) == dated
    assert corpus.canonical(other) == other


def test_events_that_disagree_are_never_merged(corpus: Corpus) -> None:
    base = corpus.report(
        "ISIL took Mosul on 10 June.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    other_actor = corpus.report(
        "JRTN took Mosul on 10 June.", "2014-06-11", "nonstate_overtakes_territory", "jrtn", place=4, date="2014-06-10"
    )
    other_place = corpus.report(
        "ISIL took Al-Qaim on 10 June.",
        "2014-06-11",
        "nonstate_overtakes_territory",
        "isil",
        place=2,
        date="2014-06-10",
    )
    other_date = corpus.report(
        "ISIL took Mosul on 3 March.", "2014-03-04", "nonstate_overtakes_territory", "isil", place=4, date="2014-03-03"
    )
    other_type = corpus.report(
        "ISIL and the army clashed in Mosul.",
        "2014-06-11",
        "armed_clash",
        "isil",
        "iraq-army",
        place=4,
        date="2014-06-10",
    )
    corpus.reconcile()
    for event in (other_actor, other_place, other_date, other_type):
        assert corpus.canonical(event) == event
    assert corpus.canonical(base) == base
    assert len(corpus.fl.events()) == 5


def test_syndicated_copies_are_one_source_and_independent_reports_raise_confidence(corpus: Corpus) -> None:
    copied = corpus.document("ISIL seized Mosul on 10 June, witnesses said.", "2014-06-11", copies=3)
    single = corpus.event(
        copied, "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10", modality="reported"
    )
    lone = corpus.report(
        "JRTN seized Hawija on 11 June.",
        "2014-06-12",
        "nonstate_overtakes_territory",
        "jrtn",
        place=2,
        date="2014-06-11",
        modality="reported",
    )
    corpus.reconcile()
    assert corpus.fl.event(single)["source_count"] == 1
    assert corpus.fl.event(single)["confidence"] == corpus.fl.event(lone)["confidence"]
    corpus.report(
        "Militants of ISIL overran Mosul on 10 June.",
        "2014-06-12",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-06-10",
    )
    corpus.reconcile()
    merged = corpus.fl.event(single)
    assert merged["source_count"] == 2
    assert merged["confidence"] > corpus.fl.event(lone)["confidence"]


def test_incremental_and_idempotent(corpus: Corpus) -> None:
    first = corpus.report(
        "ISIL seized Mosul on 10 June.",
        "2014-06-11",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-06-10",
    )
    corpus.reconcile()
    before = corpus.conn.execute("SELECT id, signature FROM control ORDER BY id").fetchall()
    again = corpus.reconcile()
    assert again == {"events_merged": 0, "events_rehomed": 0}
    assert corpus.conn.execute("SELECT id, signature FROM control ORDER BY id").fetchall() == before
    later = corpus.report(
        "Mosul fell to ISIL on 10 June.",
        "2014-06-13",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-06-10",
    )
    summary = corpus.reconcile()
    assert summary["events_merged"] == 1 and corpus.canonical(later) == first
    assert corpus.conn.execute("SELECT COUNT(*) FROM events WHERE reconciled = 0").fetchone()[0] == 0


def test_an_incremental_run_derives_what_a_full_run_would(corpus: Corpus) -> None:
    from faultlines.reconcile import reconcile

    corpus.report("ISI pledged to al-Qaeda.", "2006-11-01", "pledge_allegiance", "isi", "aq", date="2006")
    corpus.report(
        "ISIL seized Mosul.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    corpus.report("JRTN fought alongside ISIL.", "2014-06-12", "alliance", "jrtn", "isil", date="2014-06")
    assert corpus.reconcile()["scope"] == "full"
    corpus.report("Al-Qaeda disowned ISIL in 2013.", "2015-06-01", "disavowal", "aq", "isil", date="2013")
    corpus.report("Al-Qaeda disowned ISIS in February 2014.", "2014-06-01", "disavowal", "aq", "is", date="2014-02")
    corpus.report("ISIL and JRTN clashed in Hawija.", "2014-06-21", "armed_clash", "isil", "jrtn", date="2014-06-20")
    corpus.report(
        "Iraqi forces retook Mosul.",
        "2017-07-10",
        "government_regains_territory",
        "iraq-army",
        place=4,
        date="2017-07-09",
    )
    step = corpus.reconcile()
    assert step["scope"] == "incremental" and step["relations"]["added"] >= 3
    full = reconcile(corpus.conn, full=True)
    assert full["scope"] == "full"
    for table in ("relations", "control", "contradictions"):
        assert (full[table]["added"], full[table]["removed"]) == (0, 0), table
    assert len(corpus.fl.contradictions()) == 2
