"""Alliances from joint actions and from "X and allied Y"; cue words inside an actor's name state nothing."""

from __future__ import annotations

from .corpus import Corpus


def _mentions(corpus: Corpus, doc: int, text: str, names: list[tuple[str, str]]) -> None:
    with corpus.conn:
        corpus.conn.execute(
            "INSERT INTO sentences (document_id, idx, start, end) VALUES (?, 0, 0, ?)", (doc, len(text))
        )
        for surface, actor in names:
            start = text.index(surface)
            corpus.conn.execute(
                "INSERT INTO mentions (document_id, sentence, start, end, text, kind, actor_id) "
                "VALUES (?, 0, ?, ?, ?, 'actor', ?)",
                (doc, start, start + len(surface), surface, actor),
            )


def test_two_groups_taking_a_place_together_are_allies_from_that_day(corpus: Corpus) -> None:
    text = "Gunmen from the FSA and the Nusra Front took over the Iraqi side of the crossing on Tuesday."
    event = corpus.report(text, "2014-06-21", "nonstate_overtakes_territory", "fsa", place=3, date="2014-06-17")
    with corpus.conn:
        corpus.conn.execute("UPDATE events SET assoc_actor1_ids = '[\"nusra\"]' WHERE id = ?", (event,))
    corpus.reconcile()
    (alliance,) = corpus.fl.relations(kind="alliance")
    assert {alliance["a"]["id"], alliance["b"]["id"]} == {"fsa", "nusra"}
    assert alliance["from"] == "2014-06-17"
    assert alliance["evidence"][0]["text"] == text
    assert [c["holder"]["id"] for c in corpus.fl.control(at="2014-06-18")] == ["fsa"]


def test_a_joint_action_by_a_group_and_state_forces_is_no_alliance(corpus: Corpus) -> None:
    event = corpus.report("x", "2014-06-21", "nonstate_overtakes_territory", "fsa", place=3, date="2014-06-17")
    with corpus.conn:
        corpus.conn.execute("UPDATE events SET assoc_actor1_ids = '[\"iraq-army\"]' WHERE id = ?", (event,))
    corpus.reconcile()
    assert corpus.fl.relations(kind="alliance") == []


def test_and_allied_pairs_the_actors_on_either_side_only(corpus: Corpus) -> None:
    named = "US officials said the FSA and allied JRTN units held the town."
    unnamed = "ISIL has been battling the Nusra Front and allied rebels since the spring."
    doc = corpus.document(named, "2015-01-27")
    _mentions(corpus, doc, named, [("FSA", "fsa"), ("JRTN", "jrtn")])
    other = corpus.document(unnamed, "2014-06-26")
    _mentions(corpus, other, unnamed, [("ISIL", "isil"), ("Nusra Front", "nusra")])
    corpus.reconcile()
    pairs = {(r["a"]["id"], r["b"]["id"]) for r in corpus.fl.relations(kind="alliance")}
    assert pairs == {("fsa", "jrtn")}


def test_a_cue_inside_an_actor_name_states_no_relation(corpus: Corpus) -> None:
    text = "It brings together the Nusra Front, al-Qaeda's Syrian branch, with the FSA."
    doc = corpus.document(text, "2015-03-29")
    _mentions(corpus, doc, text, [("Nusra Front", "nusra"), ("al-Qaeda's Syrian branch", "nusra"), ("FSA", "fsa")])
    corpus.reconcile()
    assert corpus.fl.relations(kind="affiliation") == []
