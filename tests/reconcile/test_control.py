"""Control intervals from captures, withdrawals, recaptures and pledges; holder disputes."""

from __future__ import annotations

from typing import Any

from .corpus import Corpus


def _intervals(rows: list[dict[str, Any]]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c["holder"]["id"] if c["holder"] else None, c["from"], c["until"]) for c in rows]


def _al_qaim(corpus: Corpus) -> dict[str, int]:
    return {
        "fsa": corpus.report(
            "FSA and Nusra gunmen seized the Iraqi side of the crossing on June 17 after security forces withdrew.",
            "2014-06-18",
            "nonstate_overtakes_territory",
            "fsa",
            "iraq-army",
            place=2,
            date="2014-06-17",
        ),
        "left": corpus.report(
            "The FSA gunmen left Al-Qaim overnight.", "2014-06-21", "withdrawal", "fsa", place=2, date="2014-06-20"
        ),
        "isil": corpus.report(
            "ISIL seized Al-Qaim on Saturday.",
            "2014-06-21",
            "nonstate_overtakes_territory",
            "isil",
            place=2,
            date="2014-06-21",
        ),
    }


def test_capture_withdrawal_and_capture_make_the_control_history(corpus: Corpus) -> None:
    _al_qaim(corpus)
    corpus.reconcile()
    assert _intervals(corpus.fl.control(place="Al-Qaim")) == [
        ("iraq-army", None, "2014-06-17"),
        ("fsa", "2014-06-17", "2014-06-20"),
        (None, "2014-06-20", "2014-06-21"),
        ("isil", "2014-06-21", None),
    ]
    assert [c["holder"]["id"] for c in corpus.fl.control(at="2014-06-16")] == ["iraq-army"]
    assert [c["holder"] for c in corpus.fl.control(at="2014-06-20")] == [None]
    state = corpus.fl.state("2014-06-22")
    (held,) = state["control"]
    assert held["holder"]["id"] == "isil" and held["place"]["name"] == "Al-Qaim"
    assert [(e["document"], e["role"]) for e in held["evidence"]] == [(3, "opens")]


def test_withdrawal_without_successor_leaves_the_holder_unknown(corpus: Corpus) -> None:
    corpus.report(
        "ISIL overran Mosul.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    corpus.report("ISIL pulled out of Mosul.", "2017-07-10", "withdrawal", "isil", place=4, date="2017-07-09")
    corpus.reconcile()
    assert _intervals(corpus.fl.control()) == [("isil", "2014-06-10", "2017-07-09"), (None, "2017-07-09", None)]


def test_recapture_and_a_local_pledge_change_hands(corpus: Corpus) -> None:
    corpus.report(
        "ISIL overran Mosul.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    corpus.report(
        "Iraqi forces retook Mosul.",
        "2017-07-10",
        "government_regains_territory",
        "iraq-army",
        place=4,
        date="2017-07-09",
    )
    corpus.report(
        "Nusra's unit in Al-Qaim pledged to ISIL.",
        "2014-06-25",
        "pledge_allegiance",
        "nusra",
        "isil",
        place=2,
        date="2014-06-25",
    )
    corpus.reconcile()
    assert _intervals(corpus.fl.control(place="Mosul")) == [
        ("isil", "2014-06-10", "2017-07-09"),
        ("iraq-army", "2017-07-09", None),
    ]
    assert _intervals(corpus.fl.control(place="Al-Qaim")) == [("isil", "2014-06-25", None)]


def test_two_holders_on_the_same_day_are_a_contradiction(corpus: Corpus) -> None:
    corpus.report(
        "ISIL seized Al-Qaim on 21 June.",
        "2014-06-21",
        "nonstate_overtakes_territory",
        "isil",
        place=2,
        date="2014-06-21",
    )
    corpus.report(
        "ISIS took Al-Qaim on Saturday.", "2014-06-22", "nonstate_overtakes_territory", "is", place=2, date="2014-06-21"
    )
    corpus.report(
        "Tribal fighters of JRTN took Al-Qaim on 21 June.",
        "2014-06-21",
        "nonstate_overtakes_territory",
        "jrtn",
        place=2,
        date="2014-06-21",
        modality="reported",
    )
    corpus.reconcile()
    assert _intervals(corpus.fl.control()) == [("isil", "2014-06-21", None)]
    (dispute,) = corpus.fl.contradictions()
    assert dispute["field"] == "holder" and dispute["subject"]["kind"] == "control"
    assert sorted(c["value"] for c in dispute["claims"]) == ["is", "jrtn"]
    assert dispute["chosen"] == "is" and dispute["rule"] == "more sources"


def test_planned_and_denied_captures_do_not_change_hands(corpus: Corpus) -> None:
    corpus.report(
        "ISIL vowed to take Mosul.",
        "2014-06-01",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-06-01",
        modality="planned",
    )
    corpus.report(
        "The army denied that Mosul had fallen.",
        "2014-06-05",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-06-04",
        modality="denied",
    )
    corpus.reconcile()
    assert corpus.fl.control() == []


def test_a_withdrawal_and_return_on_the_same_day_leave_one_interval(corpus: Corpus) -> None:
    corpus.report(
        "ISIL overran Mosul.", "2014-06-11", "nonstate_overtakes_territory", "isil", place=4, date="2014-06-10"
    )
    corpus.report("ISIL briefly pulled out of Mosul.", "2014-07-02", "withdrawal", "isil", place=4, date="2014-07-01")
    corpus.report(
        "ISIL fighters were back in Mosul.",
        "2014-07-02",
        "nonstate_overtakes_territory",
        "isil",
        place=4,
        date="2014-07-01",
    )
    corpus.reconcile()
    (held,) = corpus.fl.control()
    assert (held["holder"]["id"], held["from"], held["until"]) == ("isil", "2014-06-10", None)
    assert sorted({e["role"] for e in held["evidence"]}) == ["opens", "supports"]
