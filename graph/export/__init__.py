"""Export the graph for other tools: GEXF 1.3 and GraphML for Gephi, CSV tables, and RDF (JSON-LD, Turtle, N-Triples)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..errors import InputError
from .gexf import to_gexf, write_gexf
from .graphml import write_graphml
from .spreadsheet import write_csv

FORMATS = ("gexf", "graphml", "csv", "jsonld", "ttl", "nt")
_RDF = {"jsonld": "json-ld", "ttl": "turtle", "nt": "nt"}  # our format name -> graph.rdf's


def export(graph: nx.MultiDiGraph, fmt: str, path) -> list[Path]:
    """Write the graph in `fmt` to `path` (for csv: a folder) and return the files written."""
    if fmt == "gexf":
        return [write_gexf(graph, path)]
    if fmt == "graphml":
        return [write_graphml(graph, path)]
    if fmt == "csv":
        return write_csv(graph, path)
    if fmt in _RDF:
        from ..rdf import to_rdf, write  # rdflib is heavy: load it only for RDF

        return [write(to_rdf(graph), path, _RDF[fmt])]
    raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "export", "to_gexf", "write_csv", "write_gexf", "write_graphml"]
