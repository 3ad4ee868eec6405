"""HTML pages: boilerplate removed with trafilatura; title, date and site name from its metadata."""

from __future__ import annotations

import logging
import re

import trafilatura

from faultlines.ingest.documents import Metadata

log = logging.getLogger(__name__)

_HTML_SNIFF = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b",
    re.IGNORECASE | re.DOTALL,
)
# Fewer words than this after boilerplate removal is navigation residue, not an article.
MIN_ARTICLE_WORDS = 15
# Only metadata dates (meta tags, JSON-LD, time elements), no guessing from URLs or body text:
# the text-based detectors in pubdate.py run on the extracted text and say how they found a date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a file look like an HTML document."""
    return bool(_HTML_SNIFF.match(head[:4096]))


def extract_html(html: str, url: str | None = None) -> tuple[str, Metadata] | None:
    """Main text and metadata of an HTML page, or None when nothing is left after boilerplate removal."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        log.debug("trafilatura failed: %s", exc)
        return None
    if doc is None:
        return None
    fields = doc if isinstance(doc, dict) else doc.as_dict()
    text = fields.get("text") or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    meta = Metadata(
        title=fields.get("title"),
        date=fields.get("date"),
        source=fields.get("sitename"),
        url=fields.get("url") or url,
    )
    return text, meta
