"""Exports: GEXF 1.3 valid against the shipped schema and read back by networkx, GraphML, CSV, RDF, escaping."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from graphs import tiny_graph
from hostile import BAD, HOSTILE, hostile_graph
from lxml import etree

from graph.build import graph_to_json
from graph.cli import cli
from graph.errors import InputError
from graph.export import FORMATS, export, to_gexf
from graph.views import palette

SCHEMAS = Path(__file__).resolve().parent / "data" / "gexf"
COUNTY, UNIVERSITY = "div:610727", "University:西安理工大学"
GEXF, VIZ = "{http://gexf.net/1.3}", "{http://gexf.net/1.3/viz}"


def test_gexf_validates_against_the_gexf_13_schema():
    document = etree.fromstring(to_gexf(hostile_graph()))
    # The RelaxNG grammar is the normative GEXF 1.3 schema, viz namespace included.
    relaxng = etree.RelaxNG(etree.parse(str(SCHEMAS / "gexf.rng")))
    assert relaxng.validate(document), relaxng.error_log
    # The official XSD is generated from it but declares the viz elements in the wrong namespace;
    # check the rest of the document against it.
    for element in document.iter(f"{VIZ}*"):
        element.getparent().remove(element)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf.xsd")))
    assert schema.validate(document), schema.error_log


def test_gexf_reads_back_with_typed_attributes_viz_and_spells(tmp_path):
    path = export(tiny_graph(), "gexf", tmp_path / "g.gexf")[0]
    graph = nx.read_gexf(path, version="1.3")
    county = graph.nodes[COUNTY]
    assert county["label"] == "略阳县" and county["type"] == "County" and county["adcode"] == "610727"
    assert county["province"] == "陕西省" and county["prefecture"] == "汉中市"
    assert county["longitude"] == 106.16 and county["latitude"] == 33.33 and county["romanised"] == "Lueyang Xian"
    assert county["documents"] == 1 and isinstance(county["documents"], int)
    assert county["viz"]["color"] == dict(zip("rgb", palette.rgb(palette.node_colour("County"))), a=1.0)
    assert county["viz"]["size"] > 10
    edge = next(d for u, v, d in graph.edges(data=True) if u == UNIVERSITY)
    assert edge["relation"] == "assists" and edge["kind"] == "对口帮扶" and edge["weight"] == 1.0
    assert edge["first_year"] == edge["last_year"] == 2017 and isinstance(edge["first_year"], int)
    assert edge["spells"] == [(2017, 2017)] and graph.graph["mode"] == "dynamic"
    assert edge["confidence"] == 0.9 and edge["sources"] == "a.txt"
    assert graph.has_edge("School:略阳县职教中心", "Enterprise:北京华唐中科教育科技有限公司")  # partners: mutual


def test_gexf_marks_symmetric_edges_mutual_and_undated_edges_static():
    document = etree.fromstring(to_gexf(tiny_graph()))
    edges = {e.get("kind"): e for e in document.iter(f"{GEXF}edge")}
    assert edges["partners"].get("type") == "mutual" and edges["assists"].get("type") == "directed"
    assert edges["partners"].find(f"{GEXF}spells") is None
    assert edges["assists"].find(f"{VIZ}color").get("r") == str(palette.rgb(palette.edge_colour("assists"))[0])


def test_hostile_names_survive_xml_exactly(tmp_path):
    gexf = etree.parse(str(export(hostile_graph(), "gexf", tmp_path / "g.gexf")[0]))
    labels = {n.get("id"): n.get("label") for n in gexf.iter(f"{GEXF}node")}
    assert labels[HOSTILE.key] == BAD
    values = [v.get("value") for v in gexf.iter(f"{GEXF}attvalue")]
    assert BAD in values  # the romanised name, and the kind of its relation
    graphml = nx.read_graphml(export(hostile_graph(), "graphml", tmp_path / "g.graphml")[0])
    assert graphml.nodes[HOSTILE.key]["label"] == BAD and graphml.nodes[HOSTILE.key]["romanised"] == BAD
    raw = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert "<img" not in raw and "&lt;img src=x" in raw


def test_graphml_reads_back_with_the_same_attributes(tmp_path):
    graph = nx.read_graphml(export(tiny_graph(), "graphml", tmp_path / "g.graphml")[0])
    county = graph.nodes[COUNTY]
    assert (county["type"], county["adcode"], county["longitude"], county["documents"]) == ("County", "610727",
                                                                                           106.16, 1)
    assert county["aliases"] == "略阳|略陽縣"
    edge = graph.edges[UNIVERSITY, COUNTY]
    assert (edge["relation"], edge["kind"], edge["weight"], edge["first_year"]) == ("assists", "对口帮扶", 1, 2017)
    assert "parent" not in graph.nodes["Programme:三通两平台"]  # None is dropped, not written as "None"


def test_csv_uses_gephi_spreadsheet_columns(tmp_path):
    nodes_path, edges_path = export(tiny_graph(), "csv", tmp_path / "csv")
    nodes = list(csv.DictReader(nodes_path.open(encoding="utf-8")))
    edges = list(csv.DictReader(edges_path.open(encoding="utf-8")))
    assert list(nodes[0])[:3] == ["Id", "Label", "Type"] and list(edges[0])[:6] == ["Source", "Target", "Type", "Id",
                                                                                     "Label", "Weight"]
    county = next(n for n in nodes if n["Id"] == COUNTY)
    assert (county["Label"], county["Type"], county["latitude"]) == ("略阳县", "County", "33.33")
    types = {e["relation"]: e["Type"] for e in edges}
    assert types["partners"] == "Undirected" and types["assists"] == "Directed"
    with pytest.raises(InputError, match="pass a folder path"):
        export(tiny_graph(), "csv", nodes_path)


def test_every_file_export_is_deterministic(tmp_path):
    for fmt in ("gexf", "graphml", "csv"):
        first = export(tiny_graph(), fmt, tmp_path / "a" / fmt)
        second = export(tiny_graph(), fmt, tmp_path / "b" / fmt)
        assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_rdf_formats_go_through_graph_rdf(tmp_path, fmt):
    import rdflib

    path = export(tiny_graph(), fmt, tmp_path / f"g.{fmt}")[0]
    parsed = rdflib.Graph().parse(path, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
    assert len(parsed) > 20 and any("略阳县" in str(o) for o in parsed.objects())


def test_cli_export_and_unknown_format(tmp_path):
    (tmp_path / "graph.json").write_text(graph_to_json(tiny_graph()), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(tmp_path), "--format", "gexf", "-o", str(tmp_path / "g.gexf")],
                           catch_exceptions=False)
    assert result.exit_code == 0 and (tmp_path / "g.gexf").is_file()
    assert result.output == f"wrote {tmp_path / 'g.gexf'}\n"
    with pytest.raises(InputError, match="unknown export format 'dot'; choose one of gexf, graphml, csv"):
        export(tiny_graph(), "dot", tmp_path / "g.dot")
    assert FORMATS == ("gexf", "graphml", "csv", "jsonld", "ttl", "nt")
