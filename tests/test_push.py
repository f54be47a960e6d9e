"""bangfu push: a build's RDF goes to a standalone Oxigraph server and can be queried back over HTTP."""
import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.errors import BangfuError, InputError
from graph.pipeline import run
from graph.push import push, target_url
from graph.rdf.serve import oxigraph_binary
from graph.resources import sample_corpus

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { %s }"
HELPERS = """PREFIX bf: <https://w3id.org/bangfu/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?helper WHERE { GRAPH ?g { ?h bf:assists <https://w3id.org/bangfu/id/division/610727> ;
  rdfs:label ?helper . FILTER(LANG(?helper) = "zh-hans") } }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _select(port: int, query: str) -> list[dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=query.encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["results"]["bindings"]


def _count(port: int, pattern: str) -> int:
    return int(_select(port, COUNT % pattern)[0]["n"]["value"])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("push") / "out"
    run(sample_corpus(), out, cache=False)
    return out


@contextmanager
def _serving(mode: str, location: Path) -> Iterator[int]:
    """Run `oxigraph MODE --location LOCATION` on a free port until the block ends; yield the port."""
    port = _free_port()
    process = subprocess.Popen([oxigraph_binary(), mode, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stderr.read()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "oxigraph did not start listening within 30 s"
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def server(tmp_path) -> Iterator[int]:
    with _serving("serve", tmp_path / "db") as port:
        yield port


def _triples(out: Path) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))


def test_push_replaces_the_default_graph_and_queries_come_back(built, server):
    pushed = push(built, f"http://127.0.0.1:{server}/store")
    assert pushed.method == "PUT" and 200 <= pushed.status < 300
    assert pushed.url.endswith("/store?default")
    expected = _triples(built)
    assert _count(server, "?s ?p ?o") == expected
    push(built, f"http://127.0.0.1:{server}/store")  # PUT again: replaced, not doubled
    assert _count(server, "?s ?p ?o") == expected


def test_push_to_a_named_graph_from_the_command_line(built, server):
    iri = "https://example.org/graphs/bangfu"
    result = CliRunner().invoke(cli, ["push", str(built), "--endpoint", f"http://127.0.0.1:{server}/store",
                                      "--graph", iri], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"PUT http://127.0.0.1:{server}/store?graph=https%3A%2F%2Fexample.org")
    assert _count(server, f"GRAPH <{iri}> {{ ?s ?p ?o }}") == _triples(built)
    helpers = {row["helper"]["value"] for row in _select(server, HELPERS)}
    assert "西安理工大学" in helpers


def test_append_adds_to_what_is_there(built, server):
    endpoint = f"http://127.0.0.1:{server}/store"
    push(built, endpoint, graph="https://example.org/a")
    pushed = push(built, endpoint, graph="https://example.org/a", append=True)
    assert pushed.method == "POST"
    assert _count(server, "GRAPH <https://example.org/a> { ?s ?p ?o }") == _triples(built)  # same triples: a set


def test_target_url_keeps_the_endpoint_query_and_refuses_other_schemes():
    assert target_url("http://h:3030/ds/data") == "http://h:3030/ds/data?default"
    assert target_url("http://h/gsp?x=1", "urn:g") == "http://h/gsp?x=1&graph=" + urllib.parse.quote("urn:g", safe="")
    with pytest.raises(InputError, match="'ftp://h/store' is not an http"):
        target_url("ftp://h/store")


def test_push_without_a_build_or_a_server_fails_cleanly(built, tmp_path):
    with pytest.raises(InputError, match="graph.ttl is missing; run `bangfu build CORPUS -o"):
        push(tmp_path, "http://127.0.0.1:9/store")
    with pytest.raises(BangfuError, match=r"cannot reach http://127.0.0.1:\d+/store .*is the SPARQL server running"):
        push(built, f"http://127.0.0.1:{_free_port()}/store")


def test_a_read_only_server_refusal_is_explained(built, tmp_path):
    subprocess.run([oxigraph_binary(), "load", "--location", str(tmp_path / "db"), "--file",
                    str(built / "graph.ttl")], check=True, capture_output=True)
    with _serving("serve-read-only", tmp_path / "db") as port:
        with pytest.raises(BangfuError, match=r"refused the graph: HTTP 4\d\d"):
            push(built, f"http://127.0.0.1:{port}/store")
