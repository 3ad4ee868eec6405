"""Ingest end to end into a real SQLite file: idempotency, duplicates, crashes, bad input."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import faultlines
from faultlines.cli import main

_ACTORS = [
    "Islamic State fighters",
    "Kurdish forces",
    "the Iraqi army",
    "rebel brigades",
    "tribal militias",
    "government troops",
    "the Nusra Front",
    "Peshmerga units",
    "police commandos",
    "local gunmen",
]
_VERBS = ["attacked", "shelled", "surrounded", "entered", "abandoned", "raided", "recaptured", "bombed"]
_PLACES = [
    "Ramadi",
    "Fallujah",
    "Tikrit",
    "Baiji",
    "Samarra",
    "Kobani",
    "Tal Afar",
    "Sinjar",
    "Hit",
    "Haditha",
    "Raqqa",
    "Palmyra",
    "Deir ez-Zor",
    "Hasakah",
    "Manbij",
    "Jarablus",
]
_TAILS = [
    "witnesses told reporters",
    "a local official said",
    "according to residents",
    "the interior ministry said in a statement",
    "a spokesman for the group claimed",
]


def _article(rng: random.Random, n: int) -> str:
    """A distinct English report made of varied sentences (no two share most of their text)."""
    sentences = []
    for i in range(12):
        sentences.append(
            f"On day {rng.randint(1, 28)} of month {rng.randint(1, 12)}, {rng.choice(_ACTORS)} "
            f"{rng.choice(_VERBS)} positions near {rng.choice(_PLACES)} in operation {n}-{i}, and "
            f"{rng.randint(2, 90)} people were reported killed, {rng.choice(_TAILS)}."
        )
    return f"Report number {n}\n\n" + " ".join(sentences)


def _write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"report_{n:03d}.txt"
        path.write_text(_article(rng, n), encoding="utf-8")
        paths.append(path)
    return paths


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as conn:
        return (
            conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM document_sources").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM documents WHERE status != 'processed'").fetchone()[0],
        )


def test_second_run_over_the_same_input_adds_nothing(tmp_path: Path, db_path: Path) -> None:
    _write_corpus(tmp_path / "corpus", 4)
    with faultlines.open(db_path) as fl:
        first = fl.ingest([str(tmp_path / "corpus")])
        second = fl.ingest([str(tmp_path / "corpus")])
    assert first["documents_added"] == 4 and first["duplicates"] == 0
    assert second["documents_added"] == 0 and second["duplicates"] == 0
    assert second["already_stored"] == 4
    assert _counts(db_path) == (4, 4, 0)


def test_exact_and_near_duplicates_are_stored_once_with_every_source(tmp_path: Path, db_path: Path) -> None:
    rng = random.Random(3)
    original = _article(rng, 1)
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(original, encoding="utf-8")
    syndicated = (
        original.replace("Report number 1", "Fighting spreads along the Euphrates").replace(
            "witnesses", "eyewitnesses", 1
        )
        + "\n[Source: Tigris Monitor, 02Jul14]"
    )
    (tmp_path / "syndicated.txt").write_text(syndicated, encoding="utf-8")
    (tmp_path / "other.txt").write_text(_article(rng, 2), encoding="utf-8")
    with faultlines.open(db_path) as fl:
        summary = fl.ingest([str(tmp_path)])
        docs = fl.documents()
    assert summary["documents_added"] == 2
    assert summary["exact_duplicates"] == 1 and summary["near_duplicates"] == 1
    carried = next(d for d in docs if len(d["sources"]) == 3)
    relations = sorted(s["relation"] for s in carried["sources"])
    assert relations == ["exact_duplicate", "near_duplicate", "original"]
    assert any(s["source"] == "Tigris Monitor" for s in carried["sources"])


def test_bad_inputs_are_skipped_with_a_reason_and_the_batch_goes_on(tmp_path: Path, db_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 2)
    (corpus / "image.bin").write_bytes(bytes(range(256)) * 40)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["documents_added"] == 2
    reasons = {Path(item["path"]).name: item["reason"] for item in summary["skipped"]}
    assert set(reasons) == {"image.bin", "empty.txt"}
    assert all(len(reason) > 5 for reason in reasons.values())


def test_stdin_is_read_with_a_dash(db_path: Path) -> None:
    text = _article(random.Random(11), 5)
    result = CliRunner().invoke(main, ["ingest", "-", "--db", str(db_path), "--json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["documents_added"] == 1
    again = CliRunner().invoke(main, ["ingest", "-", "--db", str(db_path), "--json"], input=text)
    assert json.loads(again.output)["documents_added"] == 0


def test_unusable_database_exits_non_zero_with_a_hint(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "c", 1)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "c"), "--db", str(tmp_path / "no" / "x.db")])
    assert result.exit_code != 0
    assert "Hint:" in result.output


@pytest.mark.slow
def test_a_run_killed_at_any_point_is_completed_by_the_next_without_loss_or_duplicates(
    tmp_path: Path,
) -> None:
    files = _write_corpus(tmp_path / "corpus", 40, seed=99)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "faultlines.cli", "ingest", str(tmp_path / "corpus"), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for delay in (0.4, 1.5, 3.0):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            with sqlite3.connect(db) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                docs, sources, _ = _counts(db)
                assert docs == sources <= len(files)  # never a document without its source row
    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert _counts(db) == (len(files), len(files), 0)
    again = subprocess.run([*command, "--json"], env=env, capture_output=True, text=True, timeout=600)
    assert json.loads(again.stdout)["documents_added"] == 0
    assert _counts(db) == (len(files), len(files), 0)


def test_the_seed_articles_are_stored_with_the_dates_their_texts_give(seeds_dir: Path, db_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(seeds_dir), "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["documents_added"] == 5
    docs = json.loads(CliRunner().invoke(main, ["docs", "--db", str(db_path), "--json"]).output)
    by_name = {Path(d["path"]).name[:3]: d for d in docs}
    assert by_name["000"]["published"] is None and by_name["002"]["published"] is None
    assert by_name["001"]["published"] in ("2015-06-01", "2015-06-08")
    assert by_name["003"]["published"] == "2014-06-21"
    assert by_name["004"]["published"] in ("2014-06-25", "2014-06-26")
    for doc in docs:
        assert {
            "id",
            "title",
            "path",
            "source",
            "url",
            "external_id",
            "published",
            "published_method",
        } <= set(doc)
    assert by_name["003"]["published_method"] == "dateline"
    again = CliRunner().invoke(main, ["ingest", str(seeds_dir), "--db", str(db_path), "--json"])
    assert json.loads(again.output)["documents_added"] == 0
