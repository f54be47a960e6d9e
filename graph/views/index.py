"""Write one focused view per county and a small self-contained page that links them all."""
from __future__ import annotations

import hashlib
import re
from html import escape
from pathlib import Path

import networkx as nx

from ..files import write_text
from .html import write_view
from .network import view
from .select import HELPING, members

FOLDER = "views"


def page_name(graph: nx.MultiDiGraph, key: str) -> str:
    """Return the file name of a county's view: its adcode, or a safe stable name made from its key."""
    adcode = graph.nodes[key].get("adcode")
    if adcode and re.fullmatch(r"[0-9]{6,12}", str(adcode)):
        return f"{adcode}.html"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]
    return f"{re.sub(r'[^0-9A-Za-z]+', '_', key).strip('_')[:40]}-{digest}.html"


def _helpers(graph: nx.MultiDiGraph, key: str) -> list[str]:
    inside = {key} | members(graph, key)
    found = {u for u, v, rel in graph.in_edges(inside, keys=True) if rel in HELPING} - inside
    return sorted(graph.nodes[h].get("label") or h for h in found)


def write_index(graph: nx.MultiDiGraph, out_dir) -> Path:
    """Write OUT/views/<adcode>.html for every county and OUT/views/index.html linking them; return the index."""
    folder = Path(out_dir) / FOLDER
    counties = sorted((k for k, t in graph.nodes(data="type") if t == "County"),
                      key=lambda k: (graph.nodes[k].get("adcode") or "", k))
    rows = []
    for key in counties:
        name = page_name(graph, key)
        write_view(view(graph, focus=key), folder / name)
        data = graph.nodes[key]
        place = " ".join(p for p in (data.get("province"), data.get("prefecture")) if p)
        rows.append(f'<tr><td><a href="{escape(name)}">{escape(str(data.get("label") or key))}</a></td>'
                    f'<td>{escape(str(data.get("adcode") or ""))}</td><td>{escape(place)}</td>'
                    f'<td>{escape("、".join(_helpers(graph, key)))}</td></tr>')
    body = "\n".join(rows) or '<tr><td colspan="4">no county in this build</td></tr>'
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>bangfu · 县域帮扶视图 ({len(counties)})</title>
<style>body{{font:14px/1.5 sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}}</style>
</head>
<body>
<h1>县域帮扶视图 · county views ({len(counties)})</h1>
<table>
<tr><th>county</th><th>adcode</th><th>province / prefecture</th><th>helpers</th></tr>
{body}
</table>
</body>
</html>
"""
    index = folder / "index.html"
    write_text(index, page)
    return index
