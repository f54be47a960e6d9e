"""Render a pyvis Network as one self-contained, offline, deterministic HTML page with a legend and search."""
from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from ..files import write_text
from . import palette

VIS = ("lib", "vis-9.1.2")  # pyvis ships vis-network's build; embedding it keeps the page off the network
# The page may load nothing: scripts and styles are inline, images only data: URIs (vis-network's icons).
POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:"


@cache
def _library(name: str) -> str:
    text = resources.files("pyvis").joinpath("templates", *VIS, name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"pyvis's {name} cannot be embedded inline")
    return text


def _script_json(payload) -> str:
    """Return JSON safe inside a <script> element: no '<', '>' or '&' that could end it early."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _legend(net: Network) -> str:
    types = sorted({n.get("etype", "") for n in net.nodes}, key=lambda t: (palette.ENTITY_STYLE.get(t) is None, t))
    relations = sorted({e.get("rtype", "") for e in net.edges})
    boxes = "".join(
        f'<label class="kind"><input type="checkbox" checked data-type="{escape(t)}">'
        f'<span class="swatch" style="background:{palette.node_colour(t)}"></span>{escape(t or "?")}</label>'
        for t in types)
    lines = "".join(
        f'<span class="kind"><span class="line" style="background:{palette.edge_colour(r)}"></span>'
        f'{escape(r)}{"" if r in palette.SYMMETRIC else " →"}</span>' for r in relations)
    return f'<div id="legend">{boxes}<span class="sep"></span>{lines}</div>'


STYLE = """
html,body{margin:0;height:100%;font:13px/1.4 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
body{display:flex;flex-direction:column}
header{padding:6px 10px;border-bottom:1px solid #ddd;background:#fafafa;display:flex;flex-wrap:wrap;gap:6px 14px;
align-items:center}
header h1{font-size:15px;margin:0}
#search{width:14em}
#legend{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center}
.kind{display:inline-flex;align-items:center;gap:3px;white-space:nowrap}
.swatch{display:inline-block;width:11px;height:11px;border-radius:50%}
.line{display:inline-block;width:18px;height:3px}
.sep{width:8px}
#status{color:#666}
#network{flex:1;min-height:400px;position:relative}
div.vis-tooltip{max-width:420px;white-space:normal;font-size:12px}
"""

SCRIPT = """
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("bangfu-data").textContent);
  var statusBox = document.getElementById("status");
  function say(text) { statusBox.textContent = text; }
  // Tooltips arrive as escaped HTML; vis-network shows a string as plain text, so hand it an element.
  function tip(html) { var div = document.createElement("div"); div.innerHTML = html; return div; }
  payload.nodes.forEach(function (n) { n.title = tip(n.title); });
  payload.edges.forEach(function (e) { e.title = tip(e.title); });
  var nodes = new vis.DataSet(payload.nodes);
  var edges = new vis.DataSet(payload.edges);
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges},
                                payload.options);
  var state = {network: network, nodes: nodes, edges: edges, stable: false, stabiliseMs: null};
  window.bangfu = state;
  window.network = network;
  var started = performance.now();
  function settle() {
    if (state.stable) { return; }
    network.setOptions({physics: {enabled: false}});  // stop the simulation: the page stays responsive
    state.stable = true;
    state.stabiliseMs = Math.round(performance.now() - started);
    document.body.setAttribute("data-stable", "1");
    say(payload.nodes.length + " nodes, " + payload.edges.length + " edges");
  }
  if (payload.options.physics.enabled) {
    network.on("stabilizationProgress", function (p) {
      say("laying out " + Math.round(100 * p.iterations / p.total) + "%");
    });
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
  } else {
    network.once("afterDrawing", settle);
  }
  var list = document.getElementById("names");
  payload.nodes.forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.label;
    list.appendChild(option);
  });
  function find(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) { return null; }
    function named(test) { return payload.nodes.filter(function (n) { return n.names.some(test); }); }
    var found = named(function (name) { return name === wanted; });
    if (!found.length) { found = named(function (name) { return name.indexOf(wanted) >= 0; }); }
    found.sort(function (a, b) { return a.label.length - b.label.length; });  // the closest, shortest name
    return found.length ? found[0] : null;
  }
  document.getElementById("find").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = document.getElementById("search").value;
    var node = find(text);
    if (!node) { say("no entity matches " + text); return; }
    nodes.update({id: node.id, hidden: false});
    network.selectNodes([node.id]);
    network.focus(node.id, {scale: 1.3, animation: false});
    say(node.label + " (" + node.etype + ")");
  });
  Array.prototype.forEach.call(document.querySelectorAll("#legend input[data-type]"), function (box) {
    box.addEventListener("change", function () {
      var kind = box.getAttribute("data-type");
      nodes.update(payload.nodes.filter(function (n) { return n.etype === kind; }).map(function (n) {
        return {id: n.id, hidden: !box.checked};
      }));
    });
  });
})();
"""


def render(net: Network) -> str:
    """Return the page of a Network built by `view`: vis-network inline, no request leaves the file."""
    payload = {"nodes": net.nodes, "edges": net.edges, "options": net.options}
    title = escape(net.heading or "bangfu")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_library('vis-network.css')}</style>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f'<header><h1>{title}</h1><form id="find"><input id="search" list="names" placeholder="查找实体 / find"'
        ' autocomplete="off"><button type="submit">查找</button></form>'
        f'<datalist id="names"></datalist>{_legend(net)}<span id="status"></span></header>',
        '<div id="network"></div>',
        f'<script type="application/json" id="bangfu-data">{_script_json(payload)}</script>',
        f"<script>{_library('vis-network.min.js')}</script>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ])


def write_view(net: Network, path) -> Path:
    """Write the page of `net` to `path` atomically and return the path."""
    write_text(path, render(net))
    return Path(path)


def write_overview(graph: nx.MultiDiGraph, path, layout: str = "force") -> Path:
    """Write the view of the whole graph (the build's OUT/graph.html)."""
    from .network import view

    return write_view(view(graph, layout=layout), path)
