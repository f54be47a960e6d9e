"""Publish a built graph as linked data: OUT/store (Oxigraph) and OUT/graph.ttl, both replaced atomically.

No rdflib graph is built: the triples become sorted N-Triples statements (a list of strings, the one
copy held), streamed in batches into Oxigraph's bulk loader and written as Turtle.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from .ntriples import NTriplesReader, statements
from .store import build_store, recover, swap_in
from .turtle import write_turtle

TURTLE = "graph.ttl"
BATCH = 100_000  # statements per bulk load: Oxigraph's memory grows with the batch, its speed does not


def publish(graph: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write OUT/store and OUT/graph.ttl from the graph; return their paths.

    The caller holds `graph.rdf.store.lock(out_dir)`. Until the final renames the previous store and
    Turtle file stay as they were, so a failed or killed build leaves them usable.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    recover(out)
    rows = statements(graph)
    folder = build_store(out, *(NTriplesReader(rows[i:i + BATCH]) for i in range(0, len(rows), BATCH)))
    store = swap_in(out, folder)
    write_turtle(out / TURTLE, rows)
    return [store, out / TURTLE]
