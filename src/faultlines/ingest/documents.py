"""Turn extracted text plus any metadata into a RawDocument, or a Skipped with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from faultlines.ingest.language import guess_language
from faultlines.ingest.model import InputFormat, PublicationDate, RawDocument, Skipped
from faultlines.ingest.pubdate import detect_publication, parse_metadata_date
from faultlines.ingest.source import detect_source, detect_source_url, guess_title
from faultlines.ingest.text import clean_text, content_hash, has_control_noise

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_BYTES_HINT = "raise the limit with --max-bytes (max_bytes= in the API)"


@dataclass(frozen=True)
class Metadata:
    """What a container format says about a document (all optional)."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    external_id: str | None = None


@dataclass(frozen=True)
class ReadOptions:
    """Options every reader honours."""

    max_bytes: int = DEFAULT_MAX_BYTES
    require_english: bool = True


def too_large_reason(size: int, max_bytes: int, what: str = "file") -> str:
    """The one-line reason for an input over the size limit."""
    return f"{what} is {human_size(size)}, over the {human_size(max_bytes)} limit; {MAX_BYTES_HINT}"


def human_size(size: int) -> str:
    """``size`` bytes for people: "812 bytes", "4.2 KB", "50.0 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def build_document(
    text: str,
    *,
    origin: str,
    path: str | None,
    fmt: InputFormat,
    options: ReadOptions,
    meta: Metadata = Metadata(),
) -> RawDocument | Skipped:
    """Check ``text`` (empty, noise, size, language) and fill in date, source, title and hash."""
    text = clean_text(text)
    problem = _text_problem(text, options)
    if problem:
        return Skipped(origin, problem)
    language = guess_language(text)
    if options.require_english and language == "other":
        return Skipped(origin, "not English (too few English function words); faultlines reads English news")
    published = _publication(text, meta.date)
    return RawDocument(
        text=text,
        title=_clean_field(meta.title) or guess_title(text),
        url=_clean_field(meta.url) or detect_source_url(text),
        source=_clean_field(meta.source) or detect_source(text),
        external_id=_clean_field(meta.external_id),
        published=published.date if published else None,
        published_precision=published.precision if published else None,
        published_method=published.method if published else "none",
        published_text=published.text if published else None,
        origin=origin,
        path=path,
        format=fmt,
        content_hash=content_hash(text),
        language=language,
    )


def _text_problem(text: str, options: ReadOptions) -> str | None:
    if not text:
        return "empty: no text to read"
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        return too_large_reason(size, options.max_bytes, "text")
    if has_control_noise(text):
        return "text is full of control characters (binary data?); convert it to plain text first"
    return None


def _publication(text: str, meta_date: str | None) -> PublicationDate | None:
    if meta_date:
        parsed = parse_metadata_date(meta_date)
        if parsed:
            return parsed
    return detect_publication(text)


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
