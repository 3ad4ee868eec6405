"""Selective annotation: the cheap gate and rule sentences, and what it keeps of the full pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from faultlines.annotate import SelectiveStats, annotate_selectively, get_nlp, split_sentences
from faultlines.extract import extract_events
from faultlines.extract.triggers import might_hold_event, sentence_may_hold_event

from .seed_scoring import SeedDoc, actor_mentions, evaluate, load_gold

TEXT = (
    "ISIL seizes border post\n\n"
    "BAGHDAD, 21 June 2014 -- Gen. Ali Hassan said ISIL fighters took control of Al-Qaim on Saturday. "
    "The weather in the town was hot and the market stayed open as usual.\n"
    "The Nusra Front and the FSA withdrew from Albu Kamal overnight, witnesses said."
)


@pytest.fixture(scope="module")
def kb_nlp() -> Language:
    """The project pipeline: the sm model with the KB actor rulers."""
    return get_nlp()


def test_rule_sentences_tile_the_text_and_respect_abbreviations() -> None:
    spans = split_sentences(TEXT)
    assert "".join(TEXT[s:e] for s, e in spans) == TEXT
    sentences = [TEXT[s:e].strip() for s, e in spans]
    assert sentences[0] == "ISIL seizes border post"
    assert any(s.startswith("BAGHDAD") and s.endswith("on Saturday.") for s in sentences)  # "Gen." kept inside
    assert sentences[-1].startswith("The Nusra Front")


def test_strict_gate_needs_a_whole_trigger_phrase() -> None:
    # the old word-stem filter fires on "front"; the phrase gate does not
    assert might_hold_event("The front line stayed quiet all week.")
    assert not sentence_may_hold_event("The front line stayed quiet all week.")
    assert not sentence_may_hold_event("The weather in the town was hot.")
    for sentence in (
        "ISIL took control of the crossing.",
        "The unit pledged allegiance to ISIL.",
        "Rebels fought government troops.",
        "Gunmen kidnapped two engineers.",
        "Fighters stormed the village.",
        "The groups cut ties in February.",
    ):
        assert sentence_may_hold_event(sentence), sentence


def test_only_gated_sentences_are_parsed_and_offsets_hold(kb_nlp: Language) -> None:
    stats = SelectiveStats()
    doc = annotate_selectively(kb_nlp, TEXT, sentence_may_hold_event, stats)
    assert doc.text == TEXT
    assert 0 < stats.parsed_sentences < stats.sentences
    weather = next(s for s in doc.sents if "weather" in s.text)
    assert not any(t.tag_ for t in weather)  # skipped: no tagger, parser or NER ran on it
    headline = next(s for s in doc.sents if s.text.startswith("ISIL seizes"))
    assert any(e.label_ == "ACTOR" for e in headline.ents)  # the KB ruler runs on every sentence
    assert {"ner", "parser", "actor_ruler"} <= set(stats.seconds)
    events = extract_events(doc)
    types = {e.type for e in events}
    assert {"nonstate_overtakes_territory", "withdrawal"} <= types
    withdrawal = next(e for e in events if e.type == "withdrawal")
    assert withdrawal.surface(TEXT)["places"] == ["Albu Kamal"]
    assert all("weather" not in e.evidence for e in events)


def test_a_text_without_triggers_gets_no_parse_and_no_events(kb_nlp: Language) -> None:
    text = "The weather in Amman was mild.\nMarkets were busy and schools reopened."
    doc = annotate_selectively(kb_nlp, text, sentence_may_hold_event)
    assert doc.text == text
    assert len(list(doc.sents)) == 2
    assert extract_events(doc) == []


@pytest.mark.slow
def test_seed_events_survive_selective_annotation(kb_nlp: Language, seeds_dir: Path) -> None:
    """The seed annotation scored on selectively annotated seeds: the same floors as the full parse."""
    gold = load_gold()
    docs: dict[str, SeedDoc] = {}
    parsed = total = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        key, text = path.name[:3], path.read_text(encoding="utf-8")
        stats = SelectiveStats()
        doc = annotate_selectively(kb_nlp, text, sentence_may_hold_event, stats)
        parsed, total = parsed + stats.parsed_chars, total + stats.chars
        docs[key] = SeedDoc(key, text, extract_events(doc, actor_spans=actor_mentions(text, gold["actors"][key])))
    result = evaluate(docs)
    # measured: recall 0.95 (as with the full parse), precision 0.70, 72% of the characters parsed
    assert result["recall"] >= 0.93, result["missed"]
    assert result["precision_in_annotated_sentences"] >= 0.65
    assert parsed < 0.85 * total


def test_token_attribute_cache_gives_exactly_the_real_components_output(kb_nlp: Language) -> None:
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from faultlines.annotate.pipeline import SelectiveStats as Stats
    from faultlines.annotate.pipeline import _parsed_docs

    texts = [
        TEXT,
        "There were clashes in Hawija, and there is no word of casualties. It was over.",
        "They're gonna say it ain't so; let's go. Y'all know the mortars hit 3 homes.",
    ]
    for text in texts * 2:  # the second round is served from the cache
        cached = _parsed_docs(kb_nlp, [text], Stats())[0]
        real = kb_nlp(text)
        attrs = [TAG, DEP, POS, MORPH, LEMMA]
        assert (cached.to_array(attrs) == real.to_array(attrs)).all(), text
