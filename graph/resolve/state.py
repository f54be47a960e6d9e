"""The resolved corpus as a sum of document parts: entities by vote, mentions and edge rows by document.

`GraphState.add(part)` and `remove(part)` are exact inverses and commute, so a state built by adding the
parts of a whole corpus equals one carried over from an earlier build with the parts of changed documents
taken out and put in: the incremental build and the cold build give the same graph by construction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..model import DocPart, Entity, Extraction
from .parts import doc_part
from .votes import Ballot

Edge = tuple[str, str, str]  # (source, target, relation type)


@dataclass
class GraphState:
    """Votes per entity key, the documents naming each key, each edge's rows by document, documents' metadata."""

    ballots: dict[str, Ballot] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=dict)
    rows: dict[Edge, dict[str, tuple[dict, ...]]] = field(default_factory=dict)
    documents: dict[str, Mapping[str, str]] = field(default_factory=dict)
    # One copy of each row without evidence (located_in from the gazetteer), which most documents repeat:
    # it keeps the state, and the pickle carried to the next build, a fraction of the size. Each copy is
    # counted, so it goes when the last document holding it does.
    _shared: dict[tuple, list] = field(default_factory=dict, compare=False, repr=False)

    def add(self, part: DocPart) -> None:
        """Add one document's part; a document can be in the state once."""
        if part.doc in self.documents:
            raise ValueError(f"document {part.doc!r} is already in the graph state")
        self.documents[part.doc] = dict(part.meta)
        for entity in part.entities:
            ballot = self.ballots.get(entity.key)
            if ballot is None:
                ballot = self.ballots[entity.key] = Ballot()
            ballot.cast(entity, 1)
        for key in part.mentions:
            self.mentions.setdefault(key, set()).add(part.doc)
        for edge, rows in _rows_by_edge(part).items():
            self.rows.setdefault(edge, {})[part.doc] = tuple(self._share(edge, row) for row in rows)

    def remove(self, part: DocPart) -> None:
        """Take out a part added before (the same value: the cache keeps it)."""
        if self.documents.pop(part.doc, None) is None:
            raise ValueError(f"document {part.doc!r} is not in the graph state")
        for entity in part.entities:
            ballot = self.ballots[entity.key]
            ballot.cast(entity, -1)
            if ballot.empty():
                del self.ballots[entity.key]
        for key in part.mentions:
            docs = self.mentions[key]
            docs.discard(part.doc)
            if not docs:
                del self.mentions[key]
        for edge, rows in _rows_by_edge(part).items():
            by_doc = self.rows[edge]
            del by_doc[part.doc]
            if not by_doc:
                del self.rows[edge]
            for row in rows:
                self._unshare(edge, row)

    def _share(self, edge: Edge, row: dict) -> dict:
        if row["doc"]:
            return row
        entry = self._shared.setdefault(_mark(edge, row), [row, 0])
        entry[1] += 1
        return entry[0]

    def _unshare(self, edge: Edge, row: dict) -> None:
        if not row["doc"]:
            mark = _mark(edge, row)
            entry = self._shared[mark]
            entry[1] -= 1
            if not entry[1]:
                del self._shared[mark]

    def entities(self) -> dict[str, Entity]:
        """Return the elected entity of every key."""
        return {key: ballot.decide(key) for key, ballot in self.ballots.items()}


def _mark(edge: Edge, row: dict) -> tuple:
    """Return a hashable form of an edge's row."""
    return (edge, *((k, tuple(sorted(v.items())) if isinstance(v, dict) else v) for k, v in sorted(row.items())))


def _rows_by_edge(part: DocPart) -> dict[Edge, tuple[dict, ...]]:
    grouped: dict[Edge, list[dict]] = {}
    for edge_row in part.rows:
        grouped.setdefault((edge_row.source, edge_row.target, edge_row.type), []).append(dict(edge_row.row))
    return {edge: tuple(rows) for edge, rows in grouped.items()}


def state_of(parts: Iterable[DocPart]) -> GraphState:
    """Return the state holding the given parts."""
    state = GraphState()
    for part in parts:
        state.add(part)
    return state


def resolve(extractions: Iterable[Extraction]) -> GraphState:
    """Merge extractions into one state; the result does not depend on their order."""
    return state_of(doc_part(ex) for ex in extractions)
