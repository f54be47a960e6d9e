"""Smoke test of the benchmark (bench/): it runs end to end on a tiny corpus and reports every figure."""
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from scaled_corpus import parse_size, write_scaled_corpus  # noqa: E402
from synthetic_graph import synthetic_graph  # noqa: E402

from graph.rdf import named_queries  # noqa: E402


def test_scaled_corpus_is_deterministic_and_about_the_size_asked(tmp_path, shared_seeds):
    first = write_scaled_corpus(parse_size("50K"), tmp_path / "a")
    second = write_scaled_corpus(parse_size("50K"), tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    total = sum(p.stat().st_size for p in first)
    assert 50 * 1024 <= total < 60 * 1024
    assert first[9].read_bytes().decode("gb18030")  # every tenth article in GB18030


def test_synthetic_graph_gives_every_named_query_its_parameters():
    from sparql_bench import parameters

    graph = synthetic_graph(200)
    params = parameters(graph)
    assert set(params) == set(named_queries())
    assert all(params[name].keys() == {p for p, _ in query.params} for name, query in named_queries().items())
    assert {d["type"] for _n, d in graph.nodes(data=True)} >= {"County", "University", "School", "Programme"}


def test_pipeline_bench_runs_on_a_tiny_corpus(tmp_path, shared_seeds):
    markdown = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(BENCH / "pipeline_bench.py"), "--sizes", "50K", "--triples", "0",
                           "--workdir", str(tmp_path / "work"), "--markdown", str(markdown)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    text = markdown.read_text(encoding="utf-8")
    for figure in ("| jieba |", "| extract |", "| ingest+extract |", "whole build, 2 workers", "byte-identical: **yes**",
                   "peak RSS", "nothing changed", "after adding 1 articles (1%)", "named queries on this build's store"):
        assert figure in text
