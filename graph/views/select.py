"""Choose the nodes of a view: the whole graph, an entity's neighbourhood, a province's network, some types."""
from __future__ import annotations

import difflib
from collections import defaultdict

import networkx as nx

from ..errors import InputError
from ..model import DIVISION_TYPES, ENTITY_TYPES

STRUCTURAL = "located_in"  # containment: drawn, but not followed when expanding a neighbourhood
HELPING = ("assists", "trains", "partners")


def _names(key: str, data: dict) -> list[str]:
    return [key, data.get("label") or "", data.get("adcode") or "", data.get("romanised") or "",
            *(data.get("aliases") or [])]


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


def find_node(graph: nx.MultiDiGraph, name: str, types: tuple[str, ...] = ()) -> str:
    """Return the key of the one node called `name` (key, label, adcode, romanised name or alias)."""
    wanted = _fold(name)
    hits = sorted(k for k, d in graph.nodes(data=True)
                  if (not types or d.get("type") in types) and wanted in {_fold(n) for n in _names(k, d) if n})
    exact = [k for k in hits if k == name or graph.nodes[k].get("label") == name]
    if len(hits) == 1 or len(exact) == 1:
        return (exact or hits)[0]
    if hits:
        raise InputError(f"{name!r} names several entities: {', '.join(hits)}; pass one of these keys instead")
    owner = {n: d.get("label") or k for k, d in sorted(graph.nodes(data=True))
             if not types or d.get("type") in types for n in _names(k, d)[1:] if n}
    names = sorted(owner)
    close = [n for n in names if wanted and wanted in _fold(n)]
    close += difflib.get_close_matches(name, names, n=5, cutoff=0.5)
    close = list(dict.fromkeys(owner[n] for n in close))  # suggest what entities are called, once each
    hint = f"close matches: {', '.join(close[:5])}" if close else "no close match"
    kind = f" {'/'.join(types)}" if types else ""
    raise InputError(f"no{kind} entity named {name!r} in the graph ({hint})")


def _neighbours(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = defaultdict(set)
    for u, v, key in graph.edges(keys=True):
        if key != STRUCTURAL:
            adjacent[u].add(v)
            adjacent[v].add(u)
    return adjacent


def members(graph: nx.MultiDiGraph, key: str) -> set[str]:
    """Return the entities located in `key`, directly or through smaller divisions (not `key` itself)."""
    children: dict[str, set[str]] = defaultdict(set)
    for node, parent in graph.nodes(data="parent"):
        if parent:
            children[parent].add(node)
    for u, v, rel in graph.edges(keys=True):
        if rel == STRUCTURAL:
            children[v].add(u)
    found, todo = set(), [key]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found and child != key:
                found.add(child)
                todo.append(child)
    return found


def _expand(adjacent: dict[str, set[str]], seeds: set[str], hops: int) -> set[str]:
    reached, frontier = set(seeds), set(seeds)
    for _ in range(max(hops, 0)):
        frontier = {n for f in frontier for n in adjacent.get(f, ())} - reached
        reached |= frontier
    return reached


def ego(graph: nx.MultiDiGraph, focus: str, hops: int = 1) -> set[str]:
    """Return a focused view's nodes.

    A division brings what is located in it, its helpers and their other partners; any other entity brings
    everything within `hops` relations (a university: every county it helps).
    """
    adjacent = _neighbours(graph)
    data = graph.nodes[focus]
    seeds = {focus}
    if data.get("type") in DIVISION_TYPES:
        seeds |= members(graph, focus)
    nodes = _expand(adjacent, seeds, hops)
    if data.get("type") in DIVISION_TYPES:
        helpers = {u for u, v, k in graph.in_edges(seeds, keys=True) if k in HELPING} | {
            v for u, v, k in graph.out_edges(seeds, keys=True) if k == "partners"}
        nodes |= {n for h in helpers for n in adjacent.get(h, ())}
    if data.get("parent") in graph:
        nodes.add(data["parent"])
    return nodes


def province_network(graph: nx.MultiDiGraph, province: str) -> set[str]:
    """Return a province's entities and everything they relate to (helpers from elsewhere included)."""
    key = find_node(graph, province, ("Province",))
    label = graph.nodes[key].get("label")
    inside = {key} | members(graph, key) | {n for n, p in graph.nodes(data="province") if p and p == label}
    return _expand(_neighbours(graph), inside, 1)


def select(graph: nx.MultiDiGraph, focus: str | None = None, hops: int = 1,
           types: tuple[str, ...] | list[str] | None = None, province: str | None = None) -> list[str]:
    """Return the sorted node keys a view shows; raise InputError naming close matches for unknown names."""
    unknown = sorted(set(types or ()) - set(ENTITY_TYPES))
    if unknown:
        raise InputError(f"unknown entity type {', '.join(unknown)}; choose from {', '.join(ENTITY_TYPES)}")
    nodes = set(graph.nodes)
    focus_key = None
    if focus is not None:
        focus_key = find_node(graph, focus)
        nodes = ego(graph, focus_key, hops)
    if province is not None:
        nodes &= province_network(graph, province)
    if types:
        nodes = {n for n in nodes if graph.nodes[n].get("type") in types or n == focus_key}
    return sorted(nodes)
