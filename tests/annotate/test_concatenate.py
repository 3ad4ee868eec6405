"""The fast merge of a document's run Docs gives exactly what spaCy's ``Doc.from_docs`` gives."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from faultlines.annotate import get_nlp
from faultlines.annotate.pipeline import SelectiveStats, _chunks, _light_doc, _parsed_docs, concatenate
from faultlines.extract.triggers import sentence_may_hold_event as gate

TEXT = (
    "ISIL seizes border post\n\nBAGHDAD, 21 June 2014 -- ISIL fighters took control of Al-Qaim on Saturday. "
    "The weather in the town was hot and the market stayed open as usual.  Prices rose.\n"
    "Kurdish fighters clashed with IS near Kobani. At least 17 people were killed, the Observatory said.\n\n"
    "Mr. al-Maliki spoke on TV.\n"
)


@pytest.fixture(scope="module")
def run_docs() -> list[Doc]:
    nlp: Language = get_nlp()
    stats = SelectiveStats()
    runs = _chunks(TEXT, gate, stats)
    parsed = iter(_parsed_docs(nlp, [TEXT[s:e] for s, e, p in runs if p], stats))
    docs = [next(parsed) if p else _light_doc(nlp, TEXT[s:e], stats) for s, e, p in runs]
    assert {p for _, _, p in runs} == {True, False}  # both kinds of run are merged
    return docs


def _view(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.idx, t.text_with_ws, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def test_merge_equals_spacy_from_docs(run_docs: list[Doc]) -> None:
    ours = concatenate(run_docs)
    theirs = Doc.from_docs(run_docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    assert ours is not None and theirs is not None
    assert ours.text == theirs.text == TEXT
    assert _view(ours) == _view(theirs)
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert [s.text for s in ours.sents] == [s.text for s in theirs.sents]
    assert [[c.i for c in t.children] for t in ours] == [[c.i for c in t.children] for t in theirs]


def test_merge_of_nothing_is_none() -> None:
    assert concatenate([]) is None
