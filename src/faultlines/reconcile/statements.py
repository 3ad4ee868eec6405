"""Relations stated outright in a sentence: "the two rival groups", "Al-Qaeda-affiliated Al-Nusra Front",
"the groups have been fighting each other for months", "allied with".

A stated relation holds on the publication date of the document; it opens a relation (or supports the
one already open) from that date. The pair is the two distinct actors nearest the cue in the sentence.
A member list ("It brings together the Nusra Front, Ahrar al-Sham and Jund al-Aqsa") makes each listed
group an affiliate of the coalition named before the cue, or, when the sentence opens with "It" or "The
alliance", of the first group named in the sentence before; when that sentence (or the list) dates the
coalition's founding ("was announced on Tuesday"), the members belong to it from that day.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from typing import Any

from faultlines.reconcile.actors import ActorFold
from faultlines.reconcile.dates import When
from faultlines.reconcile.relations import Transition

CUES = {
    "rivalry": re.compile(
        r"\b(rivals?|rivalry|fighting each other|fought each other|clashed with each other|at war with each other|"
        r"turned their weapons on each other)\b",
        re.IGNORECASE,
    ),
    "affiliation": re.compile(r"\b(affiliated?|affiliates|branch|loyal to|front group)\b", re.IGNORECASE),
    "alliance": re.compile(
        r"\b(allied with|and allied|allies|alliance with|fought together|fought alongside)\b", re.IGNORECASE
    ),
}
MEMBERSHIP = re.compile(
    r"\b(brings together|bringing together|brought together|made up of|comprises|comprising|composed of|"
    r"(?:its|whose) members include|(?:its|whose) member groups include)\b",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(r"^\W*(it|the (?:new )?(?:alliance|coalition|grouping|umbrella group))\b", re.IGNORECASE)
_PATRON = re.compile(r"^\s*(-|'s|’s)(\s+[\w-]+)?\s*$", re.IGNORECASE)
STATEMENT_CONFIDENCE = 0.4

Mention = tuple[int, int, str]  # start, end, actor id


def statement_transitions(
    conn: sqlite3.Connection, folds: ActorFold, documents: set[int] | None = None
) -> list[Transition]:
    """Transitions from sentences that name two armed groups and state how they stand (in ``documents``
    only, when given)."""
    by_sentence: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for doc, sentence, start, end, actor in conn.execute(
        "SELECT document_id, sentence, start, end, actor_id FROM mentions WHERE kind = 'actor' "
        "AND actor_id IS NOT NULL ORDER BY document_id, sentence, start"
    ):
        if documents is not None and doc not in documents:
            continue
        if folds.is_armed_group(actor):
            by_sentence[(doc, sentence)].append((start, end, actor))
    wanted = {  # two groups in the sentence, or one after a sentence naming a group (a member list of "It")
        k: v
        for k, v in by_sentence.items()
        if len({folds.fold(m[2]) for m in v}) >= 2 or (k[0], k[1] - 1) in by_sentence
    }
    out: list[Transition] = []
    for (doc, sentence), mentions in sorted(wanted.items()):
        row = conn.execute(
            "SELECT s.start, substr(d.text, s.start + 1, s.end - s.start), d.published, d.published_precision "
            "FROM sentences s JOIN documents d ON d.id = s.document_id WHERE s.document_id = ? AND s.idx = ?",
            (doc, sentence),
        ).fetchone()
        if row is None:
            continue
        offset, text, published, precision = row
        if not published:
            continue  # a statement says how things stand when written; undated, it says nothing usable
        when = When(published, published, precision or "day")
        evidence = [(doc, sentence, offset, offset + len(text), text)]
        order = 10**9 + doc * 10**4 + sentence
        listed = _members(mentions, by_sentence.get((doc, sentence - 1), []), text, offset, folds)
        since = _founded(conn, doc, sentence, text) if listed else None
        for member, coalition in listed:
            step = Transition(
                member,
                coalition,
                "affiliation",
                "starts",
                since or when,
                evidence,
                STATEMENT_CONFIDENCE,
                "statement",
                order,
            )
            step.membership = True
            out.append(step)
        if len({folds.fold(m[2]) for m in mentions}) < 2:
            continue
        for kind, pattern in CUES.items():
            cues = [c for c in pattern.finditer(text) if not _inside_mention(mentions, c.start() + offset)]
            pairs = {
                _flanking(mentions, cue.start() + offset, cue.end() + offset, folds)
                if cue.group(0).lower() == "and allied"
                else _pair(mentions, cue.start() + offset, text, offset, folds, kind)
                for cue in cues
            }
            for pair in sorted(p for p in pairs if p):
                out.append(
                    Transition(
                        pair[0],
                        pair[1],
                        kind,
                        "starts",
                        when,
                        evidence,
                        STATEMENT_CONFIDENCE,
                        "statement",
                        order,
                    )
                )
    return out


_FOUNDED = re.compile(r"\b(announced|formed|founded|established|created|set up|launched)\b", re.IGNORECASE)


def _founded(conn: sqlite3.Connection, doc: int, sentence: int, text: str) -> When | None:
    """The day a coalition was founded, when the member list or the sentence before it ("The alliance ...
    was announced on Tuesday") says so with one day-precise date: its members belong to it since then."""
    for idx in (sentence, sentence - 1):
        row = conn.execute(
            "SELECT substr(d.text, s.start + 1, s.end - s.start) FROM sentences s JOIN documents d "
            "ON d.id = s.document_id WHERE s.document_id = ? AND s.idx = ?",
            (doc, idx),
        ).fetchone()
        if row is None or not _FOUNDED.search(row[0] if idx != sentence else text):
            continue
        days = {
            (v.get("start"), v.get("end"))
            for (raw,) in conn.execute(
                "SELECT value FROM mentions WHERE document_id = ? AND sentence = ? AND kind = 'time'", (doc, idx)
            )
            if (v := _json(raw)).get("precision") == "day"
        }
        if len(days) == 1:
            start, end = days.pop()
            return When(start, end or start, "day")
    return None


def _json(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _members(
    mentions: list[Mention], previous: list[Mention], text: str, offset: int, folds: ActorFold
) -> list[tuple[str, str]]:
    """(member, coalition) pairs of a sentence listing a coalition's member groups."""
    cue = MEMBERSHIP.search(text)
    if cue is None:
        return []
    at = cue.start() + offset
    before = [m for m in mentions if m[1] <= at]
    if before:
        coalition = before[-1][2]
    elif _REFERS_BACK.match(text[: cue.start()]) and previous:
        coalition = previous[0][2]
    else:
        return []
    members: list[str] = []
    for _, _, actor in (m for m in mentions if m[0] >= cue.end() + offset):
        if folds.fold(actor) not in {folds.fold(coalition), *(folds.fold(a) for a in members)}:
            members.append(actor)
    return [(_shown(folds, m), _shown(folds, coalition)) for m in members]


def _flanking(mentions: list[Mention], start: int, end: int, folds: ActorFold) -> tuple[str, str] | None:
    """ "X and allied Y": the actors right before and right after the cue, or nothing (in "fighting the
    Nusra Front and allied rebels" the allies are unnamed)."""
    before = [m for m in mentions if 0 <= start - m[1] <= 3]
    after = [m for m in mentions if 0 <= m[0] - end <= 3]
    if not before or not after or folds.fold(before[-1][2]) == folds.fold(after[0][2]):
        return None
    first, second = _shown(folds, before[-1][2]), _shown(folds, after[0][2])
    return first, second


def _inside_mention(mentions: list[Mention], at: int) -> bool:
    """A cue word that is part of an actor's name ("al-Qaeda's Syrian branch" is the Nusra Front) states
    no relation between two actors."""
    return any(start <= at < end for start, end, _ in mentions)


def _pair(
    mentions: list[Mention], cue_at: int, text: str, offset: int, folds: ActorFold, kind: str
) -> tuple[str, str] | None:
    """The two distinct actors nearest the cue, ordered (member, patron) for an affiliation."""
    nearest = sorted(mentions, key=lambda m: min(abs(m[0] - cue_at), abs(m[1] - cue_at)))
    chosen: list[Mention] = []
    for mention in nearest:
        if all(folds.fold(mention[2]) != folds.fold(c[2]) for c in chosen):
            chosen.append(mention)
        if len(chosen) == 2:
            break
    if len(chosen) < 2:
        return None
    first, second = sorted(chosen)
    if kind == "affiliation":
        gap = text[first[1] - offset : cue_at - offset]
        if first[1] <= cue_at and len(gap) <= 24 and _PATRON.match(gap):
            return _shown(folds, second[2]), _shown(folds, first[2])
    return _shown(folds, first[2]), _shown(folds, second[2])


def _shown(folds: ActorFold, actor_id: str) -> str:
    return folds.shown(actor_id) or actor_id
