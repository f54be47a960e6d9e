"""Check an RDF graph, or the store of a build, against ontology/shapes.ttl with pyshacl."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph

from .. import resources


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, pyshacl's text report, and how many results it lists."""

    conforms: bool
    text: str
    violations: int


@cache
def _shapes() -> Graph:
    return Graph().parse(resources.ontology("shapes.ttl"), format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(resources.ontology("bangfu.ttl"), format="turtle")


def validate(rdf: Graph) -> ValidationReport:
    """Validate the graph with the shapes, the ontology as ont_graph, and RDFS inference."""
    import pyshacl
    from rdflib.namespace import SH

    conforms, results, text = pyshacl.validate(
        rdf, shacl_graph=_shapes(), ont_graph=_ontology(), inference="rdfs", allow_warnings=False,
    )
    violations = len(set(results.subjects(predicate=SH.resultSeverity)))
    return ValidationReport(bool(conforms), text, violations)


def store_graph(out_dir: str | Path) -> Graph:
    """Return the default graph of OUT/store as an rdflib graph."""
    import pyoxigraph as ox

    from .store import open_store

    store = open_store(out_dir)
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def validate_out(out_dir: str | Path) -> ValidationReport:
    """Validate the store of a build (what `bangfu query` and `bangfu serve` answer from)."""
    return validate(store_graph(out_dir))
