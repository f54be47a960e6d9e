"""Time every named query on a synthetic graph of about a million triples: Oxigraph, and rdflib in memory.

Oxigraph runs the named queries (LATERAL); rdflib, which cannot parse LATERAL, runs their portable SPARQL 1.1
forms (graph/rdf/queries/portable/), which give the same rows.

Run: .venv/bin/python bench/sparql_bench.py [--triples 1000000] [--budget 60] [--workdir DIR]
Each engine runs in a child process so that a query slower than the budget can be stopped (and the child
restarted for the queries left); rdflib's time to parse the graph is reported too.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_graph import synthetic_graph  # noqa: E402

from graph.rdf import named_queries, query_out  # noqa: E402
from graph.rdf.query import DEFAULT_PREFIXES  # noqa: E402

TRIPLES_PER_PARTNERSHIP = 36  # measured: to_rdf gives ~36 triples for each partnership, its evidence and helper
RUNS = 5


def _most(graph, test) -> str:
    """Return the label of the node with the most partnership edges among those passing `test`."""
    degree = {}
    for u, v, key in graph.edges(keys=True):
        if key != "located_in":
            for node in (u, v):
                if test(graph.nodes[node]):
                    degree[node] = degree.get(node, 0) + 1
    return max(sorted(degree), key=degree.get)


def parameters(graph) -> dict[str, dict[str, str]]:
    """Pick busy, realistic parameters for each named query from the graph."""
    label = lambda key: graph.nodes[key]["label"]  # noqa: E731
    county = _most(graph, lambda d: d["type"] == "County")
    university = _most(graph, lambda d: d["type"] == "University")
    school = _most(graph, lambda d: d["type"] == "School")
    prefecture = graph.nodes[county]["parent"]
    source, target, _key = max(((u, v, k) for u, v, k in graph.edges(keys=True) if k != "located_in"),
                               key=lambda e: (len(graph.edges[e]["evidence"]), e))
    given = {"county": label(county), "university": label(university), "school": label(school),
             "prefecture": label(prefecture), "programme": "三通两平台", "source": label(source),
             "target": label(target)}
    return {name: {p: given[p] for p, _what in query.params} for name, query in named_queries().items()}


def _oxigraph_child(out: str, names: list[str], params: dict, queue) -> None:
    queue.put(("ready", 0.0, 0))
    for name in names:
        rows = len(query_out(out, named=name, params=params[name]).rows)  # warm-up
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            query_out(out, named=name, params=params[name])
            times.append(time.perf_counter() - start)
        queue.put(("query", name, statistics.median(times), rows))


RDFLIB_RUNS = 3  # rdflib takes seconds where Oxigraph takes milliseconds; three runs give a median


def _rdflib_child(path: str, names: list[str], params: dict, queue) -> None:
    from rdflib import Graph, Literal, Variable

    start = time.perf_counter()
    graph = Graph()
    graph.parse(path, format="nt")
    queue.put(("ready", time.perf_counter() - start, len(graph)))
    for name in names:
        # rdflib cannot parse LATERAL, so it runs the portable SPARQL 1.1 form (same rows)
        query = named_queries()[name].portable
        bindings = {Variable(k): Literal(v) for k, v in params[name].items()}
        times = []
        for _ in range(RDFLIB_RUNS):
            start = time.perf_counter()
            rows = len(list(graph.query(query, initNs=DEFAULT_PREFIXES, initBindings=bindings)))
            times.append(time.perf_counter() - start)
        queue.put(("query", name, statistics.median(times), rows))


def budgeted(child_main, source: Path, params: dict, budget: float,
             ready_budget: float = 900) -> tuple[dict, float | None]:
    """Run the named queries in a child process; a query slower than `budget` seconds is stopped (None) and
    the child restarted for the queries left. Return {name: (seconds, rows) or None} and the setup time."""
    left, found, setup = list(named_queries()), {}, None
    context = mp.get_context("spawn")
    while left:
        queue = context.Queue()
        child = context.Process(target=child_main, args=(str(source), left, params, queue), daemon=True)
        child.start()
        try:
            setup = queue.get(timeout=ready_budget)[1]
            while left:
                _kind, name, seconds, rows = queue.get(timeout=budget)
                found[name] = (seconds, rows)
                left.remove(name)
        except Exception:  # queue.Empty: this query ran out of time (or the setup did)
            if setup is None:
                return {**found, **{name: None for name in left}}, None
            found[left.pop(0)] = None
        finally:
            child.kill()
            child.join()
    return found, setup


def sparql_bench(triples: int, workdir: Path, budget: float) -> dict:
    """Build the synthetic store and time the queries on both engines; return the figures."""
    from graph.rdf.convert import to_rdf
    from graph.rdf.serialise import serialise
    from graph.rdf.store import build_store, swap_in

    workdir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    graph = synthetic_graph(max(triples // TRIPLES_PER_PARTNERSHIP, 50))
    rdf = to_rdf(graph)
    convert = time.perf_counter() - start
    count = len(rdf)
    start = time.perf_counter()
    ntriples = serialise(rdf, "nt")
    serialise_seconds = time.perf_counter() - start
    del rdf
    out = workdir / "sparql-out"
    out.mkdir(exist_ok=True)
    start = time.perf_counter()
    swap_in(out, build_store(out, ntriples))
    load = time.perf_counter() - start
    path = workdir / "synthetic.nt"
    path.write_bytes(ntriples)
    del ntriples
    params = parameters(graph)
    oxigraph, _ = budgeted(_oxigraph_child, out, params, budget)
    rdflib, parse_seconds = budgeted(_rdflib_child, path, params, budget)
    return {"triples": count, "convert": convert, "nt": serialise_seconds, "load": load, "params": params,
            "oxigraph": oxigraph, "rdflib": rdflib, "rdflib_parse": parse_seconds, "budget": budget}


def render(figures: dict) -> str:
    """Return the figures as a Markdown table."""
    lines = [f"Synthetic graph: {figures['triples']:,} triples (networkx → to_rdf {figures['convert']:.1f} s, "
             f"N-Triples {figures['nt']:.1f} s, Oxigraph bulk load {figures['load']:.1f} s; rdflib parse "
             + (f"{figures['rdflib_parse']:.1f} s)" if figures["rdflib_parse"] else "did not finish)"), "",
             f"| named query | Oxigraph (`bangfu query`), median of {RUNS} (ms) | rows | rdflib, portable form, "
             f"median of {RDFLIB_RUNS} (ms) | rows |", "|---|---:|---:|---:|---:|"]
    stopped = f"> {figures['budget']:.0f} s (stopped)"
    for name in named_queries():
        ours, theirs = figures["oxigraph"].get(name), figures["rdflib"].get(name)
        lines.append(f"| {name} | {f'{ours[0] * 1000:,.1f}' if ours else stopped} | {ours[1] if ours else '-'} | "
                     f"{f'{theirs[0] * 1000:,.0f}' if theirs else stopped} | {theirs[1] if theirs else '-'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--budget", type=float, default=60, help="seconds allowed to each query before it is stopped")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bangfu-bench"))
    args = parser.parse_args(argv)
    print(render(sparql_bench(args.triples, args.workdir, args.budget)))


if __name__ == "__main__":
    main()
