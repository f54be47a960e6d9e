"""Write sorted N-Triples statements as compact Turtle: one block per subject, `;` and `,`, bangfu's prefixes."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, Iterable, Iterator

from ..files import atomic_write
from . import terms as t
from .ntriples import Statement

_NAMESPACES = {str(namespace): prefix for prefix, namespace in t.PREFIXES.items()}
# A local name written bare: a conservative subset of Turtle's PN_LOCAL (no dots, colons or escapes).
_LOCAL = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_-]*)?")
_TYPE = f"<{t.RDF.type}>"
_INDENT = "    "


@lru_cache(maxsize=65536)
def _iri(term: str) -> str:
    """Return `<iri>` as a prefixed name where one of bangfu's prefixes covers it, else unchanged."""
    iri = term[1:-1]
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    prefix = _NAMESPACES.get(iri[:cut])
    if prefix is not None and _LOCAL.fullmatch(iri[cut:]):
        return f"{prefix}:{iri[cut:]}"
    return term


def _object(term: str) -> str:
    if term.startswith("<"):
        return _iri(term)
    # A literal's text is already escaped as Turtle wants it; only its datatype may shorten.
    close = term.rfind('"')
    suffix = term[close + 1:]
    if suffix.startswith("^^"):
        return f"{term[:close + 1]}^^{_iri(suffix[2:])}"
    return term


def _blocks(rows: Iterable[Statement]) -> Iterator[str]:
    for subject, by_subject in groupby(rows, key=itemgetter(0)):
        predicates = []
        for predicate, by_predicate in groupby(by_subject, key=itemgetter(1)):
            objects = ", ".join(_object(o) for _s, _p, o in by_predicate)
            predicates.append(f"{'a' if predicate == _TYPE else _iri(predicate)} {objects}")
        yield f"{_iri(subject)} " + f" ;\n{_INDENT}".join(predicates) + " .\n\n"


def prefixes() -> str:
    """Return the @prefix lines of bangfu's namespaces and a blank line."""
    return "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in t.PREFIXES.items()) + "\n"


def turtle_blocks(rows: Iterable[Statement]) -> str:
    """Return sorted unique statements as Turtle blocks (one per subject) for a file that has the prefixes."""
    return "".join(_blocks(rows))


def write_turtle_to(handle: IO[str], rows: Iterable[Statement]) -> None:
    """Write the prefixes, then the statements (sorted and unique) grouped by subject and predicate."""
    handle.write(prefixes())
    for block in _blocks(rows):
        handle.write(block)


def write_turtle(path: str | Path, rows: Iterable[Statement]) -> Path:
    """Write the statements atomically to `path` as Turtle; return the path."""
    with atomic_write(path) as handle:
        write_turtle_to(handle, rows)
    return Path(path)
