"""Score reconciled control intervals, relations and contradictions against tests/gold/demo_events.json."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faultlines.api import Faultlines
from faultlines.errors import NotFoundError
from faultlines.reconcile.actors import ActorFold

GOLD = Path(__file__).resolve().parents[1] / "gold" / "demo_events.json"
SYMMETRIC = {"alliance", "rivalry", "split", "merger"}


@dataclass
class Score:
    """Matched counts and precision / recall."""

    matched_system: int
    system: int
    matched_gold: int
    gold: int

    @property
    def precision(self) -> float:
        """Share of system facts that match a gold fact."""
        return self.matched_system / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        """Share of gold facts found."""
        return self.matched_gold / self.gold if self.gold else 0.0


def load_gold() -> dict[str, Any]:
    """The demo gold annotation."""
    return dict(json.loads(GOLD.read_text(encoding="utf-8")))


def place_key(name: str) -> str:
    """Compare place names across transliterations: Al Fallūjah = Fallujah, Al Qā'im = Al-Qaim."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace("-", " ")
    text = "".join(ch for ch in text if ch.isalpha() or ch == " ").replace("  ", " ")
    words = [w for w in text.split() if w not in ("al", "el", "ar", "as", "ad")]
    return "".join(words)


def place_names(fl: Faultlines) -> Callable[[dict[str, Any]], set[str]]:
    """The keys of every name a stored place goes by: its gazetteer name and the names the reports
    used for it (the gold says "Palmyra" where GeoNames says Tadmur)."""
    used: dict[int, set[str]] = {}
    for place_id, text in fl.conn.execute(
        "SELECT place_id, text FROM mentions WHERE kind = 'place' AND place_id IS NOT NULL"
    ):
        used.setdefault(place_id, set()).add(place_key(text))

    def called(place: dict[str, Any]) -> set[str]:
        return {place_key(place["name"])} | used.get(place.get("id") or -1, set())

    return called


class ActorNames:
    """Gold actor names (with their equivalents) mapped to folded store ids."""

    def __init__(self, fl: Faultlines, gold: dict[str, Any]) -> None:
        self.folds = ActorFold(fl.conn)
        self.fl = fl
        self.names = {a["name"]: [a["name"], *a.get("equivalent_names", [])] for a in gold["actors"]}

    def fold(self, name: str | None) -> str | None:
        """The folded id of a gold actor name, or None when the store does not know it."""
        if name is None:
            return None
        from faultlines.store.actors import find_actor

        for candidate in self.names.get(name, [name]):
            try:
                return self.folds.fold(find_actor(self.fl.conn, candidate))
            except NotFoundError:
                continue
        return None


def _same_start(gold_date: dict[str, Any] | None, system: str | None) -> bool:
    if gold_date is None or gold_date.get("value") is None:
        return system is None
    if system is None:
        return False
    value = str(gold_date["value"]).split("/")[0]
    size = min(len(value), len(system))
    return value[:size] == system[:size]


def score_control(fl: Faultlines, gold: dict[str, Any]) -> Score:
    """A system interval with a known holder matches a gold one with the same place, holder and start.

    The gold states who held a place before each change (``previous_holder``) without an interval of its
    own: a system interval with an open start that ends when a gold interval begins, held by that
    interval's previous holder, is right too (it counts for precision, not for recall)."""
    names = ActorNames(fl, gold)
    system = [c for c in fl.control() if c["holder"]]
    expected = gold["territorial_control"]
    called = place_names(fl)

    def same(g: dict[str, Any], s: dict[str, Any]) -> bool:
        return (
            place_key(g["place"]) in called(s["place"])
            and names.fold(g["holder"]) == names.folds.fold(s["holder"]["id"])
            and _same_start(g["from"], s["from"])
        )

    def earlier_hold(g: dict[str, Any], s: dict[str, Any]) -> bool:
        return (
            s["from"] is None
            and s["until"] is not None
            and g.get("previous_holder") is not None
            and place_key(g["place"]) in called(s["place"])
            and names.fold(g["previous_holder"]) == names.folds.fold(s["holder"]["id"])
            and _same_start(g["from"], s["until"])
        )

    return Score(
        sum(any(same(g, s) or earlier_hold(g, s) for g in expected) for s in system),
        len(system),
        sum(any(same(g, s) for s in system) for g in expected),
        len(expected),
    )


def score_relations(fl: Faultlines, gold: dict[str, Any]) -> Score:
    """A system relation matches a gold one with the same kind and pair (ordered for affiliation/support)."""
    names = ActorNames(fl, gold)
    system = fl.relations()
    expected = gold["relations"]

    def same(g: dict[str, Any], s: dict[str, Any]) -> bool:
        kind = "support" if g["kind"] == "state_support" else g["kind"]
        if kind != s["kind"]:
            return False
        gold_pair = (names.fold(g["a"]), names.fold(g["b"]))
        pair = (names.folds.fold(s["a"]["id"]), names.folds.fold(s["b"]["id"]))
        if None in gold_pair:
            return False
        return gold_pair == pair or (kind in SYMMETRIC and gold_pair == pair[::-1])

    return Score(
        sum(any(same(g, s) for g in expected) for s in system),
        len(system),
        sum(any(same(g, s) for s in system) for g in expected),
        len(expected),
    )


def score_contradictions(fl: Faultlines, gold: dict[str, Any]) -> Score:
    """Date and fatalities contradictions match on two claimed values; holder ones on the claimed holders."""
    names = ActorNames(fl, gold)
    system = fl.contradictions()
    expected = gold["contradictions"]

    def values(c: dict[str, Any]) -> list[str]:
        out = []
        for claim in c["claims"]:
            value = claim["value"]
            out.append(str(value.get("value") if isinstance(value, dict) else value))
        return out

    def same(g: dict[str, Any], s: dict[str, Any]) -> bool:
        gold_values = [str(c["value"]["value"]) if isinstance(c["value"], dict) else c["value"] for c in g["claims"]]
        if g["kind"] == "date" and s["field"] in ("from", "until", "date"):
            hits = sum(any(v[: len(x)] == x[: len(v)] for x in values(s)) for v in gold_values)
            return hits >= 2
        if g["kind"] == "fatalities" and s["field"] == "fatalities":
            return len(set(gold_values) & set(values(s))) >= 2
        if g["kind"] == "control" and s["field"] == "holder":
            return {names.fold(v) for v in gold_values} <= set(values(s))
        return False

    return Score(
        sum(any(same(g, s) for g in expected) for s in system),
        len(system),
        sum(any(same(g, s) for s in system) for g in expected),
        len(expected),
    )
