"""Extraction: one document in, its entities, mentions and relations out (a pure function of the document)."""
from __future__ import annotations

from ..model import Document, Extraction
from .entities import blocked_mask, find_entities
from .record import to_record
from .relations import find_relations, located_in

EXTRACTOR_VERSION = "7"  # bump when extraction changes, so incremental builds redo every document

__all__ = ["EXTRACTOR_VERSION", "extract", "to_record"]


def extract(doc: Document) -> Extraction:
    """Return everything the document states: canonical entities, their mentions, and relations."""
    blocked = blocked_mask(doc)
    found = find_entities(doc, blocked)
    relations = find_relations(doc, found, blocked)
    return Extraction(doc.id, dict(doc.meta), found.entities, found.mentions,
                      tuple(relations) + tuple(located_in(found.entities)))
