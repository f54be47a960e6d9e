"""Each document's own triples as text ready to write: N-Triples lines for the store, Turtle for graph.ttl.

A fragment depends on its document alone (graph/rdf/triples.py, `document_triples`), so workers make it
beside the extraction and the cache keeps it: a rebuild writes graph.ttl from the cached fragments and
changes the store by the fragments of the documents that came, went or changed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, TYPE_CHECKING

from ..model import DocPart
from . import terms as t
from .ntriples import lines, to_statements
from .triples import document_triples, documents_of, partnership_iri
from .turtle import turtle_blocks

if TYPE_CHECKING:  # networkx takes 0.1 s to import; a worker making fragments needs none of it
    import networkx as nx


@dataclass(frozen=True)
class Fragment:
    """One document's own triples: sorted N-Triples lines and the same statements as Turtle blocks."""

    ntriples: str
    turtle: str


def _fragment(doc: str, meta, mentions, rows) -> Fragment:
    rows_ = to_statements(document_triples(doc, meta, mentions, rows))
    return Fragment("".join(lines(rows_)), turtle_blocks(rows_))


def fragment(part: DocPart) -> Fragment:
    """Return the fragment of one document's part."""
    rows = [(partnership_iri(r.source, r.target, r.type), r.row) for r in part.rows
            if r.type in t.SHORTCUTS and r.row.get("doc")]
    return _fragment(part.doc, part.meta, part.mentions, rows)


def fragments_of(graph: nx.MultiDiGraph) -> Iterator[tuple[str, Fragment]]:
    """Yield (document, fragment) for every document of a built graph, in document order."""
    documents = graph.graph.get("documents") or {}
    for doc, (mentions, rows) in sorted(documents_of(graph).items()):
        yield doc, _fragment(doc, documents.get(doc) or {}, mentions, rows)
