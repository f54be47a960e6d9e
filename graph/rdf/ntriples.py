"""The triples of a graph as sorted, unique N-Triples statements, written without an rdflib graph.

A statement is a tuple of three N-Triples terms (`<iri>`, `"text"@lang`, `"5"^^<datatype>`), escaped
exactly as rdflib's N-Triples writer escapes them; sorting the tuples makes every output byte-stable.
"""
from __future__ import annotations

from typing import Iterable, Iterator, TYPE_CHECKING

from .triples import Lit, Term, Triple, triples

if TYPE_CHECKING:  # networkx takes 0.1 s to import; a worker making fragments needs none of it
    import networkx as nx

Statement = tuple[str, str, str]


def escape(text: str) -> str:
    """Return `text` escaped for a quoted N-Triples (or Turtle) string: only \\ " LF and CR must be."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def nt_term(term: Term) -> str:
    """Return the N-Triples form of an IRI (str) or a `Lit`."""
    if not isinstance(term, Lit):
        return f"<{term}>"
    if term.lang:
        return f'"{escape(term.lexical)}"@{term.lang}'
    if term.datatype:
        return f'"{escape(term.lexical)}"^^<{term.datatype}>'
    return f'"{escape(term.lexical)}"'


def statements(graph: nx.MultiDiGraph) -> list[Statement]:
    """Return the graph's triples as sorted unique N-Triples statements."""
    return to_statements(triples(graph))


def to_statements(items: Iterable[Triple]) -> list[Statement]:
    """Return triples as sorted unique N-Triples statements."""
    iris: dict[str, str] = {}  # one string per IRI, shared by all its statements
    unique = set()
    for subject, predicate, obj in items:
        s = iris.get(subject) or iris.setdefault(subject, f"<{subject}>")
        p = iris.get(predicate) or iris.setdefault(predicate, f"<{predicate}>")
        if isinstance(obj, Lit):
            o = nt_term(obj)
        else:
            o = iris.get(obj) or iris.setdefault(obj, f"<{obj}>")
        unique.add((s, p, o))
    return sorted(unique)


def lines(rows: Iterable[Statement]) -> Iterator[str]:
    """Yield one N-Triples line per statement."""
    for s, p, o in rows:
        yield f"{s} {p} {o} .\n"


def ntriples(rows: Iterable[Statement]) -> bytes:
    """Return the statements as one N-Triples document."""
    return "".join(lines(rows)).encode("utf-8")
