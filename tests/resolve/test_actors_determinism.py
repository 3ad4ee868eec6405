"""Actor resolution must not depend on Python's string hash seed, and must pick the right name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

from faultlines.analysis import analyze_document

# ISIL and IS each named once: the organisation of "Baghdadi's men" and of Baghdadi himself is a tie
# between two members of one rename chain, which set iteration order used to decide.
TEXT = (
    "Fighters of the Islamic State of Iraq and the Levant attacked the town. "
    "The Islamic State later claimed the attack. Baghdadi's men then withdrew, and "
    "Abu Bakr al-Baghdadi was not seen."
)

_SCRIPT = """
import json, sys
from datetime import date
from faultlines.analysis import analyze_document
out = []
for pub in (None, date(2014, 6, 20), date(2014, 7, 2)):
    result = analyze_document(sys.argv[1], pub)
    out.append([(m.text, m.value.get("actor_id"), m.value.get("organisation_id"))
                for m in result.mentions if m.kind == "actor"])
print(json.dumps(out))
"""


def _run(seed: str) -> list[list[list[str | None]]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, TEXT], env=env, capture_output=True, text=True, check=True, timeout=300
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_same_actors_under_two_hash_seeds() -> None:
    # seeds 0 and 1 order {"islamic-state", "islamic-state-of-iraq-and-the-levant"} differently
    assert _run("0") == _run("1")


def _organisations(published: date | None) -> dict[str, str | None]:
    result = analyze_document(TEXT, published)
    found = {m.text: m.value for m in result.mentions if m.kind == "actor"}
    return {
        "men": found["Baghdadi's men"]["actor_id"],
        "leader_org": found["Abu Bakr al-Baghdadi"]["organisation_id"],
    }


def test_name_in_force_before_and_after_the_caliphate_announcement() -> None:
    assert _organisations(date(2014, 6, 20)) == {
        "men": "islamic-state-of-iraq-and-the-levant",
        "leader_org": "islamic-state-of-iraq-and-the-levant",
    }
    assert _organisations(date(2014, 7, 2)) == {"men": "islamic-state", "leader_org": "islamic-state"}


def test_undated_tie_goes_to_the_newer_name() -> None:
    # a text that already says "Islamic State" was written after the rename
    assert _organisations(None) == {"men": "islamic-state", "leader_org": "islamic-state"}
