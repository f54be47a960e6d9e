"""GraphML with the same attributes as the GEXF export, through networkx's writer."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..files import atomic_write
from .attributes import clean, edge_row, edge_weight, node_label, node_row, sorted_edges


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy with only scalar attributes (lists joined, None dropped) that GraphML can type."""
    flat = nx.MultiDiGraph()
    for key in sorted(graph.nodes):
        flat.add_node(clean(key), label=node_label(graph, key), **node_row(graph, key))
    for source, target, rel, data in sorted_edges(graph):
        flat.add_edge(clean(source), clean(target), key=clean(rel), weight=edge_weight(data), **edge_row(data))
    return flat


def write_graphml(graph: nx.MultiDiGraph, path) -> Path:
    """Write the graph as GraphML to `path` atomically."""
    with atomic_write(path) as handle:
        for line in nx.generate_graphml(flat_graph(graph), prettyprint=True):
            handle.write(line + "\n")
    return Path(path)
