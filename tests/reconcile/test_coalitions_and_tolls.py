"""Coalition member lists, captures credited to a coalition's leading member, a city that falls when its
defenders withdraw, and a second source's toll given in the next sentence."""

from __future__ import annotations

from .corpus import Corpus

LEAD = "A coalition of rebel groups led by the Nusra Front captured Mosul on Saturday, driving out the army."
FORMED = "The alliance, which calls itself Jaysh al-Fateh, was announced on Tuesday."
MEMBERS = "It brings together the Nusra Front with the FSA and JRTN."


def _sentences(corpus: Corpus, doc: int, sentences: list[tuple[str, list[tuple[str, str]]]]) -> None:
    """Sentence rows and actor mentions of a document whose text is the sentences joined by spaces."""
    offset = 0
    with corpus.conn:
        for idx, (text, names) in enumerate(sentences):
            corpus.conn.execute(
                "INSERT INTO sentences (document_id, idx, start, end) VALUES (?, ?, ?, ?)",
                (doc, idx, offset, offset + len(text)),
            )
            for surface, actor in names:
                start = offset + text.index(surface)
                corpus.conn.execute(
                    "INSERT INTO mentions (document_id, sentence, start, end, text, kind, actor_id) "
                    "VALUES (?, ?, ?, ?, ?, 'actor', ?)",
                    (doc, idx, start, start + len(surface), surface, actor),
                )
            offset += len(text) + 1


def _coalition_report(corpus: Corpus, lead: str = LEAD) -> int:
    with corpus.conn:
        corpus.conn.execute("INSERT INTO actors (id, name, kind) VALUES ('fateh', 'Jaysh al-Fateh', 'rebel_group')")
    doc = corpus.document(" ".join([lead, FORMED, MEMBERS]), "2015-03-29")
    _sentences(
        corpus,
        doc,
        [
            (lead, [("Nusra Front", "nusra")]),
            (FORMED, [("Jaysh al-Fateh", "fateh")]),
            (MEMBERS, [("Nusra Front", "nusra"), ("FSA", "fsa"), ("JRTN", "jrtn")]),
        ],
    )
    return corpus.event(
        doc, "nonstate_overtakes_territory", "nusra", "iraq-army", place=4, date="2015-03-28", sentence=0
    )


def test_a_member_list_makes_each_group_an_affiliate_of_the_coalition(corpus: Corpus) -> None:
    _coalition_report(corpus)
    corpus.reconcile()
    members = {(r["a"]["id"], r["b"]["id"], r["from"]) for r in corpus.fl.relations(kind="affiliation")}
    assert members == {(m, "fateh", "2015-03-29") for m in ("nusra", "fsa", "jrtn")}


def test_members_belong_to_the_coalition_from_the_day_it_was_announced(corpus: Corpus) -> None:
    _coalition_report(corpus)
    start = len(LEAD) + 1 + FORMED.index("Tuesday")
    value = '{"start": "2015-03-24", "end": "2015-03-24", "precision": "day"}'
    with corpus.conn:
        corpus.conn.execute(
            "INSERT INTO mentions (document_id, sentence, start, end, text, kind, value) "
            "VALUES (1, 1, ?, ?, 'Tuesday', 'time', ?)",
            (start, start + len("Tuesday"), value),
        )
    corpus.reconcile()
    assert {r["from"] for r in corpus.fl.relations(kind="affiliation")} == {"2015-03-24"}


def test_a_capture_by_a_coalition_led_by_a_member_goes_to_the_coalition(corpus: Corpus) -> None:
    _coalition_report(corpus)
    corpus.reconcile()
    holders = [(c["holder"]["id"], c["from"], c["until"]) for c in corpus.fl.control(place="Mosul")]
    assert holders == [("iraq-army", None, "2015-03-28"), ("fateh", "2015-03-28", None)]


def test_a_capture_by_the_member_itself_stays_with_the_member(corpus: Corpus) -> None:
    _coalition_report(corpus, lead="The Nusra Front captured Mosul on Saturday, driving out the army.")
    corpus.reconcile()
    assert [c["holder"]["id"] for c in corpus.fl.control(at="2015-03-30")] == ["nusra"]


def _ramadi(corpus: Corpus, *, withdrawal: bool) -> None:
    doc = corpus.document("ISIL overran the compound on Friday and took the city on Sunday.", "2015-05-18")
    corpus.event(doc, "nonstate_overtakes_territory", "isil", place=4, date="2015-05-15", sentence=2)
    corpus.event(doc, "nonstate_overtakes_territory", "isil", place=4, date="2015-05-17", sentence=0)
    if withdrawal:
        corpus.event(doc, "withdrawal", "iraq-army", place=4, date="2015-05-17", sentence=0)


def test_a_city_falls_on_the_day_its_defenders_withdraw(corpus: Corpus) -> None:
    _ramadi(corpus, withdrawal=True)
    corpus.reconcile()
    intervals = [(c["holder"]["id"], c["from"], c["until"]) for c in corpus.fl.control(place="Mosul")]
    assert intervals == [("iraq-army", None, "2015-05-17"), ("isil", "2015-05-17", None)]
    (held,) = corpus.fl.control(at="2015-05-20")
    assert {e["role"] for e in held["evidence"]} == {"opens", "supports"}  # Friday's report still backs it


def test_without_a_withdrawal_the_first_gain_opens_the_hold(corpus: Corpus) -> None:
    _ramadi(corpus, withdrawal=False)
    corpus.reconcile()
    assert [(c["holder"]["id"], c["from"]) for c in corpus.fl.control(place="Mosul")] == [("isil", "2015-05-15")]


def _tolls(corpus: Corpus, sentence: int) -> tuple[int, int]:
    doc = corpus.document(
        "ISIL killed at least 217 people in Mosul. State TV said some 400 civilians died.", "2015-05-25"
    )
    dated = corpus.event(doc, "attack", "isil", place=4, date="2015-05-25", fatalities=217, sentence=0)
    undated = corpus.event(doc, "attack", place=4, fatalities=400, sentence=sentence)
    return dated, undated


def test_a_second_toll_in_the_next_sentence_is_a_fatalities_contradiction(corpus: Corpus) -> None:
    dated, undated = _tolls(corpus, sentence=1)
    corpus.reconcile()
    assert corpus.canonical(undated) == dated
    (dispute,) = corpus.fl.contradictions()
    assert dispute["field"] == "fatalities"
    assert sorted(c["value"] for c in dispute["claims"]) == [217, 400]


def test_an_undated_attack_far_from_the_dated_one_stays_apart(corpus: Corpus) -> None:
    _, undated = _tolls(corpus, sentence=4)
    corpus.reconcile()
    assert corpus.canonical(undated) == undated
    assert corpus.fl.contradictions() == []
