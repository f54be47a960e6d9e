"""The unit of work every engine maps, on any worker: one file's bytes in, its packed outcome out.

The cache key hashes this module with the rest of what computes an outcome (graph/cache.py), so a change
here extracts every document again.
"""
from __future__ import annotations

from pathlib import Path

from .extract import extract, to_record
from .files import dumps
from .ingest import ingest_text
from .ingest.reader import ingest_bytes
from .model import Document, Extraction, Skipped
from .outcome import Outcome, Processed, pack
from .rdf.fragments import fragment
from .resolve.parts import doc_part


def extract_one(doc: Document) -> tuple[Extraction | None, dict | Skipped]:
    """Extract one document; a failure skips it with the reason instead of ending the batch."""
    try:
        ex = extract(doc)
    except Exception as err:  # a bug on one odd article must not lose the rest of the corpus
        return None, Skipped(doc.id, f"extraction failed ({type(err).__name__}: {err}); please report it")
    return ex, to_record(ex, doc.original_span)


def process_file(task: tuple[str, str, bytes]) -> Outcome:
    """Ingest and extract one file's bytes, and make its graph part and RDF fragment."""
    path, doc_id, data = task
    doc = ingest_bytes(Path(path), doc_id, data)
    if isinstance(doc, Skipped):
        return doc
    ex, record = extract_one(doc)
    if ex is None:
        return record
    part = doc_part(ex)
    return pack(Processed(part, dumps(record), fragment(part)))


def warm_up() -> None:
    """Load jieba, OpenCC and the gazetteer now (once per worker process), not inside the first batch."""
    extract(ingest_text("warm-up.txt", "西安理工大學對口幫扶略陽縣中學。"))
