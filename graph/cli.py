"""The `bangfu` command: a thin click layer over the library. The only module that imports click."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from .errors import BangfuError


def _clean_errors(fn):
    """Turn BangfuError into a one-line click error instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BangfuError as err:
            raise click.ClickException(str(err)) from None

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="bangfu")
def cli():
    """bangfu: education pairing-assistance (帮扶) reports into a knowledge graph.

    Example: bangfu build seeds/corpus -o out
    """
    sys.stdout.reconfigure(encoding="utf-8")  # Chinese output on any locale


# --- ingest: read a corpus into cleaned documents (graph/ingest) ---

EXIT_SKIPPED = 3


@cli.command()
@click.argument("corpus", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=str),
              help="JSON Lines file to write (default: standard output, with the summary on standard error).")
@_clean_errors
def ingest(corpus: tuple[str, ...], output: str | None):
    """Read articles (folders recursively, or files) and write them cleaned, as JSON Lines.

    Each line holds one document: id, path, meta (title, date, source, url, author, editor,
    encoding, format, script), the normalised text and the placeholder spans. A summary table
    follows: documents read, skipped inputs with reasons, characters, scripts.

    Exit status: 0 when every input was read, 3 when some were skipped (see the table), 1 on
    usage errors such as a missing folder.

    Example: bangfu ingest seeds/corpus -o docs.jsonl
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn
    from rich.table import Table

    from .files import dumps, write_jsonl
    from .ingest import ingest_corpus, skip_message

    err = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("ingest {task.completed} files"), BarColumn(),
                  TextColumn("{task.description}"), console=err, transient=True,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("", total=None)
        report = ingest_corpus(list(corpus), progress=lambda name: bar.update(task, advance=1, description=name))
    if output:
        write_jsonl(output, report.rows)
    else:
        for row in report.rows:
            click.echo(dumps(row))
    table = Table(title="bangfu ingest", show_header=False)
    table.add_row("documents read", str(len(report.rows)))
    table.add_row("skipped", str(len(report.skipped)))
    table.add_row("characters", f"{report.characters:,}")
    table.add_row("scripts", ", ".join(f"{name} {n}" for name, n in sorted(report.scripts.items())) or "-")
    if output:
        table.add_row("written to", output)
    (Console() if output else err).print(table)
    for skipped in report.skipped:
        err.print(skip_message(skipped), markup=False, highlight=False)
    if not report.ok:
        sys.exit(EXIT_SKIPPED)


# --- extract and build: the pipeline (graph/pipeline.py) ---

def _with_progress(label: str, work):
    """Run work(progress) under a rich progress bar on standard error (shown on terminals only)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    err = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn(label + " {task.completed} files"), BarColumn(),
                  TextColumn("{task.description}"), console=err, transient=True,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("", total=None)
        return work(lambda name: bar.update(task, advance=1, description=name))


def _print_report(report, title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from .ingest import skip_message

    table = Table(title=title, show_header=False)
    table.add_row("documents processed", str(len(report.processed)))
    table.add_row("documents skipped", str(len(report.skipped)))
    if report.carried:
        table.add_row("carried over", f"{report.carried} documents from the previous build's graph state")
    table.add_row("entities", ", ".join(f"{k} {v}" for k, v in report.entities.items()) or "-")
    table.add_row("relations", ", ".join(f"{k} {v}" for k, v in report.relations.items()) or "-")
    table.add_row("timings (s)", ", ".join(f"{k} {v}" for k, v in report.timings.items()))
    table.add_row("outputs", "\n".join(report.outputs))
    Console().print(table)
    err = Console(stderr=True)
    for skipped in report.skipped:
        err.print(skip_message(skipped), markup=False, highlight=False)


@cli.command()
@click.argument("corpus", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="JSON Lines file to write, one object per document (schema in README.md).")
@_clean_errors
def extract(corpus: tuple[str, ...], output: str):
    """Extract entities and relations from articles, one JSON line per document.

    Exit status: 0 when every input was processed, 3 when some were skipped.

    Example: bangfu extract seeds/corpus -o extractions.jsonl
    """
    from .pipeline import run_extract

    report = _with_progress("extract", lambda progress: run_extract(list(corpus), output, progress))
    _print_report(report, "bangfu extract")
    if not report.ok:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("corpus", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Output folder: store/, graph.ttl, graph.html, graph.gexf, graph.json, extractions.jsonl, "
                   "report.json.")
@click.option("-w", "--workers", type=click.IntRange(1, 512), default=1, show_default=True,
              help="Processes that ingest and extract in parallel (with --engine dask: local cluster workers).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: processes on this machine; dask: a dask.distributed cluster (pip install 'bangfu[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (tcp://host:8786); default: a local cluster.")
@click.option("--no-cache", is_flag=True,
              help="Extract every document again instead of reusing OUT/cache from the previous build.")
@_clean_errors
def build(corpus: tuple[str, ...], out: str, workers: int, engine: str, scheduler: str | None, no_cache: bool):
    """Build the knowledge graph of a corpus: the main job.

    Reads every article, extracts entities and relations, merges them into one graph, and writes
    the Oxigraph store, Turtle, the interactive overview, GEXF for Gephi and a build report.
    A rebuild extracts only new or changed articles (OUT/cache); with nothing changed it keeps the outputs.
    Exit status: 0 when every input was processed, 3 when some were skipped (see report.json).

    Example: bangfu build seeds/corpus -o out --workers 2
    """
    from .pipeline import run

    report = _with_progress("build", lambda progress: run(list(corpus), out, progress, workers=workers,
                                                          engine=engine, scheduler=scheduler, cache=not no_cache))
    _print_report(report, "bangfu build")
    if not report.ok:
        sys.exit(EXIT_SKIPPED)


# --- linked data: query, validate, serve (graph/rdf) ---

def _params(pairs: tuple[str, ...], shortcuts: dict[str, str | None]) -> dict[str, str]:
    params = {name: value for name, value in shortcuts.items() if value}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE (e.g. --param county=略阳县)", param_hint="--param")
        params[name.strip()] = value
    return params


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the SPARQL query from a .rq file.")
@click.option("--named", help="Run a shipped named query (see --list).")
@click.option("--param", "pairs", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to the literal VALUE (safely, never pasted into the query). Repeatable.")
@click.option("--county", help="Shortcut for --param county=… (a name or adcode).")
@click.option("--university", help="Shortcut for --param university=….")
@click.option("--school", help="Shortcut for --param school=….")
@click.option("--prefecture", help="Shortcut for --param prefecture=… (a name or adcode).")
@click.option("--programme", help="Shortcut for --param programme=….")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "tsv"]), default="table",
              show_default=True, help="How to print the results.")
@click.option("--allow-update", is_flag=True, help="Allow SPARQL UPDATE (INSERT/DELETE) to change OUT/store.")
@click.option("--list", "list_named", is_flag=True, help="List the named queries and their parameters.")
@_clean_errors
def query(out, sparql, query_file, named, pairs, fmt, allow_update, list_named, **shortcuts):
    """Run SPARQL against the store of a build (read-only unless --allow-update).

    Example: bangfu query out --named helpers --county 略阳县
    """
    from . import rdf

    if list_named:
        for item in rdf.named_queries().values():
            params = " ".join(f"--param {name}=… ({what})" for name, what in item.params)
            click.echo(f"{item.name}: {item.description}\n    {params}")
        return
    result = rdf.query_out(out, sparql=sparql, path=query_file, named=named,
                           params=_params(pairs, shortcuts), allow_update=allow_update)
    click.echo(rdf.render(result, fmt), nl=False)


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@_clean_errors
def validate(out):
    """Check the store of a build against bangfu's SHACL shapes; exit 1 when it does not conform.

    Example: bangfu validate out
    """
    from . import rdf

    report = rdf.validate_out(out)
    if report.conforms:
        click.echo(f"{out}: conforms to bangfu's shapes")
        return
    click.echo(report.text)
    raise click.ClickException(f"{out}: {report.violations} SHACL violation(s); see the report above")


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default keeps the endpoint to this machine.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL UPDATE requests (read-only otherwise).")
@_clean_errors
def serve(out, port, host, allow_update):
    """Serve the store of a build as a SPARQL 1.1 endpoint (Oxigraph) until stopped.

    Example: bangfu serve out --port 7878
    """
    from . import rdf

    rdf.server_command(out, host, port, allow_update)  # fail here, cleanly, if the store or server is missing
    mode = "read-write" if allow_update else "read-only"
    click.echo(f"serving {out}/store ({mode}) at http://{host}:{port}/query — Ctrl-C to stop", err=True)
    raise SystemExit(rdf.serve(out, host, port, allow_update))


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph) "
                   "or http://localhost:3030/ds/data (Fuseki).")
@click.option("--graph", "graph_iri", metavar="IRI", help="Named graph to write (default: the default graph).")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@_clean_errors
def push(out, endpoint, graph_iri, append):
    """Send a build's RDF (OUT/graph.ttl) to a SPARQL server over the Graph Store protocol.

    Example: bangfu push out --endpoint http://localhost:7878/store
    """
    from .push import push as push_graph

    pushed = push_graph(out, endpoint, graph_iri, append)
    click.echo(f"{pushed.method} {pushed.url}: {pushed.size:,} bytes of Turtle, HTTP {pushed.status}")


# --- view and export: pages to explore the graph, files for Gephi and RDF tools (graph/views, graph/export) ---


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--focus", help="Centre the view on this entity (name, key, adcode or romanised name).")
@click.option("--hops", type=click.IntRange(0, 10), default=1, show_default=True,
              help="How many relations away from --focus to show.")
@click.option("--type", "types", multiple=True, help="Show only entities of this type (repeatable).")
@click.option("--province", help="Show only this province's network (name or adcode).")
@click.option("--layout", type=click.Choice(["force", "geo"]), default="force", show_default=True,
              help="force: a physics layout; geo: divisions on the map, others beside their division.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="HTML page to write (self-contained, works offline).")
@_clean_errors
def view(out, focus, hops, types, province, layout, output):
    """Write an interactive page of a built graph, whole or focused on one entity.

    Example: bangfu view out --focus 略阳县 --layout geo -o lueyang.html
    """
    from . import views
    from .build import load_graph

    net = views.view(load_graph(out), focus=focus, hops=hops, types=types, province=province, layout=layout)
    views.write_view(net, output)
    click.echo(f"wrote {output} ({len(net.nodes)} nodes, {len(net.edges)} edges)")


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write views/ into (default: OUT).")
@_clean_errors
def index(out, output):
    """Write a focused view of every county in a build and an HTML index linking them (views/index.html).

    Example: bangfu index out
    """
    from . import views
    from .build import load_graph

    click.echo(f"wrote {views.write_index(load_graph(out), output or out)}")


@cli.command("export")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "csv", "jsonld", "ttl", "nt"]),
              required=True, help="gexf/graphml for Gephi, csv (nodes.csv + edges.csv), or RDF.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write (for csv: a folder).")
@_clean_errors
def export_command(out, fmt, output):
    """Export a built graph for Gephi, spreadsheets or RDF tools.

    Example: bangfu export out --format gexf -o out/graph.gexf
    """
    from .build import load_graph
    from .export import export

    for path in export(load_graph(out), fmt, output):
        click.echo(f"wrote {path}")
