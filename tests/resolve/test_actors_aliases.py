"""Names the text declares to be one group's ("X, or the Y", "X, also known as Y") give one actor;
a list of alternatives ("the FSA or al-Nusra") does not. Real pipeline, short texts."""

from __future__ import annotations

from datetime import date

from faultlines.annotate import get_nlp
from faultlines.resolve.actors import ActorMention, resolve_actors


def _resolve(text: str) -> list[ActorMention]:
    return resolve_actors(get_nlp()(text), published=date(2015, 3, 29))


def _keys(text: str) -> dict[str, str | None]:
    return {m.text: m.key for m in _resolve(text)}


def test_comma_or_the_names_one_discovered_alliance_everywhere_in_the_document() -> None:
    text = (
        "The alliance, which calls itself Jaysh al-Fateh, or the Army of Conquest, was announced on Tuesday "
        "as the offensive began. Fighters of the Army of Conquest stormed Idlib on Saturday."
    )
    mentions = _resolve(text)
    keys = {m.key for m in mentions if m.provisional}
    assert keys == {"prov-jaish-fateh"}, [(m.text, m.key) for m in mentions]
    assert sum(m.text == "Army of Conquest" for m in mentions) == 2


def test_also_known_as_makes_a_new_name_an_alias_of_a_known_group() -> None:
    found = _keys("The Islamic State, also known as the Daesh Brigade, attacked the town of Kobani on Monday.")
    assert found["Daesh Brigade"] == found["Islamic State"] == "islamic-state"


def test_a_list_of_alternatives_keeps_two_groups() -> None:
    found = _keys("Rebels from the Army of Islam or the Levant Front attacked regime positions near Aleppo.")
    assert found["Army of Islam"] != found["Levant Front"]
    found = _keys("Fighters from the FSA or al-Nusra Front attacked the town.")
    assert found["FSA"] == "free-syrian-army"
    assert found["al-Nusra Front"] == "jabhat-al-nusra"


def test_two_known_groups_in_a_naming_frame_stay_apart() -> None:
    # the KB knows both: it, not the sentence, decides whether they are one
    found = _keys("The Levant Front, or the Free Syrian Army, attacked the town.")
    assert found["Levant Front"] == "levant-front"
    assert found["Free Syrian Army"] == "free-syrian-army"


def test_known_in_english_as_and_brackets_join_two_new_names() -> None:
    found = _keys("Jaysh al-Sunna, known in English as the Army of the Sunna, attacked the town.")
    assert found["Army of the Sunna"] == found["Jaysh al-Sunna"]
    found = _keys("Fighters of Liwa al-Haqq (the Brigade of Truth) attacked the town. The Brigade of Truth lost 3 men.")
    assert found["Brigade of Truth"] == found["Liwa al-Haqq"] == "prov-liwa-haqq"
