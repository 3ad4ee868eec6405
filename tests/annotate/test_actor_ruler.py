"""The spaCy pipeline with the KB entity ruler in front of the NER."""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.annotate import LABEL, add_actor_ruler, get_nlp, load_model
from faultlines.errors import ModelError
from faultlines.kb import default_kb


def _actors(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.ent_id_) for e in get_nlp()(text).ents if e.label_ == LABEL]


def test_ruler_sits_before_the_statistical_ner() -> None:
    names = get_nlp().pipe_names
    assert names.index("actor_ruler") < names.index("ner")


def test_short_acronyms_are_case_sensitive() -> None:
    assert _actors("The answer is clear: IS fighters attacked the town.") == [("IS", "islamic-state")]
    assert _actors("the plan is simple and it is working") == []


def test_multiword_names_match_in_lower_case() -> None:
    found = dict(_actors("on 8 april 2013 al-baghdadi said al-nusra front had supported isil"))
    assert found == {
        "al-baghdadi": "abu-bakr-al-baghdadi",
        "al-nusra front": "jabhat-al-nusra",
        "isil": "islamic-state-of-iraq-and-the-levant",
    }


def test_spelling_variants_of_articles_match() -> None:
    found = {i for _, i in _actors("Fighters of Ahrar al Sham and Jabhat al-Nusra clashed with Al Nusra Front.")}
    assert found == {"ahrar-al-sham", "jabhat-al-nusra"}


def test_lowercased_seed_still_yields_its_actors(seeds_dir: Path) -> None:
    text = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    found = {e.ent_id_ for e in get_nlp()(text).ents if e.label_ == LABEL}
    assert {
        "abu-bakr-al-baghdadi",
        "jabhat-al-nusra",
        "al-qaida",
        "ayman-al-zawahiri",
        "abu-muhammad-al-julani",
        "islamic-state-of-iraq-and-the-levant",
        "free-syrian-army",
        "jaish-al-muhajireen-wal-ansar",
    } <= found


def test_ruler_can_be_rebuilt_for_another_kb() -> None:
    nlp = load_model()
    kb = default_kb().with_extra_aliases({"Brave Lions Brigade": "free-syrian-army"})
    add_actor_ruler(nlp, kb)
    add_actor_ruler(nlp, kb)  # replacing, not stacking
    assert nlp.pipe_names.count("actor_ruler") == 1
    assert [e.ent_id_ for e in nlp("The Brave Lions Brigade attacked.").ents if e.label_ == LABEL] == [
        "free-syrian-army"
    ]


def test_missing_model_raises_a_coded_error_with_a_hint() -> None:
    with pytest.raises(ModelError) as info:
        load_model("no_such_model_xyz")
    assert "pip install" in (info.value.hint or "")
