"""Export stage: the store's events and relation graph in the formats analysts' tools load.

    from faultlines.export import export
    export(conn, "acled-csv", "events.csv", actor="ISIL", date_from="2014-01-01")

Formats (see ``FORMATS``): acled-csv, plover-json, jsonl, geojson, parquet, gexf, graphml.
"""

from __future__ import annotations

from faultlines.export.registry import FORMATS, ExportFormat, export

__all__ = ["FORMATS", "ExportFormat", "export"]
