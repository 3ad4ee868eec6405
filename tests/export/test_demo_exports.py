"""Exports of the ingested demo corpus, read back with real readers (csv, json, geojson, pyarrow, networkx)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import geojson
import networkx as nx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from faultlines.cli import main
from faultlines.export import export
from faultlines.export.graph import full_date
from faultlines.query.events import list_events

pytestmark = pytest.mark.slow

# Known from demo/reports (tests/gold/demo_events.json): ISIL and the Naqshbandi Army clash in Hawija on 20 June 2014.
HAWIJA_DATE = "2014-06-20"
# Iraq and Syria lie within these longitudes and latitudes: a swapped pair falls outside.
LON_RANGE, LAT_RANGE = (35.5, 48.8), (29.0, 37.5)


def _hawija_clash(events: list[dict[str, Any]]) -> dict[str, Any]:
    return next(
        e
        for e in events
        if e["date"]["start"] == HAWIJA_DATE and e["type"] == "armed_clash" and "Naqshbandi" in json.dumps(e)
    )


def _place_coordinates(conn: sqlite3.Connection, name_part: str) -> tuple[float, float]:
    row = conn.execute("SELECT longitude, latitude FROM places WHERE name LIKE ?", (f"%{name_part}%",)).fetchone()
    return row[0], row[1]


def test_jsonl_is_the_events_json_shape(demo_db: sqlite3.Connection, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "-o", str(out), "--db", str(demo_db_path)])
    assert result.exit_code == 0, result.output
    cli_json = CliRunner().invoke(main, ["events", "--json", "--db", str(demo_db_path)])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == json.loads(cli_json.output)
    assert len(lines) > 30


def test_acled_csv_has_the_hawija_clash(demo_db: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    summary = export(demo_db, "acled-csv", out)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    total = len(list_events(demo_db))
    assert summary["rows"] == len(rows) and summary["rows"] + summary["skipped"] == total
    clash = next(r for r in rows if r["event_date"] == HAWIJA_DATE and "Naqshbandi" in r["actor1"] + r["actor2"])
    assert "Islamic State" in clash["actor1"] + clash["actor2"]
    assert (clash["event_type"], clash["sub_event_type"]) == ("Battles", "Armed clash")
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("2", "2", "22")
    assert (clash["country"], clash["iso"], clash["region"]) == ("Iraq", "368", "Middle East")
    assert clash["time_precision"] == "1" and clash["year"] == "2014"
    assert clash["fatalities"] == "17"
    assert "Hawija" in clash["notes"] and clash["source"]
    lon, lat = float(clash["longitude"]), float(clash["latitude"])
    assert LON_RANGE[0] < lon < LON_RANGE[1] and LAT_RANGE[0] < lat < LAT_RANGE[1]
    for row in rows:
        assert row["time_precision"] in {"1", "2", "3"}
        assert row["geo_precision"] in {"", "1", "2", "3"}
        assert row["disorder_type"] in {"Political violence", "Demonstrations", "Strategic developments"}


def test_geojson_points_are_lon_lat(demo_db: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    export(demo_db, "geojson", out)
    collection = geojson.loads(out.read_text(encoding="utf-8"))
    assert collection.is_valid, collection.errors()
    events = [f for f in collection["features"] if f["properties"]["feature_kind"] == "event"]
    assert len(events) > 30
    clash = next(
        f
        for f in events
        if f["properties"]["date_start"] == HAWIJA_DATE and "Naqshbandi" in str(f["properties"]["actor2"])
    )
    assert tuple(clash["geometry"]["coordinates"]) == _place_coordinates(demo_db, "awījah")
    for feature in events:
        if feature["properties"]["country"] in ("IQ", "SY"):
            lon, lat = feature["geometry"]["coordinates"]
            assert LON_RANGE[0] < lon < LON_RANGE[1] and LAT_RANGE[0] < lat < LAT_RANGE[1], feature


def test_parquet_and_plover_hold_every_event(demo_db: sqlite3.Connection, tmp_path: Path) -> None:
    events = list_events(demo_db)
    export(demo_db, "parquet", tmp_path / "events.parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.column("id").to_pylist() == [e["id"] for e in events]
    clash = _hawija_clash(events)
    row = next(r for r in table.to_pylist() if r["id"] == clash["id"])
    assert str(row["date_start"]) == HAWIJA_DATE and row["fatalities_best"] == 17
    assert (row["longitude"], row["latitude"]) == (clash["place"]["longitude"], clash["place"]["latitude"])

    export(demo_db, "plover-json", tmp_path / "events.json")
    records = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert len(records) == sum(1 for e in events if e["plover_type"])
    plover = next(r for r in records if r["id"] == f"faultlines-{clash['id']}")
    assert plover["event"] == ["ASSAULT"] and plover["date"] == HAWIJA_DATE
    names = [a["actor_text"] for a in plover["source"] + plover["recipient"]]
    assert any("Naqshbandi" in n for n in names) and any("Islamic State" in n for n in names)


def test_filters_narrow_the_export(demo_db: sqlite3.Connection, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "isil-june.csv"
    args = ["export", "--format", "acled-csv", "-o", str(out), "--db", str(demo_db_path)]
    args += ["--actor", "ISIL", "--from", "2014-06-01", "--to", "2014-06-30"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert 0 < len(rows) < len(list_events(demo_db))
    for row in rows:
        # The date filter keeps events whose interval overlaps June; a day-precise one lies inside it.
        assert row["event_date"] <= "2014-06-30"
        assert row["time_precision"] != "1" or row["event_date"] >= "2014-06-01"
        assert "Islamic State" in row["actor1"] + row["actor2"]


def test_graph_exports_of_the_demo_store_read_back(demo_db: sqlite3.Connection, tmp_path: Path) -> None:
    """Whatever the reconciler has derived so far: every active relation is one edge, with its dates."""
    rows = demo_db.execute("SELECT valid_from, valid_until FROM relations WHERE status = 'active'").fetchall()
    export(demo_db, "gexf", tmp_path / "g.gexf")
    export(demo_db, "graphml", tmp_path / "g.graphml")
    gexf, graphml = nx.read_gexf(tmp_path / "g.gexf"), nx.read_graphml(tmp_path / "g.graphml")
    assert gexf.number_of_edges() == graphml.number_of_edges() == len(rows)
    starts = sorted(str(d["start"]) for _, _, d in gexf.edges(data=True) if "start" in d)
    assert starts == sorted(full_date(r[0]) for r in rows if r[0])
    untils = sorted(str(d["valid_until"]) for _, _, d in graphml.edges(data=True) if "valid_until" in d)
    assert untils == sorted(full_date(r[1]) for r in rows if r[1])


def test_cli_refuses_parquet_on_stdout(demo_db_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "parquet", "--db", str(demo_db_path)])
    assert result.exit_code == 2
    assert "give -o FILE" in result.output
