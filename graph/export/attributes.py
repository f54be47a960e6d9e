"""Flat, typed attribute rows of nodes and edges: what GEXF, GraphML and CSV all carry."""
from __future__ import annotations

import re

import networkx as nx

from ..views import palette

# name -> GEXF type; Python values follow (string -> str, integer -> int, double -> float).
NODE_ATTRIBUTES = {
    "type": "string", "adcode": "string", "parent": "string", "province": "string", "prefecture": "string",
    "longitude": "double", "latitude": "double", "romanised": "string", "aliases": "string", "post": "string",
    "documents": "integer", "color": "string", "size": "double",
}
EDGE_ATTRIBUTES = {
    "relation": "string", "kind": "string", "kinds": "string", "first_year": "integer", "last_year": "integer",
    "confidence": "double", "programmes": "string", "evidence": "integer", "sources": "string", "color": "string",
}
SEPARATOR = "|"  # lists become one string: Gephi and GraphML have no portable list type
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed anywhere in XML 1.0


def clean(value) -> str:
    """Return text with the characters XML cannot hold removed (web text sometimes carries them)."""
    return _ILLEGAL.sub("", str(value))


def _text(value) -> str | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(clean(v) for v in value)
    return clean(value)


def _number(value, kind):
    return None if value is None or value == "" else kind(value)


def node_row(graph: nx.MultiDiGraph, key: str) -> dict:
    """Return a node's exported attributes, without the ones it does not have."""
    data = graph.nodes[key]
    etype = data.get("type")
    row = {
        "type": _text(etype), "adcode": _text(data.get("adcode")), "parent": _text(data.get("parent")),
        "province": _text(data.get("province")), "prefecture": _text(data.get("prefecture")),
        "longitude": _number(data.get("lon"), float), "latitude": _number(data.get("lat"), float),
        "romanised": _text(data.get("romanised")), "aliases": _text(data.get("aliases")),
        "post": _text(data.get("post")), "documents": len(data.get("docs") or []),
        "color": palette.node_colour(etype),
        "size": palette.node_size(graph.degree(key), len(data.get("docs") or [])),
    }
    return {name: value for name, value in row.items() if value is not None}


def node_label(graph: nx.MultiDiGraph, key: str) -> str:
    """Return the name a node is shown under."""
    return clean(graph.nodes[key].get("label") or key)


def edge_row(data: dict) -> dict:
    """Return an edge's exported attributes (its weight is the edge's own, not listed here)."""
    evidence = data.get("evidence") or []
    row = {
        "relation": _text(data.get("type")), "kind": _text(data.get("kind")), "kinds": _text(data.get("kinds")),
        "first_year": _number(data.get("first_year"), int), "last_year": _number(data.get("last_year"), int),
        "confidence": _number(data.get("confidence"), float), "programmes": _text(data.get("programmes")),
        "evidence": len(evidence), "sources": _text(sorted({e.get("doc") for e in evidence if e.get("doc")})),
        "color": palette.edge_colour(data.get("type")),
    }
    return {name: value for name, value in row.items() if value is not None}


def edge_weight(data: dict) -> int:
    """Return the number of documents supporting an edge (at least 1)."""
    return int(data.get("weight") or 1)


def sorted_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict]]:
    """Return the edges as (source, target, relation, data), in a stable order."""
    return sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
