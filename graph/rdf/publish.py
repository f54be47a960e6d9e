"""Publish a built graph as linked data: OUT/store (Oxigraph) and OUT/graph.ttl, both replaced atomically."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..files import write_bytes
from .convert import to_rdf
from .serialise import serialise
from .store import build_store, recover, swap_in

TURTLE = "graph.ttl"


def publish(graph: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write OUT/store and OUT/graph.ttl from the graph; return their paths.

    The caller holds `graph.rdf.store.lock(out_dir)`. Until the final renames the previous store and
    Turtle file stay as they were, so a failed or killed build leaves them usable.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    recover(out)
    rdf = to_rdf(graph)
    turtle = serialise(rdf, "turtle")
    folder = build_store(out, serialise(rdf, "nt"))
    store = swap_in(out, folder)
    write_bytes(out / TURTLE, turtle)
    return [store, out / TURTLE]
