"""Write an RDF graph as Turtle, N-Triples, JSON-LD, RDF/XML or TriG; Turtle and N-Triples byte-stable."""
from __future__ import annotations

import warnings
from pathlib import Path

from rdflib import BNode, Dataset, Graph

from ..errors import BangfuError
from ..files import write_bytes
from . import terms as t

# Our name -> (rdflib plugin, file suffix).
FORMATS = {
    "turtle": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "json-ld": ("json-ld", ".jsonld"),
    "xml": ("xml", ".rdf"),
    "trig": ("trig", ".trig"),
}
GRAPH_NAME = t.ID["graph"]  # the named graph that TriG output puts the triples in


def _check_no_bnodes(rdf: Graph) -> None:
    # Blank node labels change from run to run; every node bangfu writes has an IRI.
    for triple in rdf:
        if any(isinstance(term, BNode) for term in triple):
            raise BangfuError(f"cannot write deterministic RDF: blank node in {triple}; give the node an IRI")


def _in_dataset(rdf: Graph) -> Dataset:
    dataset = Dataset(default_union=True)
    for prefix, namespace in rdf.namespaces():
        dataset.bind(prefix, namespace)
    named = dataset.graph(GRAPH_NAME)
    for triple in rdf:
        named.add(triple)
    return dataset


def serialise(rdf: Graph, fmt: str = "turtle") -> bytes:
    """Return the graph in `fmt` (one of FORMATS) as UTF-8 bytes."""
    if fmt not in FORMATS:
        raise BangfuError(f"unknown RDF format {fmt!r}; use one of {', '.join(FORMATS)}")
    _check_no_bnodes(rdf)
    if fmt == "nt":
        lines = rdf.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
        return b"".join(sorted(set(line for line in lines if line.strip())))
    if fmt == "trig":
        with warnings.catch_warnings():  # rdflib 7's own TriG writer calls its deprecated default_context
            warnings.simplefilter("ignore", DeprecationWarning)
            return _in_dataset(rdf).serialize(format="trig", encoding="utf-8")
    if fmt == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in t.PREFIXES.items()}
        return rdf.serialize(format="json-ld", context=context, sort_keys=True, indent=1, encoding="utf-8")
    # rdflib's Turtle writer orders subjects and predicates by content, not by insertion or hash order.
    return rdf.serialize(format=FORMATS[fmt][0], encoding="utf-8")


def write(rdf: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the graph atomically to `path`; the format defaults to the one its suffix names."""
    path = Path(path)
    if fmt is None:
        fmt = next((name for name, (_, suffix) in FORMATS.items() if suffix == path.suffix), "turtle")
    write_bytes(path, serialise(rdf, fmt))
    return path
