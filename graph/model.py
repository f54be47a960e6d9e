"""Frozen values passed between the pipeline's stages.

ingest -> Document; extract -> Extraction (Mention, Entity, Relation, Evidence); DocPart (what one document
adds to the graph) -> GraphState (graph/resolve/state.py); build -> networkx graph; pipeline -> RunReport.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

# Entity types, as the evaluation schema names them (../shared/eval/README.md).
DIVISION_TYPES = ("Province", "Prefecture", "County", "Township", "Village")
ORG_TYPES = ("University", "School", "Government", "Enterprise", "Organization", "Group")
ENTITY_TYPES = DIVISION_TYPES + ORG_TYPES + ("Programme", "Person")
RELATION_TYPES = ("assists", "partners", "trains", "located_in")


@dataclass(frozen=True)
class Document:
    """One input article after ingest.

    `original` is the decoded text (for HTML: the extracted main text, before clean-up); `text` is the
    normalised body. `starts[i]`/`ends[i]` give the span of `original` that normalised character i came
    from, so any span of `text` maps back to the evidence in `original` (see `original_span`).
    """

    id: str
    path: str
    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    meta: Mapping[str, str] = field(default_factory=dict)
    boilerplate: tuple[str, ...] = ()
    placeholders: tuple[tuple[int, int], ...] = ()  # spans of `text` such as __县, xx名, xxxx年

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of `original` that the normalised span [start, end) came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the text of {self.id} ({len(self.text)} chars)")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True)
class Skipped:
    """An input that produced no document, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Mention:
    """A span of a document's normalised text that names something."""

    start: int
    end: int
    surface: str
    type: str
    key: str  # the canonical key the mention resolves to (an entity's `key`)


@dataclass(frozen=True)
class Entity:
    """A canonical thing: one per real-world entity across all documents."""

    key: str  # stable id: "div:610727" for divisions, "<type>:<canonical name>" otherwise
    name: str  # canonical simplified Chinese name
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()
    adcode: str | None = None
    parent: str | None = None  # key of the parent division, or of the body a person serves
    romanised: str | None = None
    post: str | None = None  # a person's post (县长, 局长, ...)
    lon: float | None = None
    lat: float | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a relation was read: the sentence, in both forms, and its place in the original."""

    doc: str
    sentence: str  # normalised
    original: str  # original[start:end] of the document
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    """A directed (or, for partners, symmetric) typed edge between two entity keys."""

    source: str
    target: str
    type: str  # one of RELATION_TYPES
    kind: str  # the trigger's concept: 对口帮扶, 捐赠, 跟岗培训, ...
    evidence: Evidence | None
    confidence: float = 0.5
    year: int | None = None
    programme: str | None = None  # entity key of the programme, when named
    quantities: tuple[tuple[str, str], ...] = ()  # (label, value) such as ("金额", "15万元")


@dataclass(frozen=True)
class Extraction:
    """Everything one document yields."""

    doc: str
    meta: Mapping[str, str]
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]


@dataclass(frozen=True)
class EdgeRow:
    """One evidence row of one edge: (source, target, type) and the row's fields (see graph/build.py)."""

    source: str
    target: str
    type: str
    row: Mapping[str, object]


@dataclass(frozen=True)
class DocPart:
    """What one document adds to the graph: its metadata, entities (one vote each), mentions and edge rows.

    A pure function of the document's extraction, so parts can be added to and taken out of a GraphState
    in any order (graph/resolve/state.py).
    """

    doc: str
    meta: Mapping[str, str]
    entities: tuple[Entity, ...]
    mentions: tuple[str, ...]  # sorted keys of its entities that it mentions
    rows: tuple[EdgeRow, ...]


@dataclass
class RunReport:
    """What a run did: documents processed or skipped (with reasons), counts and timings."""

    processed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    carried: int = 0  # documents whose part the previous build's state already held

    @property
    def ok(self) -> bool:
        return not self.skipped
