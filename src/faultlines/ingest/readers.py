"""Paths in, documents out: files, folders (recursive, sorted) and stdin, in any supported format."""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, cast

from faultlines.errors import UsageError
from faultlines.ingest.documents import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_HINT,
    ReadOptions,
    build_document,
    human_size,
    too_large_reason,
)
from faultlines.ingest.html import extract_html, looks_like_html
from faultlines.ingest.model import INPUT_FORMATS, FieldMap, InputFormat, RawDocument, Skipped
from faultlines.ingest.records import decode_lines, iter_csv, iter_json_array, iter_jsonl, sniff_delimiter
from faultlines.ingest.text import DecodeFailure, binary_kind, decode_bytes

log = logging.getLogger(__name__)

STDIN_ORIGIN = "<stdin>"
EXTENSIONS: dict[str, InputFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
_SNIFF_BYTES = 4096

Item = RawDocument | Skipped


def iter_inputs(
    paths: Sequence[str],
    *,
    fields: FieldMap = FieldMap(),  # noqa: B008 - frozen, so a shared default is safe
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    input_format: str | None = None,
    require_english: bool = True,
) -> Iterator[Item]:
    """Yield a RawDocument or a Skipped for every input under ``paths``, in a stable order.

    ``paths`` are files, folders (walked recursively in sorted order, hidden entries skipped)
    or ``-`` for ``stdin`` (default ``sys.stdin``). ``input_format`` (text, html, jsonl, csv)
    overrides detection by extension and content. A bad input never raises: it yields a
    Skipped with a one-line reason, and the iteration goes on. Raises UsageError at once for
    an unknown ``input_format`` or a non-positive ``max_bytes``.
    """
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown input format {input_format!r}", hint=f"use one of: {', '.join(INPUT_FORMATS)}")
    if max_bytes <= 0:
        raise UsageError(f"max_bytes must be positive, got {max_bytes}", hint="e.g. --max-bytes 10000000")
    options = ReadOptions(max_bytes=max_bytes, require_english=require_english)
    fmt = cast(InputFormat | None, input_format)
    return _iter_paths(paths, fields, stdin, options, fmt)


def _iter_paths(
    paths: Sequence[str],
    fields: FieldMap,
    stdin: TextIO | None,
    options: ReadOptions,
    fmt: InputFormat | None,
) -> Iterator[Item]:
    for raw in paths:
        if raw == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin, fields, options, fmt)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in walk_files(path):
                yield from read_path(file, fields, options, fmt)
        elif path.exists():
            yield from read_path(path, fields, options, fmt)
        else:
            yield Skipped(raw, "no such file or folder; check the path")


def walk_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, sorted by relative path; hidden files and folders left out."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    yield from sorted(found, key=lambda p: p.relative_to(folder).parts)


def detect_format(path: Path | None, head: bytes) -> InputFormat:
    """Format from the file extension, else from the first bytes (HTML, JSON Lines, else text)."""
    if path is not None and path.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[path.suffix.lower()]
    if looks_like_html(head):
        return "html"
    first = head.lstrip()[:1]
    if first == b"{" or (first == b"[" and head.lstrip()[1:].lstrip()[:1] in (b"{", b"]")):
        return "jsonl"
    return "text"


def read_path(path: Path, fields: FieldMap, options: ReadOptions, fmt: InputFormat | None) -> Iterator[Item]:
    """Documents of one file (several for JSON Lines and CSV)."""
    origin = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        yield Skipped(origin, f"cannot read: {exc.strerror or exc}; check the permissions")
        return
    kind = binary_kind(head)
    if kind:
        yield Skipped(origin, f"binary file ({kind}), not text; convert it to text or HTML first")
        return
    fmt = fmt or detect_format(path, head)
    if fmt in ("jsonl", "csv"):
        yield from _read_records_file(path, fmt, head, fields, options)
        return
    if size > options.max_bytes:
        yield Skipped(origin, too_large_reason(size, options.max_bytes))
        return
    if size == 0:
        yield Skipped(origin, "empty file")
        return
    yield read_document_bytes(path.read_bytes(), origin=origin, path=origin, fmt=fmt, options=options)


def read_document_bytes(data: bytes, *, origin: str, path: str | None, fmt: InputFormat, options: ReadOptions) -> Item:
    """One text or HTML document from raw bytes."""
    try:
        text, encoding = decode_bytes(data)
    except DecodeFailure as exc:
        return Skipped(origin, str(exc))
    if encoding != "utf-8":
        log.info("%s: decoded as %s", origin, encoding)
    return read_document_text(text, origin=origin, path=path, fmt=fmt, options=options)


def read_document_text(text: str, *, origin: str, path: str | None, fmt: InputFormat, options: ReadOptions) -> Item:
    """One text or HTML document from decoded text."""
    if not text.strip():
        return Skipped(origin, "empty: no text to read")
    if fmt == "html":
        extracted = extract_html(text)
        if extracted is None:
            return Skipped(origin, "HTML page with no article text after boilerplate removal (scripts/navigation only)")
        body, meta = extracted
        return build_document(body, origin=origin, path=path, fmt="html", options=options, meta=meta)
    return build_document(text, origin=origin, path=path, fmt="text", options=options)


def _read_records_file(
    path: Path, fmt: InputFormat, head: bytes, fields: FieldMap, options: ReadOptions
) -> Iterator[Item]:
    origin = str(path)
    try:
        with path.open("rb") as handle:
            yield from _records(handle, fmt, head, origin=origin, path=origin, fields=fields, options=options)
    except OSError as exc:
        yield Skipped(origin, f"cannot read: {exc.strerror or exc}; check the permissions")


def _records(
    lines: Iterable[bytes],
    fmt: InputFormat,
    head: bytes,
    *,
    origin: str,
    path: str | None,
    fields: FieldMap,
    options: ReadOptions,
) -> Iterator[Item]:
    if fmt == "jsonl" and head.lstrip().startswith(b"["):
        data = b"".join(lines)
        if len(data) > options.max_bytes:
            yield Skipped(origin, too_large_reason(len(data), options.max_bytes))
            return
        yield from iter_json_array(data, origin=origin, path=path, fields=fields, options=options)
        return
    if fmt == "jsonl":
        yield from iter_jsonl(lines, origin=origin, path=path, fields=fields, options=options)
        return
    if path is not None and path.lower().endswith(".tsv"):
        delimiter = "\t"
    else:
        delimiter = sniff_delimiter(head.decode("utf-8", errors="replace").split("\n", 1)[0])
    yield from iter_csv(
        decode_lines(lines), origin=origin, path=path, fields=fields, options=options, delimiter=delimiter
    )


def read_stdin(stream: TextIO, fields: FieldMap, options: ReadOptions, fmt: InputFormat | None) -> Iterator[Item]:
    """Documents from standard input (one document, or one per line/row for JSON Lines and CSV)."""
    try:
        data = _read_limited(stream, options.max_bytes)
    except (OSError, UnicodeDecodeError) as exc:
        yield Skipped(STDIN_ORIGIN, f"cannot read standard input: {exc}")
        return
    if len(data) > options.max_bytes:
        limit = human_size(options.max_bytes)
        yield Skipped(STDIN_ORIGIN, f"standard input is over the {limit} limit; {MAX_BYTES_HINT}")
        return
    fmt = fmt or detect_format(None, data[:_SNIFF_BYTES])
    if fmt in ("jsonl", "csv"):
        lines = io.BytesIO(data)
        yield from _records(
            lines, fmt, data[:_SNIFF_BYTES], origin=STDIN_ORIGIN, path=None, fields=fields, options=options
        )
        return
    yield read_document_bytes(data, origin=STDIN_ORIGIN, path=None, fmt=fmt, options=options)


def _read_limited(stream: TextIO, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes of the stream (its binary buffer when it has one)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return cast(bytes, buffer.read(max_bytes + 1))
    return stream.read(max_bytes + 1).encode("utf-8")
