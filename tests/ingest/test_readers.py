"""Readers: text, HTML, JSON Lines, CSV/TSV, folders and stdin, on real seeds and own fixtures."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from faultlines.errors import UsageError
from faultlines.ingest import FieldMap, RawDocument, Skipped, content_hash, iter_inputs

from .helpers import FIXTURES, by_origin, document, read_all, skipped


def test_seed_folder_gives_five_english_documents_in_sorted_order(seeds_dir: Path) -> None:
    items = read_all(seeds_dir)
    docs = [document(item) for item in items]
    assert [Path(d.origin).name[:3] for d in docs] == ["000", "001", "002", "003", "004"]
    assert all(d.format == "text" and d.language == "en" for d in docs)  # 000 is stop-word stripped
    assert all(re.fullmatch(r"[0-9a-f]{64}", d.content_hash) for d in docs)
    assert {d.published for d in docs} == {
        None,
        dt.date(2015, 6, 1),
        dt.date(2014, 6, 21),
        dt.date(2014, 6, 25),
    }
    assert [d.published_method for d in docs] == ["none", "credit", "none", "dateline", "byline"]


def test_html_boilerplate_removed_and_metadata_used() -> None:
    doc = document(read_all(FIXTURES / "formats" / "border_post.html")[0])
    assert doc.format == "html"
    assert "Al-Qaim crossing" in doc.text and "security forces guarding it" in doc.text
    for boilerplate in ("Subscribe", "Most read", "Football results", "dataLayer", "All rights reserved"):
        assert boilerplate not in doc.text
    assert doc.title == "Militants seize border crossing at Al-Qaim"
    assert doc.source == "Frontier Wire"
    assert (doc.published, doc.published_precision, doc.published_method) == (
        dt.date(2014, 6, 21),
        "day",
        "metadata",
    )


def test_html_without_extension_is_sniffed_and_dated_from_its_text() -> None:
    doc = document(read_all(FIXTURES / "formats" / "no_meta_page")[0])
    assert doc.format == "html"
    assert doc.text.startswith("BAGHDAD, June 17, 2014 (Reuters)")
    assert "Home" not in doc.text
    assert (doc.published, doc.published_method, doc.source) == (dt.date(2014, 6, 17), "dateline", "Reuters")


def test_jsonl_one_document_per_line_with_field_variants() -> None:
    items = by_origin(read_all(FIXTURES / "formats" / "reports.jsonl"))
    first = document(items["formats/reports.jsonl#1"])
    assert (first.title, first.source, first.url, first.external_id) == (
        "Fighters pledge loyalty in Albu Kamal",
        "Levant Monitor",
        "https://example.org/r-001",
        "r-001",
    )
    assert first.published == dt.date(2014, 6, 25) and first.published_method == "metadata"
    second = document(items["formats/reports.jsonl#2"])  # ID / Headline / Body / PubDate / Publisher
    assert (second.external_id, second.title, second.source) == (
        "2",
        "Clashes reported near Hawija",
        "Kirkuk Daily",
    )
    assert second.published == dt.date(2014, 6, 20)
    last = document(items["formats/reports.jsonl#8"])  # "content" and "published" with a month only
    assert (last.published, last.published_precision) == (dt.date(2014, 7, 1), "month")
    assert "formats/reports.jsonl#5" not in items  # a blank line is not an input


def test_jsonl_bad_lines_are_skipped_one_by_one() -> None:
    items = by_origin(read_all(FIXTURES / "formats" / "reports.jsonl"))
    assert "malformed JSON" in skipped(items["formats/reports.jsonl#3"]).reason
    missing = skipped(items["formats/reports.jsonl#4"]).reason
    assert "id, summary" in missing and "--text-field" in missing
    assert "not an object" in skipped(items["formats/reports.jsonl#6"]).reason
    assert "empty" in skipped(items["formats/reports.jsonl#7"]).reason


def test_csv_rows_with_case_insensitive_columns() -> None:
    items = by_origin(read_all(FIXTURES / "formats" / "reports.csv"))
    first = document(items["formats/reports.csv#1"])
    assert (first.title, first.source, first.url, first.external_id, first.format) == (
        "Air strikes hit fuel depots",
        "Desert Courier",
        "https://example.org/c/1",
        "c1",
        "csv",
    )
    two_paragraphs = document(items["formats/reports.csv#2"])
    assert "\n\nAid workers" in two_paragraphs.text
    assert two_paragraphs.published is None and two_paragraphs.published_method == "none"
    assert "empty" in skipped(items["formats/reports.csv#3"]).reason
    assert "2 cells" in skipped(items["formats/reports.csv#4"]).reason
    assert document(items["formats/reports.csv#5"]).published == dt.date(2014, 8, 7)  # the file goes on


def test_tsv_with_named_fields() -> None:
    fields = FieldMap(text_field="notes", date_field="event_date")
    docs = [document(i) for i in read_all(FIXTURES / "formats" / "acled_style.tsv", fields=fields)]
    assert [d.published for d in docs] == [dt.date(2014, 6, 21), dt.date(2014, 6, 25)]
    assert docs[0].origin.endswith("acled_style.tsv#1") and docs[0].text.startswith("On 21 June 2014")


def test_csv_without_the_text_column_names_the_columns_and_the_option() -> None:
    (item,) = read_all(FIXTURES / "formats" / "acled_style.tsv")
    reason = skipped(item).reason
    assert "country, event_date, notes" in reason and "--text-field" in reason


def test_folders_are_walked_recursively_in_sorted_order_without_hidden_entries() -> None:
    names = [item.origin.replace(str(FIXTURES / "tree") + "/", "") for item in read_all(FIXTURES / "tree")]
    assert names == ["b_second.txt", "sub/a_first.txt", "sub/deeper/c_third.txt"]


def test_stdin_text_is_one_document() -> None:
    text = (FIXTURES / "tree" / "b_second.txt").read_text(encoding="utf-8")
    (item,) = list(iter_inputs(["-"], stdin=io.StringIO(text)))
    doc = document(item)
    assert (doc.origin, doc.path, doc.title) == ("<stdin>", None, "Rebels withdraw from hilltop positions")


def test_stdin_jsonl_is_sniffed_and_numbered_by_line() -> None:
    data = (FIXTURES / "formats" / "reports.jsonl").read_text(encoding="utf-8")
    items = list(iter_inputs(["-"], stdin=io.StringIO(data)))
    assert [i.origin for i in items if isinstance(i, RawDocument)] == ["<stdin>#1", "<stdin>#2", "<stdin>#8"]


def test_stdin_html_with_explicit_format() -> None:
    html = (FIXTURES / "formats" / "border_post.html").read_text(encoding="utf-8")
    (item,) = list(iter_inputs(["-"], stdin=io.StringIO(html), input_format="html"))
    assert document(item).source == "Frontier Wire"


def test_input_format_overrides_the_extension(tmp_path: Path) -> None:
    lines = (FIXTURES / "formats" / "reports.jsonl").read_text(encoding="utf-8")
    path = tmp_path / "export.txt"
    path.write_text(lines, encoding="utf-8")
    docs = [i for i in read_all(path, input_format="jsonl") if isinstance(i, RawDocument)]
    assert len(docs) == 3 and all(d.format == "jsonl" for d in docs)


def test_unknown_input_format_is_a_usage_error_at_call_time() -> None:
    with pytest.raises(UsageError, match="unknown input format"):
        iter_inputs(["x"], input_format="pdf")


def test_same_story_with_other_whitespace_has_the_same_hash(tmp_path: Path) -> None:
    text = (FIXTURES / "tree" / "sub" / "a_first.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text("\n\n" + text.replace(". ", ".\n   ") + "\n\n\n", encoding="utf-8")
    original, respaced = (document(i) for i in read_all(FIXTURES / "tree" / "sub" / "a_first.txt", copy))
    assert original.content_hash == respaced.content_hash == content_hash(text)


def test_missing_path_is_skipped_and_the_batch_goes_on() -> None:
    items = read_all("no/such/file.txt", FIXTURES / "tree" / "b_second.txt")
    assert isinstance(items[0], Skipped) and "no such file" in items[0].reason
    document(items[1])


def test_json_array_file_gives_one_document_per_object() -> None:
    items = by_origin(read_all(FIXTURES / "formats" / "export.json"))
    doc = document(items["formats/export.json#1"])
    assert doc.title == "Armed group announces split from its parent organisation"
    assert (doc.published, doc.format) == (dt.date(2016, 7, 28), "jsonl")
    assert "not an object" in skipped(items["formats/export.json#2"]).reason
