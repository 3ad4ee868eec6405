"""Extraction never rebuilds ``doc.text`` (O(tokens) per access) more than it must."""

from __future__ import annotations

from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from faultlines.extract import extract_events
from faultlines.extract.acled import main_event


class CountingDoc(Doc):
    """A Doc that counts how often its text is rebuilt."""

    reads: ClassVar[int] = 0

    @property
    def text(self) -> str:
        CountingDoc.reads += 1
        return str(super().text)


def _counting_doc(nlp: Language, text: str) -> Doc:
    plain = nlp.make_doc(text)
    doc: Doc = CountingDoc(nlp.vocab, words=[t.text for t in plain], spaces=[bool(t.whitespace_) for t in plain])
    for _name, component in nlp.pipeline:
        doc = component(doc)  # every component annotates and returns the same (counting) Doc
    assert isinstance(doc, CountingDoc)
    return doc


def test_extraction_and_main_event_do_not_rebuild_the_text(nlp: Language) -> None:
    text = "Rebels attacked an army base near Aleppo on Tuesday, killing 12 soldiers. Police used tear gas."
    doc = _counting_doc(nlp, text)
    CountingDoc.reads = 0
    events = extract_events(doc)
    assert events and CountingDoc.reads == 0
    main = main_event(doc, events, text)
    assert main is not None and main.acled_sub_event_type == "Armed clash"
    assert CountingDoc.reads == 0
    main_event(doc, events)
    assert CountingDoc.reads == 1  # without the text: rebuilt once, not per check
