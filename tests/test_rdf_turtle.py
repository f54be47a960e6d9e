import os
import subprocess
import sys
from pathlib import Path

from graphs import tiny_graph
from rdflib import Graph
from test_rdf_ntriples import ODD, odd_graph

from graph.rdf.convert import to_rdf
from graph.rdf.ntriples import statements
from graph.rdf.turtle import write_turtle

ROOT = Path(__file__).resolve().parents[1]


def test_turtle_parses_back_to_the_same_triples_with_awkward_text(tmp_path):
    graph = odd_graph()
    path = write_turtle(tmp_path / "graph.ttl", statements(graph))
    back = Graph().parse(path, format="turtle")
    assert set(back) == set(to_rdf(graph))
    assert ODD in {str(o) for o in back.objects()}


def test_turtle_groups_by_subject_with_prefixes(tmp_path):
    text = write_turtle(tmp_path / "graph.ttl", statements(tiny_graph())).read_text(encoding="utf-8")
    assert text.startswith("@prefix bf: <https://w3id.org/bangfu/ontology#> .\n")
    county = text.split("<https://w3id.org/bangfu/id/division/610727> ", 1)[1].split(" .\n\n", 1)[0]
    assert county.startswith("a bf:County ;\n    rdfs:label ")
    assert '"Lueyang Xian"@zh-Latn-pinyin, "略阳县"@zh-Hans' in county
    assert 'geo:lat "33.33"^^xsd:decimal' in county
    assert text.count("<https://w3id.org/bangfu/id/division/610727> a ") == 1  # one block per subject


def test_turtle_parses_back_for_an_empty_graph(tmp_path):
    path = write_turtle(tmp_path / "empty.ttl", [])
    assert len(Graph().parse(path, format="turtle")) == 0


SCRIPT = """
import sys
sys.path.insert(0, "tests")
from test_rdf_ntriples import odd_graph
from graph.rdf.ntriples import statements
from graph.rdf.turtle import write_turtle_to
write_turtle_to(sys.stdout, statements(odd_graph()))
"""


def test_turtle_is_byte_identical_whatever_the_hash_seed():
    outputs = set()
    for seed in ("0", "1", "4242"):
        done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"})
        outputs.add(done.stdout)
    assert len(outputs) == 1 and len(outputs.pop()) > 1000
