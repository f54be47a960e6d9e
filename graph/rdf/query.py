"""Run SPARQL over OUT/store: read-only unless allowed, parameters bound as terms, never as text.

Parameters go through pyoxigraph's `substitutions` (SEP-0007): the value becomes one literal bound to
the variable, so quotes, braces or keywords in it cannot change the query. A named query declares its
parameters in its header (`# param county: …`) and projects them, as substitution requires. Named queries
start from their parameter (its label in each language bangfu writes, or the adcode) and go outward one
LATERAL step at a time, so Oxigraph seeks in its indexes where a FILTER on every label would scan them.
Each also ships a portable SPARQL 1.1 form (queries/portable/NAME.rq) giving the same rows without LATERAL,
for rdflib, Jena Fuseki and QLever.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Mapping

from ..errors import QueryError
from . import terms as t
from .store import lock, open_store

DEFAULT_PREFIXES = {prefix: str(namespace) for prefix, namespace in t.PREFIXES.items()}
_PARAM = re.compile(r"^#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$")
_ORDER = re.compile(r"^#\s*order\s*:\s*((?:\?[A-Za-z_][A-Za-z0-9_]*\s*)+)")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query shipped with bangfu (graph/rdf/queries/NAME.rq)."""

    name: str
    description: str
    params: tuple[tuple[str, str], ...]  # (variable, what to give)
    text: str
    portable: str = ""  # the same query in SPARQL 1.1 without LATERAL (queries/portable/NAME.rq)
    # Columns bangfu sorts the rows by (`# order: ?a ?b`), for a query whose many rows Oxigraph's ORDER BY
    # would sort slowly: it decodes both terms of every comparison (42 of 105 ms for 1,119 rows).
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT (or triples of a CONSTRUCT), the answer of an ASK, or the fact of an update."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str | None, ...], ...] = ()
    boolean: bool | None = None
    updated: bool = False


def _parse_named(name: str, text: str) -> NamedQuery:
    description, params, order = "", [], ()
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if match := _PARAM.match(line):
            params.append((match[1], match[2].strip()))
        elif match := _ORDER.match(line):
            order = tuple(v.lstrip("?") for v in match[1].split())
        elif not description:
            description = line.lstrip("#").strip()
    return NamedQuery(name, description, tuple(params), text, order=order)


def sort_rows(result: QueryResult, order: tuple[str, ...]) -> QueryResult:
    """Return the rows sorted by the given columns as SPARQL orders plain strings: unbound first, then by
    code point."""
    if not order or not result.variables:
        return result
    columns = [result.variables.index(name) for name in order]
    key = lambda row: tuple((row[c] is not None, row[c] or "") for c in columns)  # noqa: E731
    return replace(result, rows=tuple(sorted(result.rows, key=key)))


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Return the shipped named queries by name."""
    folder = resources.files("graph.rdf").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            portable = folder.joinpath("portable", entry.name).read_text(encoding="utf-8")
            found[name] = replace(_parse_named(name, entry.read_text(encoding="utf-8")), portable=portable)
    return found


def _term_text(term) -> str | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


def _result(answer) -> QueryResult:
    import pyoxigraph as ox

    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        rows = tuple((_term_text(tr.subject), _term_text(tr.predicate), _term_text(tr.object)) for tr in answer)
        return QueryResult(("subject", "predicate", "object"), rows)
    names = tuple(v.value for v in answer.variables)
    return QueryResult(names, tuple(tuple(_term_text(row[name]) for name in names) for row in answer))


def is_update(sparql: str) -> bool:
    """Tell whether the text parses as a SPARQL UPDATE (INSERT, DELETE, LOAD, CLEAR, DROP...)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(sparql)
    except Exception:  # pyparsing's ParseException and friends: not an update
        return False
    return True


def _substitutions(params: Mapping[str, str]) -> dict:
    import pyoxigraph as ox

    for name in params:
        if not _NAME.match(name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _ (a SPARQL variable name)")
    return {ox.Variable(name): ox.Literal(str(value)) for name, value in params.items()}


def _update(out_dir: str | Path, sparql: str, params: Mapping[str, str]) -> QueryResult:
    if params:
        raise QueryError("parameters can only be bound in queries, not in a SPARQL UPDATE")
    with lock(out_dir):
        store = open_store(out_dir, writable=True)
        try:
            store.update(sparql, prefixes=DEFAULT_PREFIXES)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL update: {err}") from None
        store.flush()
    return QueryResult(updated=True)


def run_query(out_dir: str | Path, sparql: str, params: Mapping[str, str] | None = None,
              allow_update: bool = False) -> QueryResult:
    """Run a SPARQL query (or, when allowed, an update) against OUT/store, with `params` bound as literals."""
    params = dict(params or {})
    if not any(line.strip() and not line.strip().startswith("#") for line in sparql.splitlines()):
        raise QueryError("the query is empty; give a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE")
    store = open_store(out_dir)
    try:
        answer = store.query(sparql, prefixes=DEFAULT_PREFIXES, substitutions=_substitutions(params) or None)
        return _result(answer)
    except SyntaxError as err:
        if not is_update(sparql):
            raise QueryError(f"invalid SPARQL query: {err}") from None
    except RuntimeError as err:  # a parameter the query does not project
        raise QueryError(f"cannot bind parameters {sorted(params)}: {err}; "
                         "a bound variable must appear in the SELECT clause") from None
    finally:
        del store
    if not allow_update:
        raise QueryError("this is a SPARQL UPDATE, which would change the store; queries are read-only "
                         "unless you pass --allow-update")
    return _update(out_dir, sparql, params)


def query_out(out_dir: str | Path, *, sparql: str | None = None, path: str | Path | None = None,
              named: str | None = None, params: Mapping[str, str] | None = None,
              allow_update: bool = False) -> QueryResult:
    """Run exactly one of: the SPARQL text, the .rq file at `path`, or the named query, against OUT."""
    given = [name for name, value in (("SPARQL", sparql), ("-f FILE", path), ("--named", named)) if value]
    if len(given) != 1:
        raise QueryError("give exactly one query: SPARQL text, -f FILE.rq or --named NAME "
                         f"(got {', '.join(given) or 'none'})")
    params = {k: v for k, v in (params or {}).items() if v is not None}
    if path:
        try:
            sparql = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"{path}: cannot read the query ({err})") from None
    if named:
        sparql = _named_text(named, params)
        return sort_rows(run_query(out_dir, sparql, params, allow_update), named_queries()[named].order)
    return run_query(out_dir, sparql, params, allow_update)


def _named_text(name: str, params: Mapping[str, str]) -> str:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; choose one of: {', '.join(queries)}")
    query = queries[name]
    wanted = [p for p, _ in query.params]
    missing = [p for p in wanted if not params.get(p)]
    if missing:
        hints = "; ".join(f"--param {p}=… ({what})" for p, what in query.params if p in missing)
        raise QueryError(f"the {name} query needs {hints}")
    unknown = sorted(set(params) - set(wanted))
    if unknown:
        raise QueryError(f"the {name} query takes {', '.join(wanted) or 'no parameters'}, not {', '.join(unknown)}")
    return query.text
