"""Linked data: the graph as RDF (bangfu ontology), an Oxigraph store, SPARQL queries, SHACL checks.

Modules load their heavy libraries (pyoxigraph, pyshacl, opencc) only when called.
"""
from .convert import to_rdf
from .publish import publish
from .query import NamedQuery, QueryResult, named_queries, query_out, run_query
from .results import render
from .serialise import FORMATS, serialise, write
from .serve import serve, server_command
from .store import lock, open_store
from .validate import ValidationReport, validate, validate_out

__all__ = [
    "FORMATS", "NamedQuery", "QueryResult", "ValidationReport", "lock", "named_queries", "open_store",
    "publish", "query_out", "render", "run_query", "serialise", "serve", "server_command", "to_rdf",
    "validate", "validate_out", "write",
]
