"""What a build keeps of one document: its graph part, its extractions.jsonl line, its RDF fragment."""
from __future__ import annotations

from dataclasses import dataclass

from .model import DocPart, Skipped
from .rdf.fragments import Fragment


@dataclass(frozen=True)
class Processed:
    """A document read and extracted: computed once (on any worker), cached, and reused by every rebuild."""

    part: DocPart
    line: str
    fragment: Fragment


Outcome = Processed | Skipped
