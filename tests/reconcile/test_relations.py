"""Relations as intervals: opened and closed by events and statements, with evidence and date disputes."""

from __future__ import annotations

from typing import Any

from .corpus import Corpus


def _pairs(relations: list[dict[str, Any]]) -> set[tuple[str, str, str, str | None, str | None]]:
    return {(r["a"]["id"], r["b"]["id"], r["kind"], r["from"], r["until"]) for r in relations}


def test_pledge_opens_affiliation_and_disavowal_closes_it_and_opens_split(corpus: Corpus) -> None:
    corpus.report(
        "ISI pledged allegiance to al-Qaeda in 2006.", "2006-11-01", "pledge_allegiance", "isi", "aq", date="2006"
    )
    corpus.report(
        "Al-Qaeda's general command disowned ISIL late on Sunday.",
        "2014-02-03",
        "disavowal",
        "aq",
        "isil",
        date="2014-02-02",
    )
    corpus.reconcile()
    relations = corpus.fl.relations()
    assert _pairs(relations) == {
        ("isi", "aq", "affiliation", "2006", "2014-02-02"),
        ("aq", "isil", "split", "2014-02-02", None),
    }
    affiliation = next(r for r in relations if r["kind"] == "affiliation")
    roles = {(e["document"], e["role"]) for e in affiliation["evidence"]}
    assert roles == {(1, "opens"), (2, "closes")}
    assert [r["kind"] for r in corpus.fl.relations(at="2013-12-31")] == ["affiliation"]
    assert [r["kind"] for r in corpus.fl.relations(at="2014-03-01", actor="Islamic State")] == ["split"]


def test_disagreeing_dates_of_a_split_become_a_contradiction_with_the_more_precise_chosen(corpus: Corpus) -> None:
    corpus.report("Al-Qaeda cut ties with ISIS in 2013.", "2015-06-01", "disavowal", "aq", "isil", date="2013")
    corpus.report("In February 2014 al-Qaeda disowned ISIL.", "2014-06-01", "disavowal", "aq", "is", date="2014-02")
    corpus.reconcile()
    assert ("aq", "isil", "split", "2014-02", None) in _pairs(corpus.fl.relations())
    found = {(c["subject"]["kind"], c["field"]): c for c in corpus.fl.contradictions()}
    split = found[("relation", "from")]
    assert sorted(c["value"]["value"] for c in split["claims"]) == ["2013", "2014-02"]
    assert split["chosen"] == {"value": "2014-02", "precision": "month"}
    assert split["rule"] == "more precise"
    assert all(claim["evidence"] for claim in split["claims"])
    assert found[("relation", "until")]["chosen"]["value"] == "2014-02"


def test_more_sources_beat_a_more_precise_single_report(corpus: Corpus) -> None:
    corpus.report("Al-Qaeda disowned ISIL on 2 February.", "2014-02-03", "disavowal", "aq", "isil", date="2014-02-02")
    corpus.report("In February al-Qaeda disowned ISIL.", "2014-06-30", "disavowal", "aq", "isil", date="2014-02")
    corpus.report("In January al-Qaeda disowned ISIL.", "2014-03-01", "disavowal", "aq", "isil", date="2014-01-20")
    corpus.reconcile()
    dispute = next(c for c in corpus.fl.contradictions() if c["field"] == "from")
    assert dispute["chosen"] == {"value": "2014-02-02", "precision": "day"}
    assert dispute["rule"] == "more sources"


def test_clashes_between_allies_end_the_alliance_and_start_a_rivalry(corpus: Corpus) -> None:
    corpus.report("JRTN fought alongside ISIL in June.", "2014-06-12", "alliance", "jrtn", "isil", date="2014-06")
    corpus.report(
        "ISIL and JRTN clashed in Hawija on Friday.", "2014-06-21", "armed_clash", "isil", "jrtn", date="2014-06-20"
    )
    corpus.report(
        "Army and ISIL clashed near Mosul.", "2014-06-21", "armed_clash", "iraq-army", "isil", date="2014-06-20"
    )
    corpus.reconcile()
    assert _pairs(corpus.fl.relations()) == {
        ("jrtn", "isil", "alliance", "2014-06", "2014-06-20"),
        ("isil", "jrtn", "rivalry", "2014-06-20", None),
    }
    on_day = corpus.fl.state("2014-06-25")
    assert [r["kind"] for r in on_day["relations"]] == ["rivalry"]


def test_leader_pledge_counts_for_his_group_and_denied_events_imply_nothing(corpus: Corpus) -> None:
    corpus.report(
        "Nusra pledged to Baghdadi.", "2013-04-10", "pledge_allegiance", "nusra", "baghdadi", date="2013-04-09"
    )
    corpus.report(
        "FSA denied joining al-Qaeda.",
        "2013-05-01",
        "pledge_allegiance",
        "fsa",
        "aq",
        date="2013-04-30",
        modality="denied",
    )
    corpus.reconcile()
    assert _pairs(corpus.fl.relations()) == {("nusra", "is", "affiliation", "2013-04-09", None)}


def test_stated_rivalry_in_a_sentence_becomes_a_relation(corpus: Corpus) -> None:
    text = "ISIL and Jabhat al-Nusra have been bitter rivals for months."
    doc = corpus.document(text, "2014-05-01")
    with corpus.conn:
        corpus.conn.execute(
            "INSERT INTO sentences (document_id, idx, start, end) VALUES (?, 0, 0, ?)", (doc, len(text))
        )
        for start, surface, actor in ((0, "ISIL", "isil"), (9, "Jabhat al-Nusra", "nusra")):
            corpus.conn.execute(
                "INSERT INTO mentions (document_id, sentence, start, end, text, kind, actor_id) "
                "VALUES (?, 0, ?, ?, ?, 'actor', ?)",
                (doc, start, start + len(surface), surface, actor),
            )
    corpus.reconcile()
    (rivalry,) = corpus.fl.relations(kind="rivalry")
    assert (rivalry["a"]["id"], rivalry["b"]["id"], rivalry["from"]) == ("isil", "nusra", "2014-05-01")
    assert rivalry["evidence"][0]["text"] == text
