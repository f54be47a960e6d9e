"""The `bangfu` command: a thin click layer over the library. The only module that imports click."""
from __future__ import annotations

import functools
import sys

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
