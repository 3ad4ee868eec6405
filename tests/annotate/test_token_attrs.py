"""The attribute ruler + lemmatizer served from lookup tables give exactly what the real components
give, and the faster lemmatizer word lists leave every lemma as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from faultlines.annotate import get_nlp
from faultlines.annotate.pipeline import MODEL_NAME
from faultlines.annotate.token_attrs import (
    CACHED_COMPONENTS,
    TokenAttributeCache,
    index_lemma_tables,
    ruler_shape,
    token_attribute_cache,
)

ATTRS = [TAG, DEP, HEAD, POS, MORPH, LEMMA, SENT_START]
TRICKY = [
    # expletive "there" + be, "that" as a pronoun, "but" as an adverb, modal, pronouns, negation
    "There were clashes in Hawija, and there is no word of casualties. That was all but over; it can't last.",
    # whitespace tokens (their dependency label is rewritten), a lower-cased wire text, odd spacing
    "BAGHDAD  --  Gunmen  killed 3 people.\n\n\nthey said i was there .  Nobody knew anything  \n",
    # multi-token patterns the tables do not describe go through the real components
    "They're gonna say it ain't so; let's go. Y'all know the mortars hit 3 homes.",
    # first words of those patterns without their second word are looked up like any other
    "The gunmen got away and let the hostages go; they got 3 cars. Gotta run, y said",
    "ISIL fighters seized Al-Qaim on Saturday; 17 soldiers were reportedly killed and dozens wounded.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


def _before_ruler(nlp: Language, text: str) -> Doc:
    """``text`` through the components that come before the attribute ruler (tagger, parser)."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == CACHED_COMPONENTS[0]:
            break
        doc = component(doc)
    return doc


def _real(nlp: Language, doc: Doc) -> Doc:
    for name in CACHED_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _assert_same(nlp: Language, cache: TokenAttributeCache, texts: list[str]) -> None:
    for text in texts:
        doc = _before_ruler(nlp, text)
        cached, real = cache(doc.copy()), _real(nlp, doc.copy())
        assert (cached.to_array(ATTRS) == real.to_array(ATTRS)).all(), text
        assert [t.lemma_ for t in cached] == [t.lemma_ for t in real]


def test_tables_give_the_real_components_output_on_tricky_text(nlp: Language) -> None:
    cache = TokenAttributeCache(nlp, ruler_shape(nlp.get_pipe("attribute_ruler").patterns))  # type: ignore[arg-type,attr-defined]
    _assert_same(nlp, cache, TRICKY * 2)  # the second round is served from the filled tables
    assert cache.rules and cache.lemmas and cache.tokens
    # a whitespace token's label is the ruler's, whatever the parser said
    spaces = [t for t in cache(_before_ruler(nlp, TRICKY[1])) if t.is_space]
    assert spaces and all(t.pos_ == "SPACE" and t.tag_ == "_SP" for t in spaces)


def test_tables_give_the_real_components_output_on_the_seed_articles(nlp: Language, seeds_dir: Path) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    cache = TokenAttributeCache(nlp, ruler_shape(nlp.get_pipe("attribute_ruler").patterns))  # type: ignore[arg-type,attr-defined]
    _assert_same(nlp, cache, texts)
    # few distinct ruler cases: words and labels that no pattern names share one row
    assert len(cache.rules) < len(cache.tokens) / 5


def test_ruler_shape_reads_the_model_patterns_and_refuses_what_it_cannot_key() -> None:
    shape = ruler_shape(get_nlp().get_pipe("attribute_ruler").patterns)  # type: ignore[attr-defined]
    assert shape is not None
    assert shape.expl is not None and shape.expl[0] == "expl" and "were" in shape.expl[1]
    assert shape.pair_starts.named("gon") and shape.pair_starts.named("y'")
    assert shape.lowers.named("the") and shape.lowers.named("nothin'") and not shape.lowers.named("mosul")
    assert shape.deps.named("aux") and not shape.deps.named("nsubjpass")
    assert shape.starts_pair("gon", "na") and shape.starts_pair("ai", "n't") and shape.starts_pair("y'", "all")
    assert not shape.starts_pair("got", "away") and not shape.starts_pair("let", None)
    orth_pattern = [{"patterns": [[{"ORTH": "US"}]], "attrs": {"POS": "PROPN"}}]
    assert ruler_shape(orth_pattern) is None
    three_tokens = [{"patterns": [[{"DEP": "expl"}, {"TAG": "VBZ"}, {"TAG": "DT"}]], "attrs": {"POS": "X"}}]
    assert ruler_shape(three_tokens) is None


def test_a_pipeline_without_the_pair_gets_no_cache(nlp: Language) -> None:
    bare = spacy.blank("en")
    assert token_attribute_cache(bare) is None
    assert token_attribute_cache(nlp) is token_attribute_cache(nlp) is not None


def test_lemma_word_sets_keep_every_lemma(seeds_dir: Path) -> None:
    plain = spacy.load(MODEL_NAME, exclude=["ner"])
    indexed = spacy.load(MODEL_NAME, exclude=["ner"])
    index_lemma_tables(indexed)
    table = indexed.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    assert all(isinstance(words, frozenset) for words in table.values())
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt")))[:20000]
    assert [t.lemma_ for t in indexed(text)] == [t.lemma_ for t in plain(text)]
