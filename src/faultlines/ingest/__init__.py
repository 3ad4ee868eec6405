"""Ingest: turn input paths (text, HTML, JSON Lines, CSV, folders, stdin) into documents.

Everything here happens before the database: reading and decoding, boilerplate removal,
publication date and source detection, exact and near-duplicate signatures. Bad inputs come
out as ``Skipped(origin, reason)``, never as exceptions.
"""

from faultlines.ingest.dedupe import (
    NEAR_DUPLICATE_THRESHOLD,
    estimated_similarity,
    is_near_duplicate,
    lsh_band_keys,
    minhash_signature,
)
from faultlines.ingest.documents import DEFAULT_MAX_BYTES
from faultlines.ingest.model import FieldMap, PublicationDate, RawDocument, Skipped
from faultlines.ingest.pubdate import detect_publication, parse_metadata_date
from faultlines.ingest.readers import iter_inputs
from faultlines.ingest.source import detect_source, guess_title
from faultlines.ingest.text import content_hash, normalise_whitespace

__all__ = [
    "DEFAULT_MAX_BYTES",
    "NEAR_DUPLICATE_THRESHOLD",
    "FieldMap",
    "PublicationDate",
    "RawDocument",
    "Skipped",
    "content_hash",
    "detect_publication",
    "detect_source",
    "estimated_similarity",
    "guess_title",
    "is_near_duplicate",
    "iter_inputs",
    "lsh_band_keys",
    "minhash_signature",
    "normalise_whitespace",
    "parse_metadata_date",
]
