"""Noisy input: lower-cased text whose place names read as towns abroad, and odd Unicode."""

from __future__ import annotations

import random
from datetime import date

import pytest

from faultlines.analysis import analyze_document
from faultlines.resolve.dates import find_time_expressions

LOWER = "isil militants attacked army positions near tikrit and samarra on tuesday, killing 12 soldiers."


def _actors(text: str, published: date | None) -> dict[str, str | None]:
    result = analyze_document(text, published)
    return {m.text: m.value.get("actor_id") for m in result.mentions if m.kind == "actor"}


def test_lower_cased_army_is_not_read_as_a_foreign_army() -> None:
    # "samarra" alone, lower-cased, also names a Russian town; the text is about ISIL in Iraq
    found = _actors(LOWER, date(2014, 6, 25))
    assert found["army positions"] == "state-iq-military"
    assert found["soldiers"] == "state-iq-military"
    assert not any(str(a).startswith("state-ru") for a in found.values())


def test_cased_text_keeps_the_country_its_places_name() -> None:
    found = _actors("Syrian army troops shelled rebel positions in Aleppo on Tuesday.", date(2014, 6, 25))
    assert found["Syrian army troops"] == "state-sy-military"


ODD = ["ſ", "ﬁ", "ﬂ", "\u200d", "\u200c", "\u200b", "\u200f", "\u200e", "\u202b", "\u2066", "\ufeff", "K", "ı", "İ"]
# letters and digits replaced by look-alikes that case-insensitive or Unicode-aware patterns accept
SUBSTITUTES = {
    "s": ["ſ"],
    "fi": ["ﬁ"],
    "fl": ["ﬂ"],
    "k": ["K"],
    "i": ["ı", "İ"],
    **{str(d): [chr(0xFF10 + d), chr(0x0660 + d), chr(0x06F0 + d)] for d in range(10)},
}
PHRASES = [
    "On Wednesday, rebels attacked the town.",
    "two days later",
    "last Saturday and Sunday",
    "yesterday",
    "three weeks after 5 March",
    "Thursday 26 June 2014",
    "from 10 to 12 June 2014",
    "in the first week of June",
    "mid-May 2015",
    "2014-06-21",
    "the second half of 2014",
    "21Jun2014",
]


def _odd_variants(count: int) -> list[str]:
    rng = random.Random(20141)
    out = ["The attack on Wedneſday killed 5.", "ﬁve days later", "on ٢١ June ٢٠١٤", "on ２１ June ２０１４"]
    while len(out) < count:
        text = rng.choice(PHRASES)
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.3:
                pos = rng.randrange(len(text) + 1)
                text = text[:pos] + rng.choice(ODD) + text[pos:]
                continue
            keys = [k for k in SUBSTITUTES if k in text]
            if keys:
                key = rng.choice(keys)
                text = text.replace(key, rng.choice(SUBSTITUTES[key]), 1)
        out.append(text)
    return out


@pytest.mark.parametrize("published", [None, date(2014, 6, 25)])
def test_time_expressions_survive_odd_unicode(published: date | None) -> None:
    for text in _odd_variants(600):
        for expression in find_time_expressions(text, published):
            assert text[expression.char_start : expression.char_end] == expression.text


def test_long_s_weekday_is_read_as_the_weekday() -> None:
    (found,) = find_time_expressions("The attack on Wedneſday killed 5.", date(2014, 6, 27))
    assert (found.text, found.start) == ("Wedneſday", date(2014, 6, 25))


def test_documents_with_odd_unicode_are_analysed() -> None:
    base = "On Wednesday, ISIL fighters seized Tikrit and killed 12 soldiers, AFP reported on 21 June 2014."
    variants = [
        base.replace("s", "ſ"),
        base.replace("fi", "ﬁ"),
        base.replace("1", "١").replace("2", "٢"),
        base.replace("2", "２").replace("1", "１"),
        "\u200f" + base.replace(" ", " \u200d") + "\u200e",
        base.replace("i", "ı").replace("k", "K"),
    ]
    for text in variants:
        result = analyze_document(text, date(2014, 6, 25))
        assert result.sentences
        for mention in result.mentions:
            assert text[mention.start : mention.end] == mention.text
