"""A group the KB does not know, named two ways in one report and one way in another, is one
actor in the store whatever order the reports arrive in."""

from __future__ import annotations

from pathlib import Path

import pytest

import faultlines

REPORTS = {
    "idlib.txt": "Rebels seize Idlib\n\nA coalition of Islamist rebels called Jaysh al-Fateh, or the Army of "
    "Conquest, seized the city of Idlib on 28 March 2015, activists said.\n",
    "jisr.txt": "Rebels advance on Jisr al-Shughur\n\nThe Army of Conquest attacked government positions near "
    "Jisr al-Shughur on 25 April 2015, a monitoring group said.\n",
}


@pytest.mark.parametrize("order", [["idlib.txt", "jisr.txt"], ["jisr.txt", "idlib.txt"]])
def test_the_second_name_s_events_belong_to_the_actor_of_the_first(tmp_path: Path, order: list[str]) -> None:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with faultlines.open(tmp_path / "store.db") as fl:
        for name in order:  # one ingest run per report, as a daily feed would come
            fl.ingest([str(tmp_path / name)])
        actor = fl.actor("Army of Conquest")
        assert actor["id"] == fl.actor("Jaysh al-Fateh")["id"]
        events = fl.events(actor="Army of Conquest")
        assert {e["acled_sub_event_type"] for e in events} >= {"Non-state actor overtakes territory", "Armed clash"}
        assert {e["actor1"]["id"] for e in events} == {actor["id"]}
        listed = [a for a in fl.actors(search="conquest") if a.get("provisional") or a["id"].startswith("prov-")]
        assert len(listed) == 1
        fl.reprocess()  # a re-run over the stored reports links them again
        assert fl.actor("Army of Conquest")["id"] == fl.actor("Jaysh al-Fateh")["id"]
        assert len({e["actor1"]["id"] for e in fl.events(actor="Jaysh al-Fateh")}) == 1


def test_a_name_only_one_report_uses_stays_its_own_actor(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORTS["jisr.txt"], encoding="utf-8")
    other = "Clashes in Daraa\n\nThe Southern Storm Brigade attacked army posts near Daraa on 2 May 2015.\n"
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    with faultlines.open(tmp_path / "store.db") as fl:
        fl.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        assert fl.actor("Army of Conquest")["id"] != fl.actor("Southern Storm Brigade")["id"]
