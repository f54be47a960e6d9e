"""bangfu: education pairing-assistance (帮扶) reports into an explainable knowledge graph.

The pipeline, stage by stage: `read_corpus` → `extract_document` → `resolve_extractions` → `build_graph`
→ `graph.rdf.publish`, `graph.views.view`, `graph.export.export`; `run` chains them for a whole corpus
(what `bangfu build` does). The stage functions have their own names here so that they do not hide the
subpackages graph.extract and graph.resolve.
"""
from .build import build_graph, load_graph
from .errors import BangfuError
from .extract import extract as extract_document
from .ingest import read_corpus
from .model import Document, Entity, Evidence, Extraction, Mention, Relation, RunReport, Skipped
from .pipeline import run
from .resolve.state import resolve as resolve_extractions

__all__ = [
    "BangfuError", "Document", "Entity", "Evidence", "Extraction", "Mention", "Relation", "RunReport", "Skipped",
    "build_graph", "extract_document", "load_graph", "read_corpus", "resolve_extractions", "run",
]
