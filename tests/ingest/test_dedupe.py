"""Exact and near-duplicate signatures on real articles: syndicated copies vs different articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from faultlines.ingest import (
    NEAR_DUPLICATE_THRESHOLD,
    content_hash,
    estimated_similarity,
    is_near_duplicate,
    lsh_band_keys,
    minhash_signature,
)
from faultlines.ingest.dedupe import BANDS, NUM_PERMUTATIONS, shingles

from .helpers import FIXTURES


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _share_a_band(a: bytes, b: bytes) -> bool:
    return bool(set(lsh_band_keys(a)) & set(lsh_band_keys(b)))


def _new_headline(text: str) -> str:
    return text.replace("ISIL militants seize Iraqi-Syrian border point", "Jihadists take key frontier post")


def _added_credit(text: str) -> str:
    return text + "\n[Source: Voice of Russia, 21Jun14]\nRepublished with permission."


def _edited_words(text: str) -> str:
    return (
        text.replace("witnesses said", "residents said")
        .replace("alarming", "worrying")
        .replace("overnight", "during the night")
        .replace("mixed results", "uneven results")
    )


def _all_edits(text: str) -> str:
    return _edited_words(_added_credit(_new_headline(text)))


@pytest.mark.parametrize("variant", [_new_headline, _added_credit, _edited_words, _all_edits])
def test_syndicated_copies_are_near_duplicates(seeds_dir: Path, variant) -> None:  # type: ignore[no-untyped-def]
    original = _seed(seeds_dir, "003")
    copy = variant(original)
    assert copy != original
    a, b = minhash_signature(original), minhash_signature(copy)
    assert content_hash(original) != content_hash(copy)
    assert estimated_similarity(a, b) >= 0.8
    assert is_near_duplicate(a, b) and _share_a_band(a, b)


@pytest.mark.parametrize(("first", "second"), [("002", "004"), ("003", "004"), ("001", "003")])
def test_different_articles_on_the_same_event_are_not_duplicates(seeds_dir: Path, first: str, second: str) -> None:
    # 002 and 004 both report the Nusra unit's pledge in Albu Kamal; 003 and 004 the fall of Al-Qaim.
    a, b = minhash_signature(_seed(seeds_dir, first)), minhash_signature(_seed(seeds_dir, second))
    assert estimated_similarity(a, b) < 0.1
    assert not is_near_duplicate(a, b)
    assert not _share_a_band(a, b)


def test_estimate_tracks_the_true_jaccard_similarity(seeds_dir: Path) -> None:
    original = _seed(seeds_dir, "004")
    half = original[: len(original) // 2]
    truth = len(shingles(original) & shingles(half)) / len(shingles(original) | shingles(half))
    estimate = estimated_similarity(minhash_signature(original), minhash_signature(half))
    assert abs(estimate - truth) < 0.1


def test_signature_shape_and_determinism() -> None:
    text = (FIXTURES / "tree" / "b_second.txt").read_text(encoding="utf-8")
    signature = minhash_signature(text)
    assert len(signature) == NUM_PERMUTATIONS * 4
    assert signature == minhash_signature(text)
    keys = lsh_band_keys(signature)
    assert len(keys) == BANDS and len({k.split(":")[0] for k in keys}) == BANDS


def test_case_and_punctuation_do_not_change_the_signature() -> None:
    text = (FIXTURES / "tree" / "sub" / "a_first.txt").read_text(encoding="utf-8")
    assert minhash_signature(text) == minhash_signature(text.upper().replace(",", " ").replace(".", " "))


def test_different_fixture_articles_are_far_apart() -> None:
    first = (FIXTURES / "tree" / "sub" / "a_first.txt").read_text(encoding="utf-8")
    second = (FIXTURES / "tree" / "sub" / "deeper" / "c_third.txt").read_text(encoding="utf-8")
    assert estimated_similarity(minhash_signature(first), minhash_signature(second)) < NEAR_DUPLICATE_THRESHOLD / 2


def test_content_hash_ignores_whitespace_only() -> None:
    text = "Gunmen attacked a police station.\n\nTwo officers were killed."
    assert content_hash(text) == content_hash("  Gunmen attacked a police   station. Two officers\twere killed.\n")
    assert content_hash(text) != content_hash(text.replace("Two", "Three"))


def test_a_signature_of_the_wrong_size_is_rejected() -> None:
    with pytest.raises(ValueError, match="128 values"):
        estimated_similarity(b"\x00" * 8, minhash_signature("some words here"))
