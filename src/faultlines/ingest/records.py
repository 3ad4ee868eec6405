"""JSON Lines and CSV exports: one document per line or row, fields found by name."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from faultlines.ingest.documents import Metadata, ReadOptions, build_document, too_large_reason
from faultlines.ingest.model import FieldMap, InputFormat, RawDocument, Skipped
from faultlines.ingest.text import DecodeFailure, decode_bytes

DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "body",
        "content",
        "article",
        "full_text",
        "fulltext",
        "maintext",
        "article_text",
        "story",
    ),
    "title": ("title", "headline", "heading"),
    "date": (
        "date",
        "published",
        "pubdate",
        "pub_date",
        "published_at",
        "publication_date",
        "date_published",
        "publish_date",
        "datetime",
    ),
    "source": ("source", "publisher", "outlet", "sitename", "site_name", "source_name"),
    "url": ("url", "link", "href", "uri"),
    "id": ("id", "doc_id", "document_id", "guid", "uuid", "external_id"),
}
_OPTION = {
    "text": "text_field",
    "title": "title_field",
    "date": "date_field",
    "source": "source_field",
    "url": "url_field",
    "id": "id_field",
}


@dataclass(frozen=True)
class ColumnChoice:
    """The field name chosen for each role (None when absent), for one set of keys."""

    text: str | None
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    id: str | None


def choose_columns(keys: Iterable[str], fields: FieldMap) -> ColumnChoice:
    """Pick the field for each role: the FieldMap's name if given, else the first usual name present."""
    by_lower = {key.lower(): key for key in keys}

    def pick(role: str) -> str | None:
        explicit = getattr(fields, _OPTION[role])
        candidates = (explicit,) if explicit else DEFAULT_NAMES[role]
        return next((by_lower[c.lower()] for c in candidates if c.lower() in by_lower), None)

    return ColumnChoice(*(pick(role) for role in ("text", "title", "date", "source", "url", "id")))


def missing_text_reason(keys: Iterable[str], fields: FieldMap, kind: str) -> str:
    """Reason for a record without a text field: names what exists and the option to use."""
    wanted = fields.text_field or "/".join(DEFAULT_NAMES["text"][:4])
    present = ", ".join(sorted(keys)) or "none"
    return f"no text {kind} '{wanted}'; {kind}s present: {present}; choose one with --text-field (FieldMap.text_field)"


def record_to_document(
    record: Mapping[str, object],
    choice: ColumnChoice,
    *,
    origin: str,
    path: str | None,
    fmt: InputFormat,
    options: ReadOptions,
) -> RawDocument | Skipped:
    """Build the document for one JSON object or CSV row whose columns were already chosen."""
    assert choice.text is not None
    text = _as_text(record.get(choice.text))
    if not text.strip():
        return Skipped(origin, f"empty '{choice.text}' field")
    meta = Metadata(
        title=_field(record, choice.title),
        date=_field(record, choice.date),
        source=_field(record, choice.source),
        url=_field(record, choice.url),
        external_id=_field(record, choice.id),
    )
    return build_document(text, origin=origin, path=path, fmt=fmt, options=options, meta=meta)


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n\n".join(_as_text(v) for v in value)
    return value if isinstance(value, str) else str(value)


def _field(record: Mapping[str, object], name: str | None) -> str | None:
    if name is None:
        return None
    value = record.get(name)
    if value is None or isinstance(value, dict | list):
        return None
    return str(value)


def iter_jsonl(
    lines: Iterable[bytes], *, origin: str, path: str | None, fields: FieldMap, options: ReadOptions
) -> Iterator[RawDocument | Skipped]:
    """One document per JSON object line; blank lines are ignored, bad lines skipped."""
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}#{number}"
        if not raw.strip():
            continue
        if len(raw) > options.max_bytes:
            yield Skipped(where, too_large_reason(len(raw), options.max_bytes, "line"))
            continue
        yield _jsonl_line(raw, where, path, fields, options)


def _jsonl_line(
    raw: bytes, where: str, path: str | None, fields: FieldMap, options: ReadOptions
) -> RawDocument | Skipped:
    try:
        line, _ = decode_bytes(raw)
        record = json.loads(line)
    except DecodeFailure as exc:
        return Skipped(where, str(exc))
    except json.JSONDecodeError as exc:
        return Skipped(where, f"malformed JSON ({exc.msg}, column {exc.colno}); fix or remove the line")
    if not isinstance(record, dict):
        return Skipped(where, f"a JSON {type(record).__name__}, not an object; each line must be one {{...}}")
    choice = choose_columns(record.keys(), fields)
    if choice.text is None:
        return Skipped(where, missing_text_reason(record.keys(), fields, "field"))
    return record_to_document(record, choice, origin=where, path=path, fmt="jsonl", options=options)


def iter_json_array(
    data: bytes, *, origin: str, path: str | None, fields: FieldMap, options: ReadOptions
) -> Iterator[RawDocument | Skipped]:
    """One document per object of a JSON array file (``path#1`` is the first element)."""
    try:
        records = json.loads(decode_bytes(data)[0])
    except DecodeFailure as exc:
        yield Skipped(origin, str(exc))
        return
    except json.JSONDecodeError as exc:
        yield Skipped(origin, f"malformed JSON ({exc.msg}, line {exc.lineno}); fix the file or export JSON Lines")
        return
    if not isinstance(records, list):
        yield Skipped(origin, "a JSON file must hold an array of objects (or use JSON Lines)")
        return
    for number, record in enumerate(records, start=1):
        where = f"{origin}#{number}"
        if not isinstance(record, dict):
            yield Skipped(where, f"a JSON {type(record).__name__}, not an object")
            continue
        choice = choose_columns(record.keys(), fields)
        if choice.text is None:
            yield Skipped(where, missing_text_reason(record.keys(), fields, "field"))
            continue
        yield record_to_document(record, choice, origin=where, path=path, fmt="jsonl", options=options)


def decode_lines(lines: Iterable[bytes]) -> Iterator[str]:
    """Decode byte lines one by one (UTF-8, else clean cp1252, else with U+FFFD replacements)."""
    for raw in lines:
        try:
            yield decode_bytes(raw)[0]
        except DecodeFailure:
            yield raw.decode("utf-8", errors="replace")


def iter_csv(
    lines: Iterable[str],
    *,
    origin: str,
    path: str | None,
    fields: FieldMap,
    options: ReadOptions,
    delimiter: str = ",",
) -> Iterator[RawDocument | Skipped]:
    """One document per CSV row (rows numbered from 1 after the header); bad rows are skipped."""
    # The csv module's per-field limit (128 KiB) is process-wide; documents may be larger.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        yield Skipped(origin, "empty CSV: no header row")
        return
    choice = choose_columns(header, fields)
    if choice.text is None:
        yield Skipped(origin, missing_text_reason(header, fields, "column"))
        return
    yield from _csv_rows(reader, header, choice, origin, path, options)


def _csv_rows(
    reader: Iterator[list[str]],
    header: list[str],
    choice: ColumnChoice,
    origin: str,
    path: str | None,
    options: ReadOptions,
) -> Iterator[RawDocument | Skipped]:
    number = 0
    while True:
        number += 1
        where = f"{origin}#{number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skipped(where, f"malformed CSV row ({exc}); fix the quoting of that row")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Skipped(where, f"row has {len(row)} cells, the header has {len(header)}; fix its quoting")
            continue
        if any("\ufffd" in cell for cell in row):
            yield Skipped(where, "row holds bytes that are neither UTF-8 nor cp1252; re-encode the file as UTF-8")
            continue
        yield record_to_document(
            dict(zip(header, row, strict=True)), choice, origin=where, path=path, fmt="csv", options=options
        )


def sniff_delimiter(sample: str, default: str = ",") -> str:
    """The delimiter of a CSV sample among , ; tab and |, or ``default``."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return default
