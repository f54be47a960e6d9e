"""Turn the networkx graph into an rdflib graph, from the same triples that `publish` writes."""
from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, URIRef

from . import terms as t
from .triples import Lit, Term, triples


def new_graph() -> Graph:
    """Return an empty rdflib graph with bangfu's prefixes bound (and no others)."""
    rdf = Graph(bind_namespaces="none")
    for prefix, namespace in t.PREFIXES.items():
        rdf.bind(prefix, namespace)
    return rdf


def rdflib_term(term: Term) -> URIRef | Literal:
    """Return the rdflib term of an IRI (str) or a `Lit`."""
    if isinstance(term, Lit):
        datatype = URIRef(term.datatype) if term.datatype else None
        return Literal(term.lexical, lang=term.lang, datatype=datatype)
    return URIRef(term)


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """Return the RDF graph of a bangfu networkx graph (see graph/rdf/triples.py for what it holds)."""
    rdf = new_graph()
    iris: dict[str, URIRef] = {}
    for subject, predicate, obj in triples(graph):
        s = iris.get(subject) or iris.setdefault(subject, URIRef(subject))
        p = iris.get(predicate) or iris.setdefault(predicate, URIRef(predicate))
        rdf.add((s, p, rdflib_term(obj)))
    return rdf
