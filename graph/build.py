"""Build the one networkx graph: canonical entities as nodes, typed relations as edges with evidence.

Node attributes: label, type, adcode, parent (key), province, prefecture (names), lon, lat, romanised,
aliases (list), post, docs (ids of the documents that name it).
Edge keys are relation types, so (u, v, type) is one edge whatever the number of sentences behind it.
Edge attributes, all from the edge's unique evidence rows: type, kind (most frequent), kinds (list), weight
(number of supporting documents), first_year, last_year, confidence (max), programmes (list of keys),
evidence (list of dicts: doc, sentence, original, start, end, kind, year, quantities, programme, confidence).
`graph.graph["documents"]` maps document id to its metadata (title, date, source, url...).
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from .model import Entity
from .resolve.parts import unique_rows
from .resolve.state import GraphState


def _node_attrs(entity: Entity, entities: dict[str, Entity], docs: set[str]) -> dict:
    chain, parent = [], entities.get(entity.parent) if entity.parent else None
    while parent is not None and len(chain) < 5:
        chain.append(parent)
        parent = entities.get(parent.parent) if parent.parent else None
    named = {e.type: e.name for e in [entity, *chain]}
    return {
        "label": entity.name, "type": entity.type, "adcode": entity.adcode, "parent": entity.parent,
        "province": named.get("Province"), "prefecture": named.get("Prefecture"),
        "lon": entity.lon, "lat": entity.lat, "romanised": entity.romanised or "",
        "aliases": sorted(entity.aliases), "post": entity.post, "docs": sorted(docs),
    }


def _edge_attrs(rtype: str, rows: list[dict]) -> dict:
    """Summarise an edge's unique evidence rows: its kinds, weight, years, confidence and programmes."""
    kinds = Counter(row["kind"] for row in rows)
    years = sorted(row["year"] for row in rows if row["year"])
    return {
        "type": rtype, "kind": min(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0], "kinds": sorted(kinds),
        "weight": len({row["doc"] for row in rows if row["doc"]}) or 1,
        "first_year": years[0] if years else None, "last_year": years[-1] if years else None,
        "confidence": max(row["confidence"] for row in rows),
        "programmes": sorted({row["programme"] for row in rows if row["programme"]}), "evidence": rows,
    }


def build_graph(state: GraphState) -> nx.MultiDiGraph:
    """Return the graph of a resolved state; deterministic for the same documents in any order."""
    graph = nx.MultiDiGraph(documents={d: dict(state.documents[d]) for d in sorted(state.documents)})
    entities = state.entities()
    for key in sorted(entities):
        graph.add_node(key, **_node_attrs(entities[key], entities, state.mentions.get(key, set())))
    for edge in sorted(state.rows):
        by_doc = state.rows[edge]
        rows = unique_rows(row for doc in sorted(by_doc) for row in by_doc[doc])
        graph.add_edge(edge[0], edge[1], key=edge[2], **_edge_attrs(edge[2], rows))
    return graph


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """Serialise the graph as deterministic node-link JSON (the build's own record, OUT/graph.json).

    One node or edge per line: the file diffs line by line, and json's C encoder writes it (an indented
    dump goes through the pure-Python encoder, ten times slower on a large graph).
    """
    import json

    data = nx.node_link_data(graph, edges="edges")
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    fields = []
    for name in sorted(data):
        value = data[name]
        if isinstance(value, list):
            text = "[\n" + ",\n".join(map(encode, value)) + "\n]" if value else "[]"
        else:
            text = encode(value)
        fields.append(f"{encode(name)}: {text}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def load_graph(path) -> nx.MultiDiGraph:
    """Read a graph written by `graph_to_json` (OUT/graph.json, or an OUT folder that holds it)."""
    import json
    from pathlib import Path

    from .errors import InputError

    path = Path(path)
    if path.is_dir():
        path = path / "graph.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no built graph there; run `bangfu build CORPUS -o {path.parent}` first") from None
    except ValueError as err:
        raise InputError(f"{path}: not a bangfu graph ({err}); rebuild it") from None
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
