"""Batched selective annotation: several documents parsed in one batch give the same Docs as one
at a time, announced texts are claimed once, and the fast ruler call matches spaCy's own."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from faultlines.annotate import annotate_batch, annotate_selectively, expect_texts, forget_expected, get_nlp
from faultlines.annotate.pipeline import CASED_RULER_NAME, RULER_NAME, SelectiveStats, apply_ruler
from faultlines.extract.triggers import sentence_may_hold_event as gate

TEXTS = [
    "ISIL seizes border post\n\nBAGHDAD, 21 June 2014 -- ISIL fighters took control of Al-Qaim on Saturday. "
    "The weather in the town was hot and the market stayed open as usual.",
    "The Nusra Front and the FSA withdrew from Albu Kamal overnight, witnesses said. Prices rose.",
    "Nothing happened in the quiet village today.",
    "",
    "Kurdish fighters clashed with IS near Kobani. At least 17 people were killed, the Observatory said.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


def _annotations(doc: Doc) -> list[tuple[object, ...]]:
    ents = {t.i: (e.label_, e.ent_id_) for e in doc.ents for t in e}
    return [(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.pos_, t.is_sent_start, ents.get(t.i)) for t in doc]


def test_a_batch_annotates_each_text_as_alone(nlp: Language) -> None:
    stats = SelectiveStats()
    batch = annotate_batch(nlp, TEXTS, gate, stats)
    assert [doc.text for doc in batch] == TEXTS
    for text, doc in zip(TEXTS, batch, strict=True):
        assert _annotations(doc) == _annotations(annotate_selectively(nlp, text, gate))
    assert stats.sentences == sum(len(list(annotate_selectively(nlp, t, gate).sents)) for t in TEXTS)
    assert 0 < stats.parsed_sentences < stats.sentences
    assert {"tok2vec", "parser", "ner", "sentence_gate"} <= set(stats.seconds)
    killed = next(t for t in batch[4] if t.text == "killed")
    assert killed.tag_ == "VBN" and killed.lemma_ == "kill" and killed.head.lemma_ == "say"
    assert {e.text for e in batch[4].ents if e.label_ == "ACTOR"} >= {"IS"}


def test_announced_texts_are_annotated_together_and_claimed_once(nlp: Language) -> None:
    alone = [annotate_selectively(nlp, text, gate) for text in TEXTS[:3]]
    expect_texts(TEXTS[:3])
    try:
        stats = SelectiveStats()
        first = annotate_selectively(nlp, TEXTS[0], gate, stats)
        # the first call parsed all three announced texts and carries their cost
        assert stats.sentences == sum(len(list(doc.sents)) for doc in alone)
        later = SelectiveStats()
        second = annotate_selectively(nlp, TEXTS[1], gate, later)
        assert later.sentences == 0  # already made in the batch
        assert _annotations(first) == _annotations(alone[0])
        assert _annotations(second) == _annotations(alone[1])
        again = SelectiveStats()
        annotate_selectively(nlp, TEXTS[1], gate, again)
        assert again.sentences > 0  # a claimed Doc is not handed out twice
    finally:
        forget_expected()


def test_forgotten_announcements_leave_no_docs_behind(nlp: Language) -> None:
    expect_texts(TEXTS[:2])
    annotate_selectively(nlp, TEXTS[0], gate)
    forget_expected()
    stats = SelectiveStats()
    annotate_selectively(nlp, TEXTS[1], gate, stats)
    assert stats.sentences == 2  # annotated afresh, alone


def test_fast_ruler_call_finds_what_the_ruler_finds(nlp: Language) -> None:
    text = "the FSA, al-Nusra Front and ISIL clashed near Aleppo; IS fighters and the Free Syrian Army withdrew."
    for name in (RULER_NAME, CASED_RULER_NAME):
        ruler = nlp.get_pipe(name)
        ours = apply_ruler(ruler, nlp.make_doc(text))
        theirs = ruler(nlp.make_doc(text))
        assert [(e.start, e.end, e.label_, e.ent_id_) for e in ours.ents] == [
            (e.start, e.end, e.label_, e.ent_id_) for e in theirs.ents
        ]
    both = apply_ruler(nlp.get_pipe(CASED_RULER_NAME), apply_ruler(nlp.get_pipe(RULER_NAME), nlp.make_doc(text)))
    assert {e.ent_id_ for e in both.ents} >= {"islamic-state", "free-syrian-army"}
