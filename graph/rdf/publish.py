"""Publish a built graph as linked data: OUT/store (Oxigraph) and OUT/graph.ttl, both replaced atomically.

No rdflib graph is built. The documents' own triples come as fragments (graph/rdf/fragments.py) through a
Spool; the aggregate triples are sorted N-Triples statements. A cold build bulk-loads the fragments into a
new store as they come, while the build goes on, then the aggregate; a rebuild that has the previous store copies it (hard links: `Store.backup`) and applies the
difference: the fragments of documents gone or changed out, the new ones in, the aggregate triples that
changed out and in. graph.ttl is written from the spool either way.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .fragments import fragments_of
from .ntriples import Statement, lines, to_statements
from .spool import Spool
from .store import recover, swap_in, update_store
from .triples import aggregate_triples

if TYPE_CHECKING:  # networkx takes 0.1 s to import; a worker making fragments needs none of it
    import networkx as nx

TURTLE = "graph.ttl"


@dataclass(frozen=True)
class Change:
    """How the new store differs from a previous one: the previous aggregate statements, and the
    N-Triples of the fragments taken out (documents gone or changed) and put in (documents new or changed)."""

    store: Path
    aggregate: frozenset[Statement]
    removed: tuple[str, ...]
    added: tuple[str, ...]


def aggregate_statements(graph: nx.MultiDiGraph) -> list[Statement]:
    """Return the graph's aggregate triples (entities, partnerships) as sorted unique statements."""
    return to_statements(aggregate_triples(graph))


def publish(graph: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write OUT/store and OUT/graph.ttl from a whole graph; return their paths (see `publish_spool`)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with Spool(out) as spool:
        for doc, fragment in fragments_of(graph):
            spool.add(doc, fragment.turtle, fragment.ntriples)
        return publish_spool(out, spool, aggregate_statements(graph))


def publish_spool(out_dir: str | Path, spool: Spool, aggregate: list[Statement],
                  change: Change | None = None) -> list[Path]:
    """Write OUT/store and OUT/graph.ttl from the spooled fragments and the aggregate statements.

    With a `change`, the store is the previous one with the change applied instead of a fresh bulk load.
    The caller holds `graph.rdf.store.lock(out_dir)`. Until the final renames the previous store and Turtle
    file stay as they were, so a failed or killed build leaves them usable.
    """
    out = Path(out_dir)
    recover(out)
    # graph.ttl is written aside while a sealed store finishes loading, and renamed in after the store
    turtle = spool.write_turtle(out / f".{TURTLE}.new", aggregate)
    try:
        if change is None:
            folder = spool.store(aggregate)
        else:
            now = set(aggregate)
            gone = "".join(lines(sorted(change.aggregate - now)))
            new = "".join(lines(sorted(now - change.aggregate)))
            folder = update_store(out, change.store, removed=(*change.removed, gone), added=(*change.added, new))
    except BaseException:
        turtle.unlink(missing_ok=True)
        raise
    return [swap_in(out, folder), turtle.replace(out / TURTLE)]
