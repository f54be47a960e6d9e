"""GEXF 1.3 for Gephi, written with lxml: typed attributes, viz colours and sizes, spells of the stated years."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from lxml import etree

from ..files import write_bytes
from ..views import palette
from ..views.layout import geo_positions
from .attributes import (EDGE_ATTRIBUTES, NODE_ATTRIBUTES, clean, edge_row, edge_weight, node_label, node_row,
                         sorted_edges)

GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
NSMAP = {None: GEXF, "viz": VIZ}


def _el(parent, tag: str, ns: str = GEXF, **attrs) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}", {k: str(v) for k, v in attrs.items()})


def _value(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def _declare(graph_el, cls: str, names: dict[str, str]) -> None:
    block = _el(graph_el, "attributes", **{"class": cls, "mode": "static"})
    for name, kind in names.items():
        _el(block, "attribute", id=name, title=name, type=kind)


def _attvalues(parent, row: dict) -> None:
    if row:
        values = _el(parent, "attvalues")
        for name, value in row.items():
            _el(values, "attvalue", **{"for": name, "value": _value(value)})


def _colour(parent, hex_colour: str) -> None:
    r, g, b = palette.rgb(hex_colour)
    _el(parent, "color", VIZ, r=r, g=g, b=b)


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    """Return the graph as GEXF 1.3 bytes; deterministic; mode dynamic, with integer years as time."""
    root = etree.Element(f"{{{GEXF}}}gexf", nsmap=NSMAP, version="1.3")
    meta = _el(root, "meta")
    etree.SubElement(meta, f"{{{GEXF}}}creator").text = "bangfu"
    etree.SubElement(meta, f"{{{GEXF}}}description").text = "education pairing assistance (帮扶) network"
    graph_el = _el(root, "graph", defaultedgetype="directed", mode="dynamic", timeformat="integer",
                   timerepresentation="interval")
    _declare(graph_el, "node", NODE_ATTRIBUTES)
    _declare(graph_el, "edge", EDGE_ATTRIBUTES)
    positions = geo_positions(graph, sorted(graph.nodes))  # Gephi opens on the map; Geo Layout refines it
    nodes = _el(graph_el, "nodes", count=graph.number_of_nodes())
    for key in sorted(graph.nodes):
        row = node_row(graph, key)
        node = _el(nodes, "node", id=clean(key), label=node_label(graph, key))
        _attvalues(node, row)
        _colour(node, row["color"])
        x, y = positions[key]
        _el(node, "position", VIZ, x=x, y=-y, z=0.0)  # Gephi's y axis points up
        _el(node, "size", VIZ, value=row["size"])
        _el(node, "shape", VIZ, value=palette.GEXF_SHAPES.get(palette.node_shape(row.get("type")), "disc"))
    edges_list = sorted_edges(graph)
    edges = _el(graph_el, "edges", count=len(edges_list))
    for number, (source, target, rel, data) in enumerate(edges_list):
        row = edge_row(data)
        edge = _el(edges, "edge", id=number, source=clean(source), target=clean(target), label=row.get("kind", rel),
                   kind=rel, weight=edge_weight(data),
                   type="mutual" if rel in palette.SYMMETRIC else "directed")
        _attvalues(edge, row)
        first, last = row.get("first_year"), row.get("last_year")
        if first is not None:
            spells = _el(edge, "spells")
            _el(spells, "spell", start=first, end=last if last is not None else first)
        _colour(edge, row["color"])
        _el(edge, "thickness", VIZ, value=float(edge_weight(data)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_gexf(graph: nx.MultiDiGraph, path) -> Path:
    """Write the graph as GEXF 1.3 to `path` atomically."""
    write_bytes(path, to_gexf(graph))
    return Path(path)
