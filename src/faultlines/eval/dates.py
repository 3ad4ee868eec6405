"""Score the time normaliser on two sets.

* **gold** - ``tests/gold/time_expressions.jsonl``: hand-written expressions in context, each with
  a publication date (or none) and the expected interval. A gold item counts as *exact* when the
  expression found over its target span has exactly the expected start and end (both None for
  expressions that must stay unresolved). Reported overall and per pattern family.
* **acled** - the ACLED development notes ("On 8 June 2022, ..."): the first resolved expression
  of each note must be exactly the event's day. The normaliser sees the note with *no*
  publication date (so nothing leaks from ``event_date``); ``acled_day_accuracy_published`` repeats
  the run with a publication date three days after the event.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from faultlines.eval.shared import iter_acled_dev
from faultlines.resolve.dates import TimeExpression, find_time_expressions

GOLD_PATH = Path(__file__).resolve().parents[3] / "tests" / "gold" / "time_expressions.jsonl"
PUBLISHED_LAG = timedelta(days=3)


@dataclass(frozen=True)
class GoldItem:
    """One expected interval for a target phrase inside a text."""

    family: str
    text: str
    target: str
    published: date | None
    start: date | None
    end: date | None
    precision: str


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def load_gold(path: Path = GOLD_PATH) -> list[GoldItem]:
    """Read the gold set (one JSON object per line)."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            items.append(
                GoldItem(
                    family=rec["family"],
                    text=rec["text"],
                    target=rec["target"],
                    published=_day(rec["published"]),
                    start=_day(rec["start"]),
                    end=_day(rec["end"]),
                    precision=rec["precision"],
                )
            )
    return items


def expression_at(found: list[TimeExpression], start: int, end: int) -> TimeExpression | None:
    """The found expression overlapping [start, end) the most."""
    best, best_overlap = None, 0
    for expr in found:
        overlap = min(end, expr.char_end) - max(start, expr.char_start)
        if overlap > best_overlap:
            best, best_overlap = expr, overlap
    return best


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def score_gold(items: list[GoldItem]) -> dict[str, Any]:
    """Exact-interval accuracy, detection and precision agreement over the gold items."""
    exact, detected, same_precision = Counter[str](), Counter[str](), Counter[str]()
    totals = Counter(item.family for item in items)
    for item in items:
        offset = item.text.index(item.target)
        found = expression_at(find_time_expressions(item.text, item.published), offset, offset + len(item.target))
        if found is None:
            continue
        detected[item.family] += 1
        exact[item.family] += found.start == item.start and found.end == item.end
        same_precision[item.family] += found.precision == item.precision
    count = len(items)
    return {
        "gold_items": count,
        "gold_exact": _ratio(sum(exact.values()), count),
        "gold_detected": _ratio(sum(detected.values()), count),
        "gold_precision_match": _ratio(sum(same_precision.values()), count),
        "gold_exact_by_family": {family: _ratio(exact[family], totals[family]) for family in sorted(totals)},
    }


def first_resolved(found: list[TimeExpression]) -> TimeExpression | None:
    """The event date of a note: its first resolved expression."""
    return next((expr for expr in found if expr.resolved), None)


def score_acled(shared: Path, limit: int | None = None) -> dict[str, Any]:
    """Day accuracy of the first resolved expression of each ACLED note, and speed."""
    rows = list(iter_acled_dev(shared, limit))
    hits = hits_published = expressions = 0
    began = time.process_time()
    for row in rows:
        event_day = date.fromisoformat(row.event_date)
        found = find_time_expressions(row.notes, None)
        expressions += len(found)
        first = first_resolved(found)
        hits += first is not None and first.start == first.end == event_day
        first = first_resolved(find_time_expressions(row.notes, event_day + PUBLISHED_LAG))
        hits_published += first is not None and first.start == first.end == event_day
    elapsed = time.process_time() - began
    return {
        "acled_notes": len(rows),
        "acled_day_accuracy": _ratio(hits, len(rows)),
        "acled_day_accuracy_published": _ratio(hits_published, len(rows)),
        "acled_expressions": expressions,
        # CPU seconds, so that other work on a shared machine does not move the number
        "notes_per_cpu_second": round(2 * len(rows) / elapsed, 1) if elapsed else 0.0,
        "expressions_per_cpu_second": round(2 * expressions / elapsed, 1) if elapsed else 0.0,
    }


def score(shared: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Time normaliser: exact intervals on the gold set, exact event days on ACLED notes."""
    report: dict[str, Any] = {}
    if GOLD_PATH.exists():
        report.update(score_gold(load_gold()))
    else:
        report["gold_items"] = 0
    report.update(score_acled(shared, limit))
    return report
