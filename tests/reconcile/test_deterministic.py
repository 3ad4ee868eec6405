"""The same reports give the same store whatever the process: Python salts its string hashes per
process, so nothing may follow the order of a set of names."""

from __future__ import annotations

import os
import subprocess
import sys

_PROBE = """
from faultlines.reconcile.dates import When
from faultlines.reconcile.events import Candidate, Group, Matcher

matcher = Matcher(folds=None, places=None)
undated = When(None, None, None)
for number, name in enumerate(["hamas", "hezbollah", "houthis", "isil", "nusra", "ypg"], 1):
    matcher.add(Group(number, "attack", name, None, None, undated, {number}, {(number, 0)}))
probe = Candidate(99, 99, "attack", "isil", "hamas", None, undated, 0)
print([group.id for group in matcher.candidates(probe)])
"""


def test_an_undated_report_meets_the_stored_events_in_the_same_order_in_every_process() -> None:
    # which stored event an undated report joins depends on this order (the first that matches)
    orders = {
        subprocess.run(
            [sys.executable, "-c", _PROBE],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": salt},
        ).stdout
        for salt in ("1", "2", "3", "4", "5", "6")
    }
    assert orders == {"[1, 4]\n"}  # by actor name: hamas, then isil
