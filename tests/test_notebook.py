"""notebooks/explore.ipynb: committed without outputs, and runs top to bottom in a fresh kernel, offline."""
from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path
from xml.etree import ElementTree

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"

# Put before the notebook's own cells in the copy we run: any connection or name lookup that would leave
# the machine raises, so a cell that reaches for the network fails here instead of passing while online.
OFFLINE = '''
import socket

_LOCAL = ("127.0.0.1", "::1", "localhost")
_connect, _getaddrinfo = socket.socket.connect, socket.getaddrinfo


def _connect_locally(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOCAL:
        raise OSError(f"the notebook test runs offline; refused a connection to {address}")
    return _connect(sock, address)


def _resolve_locally(host, *args, **kwargs):
    if host not in (None, *_LOCAL):
        raise OSError(f"the notebook test runs offline; refused to look up {host}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.getaddrinfo = _connect_locally, _resolve_locally
'''
# Put after them: which Python the kernel runs, to prove it is this virtualenv's.
PREFIX = "import sys; print(sys.prefix)"
# Variables of the developer's shell that would change what the notebook does.
CLEARED = ("BANGFU_OUT", "BANGFU_ROMANISED", "MPLBACKEND")


def execute(folder: Path, **env: str) -> nbformat.NotebookNode:
    """Run a copy of the notebook in a fresh python3 kernel whose temporary files go into `folder`."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(OFFLINE, id="offline", metadata={"tags": ["offline"]}))
    notebook.cells.append(nbformat.v4.new_code_cell(PREFIX, id="prefix", metadata={"tags": ["prefix"]}))
    client = NotebookClient(notebook, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(folder)}})
    kernel_env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    client.execute(env={**kernel_env, "TMPDIR": str(folder), **env})  # raises on the first failing cell
    return notebook


def cell(notebook: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    found = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(found) == 1, f"no single cell tagged {tag!r}"
    return found[0]


def text(notebook: nbformat.NotebookNode, tag: str) -> str:
    """Return the printed text, plain and HTML renderings of the outputs of the cell tagged `tag`."""
    parts = []
    for output in cell(notebook, tag).outputs:
        parts.append(output.get("text", ""))
        parts += [output.get("data", {}).get(mime, "") for mime in ("text/plain", "text/html")]
    return "\n".join(parts)


def stderr(notebook: nbformat.NotebookNode) -> str:
    return "".join(o.text for c in notebook.cells if c.cell_type == "code" for o in c.outputs
                   if o.output_type == "stream" and o.name == "stderr")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> tuple[nbformat.NotebookNode, Path]:
    """The notebook run on the sample corpus, building it into its own temporary folder."""
    folder = tmp_path_factory.mktemp("fresh")
    return execute(folder), folder


@pytest.fixture(scope="module")
def reopened(fresh, tmp_path_factory) -> tuple[nbformat.NotebookNode, Path]:
    """The notebook run again on the first run's build (BANGFU_OUT), with romanised chart labels forced."""
    builds = sorted(fresh[1].glob("bangfu-explore-*/build"))
    assert len(builds) == 1, builds
    folder = tmp_path_factory.mktemp("reopened")
    return execute(folder, BANGFU_OUT=str(builds[0]), BANGFU_ROMANISED="1"), folder


def test_the_committed_notebook_has_no_outputs_or_execution_counts():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code
    stale = [c.id for c in code if c.outputs or c.execution_count is not None]
    assert not stale, f"strip the outputs of {stale} before committing (the test runs the notebook itself)"
    assert notebook.metadata.kernelspec.name == "python3"



@pytest.mark.slow
def test_it_runs_without_errors_in_this_virtualenvs_kernel(fresh):
    notebook, _folder = fresh
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert re.match(r"built [1-9]\d* articles from \S+ into ", text(notebook, "build"))
    assert cell(notebook, "prefix").outputs[0].text.strip() == sys.prefix


@pytest.mark.slow
def test_the_helpers_of_lueyang_are_a_table_naming_the_university(fresh):
    notebook, _folder = fresh
    output = cell(notebook, "helpers").outputs[0].data["text/html"]
    assert output.lstrip().startswith("<div>") and "<table" in output  # pandas' rendering
    for helper in ("西安理工大学", "江都区教育局", "陕西汉鼎数控装备有限公司"):
        assert helper in output
    counts = re.findall(r"^(\S+): (\d+) rows$", text(notebook, "helpers-names"), re.M)
    assert [name for name, _n in counts] == ["略阳县", "略阳", "610727"]
    assert len({n for _name, n in counts}) == 1 and int(counts[0][1]) > 0


@pytest.mark.slow
def test_a_hostile_parameter_matches_nothing_and_changes_nothing(fresh):
    notebook, _folder = fresh
    output = text(notebook, "injection")
    assert "0 rows for the hostile value" in output
    assert int(re.search(r"(\d+) triples still in the store", output)[1]) > 1000


@pytest.mark.slow
@pytest.mark.parametrize("tag, expected", [
    ("triples", ["Lüeyang Xian", "https://w3id.org/bangfu/id/division/610700"]),
    ("first-query", ["西安理工大学", "雁塔区教育局"]),
    ("named", ["helpers", "universities-helping-prefecture"]),
    ("counties-helped", ["略阳县", "汉中市"]),
    ("universities", ["陕西师范大学", "西安理工大学", "镇巴县"]),
    ("by-programme", ["三名+工程", "西安市铁一中学", "镇巴中学"]),
    ("divisions", ["略阳县", "镇巴县", "宁强县"]),
    ("evidence", ["01_xaut_lueyang.txt", "西安理工大學定點幫扶略陽"]),  # the Big5 article's own characters
    ("helpers-degree", ["陕西师范大学"]),
    ("county-helpers", ["略阳县", "西安理工大学"]),
    ("components", ["organisations tied to their place", "环县"]),
    ("betweenness", ["陕西师范大学"]),
])
def test_each_step_shows_its_answer(fresh, tag, expected):
    output = text(fresh[0], tag)
    for value in expected:
        assert value in output


@pytest.mark.slow
def test_the_network_is_drawn_inline_from_a_self_contained_page(fresh):
    output = cell(fresh[0], "view").outputs[0].data["text/html"]
    assert 'sandbox="allow-scripts"' in output
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', output)[1])
    assert "new vis.Network" in page and "西安理工大学" in page
    assert "default-src 'none'" in page  # the page may load nothing
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=|<link\b", page)


@pytest.mark.slow
def test_the_chart_is_drawn_without_missing_glyphs_in_both_label_modes(fresh, reopened):
    for notebook in (fresh[0], reopened[0]):
        assert any("image/png" in o.get("data", {}) for o in cell(notebook, "chart").outputs)
        assert "missing from font" not in stderr(notebook)  # matplotlib's warning when it draws tofu
    assert re.match(r"labels: (Chinese, drawn with \S|romanised \(no Chinese font found\))", text(fresh[0], "chart"))
    assert text(reopened[0], "chart").startswith("labels: romanised (BANGFU_ROMANISED is set)")


@pytest.mark.slow
def test_the_gephi_exports_land_in_the_temporary_folder(fresh):
    notebook, folder = fresh
    (gephi,) = folder.glob("bangfu-explore-*/gephi")
    assert sorted(p.name for p in gephi.iterdir()) == ["bangfu.gexf", "edges.csv", "nodes.csv"]
    root = ElementTree.parse(gephi / "bangfu.gexf").getroot()
    assert root.tag.endswith("gexf") and len(root.findall(".//{*}node")) > 50
    assert "西安理工大学" in (gephi / "nodes.csv").read_text(encoding="utf-8")
    assert "bangfu.gexf" in text(notebook, "export")


@pytest.mark.slow
def test_bangfu_out_opens_an_existing_build_instead_of_building(fresh, reopened):
    notebook, folder = reopened
    build = next(fresh[1].glob("bangfu-explore-*/build"))
    assert text(notebook, "build").startswith(f"opening the build in {build}")
    assert not list(folder.glob("bangfu-explore-*/build"))
    assert "西安理工大学" in cell(notebook, "helpers").outputs[0].data["text/html"]
