import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from graphs import LUEYANG, extraction, tiny_graph

from rdflib import Graph
from test_rdf_ntriples import odd_graph

from graph.model import Entity, Evidence, Relation
from graph.rdf.convert import to_rdf
from graph.rdf.publish import publish
from graph.rdf.query import run_query
from graph.rdf import store as storing
from graph.rdf.store import open_store

ROOT = Path(__file__).resolve().parents[1]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENTITIES = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e rdfs:label ?label . FILTER NOT EXISTS { ?e a bf:Document } FILTER NOT EXISTS { ?e a bf:Quantity } }"""


def _count(out, sparql=COUNT) -> int:
    return int(run_query(out, sparql).rows[0][0])


def test_publish_writes_store_and_turtle(tmp_path):
    paths = publish(tiny_graph(), tmp_path)
    assert paths == [tmp_path / "store", tmp_path / "graph.ttl"]
    assert _count(tmp_path) > 50
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store.")]


def test_store_and_turtle_hold_exactly_the_triples_of_to_rdf(tmp_path, monkeypatch):
    monkeypatch.setattr(storing, "CHUNK", 500)  # many bulk loads into one store, on the loader's thread
    graph = odd_graph()
    publish(graph, tmp_path / "fresh")
    rdf = to_rdf(graph)
    assert set(Graph().parse(tmp_path / "fresh" / "graph.ttl", format="turtle")) == set(rdf)
    assert _count(tmp_path / "fresh") == len(rdf) > 100
    stored = run_query(tmp_path / "fresh", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows
    assert {value for row in stored for value in row} == {str(term) for triple in rdf for term in triple}


def test_publishing_twice_gives_identical_turtle_and_store(tmp_path):
    publish(tiny_graph(), tmp_path / "a")
    publish(tiny_graph(), tmp_path / "b")
    first = (tmp_path / "a" / "graph.ttl").read_bytes()
    publish(tiny_graph(), tmp_path / "a")
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == first == (tmp_path / "b" / "graph.ttl").read_bytes()
    assert _count(tmp_path / "a") == _count(tmp_path / "b")


def test_publish_in_two_processes_with_different_hash_seeds_gives_the_same_bytes(tmp_path):
    script = ("import sys; sys.path.insert(0, 'tests')\nfrom graphs import tiny_graph\n"
              "from graph.rdf.publish import publish\npublish(tiny_graph(), sys.argv[1])\n")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed)], cwd=ROOT, check=True, timeout=120,
                       env={**os.environ, "PYTHONHASHSEED": seed})
    assert (tmp_path / "1" / "graph.ttl").read_bytes() == (tmp_path / "2" / "graph.ttl").read_bytes()


def test_adding_a_document_merges_entities_instead_of_duplicating(tmp_path):
    publish(tiny_graph(), tmp_path)
    before = _count(tmp_path, ENTITIES)
    county = LUEYANG.key
    second = extraction("b.txt")
    town = Entity("div:610727100", "接官亭镇", "Township", (), "610727100", county, "Jieguanting Zhen")
    sentence = "接官亭镇位于略阳县。"
    relation = Relation(town.key, county, "located_in", "text", Evidence("b.txt", sentence, sentence, 0, 10))
    second = type(second)(second.doc, second.meta, (*second.entities, town), second.mentions,
                          (*second.relations, relation))
    publish(tiny_graph(extraction(), second), tmp_path)
    assert _count(tmp_path, ENTITIES) == before + 1  # only the new town is new
    labels = run_query(tmp_path, 'SELECT ?x WHERE { ?x rdfs:label "略阳县"@zh-Hans }').rows
    assert labels == (("https://w3id.org/bangfu/id/division/610727",),)
    evidence = run_query(tmp_path, "SELECT ?e WHERE { ?p bf:relation bf:assists ; bf:evidence ?e }").rows
    assert len(evidence) == 2  # one partnership, now with a sentence from each document
    partnerships = run_query(tmp_path, "SELECT ?p WHERE { ?p a bf:Partnership }").rows
    assert len(partnerships) == 2


def test_a_failed_publish_leaves_the_previous_build(tmp_path):
    publish(tiny_graph(), tmp_path)
    turtle = (tmp_path / "graph.ttl").read_bytes()
    broken = tiny_graph()
    broken.nodes[LUEYANG.key]["lat"] = "north"  # not a number: conversion fails
    with pytest.raises(Exception):
        publish(broken, tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == turtle
    assert _count(tmp_path) > 50


def _big_graph():
    extra = tuple(Entity(f"School:第{i}中学", f"第{i}中学", "School", (), None, LUEYANG.key) for i in range(3000))
    return tiny_graph(extraction("a.txt", extra))


KILL_SCRIPT = """
import sys; sys.path.insert(0, "tests")
from test_rdf_publish import _big_graph
from graph.rdf.convert import to_rdf
from graph.rdf.serialise import serialise
from graph.rdf.store import build_store, swap_in
ntriples = serialise(to_rdf(_big_graph()), "nt")
print("ready", flush=True)
while True:  # the store phase of publish, over and over, so kills land anywhere in it
    swap_in(sys.argv[1], build_store(sys.argv[1], ntriples))
"""


@pytest.mark.slow
def test_a_killed_publish_leaves_an_openable_store(tmp_path):
    publish(tiny_graph(), tmp_path)
    for delay in (0.05, 0.17, 0.29, 0.41, 0.53, 0.66, 0.78, 0.9):
        child = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert _count(tmp_path) > 50, f"store unusable after a kill {delay}s into building stores"
    publish(tiny_graph(), tmp_path)  # the next build clears what the killed ones left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "store"]


def test_a_publish_whose_store_fails_leaves_the_previous_turtle_and_store(tmp_path, monkeypatch):
    publish(tiny_graph(), tmp_path)
    before = (tmp_path / "graph.ttl").read_bytes()

    def fails(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(storing.Loader, "finish", fails)
    with pytest.raises(OSError):
        publish(odd_graph(), tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == before  # the new Turtle was written aside, then dropped
    assert not list(tmp_path.glob(".graph.ttl.new")) and len(open_store(tmp_path)) > 0
