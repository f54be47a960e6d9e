"""Time bangfu against plain jieba on scaled corpora: stages, whole builds, workers, incremental rebuilds.

Run: .venv/bin/python bench/pipeline_bench.py [--sizes 5M,50M] [--triples 1000000] [--budget 60]
     [--workdir /tmp/bangfu-bench] [--markdown bench/RESULTS.md]
Prints, for each corpus size: jieba.lcut on the normalised text (the reference), ingest alone, extraction
alone, ingest + extraction, and whole builds with 1 and 2 workers, in characters per second and as a ratio
to jieba; peak memory; a rebuild with nothing changed and one after adding 1% of the documents; then the
named SPARQL queries on a synthetic graph (bench/sparql_bench.py). Builds run as child processes, so each
one's peak memory is its own.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scaled_corpus import parse_size, write_scaled_corpus  # noqa: E402

HELD_BACK = 0.01  # the share of documents added for the incremental rebuild


def corpus(size: str, workdir: Path) -> tuple[Path, list[Path]]:
    """Return the corpus folder of `size` (written once) and the 1% of its files held back for later."""
    folder, extra = workdir / f"corpus-{size}", workdir / f"extra-{size}"
    if not folder.is_dir():
        shutil.rmtree(extra, ignore_errors=True)
        paths = write_scaled_corpus(parse_size(size), folder)
        for path in paths[len(paths) - max(int(len(paths) * HELD_BACK), 1):]:
            target = extra / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
    return folder, sorted(p for p in extra.rglob("*") if p.is_file())


def stages(folder: Path) -> dict:
    """Time jieba, ingest and extraction one document at a time (none is kept) in this process."""
    import jieba

    from graph.extract import extract
    from graph.ingest.reader import corpus_files, ingest_bytes
    from graph.work import warm_up

    warm_up()
    jieba.initialize()
    chars, files, took = 0, 0, {"jieba": 0.0, "ingest": 0.0, "extract": 0.0}
    for path, doc_id in corpus_files(folder):
        data = path.read_bytes()
        start = time.perf_counter()
        doc = ingest_bytes(path, doc_id, data)
        middle = time.perf_counter()
        jieba.lcut(doc.text)
        after = time.perf_counter()
        extract(doc)
        end = time.perf_counter()
        took["ingest"] += middle - start
        took["jieba"] += after - middle
        took["extract"] += end - after
        chars += len(doc.text)
        files += 1
    took["ingest+extract"] = took["ingest"] + took["extract"]
    return {"chars": chars, "files": files, "seconds": took}


def build(folder: Path, out: Path, workers: int = 1, cache: bool = True) -> dict:
    """Run one build in a child process; return its wall time, stage timings and peak memory (MB)."""
    command = [sys.executable, str(Path(__file__).resolve()), "child", str(folder), str(out),
               "--workers", str(workers)] + ([] if cache else ["--no-cache"])
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.splitlines()[-1])
    figures["wall"] = time.perf_counter() - start
    return figures


def _child(folder: str, out: str, workers: int, cache: bool) -> None:
    from graph.pipeline import run

    start = time.perf_counter()
    report = run(folder, out, workers=workers, cache=cache)
    seconds = time.perf_counter() - start
    mb = lambda who: resource.getrusage(who).ru_maxrss / 1024  # noqa: E731 (Linux: kilobytes)
    print(json.dumps({"seconds": seconds, "timings": report.timings, "processed": len(report.processed),
                      "rss_main": mb(resource.RUSAGE_SELF), "rss_workers": mb(resource.RUSAGE_CHILDREN)}))


def identical(one: Path, two: Path) -> bool:
    from graph.pipeline import OUTPUTS

    return all((one / name).read_bytes() == (two / name).read_bytes() for name in OUTPUTS)


def corpus_bench(size: str, workdir: Path) -> dict:
    """All the figures for one corpus size."""
    folder, extra = corpus(size, workdir)
    for path in extra:  # left there by an interrupted run
        (folder / path.relative_to(workdir / f"extra-{size}")).unlink(missing_ok=True)
    size_bytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    figures = {"size": size, "bytes": size_bytes, "stages": stages(folder)}
    outs = {n: workdir / f"out-{size}-{n}w" for n in (1, 2)}
    for workers, out in outs.items():
        shutil.rmtree(out, ignore_errors=True)
        figures[f"build{workers}"] = build(folder, out, workers)
    figures["identical"] = identical(outs[1], outs[2])
    figures["queries"] = built_store_queries(outs[1])
    figures["unchanged"] = build(folder, outs[1])
    for path in extra:
        target = folder / path.relative_to(workdir / f"extra-{size}")
        shutil.copy(path, target)
    try:
        figures["added"] = build(folder, outs[1])
        figures["added_docs"] = len(extra)
    finally:
        for path in extra:
            (folder / path.relative_to(workdir / f"extra-{size}")).unlink()
    return figures


def built_store_queries(out: Path, runs: int = 5) -> dict:
    """Time every named query on a built store, with the busiest parameters its graph offers: {name: (median
    ms, rows)}. The recombined corpus repeats the same few pairings thousands of times, so some answers are
    long (all the evidence of one pairing)."""
    from sparql_bench import parameters

    from graph.build import load_graph
    from graph.rdf import query_out

    params = parameters(load_graph(out / "graph.json"))
    figures = {}
    for name, given in params.items():
        rows = len(query_out(out, named=name, params=given).rows)  # warm-up
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            query_out(out, named=name, params=given)
            times.append(time.perf_counter() - start)
        figures[name] = (statistics.median(times) * 1000, rows)
    return figures


def render_corpus(f: dict) -> str:
    """Return one corpus size's figures as Markdown."""
    chars, s = f["stages"]["chars"], f["stages"]["seconds"]
    jieba = chars / s["jieba"]
    rows = [(name, s[name]) for name in ("jieba", "ingest", "extract", "ingest+extract")]
    rows += [(f"whole build, {n} worker{'s' if n > 1 else ''} (wall)", f[f"build{n}"]["wall"]) for n in (1, 2)]
    lines = [f"### Corpus {f['size']}: {f['stages']['files']:,} articles, {f['bytes'] / 2**20:.1f} MB, "
             f"{chars:,} characters after normalisation", "",
             "| stage | seconds | chars/s | × jieba.lcut |", "|---|---:|---:|---:|"]
    for name, seconds in rows:
        lines.append(f"| {name} | {seconds:,.1f} | {chars / seconds:,.0f} | {chars / seconds / jieba:.2f} |")
    one, two = f["build1"], f["build2"]
    lines += ["", f"- 2 workers vs 1: **{one['wall'] / two['wall']:.2f}×** faster (whole build, wall); outputs "
              f"byte-identical: **{'yes' if f['identical'] else 'NO'}**",
              f"- build stages, 1 worker: {_timings(one)}", f"- build stages, 2 workers: {_timings(two)}",
              f"- peak RSS: 1 worker {one['rss_main']:,.0f} MB; 2 workers: main {two['rss_main']:,.0f} MB, "
              f"largest worker {two['rss_workers']:,.0f} MB",
              f"- rebuild, nothing changed: {f['unchanged']['wall']:.2f} s wall "
              f"(**{f['unchanged']['wall'] / one['wall']:.1%}** of the cold build)",
              f"- rebuild after adding {f['added_docs']} articles (1%): {f['added']['wall']:.1f} s wall "
              f"(**{f['added']['wall'] / one['wall']:.1%}** of the cold build); stages: {_timings(f['added'])}",
              "- named queries on this build's store (`bangfu query`'s path, median of 5, busiest parameters): "
              + ", ".join(f"{name} {ms:.0f} ms ({rows:,} rows)" for name, (ms, rows) in f["queries"].items())]
    return "\n".join(lines)


def _timings(figures: dict) -> str:
    return ", ".join(f"{k} {v:.1f}" for k, v in figures["timings"].items())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    child = sub.add_parser("child", help="(internal) one build, figures as JSON")
    child.add_argument("folder")
    child.add_argument("out")
    child.add_argument("--workers", type=int, default=1)
    child.add_argument("--no-cache", action="store_true")
    parser.add_argument("--sizes", default="5M,50M", help="corpus sizes, comma-separated (50K, 5M, 50M)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the SPARQL graph (0: skip)")
    parser.add_argument("--budget", type=float, default=60, help="seconds allowed to each SPARQL query")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bangfu-bench"))
    parser.add_argument("--markdown", type=Path, help="also write the figures to this Markdown file")
    args = parser.parse_args(argv)
    if args.command == "child":
        _child(args.folder, args.out, args.workers, not args.no_cache)
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    sections = []
    for size in args.sizes.split(","):
        sections.append(render_corpus(corpus_bench(size.strip(), args.workdir)))
        print(sections[-1] + "\n", flush=True)
    if args.triples:
        from sparql_bench import render, sparql_bench

        sections.append("### Named queries\n\n" + render(sparql_bench(args.triples, args.workdir, args.budget)))
        print(sections[-1], flush=True)
    if args.markdown:
        args.markdown.write_text("\n\n".join(sections) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
