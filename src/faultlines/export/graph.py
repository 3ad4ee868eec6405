"""The actor relation graph for Gephi and other graph tools: GEXF (dynamic) and GraphML.

Actors are nodes (label, kind, country); each relation interval is one directed edge from
``a`` to ``b`` keyed ``relation-<id>``. In GEXF the edge carries ``start``/``end`` so the
graph is in dynamic mode and Gephi's timeline shows each relation only while it is valid;
in GraphML the same dates are plain ``valid_from``/``valid_until`` attributes.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import IO, Any

import networkx as nx

from faultlines.errors import UsageError
from faultlines.export.source import Filters, StoreFacts
from faultlines.query.relations import list_relations

log = logging.getLogger(__name__)

RELATION_KINDS = ("alliance", "rivalry", "affiliation", "split", "merger", "support")


def full_date(value: str | None) -> str | None:
    """An ISO date padded to a day (``2014`` -> ``2014-01-01``, ``2014-06`` -> ``2014-06-01``)."""
    if not value:
        return None
    parts = value.split("-")
    return "-".join([*parts, *(["01"] * (3 - len(parts)))])


def _overlaps(relation: dict[str, Any], filters: Filters) -> bool:
    if filters.date_from and relation["until"] and relation["until"] < filters.date_from:
        return False
    return not (filters.date_to and relation["from"] and relation["from"] > filters.date_to)


def graph_relations(conn: sqlite3.Connection, filters: Filters) -> list[dict[str, Any]]:
    """Relations matching the filters: actor on either side, kind (``event_type``), date overlap."""
    if filters.place:
        raise UsageError(
            "graph exports have no place filter", hint="drop --place; relations between actors have no place"
        )
    kind = filters.event_type
    if kind and kind not in RELATION_KINDS:
        raise UsageError(
            f"{kind!r} is not a relation kind", hint=f"for graph exports --type is one of {', '.join(RELATION_KINDS)}"
        )
    relations = list_relations(conn, actor=filters.actor, kind=kind)
    return [r for r in relations if _overlaps(r, filters)]


def _node_attrs(facts: StoreFacts, ref: dict[str, Any]) -> dict[str, Any]:
    info = facts.actor(ref["id"])
    attrs: dict[str, Any] = {"label": ref["name"]}
    if info is not None:
        attrs["kind"] = info.kind
        for key in ("country", "active_from", "active_until"):
            value = getattr(info, key)
            if value:
                attrs[key] = value
    return attrs


def build_graph(relations: list[dict[str, Any]], facts: StoreFacts, *, dynamic: bool) -> nx.MultiDiGraph:
    """Actors as nodes and relations as edges; ``dynamic`` puts GEXF start/end on the edges."""
    graph = nx.MultiDiGraph(name="faultlines relations")
    if dynamic:
        graph.graph["mode"] = "dynamic"
    for relation in relations:
        a, b = relation["a"], relation["b"]
        if not a or not b:
            continue
        for ref in (a, b):
            if ref["id"] not in graph:
                graph.add_node(ref["id"], **_node_attrs(facts, ref))
        attrs: dict[str, Any] = {"label": relation["kind"], "kind": relation["kind"]}
        if dynamic:
            attrs["id"] = f"relation-{relation['id']}"
        if relation["confidence"] is not None:
            attrs["confidence"] = float(relation["confidence"])
        attrs["evidence"] = " | ".join(" ".join(ev["text"].split()) for ev in relation["evidence"])
        dates = {"from": full_date(relation["from"]), "until": full_date(relation["until"])}
        for name, key in (("from", "start"), ("until", "end")):
            if dates[name]:
                attrs[key if dynamic else f"valid_{name}"] = dates[name]
            precision = relation[f"{name}_precision"]
            if precision:
                attrs[f"{name}_precision"] = precision
        graph.add_edge(a["id"], b["id"], key=f"relation-{relation['id']}", **attrs)
    return graph


def write_gexf(relations: list[dict[str, Any]], facts: StoreFacts, out: IO[bytes]) -> dict[str, int]:
    """Write the relation graph as dynamic GEXF 1.2; returns the edge count."""
    graph = build_graph(relations, facts, dynamic=True)
    nx.write_gexf(graph, out, version="1.2draft")
    log.info("gexf: %d actors, %d relations", graph.number_of_nodes(), graph.number_of_edges())
    return {"rows": graph.number_of_edges(), "skipped": len(relations) - graph.number_of_edges()}


def write_graphml(relations: list[dict[str, Any]], facts: StoreFacts, out: IO[bytes]) -> dict[str, int]:
    """Write the relation graph as GraphML with the dates as edge attributes; returns the edge count."""
    graph = build_graph(relations, facts, dynamic=False)
    nx.write_graphml(graph, out)
    log.info("graphml: %d actors, %d relations", graph.number_of_nodes(), graph.number_of_edges())
    return {"rows": graph.number_of_edges(), "skipped": len(relations) - graph.number_of_edges()}
