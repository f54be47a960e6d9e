"""Ingest: read a corpus into Documents (decoded, cleaned, normalised, with an offset map and metadata)."""
from ..model import Document, Skipped
from .document import ingest_text
from .reader import read_corpus, skip_message
from .report import IngestReport, document_row, ingest_corpus
from .sentences import split_sentences

__all__ = ["Document", "IngestReport", "Skipped", "document_row", "ingest_corpus", "ingest_text", "read_corpus",
           "skip_message", "split_sentences"]
