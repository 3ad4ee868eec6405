"""The values the ingest readers produce: documents, skipped inputs, field maps, dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]
DateMethod = Literal["metadata", "dateline", "header", "credit", "title", "byline", "none"]
InputFormat = Literal["text", "html", "jsonl", "csv"]

INPUT_FORMATS: tuple[str, ...] = ("text", "html", "jsonl", "csv")


@dataclass(frozen=True)
class PublicationDate:
    """A publication date, how precise it is, how it was found and the string it came from."""

    date: dt.date
    precision: Precision
    method: DateMethod
    text: str


@dataclass(frozen=True)
class RawDocument:
    """One input document with everything that can be known before the database.

    ``origin`` names where it came from: a path, ``path#line`` (JSON Lines), ``path#row`` (CSV)
    or ``<stdin>``. ``published_method`` is ``"none"`` and ``published`` is None when no date
    was found, which is a valid answer.
    """

    text: str
    title: str | None
    url: str | None
    source: str | None
    external_id: str | None
    published: dt.date | None
    published_precision: Precision | None
    published_method: DateMethod
    published_text: str | None
    origin: str
    path: str | None
    format: InputFormat
    content_hash: str
    language: str | None


@dataclass(frozen=True)
class Skipped:
    """An input that was not read as a document, with a one-line reason saying what to do."""

    origin: str
    reason: str


@dataclass(frozen=True)
class FieldMap:
    """Names of the JSON Lines / CSV fields to read; None means "find it by its usual names".

    Field names are matched case-insensitively. Without an explicit name the text is found
    under ``text``, ``body``, ``content``, ``article``... (see ``records.DEFAULT_NAMES``).
    """

    text_field: str | None = None
    title_field: str | None = None
    date_field: str | None = None
    source_field: str | None = None
    url_field: str | None = None
    id_field: str | None = None
