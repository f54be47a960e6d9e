import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from graphs import tiny_graph

from graph.errors import InputError
from graph.rdf.publish import publish
from graph.rdf.serve import server_command

QUERY = """PREFIX bf: <https://w3id.org/bangfu/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?helper WHERE { ?h bf:assists <https://w3id.org/bangfu/id/division/610727> ; rdfs:label ?helper .
  FILTER(LANG(?helper) = "zh-hans") }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _bangfu() -> list[str]:
    return [sys.executable, "-m", "graph"]


def _post(url: str, body: str, content_type: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                     headers={"Content-Type": content_type,
                                              "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail("the server did not start listening within 30 s")


def test_bangfu_serve_answers_sparql_over_http_and_refuses_updates(tmp_path):
    publish(tiny_graph(), tmp_path)
    port = _free_port()
    server = subprocess.Popen([*_bangfu(), "serve", str(tmp_path), "--port", str(port)],
                              cwd=Path(__file__).resolve().parents[1], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUTF8": "1"})
    try:
        _wait_until_up(port, server)
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": QUERY})
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
        assert [b["helper"]["value"] for b in answer["results"]["bindings"]] == ["西安理工大学"]
        status, _ = _post(f"http://127.0.0.1:{port}/update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                          "application/sparql-update")
        assert status >= 400  # read-only by default
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
        server.stderr.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()


def test_server_command_is_read_only_on_loopback_unless_told(tmp_path):
    publish(tiny_graph(), tmp_path)
    command = server_command(tmp_path)
    assert command[1:] == ["serve-read-only", "--location", str(tmp_path / "store"), "--bind", "127.0.0.1:7878"]
    assert Path(command[0]).name.startswith("oxigraph")
    assert server_command(tmp_path, "::1", 9000, allow_update=True)[1:] == [
        "serve", "--location", str(tmp_path / "store"), "--bind", "[::1]:9000"]


def test_serve_without_a_store_fails_cleanly(tmp_path):
    with pytest.raises(InputError, match="no RDF store there"):
        server_command(tmp_path)
    done = subprocess.run([*_bangfu(), "serve", str(tmp_path)], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 1 and "no RDF store there" in done.stderr
