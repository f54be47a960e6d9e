"""The main job as a visible loop: ingest → extract → resolve → build → publish, views and exports.

Every input ends up processed or skipped with its reason in the RunReport. A build writes its outputs into
a fresh generation folder while the output folder is locked, then switches them all in at once
(graph/outputs.py), so a failed or killed run leaves the previous build whole.
"""
from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from concurrent.futures import Executor
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Iterator, Sequence

from . import carry, outputs
from .collect import collect, gone
from .errors import InputError
from .files import atomic_write, dumps, write_jsonl, write_text
from .incremental import Task, build_fingerprint, intact, opened as _opened, remember, scan, up_to_date
from .ingest import read_corpus
from .model import Extraction, RunReport, Skipped
from .outcome import Outcome
from .parallel import ordered_map, started_pool
from .work import extract_one, process_file, warm_up

Progress = Callable[[str], None]


@contextmanager
def _timed(report: RunReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    report.timings[stage] = round(report.timings.get(stage, 0.0) + time.perf_counter() - start, 3)


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


OUTPUTS = ("extractions.jsonl", "graph.json", "graph.ttl", "graph.html", "graph.gexf", "report.json")
CARRY_LIMIT = 0.25  # when more of the corpus than this is new, changed or gone, rebuild the store anew
CARRY_ALWAYS = 50  # ... unless so few documents changed that either way is instant


def _engine(workers: int, engine: str, scheduler: str | None,
            pool: Executor | None = None) -> Callable[[Iterable[Task]], Iterator[Outcome]]:
    if engine == "dask":
        from .dask_engine import dask_map

        return lambda tasks: dask_map(process_file, tasks, scheduler, workers)
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}: use local or dask")
    if scheduler:
        raise InputError("--scheduler needs --engine dask")

    def mapped(tasks: Iterable[Task]) -> Iterator[Outcome]:
        yield from ordered_map(process_file, tasks, workers, warm_up, pool)
        if pool is not None:  # started early for this map: its workers' memory is not kept through the rest
            pool.shutdown()

    return mapped


def _early_pool(out: Path, workers: int, engine: str, cache: bool) -> ContextManager[Executor | None]:
    """Worker processes started before the scan when a build will surely extract (a cold build with more
    than one local worker), so that they load jieba and the gazetteer while the corpus is scanned."""
    if workers > 1 and engine == "local" and (not cache or outputs.current_generation(out) is None):
        return started_pool(workers, warm_up)
    return nullcontext()


def run(inputs, out: str | os.PathLike, progress: Progress | None = None, workers: int = 1,
        engine: str = "local", scheduler: str | None = None, cache: bool = True) -> RunReport:
    """Build the graph of a corpus into the folder `out` and return what happened.

    `workers` processes (or a dask cluster with engine="dask") ingest and extract the documents; the
    outputs do not depend on how many. With `cache`, what each document yields is kept under OUT/cache
    and reused while the file, the extractor and its data are unchanged; the previous build's graph state
    is carried over and only the documents added, changed or removed change it and the store; when
    nothing changed at all, the previous outputs are kept as they are.
    """
    from . import rdf

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = RunReport()
    with (rdf.lock(out), _early_pool(out, workers, engine, cache) as pool,
          _opened(out if cache else None) as store):
        mapper = _engine(workers, engine, scheduler, pool)
        with _timed(report, "scan"):
            sources = scan(inputs, store)
            fingerprint = build_fingerprint(sources) if store is not None else None
        if store is not None and up_to_date(store, out, fingerprint, OUTPUTS):
            return _previous_report(out, report, progress, len(sources))
        outputs.discard_stale(out)  # generations left by killed builds
        carried, old = _carried(out, store, sources)
        generation = outputs.new_generation(out)
        try:
            _build_into(generation, sources, store, mapper, report, progress, carried, old,
                        outputs.current_generation(out))
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        outputs.commit(out, generation, (*OUTPUTS, "store"))  # one rename switches every output
        report.outputs = _outputs(out)
        if store is not None:
            # A document the scan listed but the build could not read (a transient failure) makes the next
            # build try again instead of finding everything up to date.
            late = len(report.processed) < sum(1 for s in sources if not isinstance(s, Skipped))
            remember(store, out, "" if late else fingerprint, OUTPUTS)
    return report


def _carried(out: Path, store, sources) -> tuple[carry.Carried | None, list]:
    """Return the previous build's state and the cached outcomes of the documents it loses, when it can be
    carried over and little enough changed; else (None, [])."""
    previous = outputs.current_generation(out)
    if store is None or previous is None:
        return None, []
    carried = carry.load(previous, intact(store, out, OUTPUTS))
    if carried is None:
        return None, []
    current = sum(1 for s in sources if not isinstance(s, Skipped))
    old = gone(carried, sources, store)
    new = current - (len(carried.docs) - len(old or ()))
    if old is None or len(old) + new > max(CARRY_LIMIT * current, CARRY_ALWAYS):
        return None, []  # a fresh bulk load of the store is then the faster way
    return carried, old


def _build_into(folder: Path, sources, store, mapper, report: RunReport, progress: Progress | None,
                carried: carry.Carried | None, old: list, previous: Path | None) -> None:
    """Extract, build and write every output of a build into `folder` (a fresh generation)."""
    from . import views
    from .build import build_graph, graph_to_json
    from .export import export
    from .rdf.publish import Change, aggregate_statements, publish_spool
    from .rdf.spool import Spool

    with Spool(folder, load=carried is None) as spool:  # a cold build loads its store as it goes
        with _timed(report, "ingest+extract"), atomic_write(folder / "extractions.jsonl") as jsonl:
            got = collect(sources, store, mapper, process_file, carried, old, jsonl, spool, report, progress)
        with _timed(report, "resolve+build"):
            graph = build_graph(got.state)
            aggregate = aggregate_statements(graph)
        change = None
        if carried is not None and previous is not None:
            change = Change(previous / "store", carried.aggregate, tuple(got.removed), tuple(got.added))
        if carried is None:  # the store's last chunk and compaction run on the loader's thread, beside what follows
            spool.seal(aggregate)
        with _timed(report, "write"):
            write_text(folder / "graph.json", graph_to_json(graph))
        with _timed(report, "views"):
            views.write_overview(graph, folder / "graph.html")
        with _timed(report, "exports"):
            export(graph, "gexf", folder / "graph.gexf")
        report.entities = dict(sorted(Counter(d["type"] for _n, d in graph.nodes(data=True)).items()))
        report.relations = dict(sorted(Counter(k for _u, _v, k in graph.edges(keys=True)).items()))
        write_text(folder / "report.json", report_json(report))
        if store is not None:
            with _timed(report, "carry"):
                carry.save(folder, carry.Carried(got.state, got.docs, frozenset(aggregate)))
        with _timed(report, "rdf"):
            publish_spool(folder, spool, aggregate, change)


def _outputs(out: Path) -> list[str]:
    return sorted(str(out / name) for name in (*OUTPUTS, "store"))


def _previous_report(out: Path, report: RunReport, progress: Progress | None, count: int) -> RunReport:
    """Fill the report from the unchanged build's report.json."""
    import json

    previous = json.loads((out / "report.json").read_text(encoding="utf-8"))
    report.processed = previous["documents"]["processed"]
    report.skipped = [Skipped(s["path"], s["reason"]) for s in previous["documents"]["skipped"]]
    report.entities, report.relations = previous["entities"], previous["relations"]
    report.outputs = _outputs(out)
    if progress:
        for doc_id in report.processed:
            progress(f"{doc_id} (unchanged)")
    return report
