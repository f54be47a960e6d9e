"""nodes.csv and edges.csv in the columns Gephi's spreadsheet import recognises."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from ..errors import InputError
from ..files import atomic_write
from ..views import palette
from .attributes import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edge_row, edge_weight, node_label, node_row, sorted_edges

NODE_COLUMNS = ["Id", "Label", "Type", *(n for n in NODE_ATTRIBUTES if n != "type")]
EDGE_COLUMNS = ["Source", "Target", "Type", "Id", "Label", "Weight", *EDGE_ATTRIBUTES]


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...): names
# scraped from the web must not. Such text cells get a leading apostrophe, as OWASP advises.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """Return a cell value a spreadsheet shows as text: formula-like text gets a leading "'"."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with atomic_write(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({name: inert(value) for name, value in row.items()} for row in rows)


def write_csv(graph: nx.MultiDiGraph, folder) -> list[Path]:
    """Write FOLDER/nodes.csv and FOLDER/edges.csv; return both paths."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: the CSV export writes nodes.csv and edges.csv into a folder; "
                         "pass a folder path")
    nodes = []
    for key in sorted(graph.nodes):
        row = node_row(graph, key)
        nodes.append({"Id": key, "Label": node_label(graph, key), "Type": row.pop("type", ""), **row})
    edges = []
    for number, (source, target, rel, data) in enumerate(sorted_edges(graph)):
        row = edge_row(data)
        edges.append({"Source": source, "Target": target, "Id": number, "Label": row.get("kind", rel),
                      "Type": "Undirected" if rel in palette.SYMMETRIC else "Directed",
                      "Weight": edge_weight(data), **row})
    paths = [folder / "nodes.csv", folder / "edges.csv"]
    _write(paths[0], NODE_COLUMNS, nodes)
    _write(paths[1], EDGE_COLUMNS, edges)
    return paths
