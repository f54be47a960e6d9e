"""Build a pyvis Network from the graph: colour and shape by type, size by degree, tooltips with evidence."""
from __future__ import annotations

import networkx as nx
from pyvis.network import Network

from ..errors import InputError
from . import palette
from .layout import geo_positions, spring_positions
from .select import STRUCTURAL, select
from .tooltips import edge_title, node_title

BIG = 400  # nodes above which the layout is computed here and the page runs no physics
LAYOUTS = ("force", "geo")
SIZES = ("degree", "docs")
FONTS = "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, sans-serif"
SEED = 7  # vis-network's layout seed: the same graph lays out the same way on every load


def _options(count: int, physics: bool) -> dict:
    big = count > BIG
    return {
        "autoResize": True,
        "layout": {"randomSeed": SEED, "improvedLayout": count <= 150},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -2500, "centralGravity": 0.4, "springLength": 90, "springConstant": 0.04,
                          "damping": 0.2, "avoidOverlap": 0.1},
            "stabilization": {"enabled": physics, "iterations": 300, "updateInterval": 50,
                              "fit": True},
            "minVelocity": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False},
        "nodes": {"font": {"size": 14, "face": FONTS},
                  "borderWidth": 1},
        "edges": {"smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "font": {"size": 10, "align": "middle", "strokeWidth": 3}, "selectionWidth": 2},
    }


def _heading(graph: nx.MultiDiGraph, focus: str | None, province: str | None, nodes: list[str]) -> str:
    parts = ["bangfu"]
    if focus:
        parts.append(f"{focus} 的帮扶网络")
    if province:
        parts.append(f"{province}")
    parts.append(f"{len(nodes)} 个实体")
    return " · ".join(parts)


def view(graph: nx.MultiDiGraph, focus: str | None = None, hops: int = 1, types=None, province: str | None = None,
         layout: str = "force", size_by: str = "degree") -> Network:
    """Return a pyvis Network of the graph, or of the part that `focus`, `types` and `province` select."""
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    if size_by not in SIZES:
        raise InputError(f"unknown node size {size_by!r}; choose one of {', '.join(SIZES)}")
    nodes = select(graph, focus, hops, tuple(types or ()), province)
    sub = graph.subgraph(nodes)
    if layout == "geo":
        positions = geo_positions(graph, nodes)
    else:  # live physics lays out small views in the browser; a minute for 5,000 nodes is too long
        positions = spring_positions(graph, nodes, SEED) if len(nodes) > BIG else {}
    net = Network(height="100%", width="100%", directed=True, heading=_heading(graph, focus, province, nodes),
                  cdn_resources="in_line")
    for key in nodes:
        _add_node(net, graph, sub, key, positions.get(key), size_by, pinned=layout == "geo")
    edges = sorted(sub.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    labelled = len(nodes) <= BIG and len(edges) <= 300
    for number, (source, target, rel, data) in enumerate(edges):
        _add_edge(net, graph, number, source, target, rel, data, labelled)
    net.options = _options(len(nodes), physics=not positions)
    return net


def _add_node(net: Network, graph: nx.MultiDiGraph, sub: nx.MultiDiGraph, key: str, position, size_by: str,
              pinned: bool) -> None:
    data = graph.nodes[key]
    etype = data.get("type") or ""
    names = sorted({str(n).casefold() for n in [key, data.get("label"), data.get("romanised"), data.get("adcode"),
                                                  *(data.get("aliases") or [])] if n})
    extra = {"x": position[0], "y": position[1]} if position else {}
    if position and pinned:  # a map position means something: keep it
        extra["fixed"] = True
    net.add_node(
        key, label=str(data.get("label") or key), shape=palette.node_shape(etype), color=palette.node_colour(etype),
        size=palette.node_size(sub.degree(key), len(data.get("docs") or []), size_by),
        title=node_title(graph, key), etype=etype, names=names, **extra,
    )


def _add_edge(net: Network, graph: nx.MultiDiGraph, number: int, source: str, target: str, rel: str, data: dict,
              labelled: bool) -> None:
    directed = rel not in palette.SYMMETRIC
    weight = int(data.get("weight") or 1)
    net.add_edge(
        source, target, id=f"e{number}", rtype=rel, color=palette.edge_colour(rel),
        arrows="to" if directed else "", width=1 + min(weight, 8) * 0.75 if rel != STRUCTURAL else 1,
        dashes=rel == STRUCTURAL, title=edge_title(graph, source, target, data),
        **({"label": str(data.get("kind") or rel)} if labelled and rel != STRUCTURAL else {}),
    )
