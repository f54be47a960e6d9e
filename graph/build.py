"""Build the one networkx graph: canonical entities as nodes, typed relations as edges with evidence.

Node attributes: label, type, adcode, parent (key), province, prefecture (names), lon, lat, romanised,
aliases (list), post, docs (ids of the documents that name it).
Edge keys are relation types, so (u, v, type) is one edge whatever the number of sentences behind it.
Edge attributes: type, kind (most frequent), kinds (list), weight (number of supporting documents),
first_year, last_year, confidence (max), programmes (list of keys), evidence (list of dicts: doc, sentence,
original, start, end, kind, year, quantities, programme, confidence).
`graph.graph["documents"]` maps document id to its metadata (title, date, source, url...).
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from .model import Entity, Relation
from .resolve.merge import Resolved


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


def _evidence_row(rel: Relation) -> dict:
    ev = rel.evidence
    return {
        "doc": ev.doc if ev else "", "sentence": ev.sentence if ev else "", "original": ev.original if ev else "",
        "start": ev.start if ev else -1, "end": ev.end if ev else -1, "kind": rel.kind, "year": rel.year,
        "quantities": dict(rel.quantities), "programme": rel.programme, "confidence": rel.confidence,
    }


def _ends(rel: Relation) -> tuple[str, str]:
    if rel.type == "partners":  # symmetric: one canonical direction
        return tuple(sorted((rel.source, rel.target)))  # type: ignore[return-value]
    return rel.source, rel.target


def build_graph(resolved: Resolved) -> nx.MultiDiGraph:
    """Return the graph of resolved entities and relations; deterministic for the same input."""
    graph = nx.MultiDiGraph(documents={d: dict(resolved.documents[d]) for d in sorted(resolved.documents)})
    for key in sorted(resolved.entities):
        entity = resolved.entities[key]
        graph.add_node(key, **_node_attrs(entity, resolved.entities, resolved.mentions.get(key, set())))
    grouped: dict[tuple[str, str, str], list[Relation]] = {}
    for rel in resolved.relations:
        if rel.source in resolved.entities and rel.target in resolved.entities and rel.source != rel.target:
            grouped.setdefault((*_ends(rel), rel.type), []).append(rel)
    for (source, target, rtype) in sorted(grouped):
        rels = grouped[(source, target, rtype)]
        evidence = sorted((_evidence_row(r) for r in rels),
                          key=lambda e: (e["doc"], e["start"], e["end"], e["kind"]))
        unique = []
        for row in evidence:
            if not unique or (row["doc"], row["start"], row["kind"]) != (unique[-1]["doc"], unique[-1]["start"],
                                                                          unique[-1]["kind"]):
                unique.append(row)
        kinds = Counter(r.kind for r in rels)
        years = sorted(r.year for r in rels if r.year)
        graph.add_edge(
            source, target, key=rtype, type=rtype,
            kind=sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0], kinds=sorted(kinds),
            weight=len({row["doc"] for row in unique if row["doc"]}) or 1,
            first_year=years[0] if years else None, last_year=years[-1] if years else None,
            confidence=max(r.confidence for r in rels),
            programmes=sorted({r.programme for r in rels if r.programme}), evidence=unique,
        )
    return graph


def graph_to_json(graph: nx.MultiDiGraph) -> str:
    """Serialise the graph as deterministic node-link JSON (the build's own record, OUT/graph.json)."""
    import json

    data = nx.node_link_data(graph, edges="edges")
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["source"], e["target"], e["key"]))
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


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
