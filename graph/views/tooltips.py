"""Tooltip HTML for nodes and edges; every piece of graph text is escaped, since names come from web pages."""
from __future__ import annotations

from html import escape

import networkx as nx

MAX_EVIDENCE = 5  # sentences shown per edge; the rest are counted


def _row(name: str, value) -> str:
    return f"<b>{escape(name)}</b>: {escape(str(value))}" if value not in (None, "", []) else ""


def _lines(parts: list[str]) -> str:
    return "<br>".join(p for p in parts if p)


def node_title(graph: nx.MultiDiGraph, key: str) -> str:
    """Return the escaped HTML tooltip of a node: name, type, adcode, parent division, romanised name."""
    data = graph.nodes[key]
    parent = data.get("parent")
    parent_label = graph.nodes[parent].get("label", parent) if parent in graph else parent
    aliases = "、".join(a for a in data.get("aliases") or [] if a != data.get("label"))
    return _lines([
        f"<b>{escape(str(data.get('label') or key))}</b>",
        _row("type", data.get("type")),
        _row("adcode", data.get("adcode")),
        _row("parent", parent_label),
        _row("province", data.get("province")),
        _row("romanised", data.get("romanised")),
        _row("aliases", aliases),
        _row("post", data.get("post")),
        _row("documents", len(data.get("docs") or [])),
    ])


def _years(data: dict) -> str:
    first, last = data.get("first_year"), data.get("last_year")
    if first and last and first != last:
        return f"{first}–{last}"
    return str(first or last or "")


def _source(graph: nx.MultiDiGraph, doc: str) -> str:
    meta = (graph.graph.get("documents") or {}).get(doc) or {}
    outlet = meta.get("source") or meta.get("outlet") or ""
    described = "，".join(str(v) for v in (meta.get("title"), meta.get("date"), outlet) if v)
    return f"{described} ({doc})" if described else doc


def _evidence(graph: nx.MultiDiGraph, row: dict) -> str:
    extras = [f"{label} {value}" for label, value in sorted((row.get("quantities") or {}).items())]
    if row.get("year"):
        extras.insert(0, str(row["year"]))
    head = escape(row.get("kind") or "") + (f" ({escape('; '.join(extras))})" if extras else "")
    sentence = escape(row.get("original") or row.get("sentence") or "")
    source = escape(_source(graph, row.get("doc") or "")) if row.get("doc") else ""
    return _lines([head, f"“{sentence}”" if sentence else "", f"<i>{source}</i>" if source else ""])


def edge_title(graph: nx.MultiDiGraph, source: str, target: str, data: dict) -> str:
    """Return the escaped HTML tooltip of an edge: relation, kinds, years, and the evidence behind it."""
    ends = f"{graph.nodes[source].get('label', source)} → {graph.nodes[target].get('label', target)}"
    evidence = [row for row in data.get("evidence") or [] if row.get("sentence") or row.get("doc")]
    shown = [f"<hr>{_evidence(graph, row)}" for row in evidence[:MAX_EVIDENCE]]
    if len(evidence) > MAX_EVIDENCE:
        shown.append(f"<hr>… {len(evidence) - MAX_EVIDENCE} more")
    return _lines([
        f"<b>{escape(ends)}</b>",
        _row("relation", data.get("type")),
        _row("kind", "、".join(data.get("kinds") or []) or data.get("kind")),
        _row("years", _years(data)),
        _row("documents", data.get("weight")),
    ]) + "".join(shown)
