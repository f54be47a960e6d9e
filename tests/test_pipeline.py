"""bangfu build end to end on the sample corpus: outputs, determinism, merging, skipped inputs."""
import json
import shutil

import pytest
from click.testing import CliRunner

from graph.build import load_graph
from graph.cli import cli
from graph.resources import sample_corpus

FILES = ("extractions.jsonl", "graph.json", "graph.ttl", "graph.html", "graph.gexf", "report.json")


def build(corpus, out, *extra):
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(out), *extra], catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    result = build(sample_corpus(), out)
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_every_output(built):
    for name in FILES:
        assert (built / name).stat().st_size > 0, name
    assert (built / "store").is_dir()
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    assert len(report["documents"]["processed"]) == len(list(sample_corpus().iterdir()))
    assert report["documents"]["skipped"] == []
    assert report["relations"]["assists"] > 0 and report["entities"]["County"] > 0


def test_rebuild_gives_identical_bytes(built, tmp_path):
    again = tmp_path / "again"
    assert build(sample_corpus(), again).exit_code == 0
    for name in FILES:
        assert (built / name).read_bytes() == (again / name).read_bytes(), name


def test_one_county_written_three_ways_is_one_node(built):
    graph = load_graph(built)
    lueyang = [n for n, d in graph.nodes(data=True) if d["adcode"] == "610727"]
    assert lueyang == ["div:610727"]
    assert {"略阳", "略陽縣"} <= set(graph.nodes["div:610727"]["aliases"])
    edge = graph.edges["University:西安理工大学", "div:610727", "assists"]
    assert edge["weight"] == 2  # two articles state it
    assert all(e["sentence"] for e in edge["evidence"])


def test_adding_a_document_merges_instead_of_duplicating(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus(), corpus)
    first = tmp_path / "first"
    assert build(corpus, first).exit_code == 0
    before = load_graph(first)
    (corpus / "09_new.txt").write_text("汉中市略阳县教育局与西安理工大学签订协议。由西安理工大学对口帮扶略阳县。",
                                       encoding="utf-8")
    assert build(corpus, first).exit_code == 0
    after = load_graph(first)
    assert set(before.nodes) <= set(after.nodes)
    assert sum(1 for _n, d in after.nodes(data=True) if d["label"] == "西安理工大学") == 1
    key = ("University:西安理工大学", "div:610727", "assists")
    assert after.edges[key]["weight"] == before.edges[key]["weight"] + 1


def test_skipped_inputs_are_reported_and_set_the_exit_code(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("由西安理工大学对口帮扶略阳县。", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = build(corpus, tmp_path / "out")
    assert result.exit_code == 3
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["documents"]["processed"] == ["a.txt"]
    assert {s["path"] for s in report["documents"]["skipped"]} == {"empty.txt", "image.txt"}
    assert all(s["reason"] for s in report["documents"]["skipped"])


def test_missing_corpus_is_a_clean_error(tmp_path):
    result = build(tmp_path / "nowhere", tmp_path / "out")
    assert result.exit_code == 1
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_extract_writes_the_evaluation_schema(tmp_path):
    out = tmp_path / "x.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(sample_corpus()), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc"] for r in records} == {p.name for p in sample_corpus().iterdir()}
    for record in records:
        for entity in record["entities"]:
            assert {"name", "type", "aliases", "mentions"} <= set(entity)
        for rel in record["relations"]:
            assert {"source", "target", "type", "kind", "evidence", "confidence"} <= set(rel)
            assert rel["type"] in ("assists", "partners", "trains")


def test_a_rebuild_says_how_many_documents_it_carried_over(tmp_path):
    corpus = shutil.copytree(sample_corpus(), tmp_path / "corpus")
    assert "carried over" not in build(corpus, tmp_path / "out").output
    (corpus / "new.txt").write_text("西北大学对口帮扶洛南县。", encoding="utf-8")
    result = build(corpus, tmp_path / "out")
    assert result.exit_code == 0
    assert f"{len(list(sample_corpus().iterdir()))} documents from the previous build" in result.output
