"""Ingest a whole corpus into rows for JSON Lines and a summary the CLI renders."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..model import Document, Skipped
from .reader import read_corpus


@dataclass
class IngestReport:
    """What `ingest_corpus` read: one row per document, the skipped inputs, counts per script."""

    rows: list[dict] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    characters: int = 0
    scripts: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.skipped


def document_row(doc: Document) -> dict:
    """Return the JSON Lines object for one document."""
    return {"id": doc.id, "path": doc.path, "meta": dict(doc.meta), "text": doc.text,
            "placeholders": [list(span) for span in doc.placeholders]}


def ingest_corpus(inputs: str | os.PathLike | Sequence[str | os.PathLike],
                  progress: Callable[[str], None] | None = None) -> IngestReport:
    """Read every input; call `progress(id)` after each file."""
    report = IngestReport()
    for item in read_corpus(inputs):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            name = item.path
        else:
            report.rows.append(document_row(item))
            report.characters += len(item.text)
            report.scripts[item.meta.get("script", "none")] += 1
            name = item.id
        if progress:
            progress(name)
    return report
