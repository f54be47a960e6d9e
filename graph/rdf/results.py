"""Render a QueryResult as an aligned table, CSV, TSV or JSON text."""
from __future__ import annotations

import csv
import io
import json
import unicodedata

from ..errors import QueryError
from .query import QueryResult

FORMATS = ("table", "csv", "json", "tsv")


def _width(text: str) -> int:
    # Chinese characters take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value: str | None) -> str:
    return "" if value is None else " ".join(value.split())


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    rows = [[_cell(v) for v in row] for row in result.rows]
    widths = [max(_width(c) for c in column) for column in zip(header, *rows)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _delimited(result: QueryResult, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if v is None else (" ".join(v.split()) if delimiter == "\t" else v) for v in row])
    return buffer.getvalue()


def render(result: QueryResult, fmt: str = "table") -> str:
    """Return the result as text in `fmt` (table, csv, json or tsv)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.updated:
        return json.dumps({"updated": True}) + "\n" if fmt == "json" else "update applied\n"
    if result.boolean is not None:
        return json.dumps({"boolean": result.boolean}) + "\n" if fmt == "json" else f"{str(result.boolean).lower()}\n"
    if fmt == "json":
        rows = [dict(zip(result.variables, row)) for row in result.rows]
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "table":
        return _table(result)
    return _delimited(result, "," if fmt == "csv" else "\t")
