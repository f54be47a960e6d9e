"""A large graph shaped like a national build, for timing the RDF stage and the named SPARQL queries.

Divisions are the real current provinces, prefectures and counties of the shipped gazetteer; helpers
(universities, schools, enterprises, governments) and their partnerships with evidence are made up with a
fixed seed, in the attributes graph/build.py writes. Scale it with `partnerships`: about 25 triples each.
"""
from __future__ import annotations

import csv
import random

import networkx as nx

from graph.resources import seed

KINDS = ["对口帮扶", "结对帮扶", "捐赠", "跟岗培训", "支教", "定点帮扶"]
PROGRAMMES = ["三通两平台", "组团式帮扶", "银龄讲学计划", "国培计划", "春蕾计划"]
SUFFIXES = {"University": "大学", "School": "中学", "Enterprise": "集团有限公司", "Government": "教育局"}


def _divisions() -> list[dict]:
    with seed("gazetteer", "divisions.tsv").open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["current"] == "1"]
    return [row for row in rows if row["level"] in ("Province", "Prefecture", "County")]


def _node(graph, key, label, kind, parent=None, adcode=None, lon=None, lat=None, docs=()):
    graph.add_node(key, label=label, type=kind, adcode=adcode, parent=parent, province=None, prefecture=None,
                   lon=lon, lat=lat, romanised="", aliases=[], post=None, docs=sorted(docs))


def synthetic_graph(partnerships: int = 40_000, seed_value: int = 7) -> nx.MultiDiGraph:
    """Return a graph with real divisions and `partnerships` made-up helper → recipient edges."""
    rng = random.Random(seed_value)
    documents = max(partnerships // 2, 10)
    doc_ids = [f"{i // 1000:03d}/{i:06d}.txt" for i in range(documents)]
    graph = nx.MultiDiGraph(documents={d: {"title": f"教育帮扶报道{i}", "date": f"20{10 + i % 14}-0{1 + i % 9}-15",
                                           "source": "日报", "encoding": "utf-8", "format": "txt", "script": "hans"}
                                       for i, d in enumerate(doc_ids)})
    counties = []
    for row in _divisions():
        key = f"div:{row['adcode']}"
        parent = f"div:{row['parent']}" if row["parent"] else None
        lon, lat = (float(row["lon"]), float(row["lat"])) if row["lon"] and row["lat"] else (None, None)
        _node(graph, key, row["name"], row["level"], parent, row["adcode"], lon, lat, rng.sample(doc_ids, 1))
        if parent in graph:
            graph.add_edge(key, parent, key="located_in", type="located_in", kind="gazetteer", kinds=["gazetteer"],
                           weight=1, first_year=None, last_year=None, confidence=1.0, programmes=[], evidence=[])
        if row["level"] == "County":
            counties.append(key)
    helpers = {kind: [] for kind in SUFFIXES}
    sizes = {"University": partnerships // 40, "School": partnerships // 4, "Enterprise": partnerships // 20,
             "Government": partnerships // 40}
    for kind, count in sizes.items():
        for i in range(max(count, 5)):
            county = rng.choice(counties)
            key = f"{kind}:{graph.nodes[county]['label']}第{i}{SUFFIXES[kind]}"
            _node(graph, key, key.split(":", 1)[1], kind, county if kind != "University" else None,
                  docs=rng.sample(doc_ids, 2))
            helpers[kind].append(key)
    programmes = [f"Programme:{name}" for name in PROGRAMMES]
    for key in programmes:
        _node(graph, key, key.split(":", 1)[1], "Programme", docs=rng.sample(doc_ids, 3))
    edges = 0
    while edges < partnerships:
        kind = rng.choices(list(SUFFIXES), weights=[3, 4, 2, 1])[0]
        source = rng.choice(helpers[kind])
        rtype = rng.choices(["assists", "partners", "trains"], weights=[6, 2, 2])[0]
        target = rng.choice(helpers["School"] if rtype == "partners" else counties + helpers["School"])
        if rtype == "partners":
            source, target = sorted((source, target))
        if source == target or graph.has_edge(source, target, key=rtype):
            continue
        edges += 1
        programme = rng.choice(programmes) if rng.random() < 0.2 else None
        evidence = []
        for doc in sorted(rng.sample(doc_ids, rng.randint(1, 3))):
            start = rng.randrange(2000)
            sentence = f"{graph.nodes[source]['label']}{rng.choice(KINDS)}{graph.nodes[target]['label']}。"
            evidence.append({"doc": doc, "sentence": sentence, "original": sentence, "start": start,
                             "end": start + len(sentence), "kind": rng.choice(KINDS), "year": rng.randint(2012, 2024),
                             "quantities": {"金额": f"{rng.randint(1, 500)}万元"} if rng.random() < 0.2 else {},
                             "programme": programme, "confidence": 0.8})
        kinds = sorted({row["kind"] for row in evidence})
        years = sorted(row["year"] for row in evidence)
        graph.add_edge(source, target, key=rtype, type=rtype, kind=kinds[0], kinds=kinds, weight=len(evidence),
                       first_year=years[0], last_year=years[-1], confidence=0.8,
                       programmes=[programme] if programme else [], evidence=evidence)
    return graph
