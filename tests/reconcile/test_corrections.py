"""Analyst corrections and event-level contradictions flow into relations, control and state."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner

from faultlines.cli import main

from .corpus import Corpus


def test_rejected_capture_leaves_the_control_map(corpus: Corpus) -> None:
    capture = corpus.report(
        "ISIL seized Mosul.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    corpus.reconcile()
    assert len(corpus.fl.state("2014-07-01")["control"]) == 1
    shown = corpus.fl.reject_event(capture, note="satire site")
    assert shown["status"] == "rejected"
    assert corpus.fl.state("2014-07-01")["control"] == []
    assert corpus.fl.events() == []
    note = corpus.conn.execute("SELECT note FROM corrections WHERE kind = 'reject_event'").fetchone()[0]
    assert note == "satire site"


def test_rejecting_the_canonical_report_keeps_the_event_from_its_other_report(corpus: Corpus) -> None:
    first = corpus.report(
        "ISIL seized Mosul on 10 June.",
        "2014-06-11",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-06-10",
    )
    second = corpus.report(
        "Mosul fell to ISIL on 10 June.",
        "2014-06-12",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-06-10",
    )
    corpus.reconcile()
    assert corpus.canonical(second) == first
    corpus.fl.reject_event(first)
    (event,) = corpus.fl.events()
    assert event["id"] == second and {e["document"] for e in event["evidence"]} == {2}
    assert len(corpus.fl.control(at="2014-07-01")) == 1


def test_edited_event_changes_the_holder(corpus: Corpus) -> None:
    capture = corpus.report(
        "Gunmen seized Mosul.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    corpus.reconcile()
    edited = corpus.fl.edit_event(capture, {"actor1": "JRTN", "date_start": "2014-06-09"})
    assert edited["actor1"]["id"] == "jrtn" and edited["date"]["start"] == "2014-06-09"
    (held,) = corpus.fl.control(at="2014-07-01")
    assert (held["holder"]["id"], held["from"]) == ("jrtn", "2014-06-09")
    # replaying every correction (as after a re-processing) changes nothing more
    from faultlines.store import transaction
    from faultlines.store.actors import apply_corrections

    with transaction(corpus.conn):
        apply_corrections(corpus.conn)
    assert corpus.reconcile() == {"events_merged": 0, "events_rehomed": 0}


def test_merged_actors_flow_into_relations(corpus: Corpus) -> None:
    corpus.report("Nusra and FSA fought together.", "2014-06-18", "alliance", "nusra", "fsa", date="2014-06-17")
    corpus.report("Nusra clashed with JRTN.", "2014-07-02", "armed_clash", "nusra", "jrtn", date="2014-07-01")
    corpus.reconcile()
    assert {r["kind"] for r in corpus.fl.relations(at="2014-07-05")} == {"alliance", "rivalry"}
    corpus.fl.merge_actors("fsa", "jrtn")  # an analyst decides they are one group
    relations = corpus.fl.relations(at="2014-07-05")
    assert [(r["kind"], r["b"]["id"]) for r in relations] == [("rivalry", "fsa")]


def test_fatalities_and_denials_are_recorded_with_both_claims(corpus: Corpus) -> None:
    corpus.report(
        "17 killed in clashes in Hawija on Friday.",
        "2014-06-21",
        "armed_clash",
        "isil",
        "jrtn",
        place=4,
        date="2014-06-20",
        fatalities=17,
    )
    corpus.report(
        "Clashes in Hawija left 12 dead.",
        "2014-06-22",
        "armed_clash",
        "jrtn",
        "isil",
        place=4,
        date="2014-06-20",
        fatalities=12,
    )
    corpus.report(
        "JRTN denied any clash with ISIL in Hawija.",
        "2014-06-23",
        "armed_clash",
        "jrtn",
        "isil",
        place=4,
        date="2014-06-20",
        modality="denied",
    )
    corpus.reconcile()
    found = {c["field"]: c for c in corpus.fl.contradictions()}
    assert sorted(c["value"] for c in found["fatalities"]["claims"]) == [12, 17]
    assert found["fatalities"]["chosen"] == 12 and found["fatalities"]["rule"] == "later reporting"
    assert found["occurred"]["chosen"] == "occurred"
    assert [len(c["evidence"]) for c in found["occurred"]["claims"]] == [2, 1]


def test_cli_commands_print_the_issue_json_shapes(corpus: Corpus) -> None:
    event = corpus.report(
        "ISIL seized Mosul.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    corpus.report("Al-Qaeda disowned ISIL.", "2014-02-03", "disavowal", "aq", "isil", date="2014-02-02")
    corpus.reconcile()
    db = str(corpus.fl.path)
    runner = CliRunner()

    def run(*args: str) -> Any:
        result = runner.invoke(main, [*args, "--db", db, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    state = run("state", "--at", "2014-07-01")
    assert set(state) == {"at", "relations", "control"}
    assert {"a", "b", "kind", "from", "until", "evidence"} <= set(state["relations"][0])
    assert {"place", "holder", "from", "until", "evidence"} <= set(state["control"][0])
    assert run("relations", "--actor", "ISIL")[0]["kind"] in {"affiliation", "split"}
    assert run("control", "--place", "Mosul")[0]["holder"]["name"] == "Islamic State of Iraq and the Levant"
    timeline = run("timeline", "--actor", "Islamic State", "--with", "al-Qaeda")
    assert {i["kind"] for i in timeline["items"]} == {"event", "relation_opens", "relation_closes"}
    assert run("event", "show", str(event))["type"] == "nonstate_overtakes_territory"
    assert run("contradictions") == []
    rejected = run("event", "reject", str(event), "--note", "wrong town")
    assert rejected["status"] == "rejected"
    missing = runner.invoke(main, ["event", "show", "999", "--db", db])
    assert missing.exit_code != 0 and "no event 999" in missing.output
    bad = runner.invoke(main, ["state", "--at", "June 2014", "--db", db])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output
