import os
import subprocess
import sys
from pathlib import Path

import pytest
from graphs import tiny_graph
from rdflib import Dataset, Graph

from graph.rdf.convert import to_rdf
from graph.rdf.serialise import FORMATS, serialise, write

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_parses_back_to_the_same_triples(fmt, tmp_path):
    rdf = to_rdf(tiny_graph())
    path = write(rdf, tmp_path / f"graph{FORMATS[fmt][1]}")
    if fmt == "trig":
        back = Dataset()
        back.parse(path, format="trig")
        triples = {(s, p, o) for s, p, o, _ in back.quads()}
    else:
        triples = set(Graph().parse(path, format=FORMATS[fmt][0]))
    assert triples == set(rdf)


def test_turtle_does_not_depend_on_insertion_order():
    rdf = to_rdf(tiny_graph())
    shuffled = Graph(bind_namespaces="none", namespace_manager=rdf.namespace_manager)
    for triple in sorted(rdf, reverse=True):
        shuffled.add(triple)
    assert serialise(shuffled) == serialise(rdf)


SCRIPT = """
import sys
sys.path.insert(0, "tests")
from graphs import tiny_graph
from graph.rdf.convert import to_rdf
from graph.rdf.serialise import serialise
sys.stdout.buffer.write(serialise(to_rdf(tiny_graph()), sys.argv[1]))
"""


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_output_is_byte_identical_whatever_the_hash_seed(fmt):
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", SCRIPT, fmt], cwd=ROOT, env=env, capture_output=True,
                              check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1 and len(outputs.pop()) > 1000
