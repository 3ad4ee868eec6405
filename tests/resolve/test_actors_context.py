"""The per-document indexes of DocContext agree with what spaCy's own objects say."""

from __future__ import annotations

from faultlines.annotate import get_nlp
from faultlines.kb import default_kb
from faultlines.resolve.actors.context import DocContext
from faultlines.resolve.actors.states import _tokens_after

TEXT = (
    "Syrian army troops  shelled ISIL positions near Palmyra on Monday.\n\n"
    "The Islamic State of Iraq and the Levant (ISIL) said its fighters repelled them; "
    "isil and Isil are spelled oddly here. Kurdish forces held the Front line."
)


def _context() -> DocContext:
    return DocContext.of(get_nlp()(TEXT), default_kb(), None)


def test_text_offsets_and_entity_texts_match_spacy() -> None:
    ctx = _context()
    assert ctx.text == ctx.doc.text
    assert ctx.token_starts == [t.idx for t in ctx.doc]
    assert all(ctx.text_of(ent) == ent.text for ent in ctx.ents)


def test_tokens_and_sentences_with_a_word_in_any_case() -> None:
    ctx = _context()
    found = ctx.tokens_with({"isil"})
    assert [ctx.tokens[i].text for i in found] == ["ISIL", "ISIL", "isil", "Isil"]
    expected = {ctx.sentence_of(t.idx) for t in ctx.doc if t.lower_ in ("front", "forces")}
    assert ctx.sentences_with({"front", "forces"}) == expected


def _tokens_after_by_scan(ctx: DocContext, char: int, limit: int) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    for token in ctx.doc:
        if token.idx < char:
            continue
        if token.idx >= char + 80 or token.is_sent_start or len(out) >= limit:
            break
        out.append((token.idx, token.idx + len(token.text), token.text, token.pos_))
    return out


def test_tokens_after_a_character_stay_in_the_sentence_and_within_reach() -> None:
    ctx = _context()
    for char in range(len(ctx.text) + 1):
        assert _tokens_after(ctx, char, 5) == _tokens_after_by_scan(ctx, char, 5), char
