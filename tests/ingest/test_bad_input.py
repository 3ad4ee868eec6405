"""Bad inputs become Skipped(origin, reason) with a clear reason, and the batch goes on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from faultlines.ingest import RawDocument, Skipped, iter_inputs

from .helpers import FIXTURES, by_origin, document, read_all, skipped

GOOD = FIXTURES / "tree" / "b_second.txt"
BAD = FIXTURES / "bad"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("scanned_report.pdf", "binary file (PDF)"),
        ("blob.dat", "binary file"),
        ("broken_encoding.txt", "not valid UTF-8"),
        ("empty.txt", "empty file"),
        ("scripts_only.html", "no article text after boilerplate removal"),
    ],
)
def test_bad_file_is_skipped_with_its_reason_and_the_next_file_is_read(name: str, expected: str) -> None:
    bad, good = read_all(BAD / name, GOOD)
    reason = skipped(bad).reason
    assert expected in reason and "\n" not in reason
    assert document(good).title == "Rebels withdraw from hilltop positions"


def test_cp1252_text_is_decoded_when_it_clearly_is_text() -> None:
    doc = document(read_all(BAD / "windows_1252.txt")[0])
    assert doc.text.startswith("\u201cThe caf\u00e9 near the market")


@pytest.mark.parametrize(
    "name", ["arabic_article.txt", "french_article.txt", "german_article.txt", "spanish_article.txt"]
)
def test_non_english_text_is_skipped(name: str) -> None:
    (item,) = read_all(FIXTURES / "lang" / name)
    assert "not English" in skipped(item).reason


def test_non_english_text_is_read_when_english_is_not_required() -> None:
    docs = [document(i) for i in read_all(FIXTURES / "lang", require_english=False)]
    assert len(docs) == 4 and {d.language for d in docs} == {"other"}


def test_stop_word_stripped_english_seed_is_kept(seeds_dir: Path) -> None:
    (path,) = seeds_dir.glob("000_*.txt")
    assert document(read_all(path)[0]).language == "en"


def test_fifty_megabyte_file_is_skipped_with_how_to_raise_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    line = b"Fighters shelled the town again on Monday, residents said, and many families fled.\n"
    with big.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    bad, good = read_all(big, GOOD)
    reason = skipped(bad).reason
    assert "50.0 MB, over the 10.0 MB limit" in reason and "--max-bytes" in reason
    document(good)


def test_size_limit_is_configurable() -> None:
    (item,) = read_all(GOOD, max_bytes=100)
    assert "over the" in skipped(item).reason
    document(read_all(GOOD, max_bytes=10_000)[0])


def test_oversized_jsonl_line_skips_only_that_line() -> None:
    items = by_origin(read_all(FIXTURES / "formats" / "reports.jsonl", max_bytes=450))
    assert "over the" in skipped(items["formats/reports.jsonl#1"]).reason
    document(items["formats/reports.jsonl#2"])


def test_bad_encoding_in_one_csv_row_skips_only_that_row(tmp_path: Path) -> None:
    body = "Armed men attacked a village market on Monday, killing four traders, the police said."
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"id,text\n"
        + b'1,"'
        + body.encode()
        + b'"\n'
        + b"2,Broken \x81\x8d bytes in this row of the export that cannot be decoded.\n"
        + b'3,"'
        + body.replace("four", "six").encode()
        + b'"\n'
    )
    items = by_origin(read_all(path))
    kinds = [type(i).__name__ for i in items.values()]
    assert kinds == ["RawDocument", "Skipped", "RawDocument"]
    reason = next(i.reason for i in items.values() if isinstance(i, Skipped))
    assert "neither UTF-8 nor cp1252" in reason


def test_whole_fixture_tree_never_raises_and_accounts_for_every_input() -> None:
    items = read_all(FIXTURES)
    skipped_items = [i for i in items if isinstance(i, Skipped)]
    documents = [i for i in items if isinstance(i, RawDocument)]
    assert all(i.reason for i in skipped_items)
    assert len(documents) >= 12 and len(skipped_items) >= 15


def test_oversized_stdin_is_skipped() -> None:
    (item,) = list(iter_inputs(["-"], stdin=io.StringIO("word " * 500), max_bytes=1000))
    assert skipped(item).reason.startswith("standard input is over the 1000 bytes limit")
