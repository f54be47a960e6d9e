"""bangfu: education pairing-assistance (帮扶) reports into an explainable knowledge graph.

The pipeline, stage by stage: `read_corpus` → `extract_document` → `resolve_extractions` → `build_graph`
→ `graph.rdf.publish`, `graph.views.view`, `graph.export.export`; `run` chains them for a whole corpus
(what `bangfu build` does). The stage functions have their own names here so that they do not hide the
subpackages graph.extract and graph.resolve.
"""
from importlib import import_module

_MODULES = {
    "build_graph": ("build", "build_graph"), "load_graph": ("build", "load_graph"),
    "BangfuError": ("errors", "BangfuError"), "extract_document": ("extract", "extract"),
    "read_corpus": ("ingest", "read_corpus"), "run": ("pipeline", "run"),
    "resolve_extractions": ("resolve.state", "resolve"),
    **{name: ("model", name) for name in
       ("Document", "Entity", "Evidence", "Extraction", "Mention", "Relation", "RunReport", "Skipped")},
}
__all__ = [
    "BangfuError", "Document", "Entity", "Evidence", "Extraction", "Mention", "Relation", "RunReport", "Skipped",
    "build_graph", "extract_document", "load_graph", "read_corpus", "resolve_extractions", "run",
]


def __getattr__(name: str):
    """Load a stage's module on first use: `bangfu query` need not import jieba, nor a rebuild networkx."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _MODULES[name]
    return getattr(import_module(f".{module}", __name__), attribute)
