"""Time a 5,000-node view: building the page in Python, and laying it out in headless Chromium.

Run: .venv/bin/python bench/views_bench.py [--nodes 5000] [--layout force|geo] [--keep FILE.html]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from graph.views import view, write_view  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic_graph(size: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """Return a graph shaped like a large build: provinces > prefectures > counties, helpers pairing with counties."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph(documents={f"d{i}.txt": {"title": f"报道{i}", "date": "2020-01-01", "source": "日报"}
                                       for i in range(50)})

    def node(key, label, kind, parent=None, lon=None, lat=None):
        graph.add_node(key, label=label, type=kind, adcode=key[4:] if key.startswith("div:") else None,
                       parent=parent, province=None, prefecture=None, lon=lon, lat=lat, romanised=label,
                       aliases=[], post=None, docs=[f"d{rng.randrange(50)}.txt"])

    def edge(u, v, rel, year=None):
        graph.add_edge(u, v, key=rel, type=rel, kind="对口帮扶" if rel != "located_in" else "gazetteer",
                       kinds=["对口帮扶"], weight=rng.randint(1, 4), first_year=year, last_year=year,
                       confidence=0.8, programmes=[], evidence=[{"doc": "d1.txt", "sentence": "某大学对口帮扶某县。",
                       "original": "某大学对口帮扶某县。", "start": 0, "end": 9, "kind": "对口帮扶", "year": year,
                       "quantities": {}, "programme": None, "confidence": 0.8}])

    counties, helpers = [], []
    for p in range(10):
        pkey = f"div:{11 + p:02d}0000"
        node(pkey, f"省{p}", "Province", lon=100 + 2 * p, lat=25 + p)
        for q in range(10):
            qkey = f"div:{11 + p:02d}{q + 1:02d}00"
            node(qkey, f"市{p}-{q}", "Prefecture", pkey, 100 + 2 * p + rng.random(), 25 + p + rng.random())
            edge(qkey, pkey, "located_in")
            for c in range(size // 250):
                ckey = f"div:{11 + p:02d}{q + 1:02d}{c + 1:02d}"
                node(ckey, f"县{p}-{q}-{c}", "County", qkey, 100 + 2 * p + rng.random(), 25 + p + rng.random())
                edge(ckey, qkey, "located_in")
                counties.append(ckey)
    kinds = ["University", "School", "Enterprise", "Government", "Organization"]
    while graph.number_of_nodes() < size:
        number = len(helpers)
        key = f"{kinds[number % 5]}:帮扶方{number}"
        node(key, f"帮扶方{number}", kinds[number % 5], rng.choice(counties))
        helpers.append(key)
        for county in rng.sample(counties, rng.randint(1, 3)):
            edge(key, county, "assists" if number % 3 else "trains", rng.choice([None, 2016, 2018, 2020]))
    return graph


def _browser_seconds(page_path: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-stable]", state="attached", timeout=600_000)
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--layout", default="force", choices=["force", "geo"])
    parser.add_argument("--keep", type=Path, help="also keep the page at this path")
    args = parser.parse_args()
    graph = synthetic_graph(args.nodes)
    start = time.perf_counter()
    net = view(graph, layout=args.layout)
    built = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        page = args.keep or Path(tmp) / "bench.html"
        start = time.perf_counter()
        write_view(net, page)
        written = time.perf_counter() - start
        size = page.stat().st_size
        stabilised = _browser_seconds(page)
    print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, layout {args.layout}")
    print(f"build view: {built:.2f}s; write page: {written:.2f}s ({size / 1e6:.1f} MB)")
    print(f"load and stabilise in Chromium: {stabilised:.2f}s")


if __name__ == "__main__":
    main()
