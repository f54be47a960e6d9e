"""The main job as a visible loop: ingest → extract → resolve → build → publish, views and exports.

Every input ends up processed or skipped with its reason in the RunReport; outputs are written atomically
while the output folder is locked, so a failed run leaves the previous build intact.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .build import build_graph, graph_to_json
from .extract import extract, to_record
from .files import dumps, write_jsonl, write_text
from .ingest import read_corpus
from .model import Document, Extraction, RunReport, Skipped
from .resolve.merge import resolve

Progress = Callable[[str], None]


@contextmanager
def _timed(report: RunReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    report.timings[stage] = round(report.timings.get(stage, 0.0) + time.perf_counter() - start, 3)


def extract_one(doc: Document) -> tuple[Extraction | None, dict | Skipped]:
    """Extract one document; a failure skips it with the reason instead of ending the batch."""
    try:
        ex = extract(doc)
    except Exception as err:  # a bug on one odd article must not lose the rest of the corpus
        return None, Skipped(doc.id, f"extraction failed ({type(err).__name__}: {err}); please report it")
    return ex, to_record(ex, doc.original_span)


def extract_corpus(inputs: str | os.PathLike | Sequence[str | os.PathLike], report: RunReport,
                   progress: Progress | None = None) -> Iterator[tuple[Extraction, dict]]:
    """Yield (extraction, record) for every readable document; add the others to report.skipped."""
    for item in read_corpus(inputs):
        name = item.path if isinstance(item, Skipped) else item.id
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            ex, record = extract_one(item)
            if ex is None:
                report.skipped.append(record)
            else:
                report.processed.append(item.id)
                yield ex, record
        if progress:
            progress(name)


def run_extract(inputs, output: str | os.PathLike, progress: Progress | None = None) -> RunReport:
    """Write one evaluation record per document to `output` (JSON Lines)."""
    report = RunReport()
    with _timed(report, "extract"):
        records = [record for _ex, record in extract_corpus(inputs, report, progress)]
        write_jsonl(output, records)
    _count(report, records)
    report.outputs.append(str(output))
    return report


def _count(report: RunReport, records: Iterable[dict]) -> None:
    entities, relations = Counter(), Counter()
    for record in records:
        entities.update(e["type"] for e in record["entities"])
        relations.update(r["type"] for r in record["relations"])
    report.entities, report.relations = dict(sorted(entities.items())), dict(sorted(relations.items()))


def report_json(report: RunReport) -> str:
    """The build report as stable JSON (OUT/report.json); timings are left out so rebuilds are identical."""
    return dumps({
        "documents": {"processed": sorted(report.processed),
                      "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped]},
        "entities": report.entities, "relations": report.relations,
    }) + "\n"


def run(inputs, out: str | os.PathLike, progress: Progress | None = None) -> RunReport:
    """Build the graph of a corpus into the folder `out` and return what happened."""
    from . import rdf, views
    from .export import export

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = RunReport()
    with rdf.lock(out):
        with _timed(report, "ingest+extract"):
            pairs = list(extract_corpus(inputs, report, progress))
        records = [record for _ex, record in pairs]
        with _timed(report, "resolve+build"):
            graph = build_graph(resolve(ex for ex, _record in pairs))
        with _timed(report, "write"):
            write_jsonl(out / "extractions.jsonl", records)
            write_text(out / "graph.json", graph_to_json(graph))
        with _timed(report, "rdf"):
            report.outputs += [str(p) for p in rdf.publish(graph, out)]
        with _timed(report, "views"):
            views.write_overview(graph, out / "graph.html")
            report.outputs.append(str(out / "graph.html"))
        with _timed(report, "exports"):
            export(graph, "gexf", out / "graph.gexf")
            report.outputs.append(str(out / "graph.gexf"))
        report.entities = dict(sorted(Counter(d["type"] for _n, d in graph.nodes(data=True)).items()))
        report.relations = dict(sorted(Counter(k for _u, _v, k in graph.edges(keys=True)).items()))
        write_text(out / "report.json", report_json(report))
        report.outputs = sorted({*report.outputs, str(out / "extractions.jsonl"), str(out / "graph.json"),
                                 str(out / "report.json")})
    return report
