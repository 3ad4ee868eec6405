"""Shared helpers for the ingest tests."""

from __future__ import annotations

from pathlib import Path

from faultlines.ingest import RawDocument, Skipped, iter_inputs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read_all(*paths: Path | str, **options: object) -> list[RawDocument | Skipped]:
    """Every item iter_inputs yields for ``paths``."""
    return list(iter_inputs([str(p) for p in paths], **options))  # type: ignore[arg-type]


def by_origin(items: list[RawDocument | Skipped]) -> dict[str, RawDocument | Skipped]:
    """Items keyed by origin, with the fixture folder prefix removed."""
    return {item.origin.replace(str(FIXTURES) + "/", ""): item for item in items}


def document(item: RawDocument | Skipped) -> RawDocument:
    """The item, asserting that it is a document (shows the reason when it is not)."""
    assert isinstance(item, RawDocument), f"expected a document, got {item}"
    return item


def skipped(item: RawDocument | Skipped) -> Skipped:
    """The item, asserting that it was skipped."""
    assert isinstance(item, Skipped), f"expected a Skipped, got a document from {item.origin}"
    return item
