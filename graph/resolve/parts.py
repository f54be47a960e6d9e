"""What one document adds to the graph (a DocPart), computed from its extraction alone.

A relation becomes an edge row only when the document names both of its ends as entities and they differ;
partners edges keep one canonical direction. Rows repeating one piece of evidence (same document, start
and kind) are kept once. Because a part depends on nothing but its document, workers compute it, the cache
keeps it, and a rebuild adds or takes out the parts of the documents that changed (graph/resolve/state.py).
"""
from __future__ import annotations

from typing import Iterable

from ..model import DocPart, EdgeRow, Extraction, Relation


def evidence_row(rel: Relation) -> dict:
    """Return the evidence row of a relation (an edge's `evidence` list holds these)."""
    ev = rel.evidence
    return {
        "doc": ev.doc if ev else "", "sentence": ev.sentence if ev else "", "original": ev.original if ev else "",
        "start": ev.start if ev else -1, "end": ev.end if ev else -1, "kind": rel.kind, "year": rel.year,
        "quantities": dict(rel.quantities), "programme": rel.programme, "confidence": rel.confidence,
    }


def edge_ends(rel: Relation) -> tuple[str, str]:
    """Return (source, target); a partners relation is symmetric, so its ends are put in key order."""
    if rel.type == "partners":
        return tuple(sorted((rel.source, rel.target)))  # type: ignore[return-value]
    return rel.source, rel.target


def unique_rows(rows: Iterable[dict]) -> list[dict]:
    """Sort rows by (doc, start, end, kind), keeping the first of those with the same doc, start and kind."""
    seen, kept = set(), []
    for row in sorted(rows, key=lambda r: (r["doc"], r["start"], r["end"], r["kind"])):
        mark = (row["doc"], row["start"], row["kind"])
        if mark not in seen:
            seen.add(mark)
            kept.append(row)
    return kept


def doc_part(ex: Extraction) -> DocPart:
    """Return what the extraction of one document adds to the graph."""
    keys = {entity.key for entity in ex.entities}
    grouped: dict[tuple[str, str, str], list[dict]] = {}
    for rel in ex.relations:
        if rel.source in keys and rel.target in keys and rel.source != rel.target:
            grouped.setdefault((*edge_ends(rel), rel.type), []).append(evidence_row(rel))
    rows = tuple(EdgeRow(*edge, row) for edge in sorted(grouped) for row in unique_rows(grouped[edge]))
    mentions = tuple(sorted({mention.key for mention in ex.mentions} & keys))
    return DocPart(ex.doc, dict(ex.meta), tuple(ex.entities), mentions, rows)
