"""Helpers for extraction tests: run the real pipeline stages on a text written in the test."""
from graph.extract import extract
from graph.ingest import ingest_text


def run(text: str, doc_id: str = "t.txt"):
    return extract(ingest_text(doc_id, text))


def names(text: str) -> dict[str, str]:
    """Map each mentioned entity's canonical name to its type."""
    ex = run(text)
    mentioned = {m.key for m in ex.mentions}
    return {e.name: e.type for e in ex.entities if e.key in mentioned}


def relations(text: str) -> set[tuple[str, str, str]]:
    """Return (source name, type, target name) of every relation but located_in."""
    ex = run(text)
    by_key = {e.key: e.name for e in ex.entities}
    return {(by_key[r.source], r.type, by_key[r.target]) for r in ex.relations if r.type != "located_in"}
