"""Every export format read back with a real reader, on a small store built with SQL."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import geojson
import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from faultlines.errors import NotFoundError, UsageError
from faultlines.export import FORMATS, export
from faultlines.export.acled import COLUMNS
from faultlines.export.plover import MODES, QUAD_CODES


def _export_text(conn: sqlite3.Connection, fmt: str, **filters: str) -> str:
    buffer = io.StringIO()
    export(conn, fmt, buffer, **filters)
    return buffer.getvalue()


def test_acled_csv_codes_follow_acled(small_db: sqlite3.Connection) -> None:
    rows = list(csv.DictReader(io.StringIO(_export_text(small_db, "acled-csv"))))
    assert tuple(rows[0]) == COLUMNS
    by_id = {row["event_id_cnty"]: row for row in rows}
    assert set(by_id) == {"IRQ1", "IRQ2"}, "the demand has no ACLED type and is left out"

    clash = by_id["IRQ1"]
    assert (clash["event_date"], clash["year"], clash["time_precision"]) == ("2014-06-20", "2014", "1")
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("2", "2", "22")
    assert clash["disorder_type"] == "Political violence"
    assert (clash["iso"], clash["region"], clash["country"]) == ("368", "Middle East", "Iraq")
    assert (clash["location"], clash["admin1"], clash["geo_precision"]) == ("Hawija", "Kirkuk", "1")
    assert (float(clash["latitude"]), float(clash["longitude"])) == (35.3294, 43.7697)
    assert clash["source"] == "Tigris Monitor; Crescent News Service"
    assert clash["notes"] == "ISIL and Naqshbandi fighters clashed in Hawija, killing 17."
    assert clash["fatalities"] == "17"
    assert clash["civilian_targeting"] == ""

    attack = by_id["IRQ2"]
    assert attack["actor1"] == "Abu Bakr al-Baghdadi"
    assert attack["inter1"] == "2", "a person takes the kind of their organisation"
    assert (attack["inter2"], attack["interaction"]) == ("7", "27")
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert attack["time_precision"] == "2", "a week-precise date"
    assert attack["geo_precision"] == "2", "near a town"


def test_plover_json_uses_plover_field_names(small_db: sqlite3.Connection) -> None:
    records = json.loads(_export_text(small_db, "plover-json"))
    assert len(records) == 3
    clash = next(r for r in records if r["id"] == "faultlines-1")
    assert clash["event"] == ["ASSAULT"] and clash["quad_code"] == 4
    assert clash["date"] == "2014-06-20" and "enddate" not in clash
    assert clash["source"][0]["actor_text"] == "Islamic State of Iraq and the Levant"
    assert clash["source"][0]["code"] == "IRQ" and clash["source"][0]["sector"] == "REB"
    assert clash["recipient"][0]["identifier_id"] == "jrtn"
    assert clash["event_loc"]["country code"] == "IQ"
    assert (clash["event_loc"]["latitude"], clash["event_loc"]["longitude"]) == (35.3294, 43.7697)
    assert clash["event_text"] == ["ISIL and Naqshbandi fighters clashed in Hawija, killing 17."]
    demand = next(r for r in records if r["id"] == "faultlines-3")
    assert demand["event"] == ["REQUEST"] and demand["recipient"] == []
    assert demand["enddate"] == "2014-07-31"
    assert demand["quad_code"] == 3
    attack = next(r for r in records if r["id"] == "faultlines-2")
    assert attack["dead"] == 4 and attack["source"][0]["identifier_id"] == "baghdadi"
    assert attack["cite_info"]["publication"] == ["Tigris Monitor", "Crescent News Service"]


def test_plover_modes_and_categories_come_from_the_codebook(shared_dir: Path) -> None:
    with open(shared_dir / "data" / "plover" / "PLOVER_structured_codebook.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    modes = {(row["event"], row["mode"]) for row in rows}
    categories = {row["event"] for row in rows}
    assert set(QUAD_CODES) >= categories
    for sub_event, mode in MODES.items():
        assert any(m == mode for _, m in modes), f"{sub_event}: mode {mode!r} is not in the PLOVER codebook"


def _read_gexf(small_db: sqlite3.Connection, tmp_path: Path, **filters: str) -> nx.Graph:
    path = tmp_path / "relations.gexf"
    export(small_db, "gexf", path, **filters)
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    assert 'id="relation-' in text, "edges keep the relation id"
    return nx.read_gexf(path)


def test_gexf_edges_carry_time_intervals(small_db: sqlite3.Connection, tmp_path: Path) -> None:
    graph = _read_gexf(small_db, tmp_path)
    assert graph.graph["mode"] == "dynamic"
    assert graph.nodes["isil"]["label"] == "Islamic State of Iraq and the Levant"
    assert graph.nodes["jrtn"]["kind"] == "rebel_group"
    edges = {data["kind"]: data for _, _, data in graph.edges(data=True)}
    assert set(edges) == {"alliance", "rivalry", "affiliation"}
    assert (edges["alliance"]["start"], edges["alliance"]["end"]) == ("2014-06-10", "2014-06-20")
    assert edges["rivalry"]["start"] == "2014-06-20" and "end" not in edges["rivalry"]
    assert edges["affiliation"]["end"] == "2014-02-02" and "start" not in edges["affiliation"]
    assert "turned their guns" in edges["rivalry"]["evidence"]


def test_gexf_filters_by_kind_and_date(small_db: sqlite3.Connection, tmp_path: Path) -> None:
    rivalry = _read_gexf(small_db, tmp_path, event_type="rivalry")
    assert [d["kind"] for _, _, d in rivalry.edges(data=True)] == ["rivalry"]
    early = _read_gexf(small_db, tmp_path, date_to="2014-03-01")
    assert [d["kind"] for _, _, d in early.edges(data=True)] == ["affiliation"]
    with pytest.raises(UsageError, match="relation kind"):
        export(small_db, "gexf", tmp_path / "x.gexf", event_type="armed_clash")


def test_graphml_has_dates_as_attributes(small_db: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "relations.graphml"
    export(small_db, "graphml", path)
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 3 and graph.number_of_edges() == 3
    assert graph.is_multigraph() and graph.is_directed()
    edges = {data["kind"]: data for _, _, data in graph.edges(data=True)}
    assert edges["alliance"]["valid_from"] == "2014-06-10"
    assert edges["alliance"]["valid_until"] == "2014-06-20"
    assert edges["alliance"]["confidence"] == pytest.approx(0.8)
    assert "valid_until" not in edges["rivalry"]


def test_geojson_is_valid_rfc7946_with_events_and_control(small_db: sqlite3.Connection) -> None:
    collection = geojson.loads(_export_text(small_db, "geojson"))
    assert collection.is_valid, collection.errors()
    assert "crs" not in collection
    kinds = [f["properties"]["feature_kind"] for f in collection["features"]]
    assert kinds.count("event") == 3 and kinds.count("control") == 1
    clash = next(f for f in collection["features"] if f["id"] == "event-1")
    assert clash["geometry"]["coordinates"] == [43.7697, 35.3294], "[lon, lat]"
    control = next(f for f in collection["features"] if f["properties"]["feature_kind"] == "control")
    assert control["properties"]["holder"] == "Islamic State of Iraq and the Levant"
    assert control["properties"]["place"] == "Mosul" and control["properties"]["valid_until"] is None
    only_clashes = geojson.loads(_export_text(small_db, "geojson", event_type="armed_clash"))
    assert [f["id"] for f in only_clashes["features"]] == ["event-1"]


def test_parquet_has_typed_columns(small_db: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    summary = export(small_db, "parquet", path)
    table = pq.read_table(path)
    assert summary["rows"] == table.num_rows == 3
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("fatalities_best").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    first = table.to_pylist()[0]
    assert str(first["date_start"]) == "2014-06-09" and first["actor1"] == "Abu Bakr al-Baghdadi"
    assert not (tmp_path / "events.parquet.part").exists()


def test_filters_by_actor_and_dates(small_db: sqlite3.Connection) -> None:
    lines = _export_text(small_db, "jsonl", actor="Naqshbandi Army").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1]
    june = _export_text(small_db, "jsonl", date_from="2014-06-16", date_to="2014-06-30").splitlines()
    assert [json.loads(line)["id"] for line in june] == [1]
    with pytest.raises(NotFoundError):
        export(small_db, "jsonl", io.StringIO(), actor="nobody at all")


def test_bad_requests_are_usage_errors(small_db: sqlite3.Connection, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format"):
        export(small_db, "xlsx", io.StringIO())
    with pytest.raises(UsageError, match="cannot go to stdout"):
        export(small_db, "parquet", "-")
    with pytest.raises(UsageError, match="not a date"):
        export(small_db, "jsonl", io.StringIO(), date_from="June 2014")
    with pytest.raises(UsageError, match="place"):
        export(small_db, "graphml", tmp_path / "g.graphml", place="Mosul")
    assert set(FORMATS) == {"acled-csv", "plover-json", "jsonl", "geojson", "parquet", "gexf", "graphml"}
