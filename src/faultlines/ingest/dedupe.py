"""Near-duplicate signatures: MinHash over word shingles, LSH band keys, similarity estimate.

Syndicated copies of one story (a changed headline, an added credit line, a few words edited)
share most of their word 3-grams; two articles about the same event, written separately,
share few. The MinHash signature estimates the Jaccard similarity of the shingle sets; the
LSH band keys let a store find candidate copies by equality lookups (two signatures share at
least one band key with high probability when their similarity is above ~0.4).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

NUM_PERMUTATIONS = 128
BANDS = 32
ROWS_PER_BAND = NUM_PERMUTATIONS // BANDS
SHINGLE_WORDS = 3
NEAR_DUPLICATE_THRESHOLD = 0.5
"""Estimated similarity at or above which two texts are copies of one story."""

_MERSENNE_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_SEED = 20140621
_WORD = re.compile(r"\w+", re.UNICODE)
_SIGNATURE_DTYPE = np.dtype("<u4")


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 1 << 32, size=NUM_PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=NUM_PERMUTATIONS, dtype=np.uint64)
    return a, b


_PERM_A, _PERM_B = _permutations()


def shingle_words(text: str) -> list[str]:
    """The case-folded words of ``text`` (punctuation dropped), the units of the shingles."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of ``size``-word shingles of ``text`` (the whole text when it is shorter)."""
    words = shingle_words(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash32(items: set[str]) -> np.ndarray:
    return np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little") for s in items),
        dtype=np.uint64,
        count=len(items),
    )


def minhash_signature(text: str) -> bytes:
    """The MinHash signature of ``text``: NUM_PERMUTATIONS little-endian uint32 values (512 bytes)."""
    items = shingles(text)
    if not items:
        return np.full(NUM_PERMUTATIONS, _MAX_HASH, dtype=_SIGNATURE_DTYPE).tobytes()
    hashes = _hash32(items)
    # (a*x + b) mod p stays below 2**64 because a, x, b < 2**32.
    permuted = (np.outer(hashes, _PERM_A) + _PERM_B) % _MERSENNE_PRIME & _MAX_HASH
    return permuted.min(axis=0).astype(_SIGNATURE_DTYPE).tobytes()


def _as_array(signature: bytes) -> np.ndarray:
    array = np.frombuffer(signature, dtype=_SIGNATURE_DTYPE)
    if array.size != NUM_PERMUTATIONS:
        raise ValueError(f"a signature has {NUM_PERMUTATIONS} values, got {array.size}")
    return array


def lsh_band_keys(signature: bytes) -> list[str]:
    """BANDS keys ``"<band>:<hex digest>"``; texts sharing any key are near-duplicate candidates."""
    bands = _as_array(signature).reshape(BANDS, ROWS_PER_BAND)
    return [f"{i:02d}:{hashlib.blake2b(band.tobytes(), digest_size=8).hexdigest()}" for i, band in enumerate(bands)]


def estimated_similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0.0 to 1.0)."""
    return float(np.mean(_as_array(sig_a) == _as_array(sig_b)))


def is_near_duplicate(sig_a: bytes, sig_b: bytes, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> bool:
    """True when the two signatures' estimated similarity reaches ``threshold``."""
    return estimated_similarity(sig_a, sig_b) >= threshold
