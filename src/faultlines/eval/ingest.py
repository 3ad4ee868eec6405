"""Ingest quality on the ACLED development notes (read from ../shared, never copied).

Three things a user notices, each scored on the same deterministic corpus:

* near-duplicates: "articles" are built by joining the notes of one country and day (a news
  round-up); each gets a syndicated copy (new headline, added credit line, a few words edited).
  Recall = copies caught (an LSH band key in common AND estimated similarity >= threshold).
  The true-negative rate is counted over pairs of DIFFERENT round-ups of the same country (same
  vocabulary, same formulaic ACLED phrasing), including pairs that share one whole note.
  A second recall uses heavier edits (8% of the words changed or dropped).
* publication dates: ACLED notes open with the EVENT date ("On 21 June 2022, ..."), which is not
  a publication date; ``pubdate_correct_none_rate`` is the share of notes that rightly get none.
* language: the share of English notes (>= 25 words) the English check keeps.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from faultlines.eval.shared import AcledRow, iter_acled_dev
from faultlines.ingest.dedupe import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_similarity,
    lsh_band_keys,
    minhash_signature,
)
from faultlines.ingest.documents import ReadOptions, build_document
from faultlines.ingest.language import MIN_WORDS_TO_JUDGE, guess_language
from faultlines.ingest.model import RawDocument
from faultlines.ingest.pubdate import detect_publication
from faultlines.ingest.text import content_hash

MIN_ARTICLE_WORDS = 80
NOTES_PER_ARTICLE = 6
EDITED_WORDS = 4
MIN_NOTES_FOR_OVERLAP = 3
HEAVY_EDIT_PERCENT = 8
_SEED = 2022
_REPLACEMENTS = ("reportedly", "allegedly", "local", "several", "armed", "overnight")


def build_articles(rows: Iterable[AcledRow]) -> list[tuple[str, str]]:
    """(country, article text) round-ups of the notes of one country and day, in file order."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        if row.notes.strip():
            groups[(row.country, row.event_date)].append(row.notes.strip())
    articles = []
    for (country, _), notes in groups.items():
        text = "\n\n".join(notes[:NOTES_PER_ARTICLE])
        if len(text.split()) >= MIN_ARTICLE_WORDS:
            articles.append((country, text))
    return articles


def syndicated_copy(text: str, rng: random.Random, edits: int = EDITED_WORDS) -> str:
    """A republished copy: a different headline, a credit line, and ``edits`` words changed or dropped."""
    words = text.split(" ")
    for _ in range(edits):
        i = rng.randrange(len(words))
        if rng.random() < 0.5:
            words[i] = rng.choice(_REPLACEMENTS)
        else:
            words[i] = ""
    body = " ".join(w for w in words if w)
    return f"Latest security developments in the region\n\n{body}\n\n[Source: Regional Monitor, 01Jun22]"


def _candidate_match(sig_a: bytes, sig_b: bytes) -> bool:
    if not set(lsh_band_keys(sig_a)) & set(lsh_band_keys(sig_b)):
        return False
    return estimated_similarity(sig_a, sig_b) >= NEAR_DUPLICATE_THRESHOLD


def _score_near_duplicates(articles: list[tuple[str, str]]) -> dict[str, float | int]:
    rng = random.Random(_SEED)
    signatures = [minhash_signature(text) for _, text in articles]
    copies = [minhash_signature(syndicated_copy(text, rng)) for _, text in articles]
    caught = sum(_candidate_match(a, b) for a, b in zip(signatures, copies, strict=True))
    heavy = [
        minhash_signature(syndicated_copy(text, rng, edits=len(text.split()) * HEAVY_EDIT_PERCENT // 100))
        for _, text in articles
    ]
    caught_heavy = sum(_candidate_match(a, b) for a, b in zip(signatures, heavy, strict=True))
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, (country, _) in enumerate(articles):
        by_country[country].append(i)
    negatives = false_positives = 0
    for indices in by_country.values():
        for a, b in itertools.pairwise(indices):
            negatives += 1
            false_positives += _candidate_match(signatures[a], signatures[b])
    overlap_pairs, overlap_fp = _score_overlapping_roundups(articles)
    return {
        "near_dup_articles": len(articles),
        "near_dup_recall": caught / len(articles) if articles else 0.0,
        "near_dup_recall_heavy_edits": caught_heavy / len(articles) if articles else 0.0,
        "near_dup_negative_pairs": negatives,
        "near_dup_true_negative_rate": 1 - false_positives / negatives if negatives else 0.0,
        "near_dup_overlap_pairs": overlap_pairs,
        "near_dup_overlap_true_negative_rate": 1 - overlap_fp / overlap_pairs if overlap_pairs else 0.0,
    }


def _score_overlapping_roundups(articles: list[tuple[str, str]]) -> tuple[int, int]:
    """Pairs of different round-ups where one quotes a whole note of the other (of 3+ notes)."""
    pairs = false_positives = 0
    for (_, first), (_, second) in itertools.pairwise(articles):
        notes = first.split("\n\n")
        if len(notes) < MIN_NOTES_FOR_OVERLAP:
            continue
        pairs += 1
        merged = f"{second}\n\n{notes[0]}"
        false_positives += _candidate_match(minhash_signature(first), minhash_signature(merged))
    return pairs, false_positives


def _score_notes(rows: list[AcledRow]) -> dict[str, float | int]:
    notes = [row.notes for row in rows if row.notes.strip()]
    dated = sum(detect_publication(note) is not None for note in notes)
    judged = [n for n in notes if len(n.split()) >= MIN_WORDS_TO_JUDGE]
    english = sum(guess_language(n) != "other" for n in judged)
    whitespace_variants = sum(content_hash(n) == content_hash("  " + n.replace(" ", "\n ") + "\n") for n in notes)
    return {
        "notes": len(notes),
        "pubdate_correct_none_rate": 1 - dated / len(notes) if notes else 0.0,
        "english_kept_rate": english / len(judged) if judged else 0.0,
        "exact_hash_whitespace_invariance": whitespace_variants / len(notes) if notes else 0.0,
    }


def _throughput(rows: list[AcledRow]) -> dict[str, float | int]:
    options = ReadOptions()
    start = time.perf_counter()
    built = [
        build_document(row.notes, origin=f"acled#{i}", path=None, fmt="csv", options=options)
        for i, row in enumerate(rows, start=1)
    ]
    seconds = time.perf_counter() - start
    documents = sum(isinstance(doc, RawDocument) for doc in built)
    return {"documents_built": documents, "build_docs_per_second": round(len(rows) / seconds, 1)}


def score(shared: Path, *, limit: int | None = None) -> dict:
    """Near-duplicate, publication-date and language metrics on the first ``limit`` ACLED rows."""
    rows = list(iter_acled_dev(shared, limit))
    result: dict[str, float | int] = {"acled_rows": len(rows)}
    result.update(_score_near_duplicates(build_articles(rows)))
    result.update(_score_notes(rows))
    result.update(_throughput(rows))
    return result
