"""The JSON line that `bangfu extract` writes for a document (schema: ../shared/eval/README.md)."""
from __future__ import annotations

from ..model import Extraction


def to_record(ex: Extraction, original_offsets=None) -> dict:
    """Return the evaluation record: mentioned entities (not those only implied) and scored relations.

    `original_offsets(start, end)` maps a mention's span to the original text; without it the spans are
    those of the normalised text.
    """
    names = {e.key: e.name for e in ex.entities}
    spans: dict[str, list[list[int]]] = {}
    for m in ex.mentions:
        span = original_offsets(m.start, m.end) if original_offsets else (m.start, m.end)
        spans.setdefault(m.key, []).append(list(span))
    entities = [{"name": e.name, "type": e.type, "adcode": e.adcode, "aliases": list(e.aliases),
                 "key": e.key, "post": e.post, "mentions": spans[e.key]}
                for e in ex.entities if e.key in spans]
    entities.sort(key=lambda e: e["mentions"][0])
    relations = [{"source": names[r.source], "target": names[r.target], "type": r.type, "kind": r.kind,
                  "evidence": r.evidence.original if r.evidence else "", "confidence": r.confidence,
                  "year": r.year, "programme": names.get(r.programme) if r.programme else None,
                  "quantities": dict(r.quantities),
                  "start": r.evidence.start if r.evidence else None, "end": r.evidence.end if r.evidence else None}
                 for r in ex.relations if r.type != "located_in"]
    return {"doc": ex.doc.rsplit("/", 1)[-1], "path": ex.doc, "meta": dict(ex.meta),
            "entities": entities, "relations": relations}
