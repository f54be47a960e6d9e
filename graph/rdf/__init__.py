"""Linked data: the graph as RDF (bangfu ontology), an Oxigraph store, SPARQL queries, SHACL checks.

The names below load their module on first use (PEP 562), and modules load their heavy libraries
(rdflib, pyoxigraph, pyshacl, opencc) only when called: a rebuild that finds nothing changed, or a worker
that makes one document's triples, imports none of them.
"""
from importlib import import_module

_MODULES = {
    "to_rdf": "convert", "publish": "publish", "NamedQuery": "query", "QueryResult": "query",
    "named_queries": "query", "query_out": "query", "run_query": "query", "render": "results",
    "FORMATS": "serialise", "serialise": "serialise", "write": "serialise", "serve": "serve",
    "server_command": "serve", "lock": "store", "open_store": "store", "ValidationReport": "validate",
    "validate": "validate", "validate_out": "validate",
}
__all__ = sorted(_MODULES)


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_MODULES[name]}", __name__), name)
