"""Merge per-document extractions into one canonical set of entities and relations."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from ..model import Entity, Extraction, Relation


@dataclass
class Resolved:
    """All documents' entities merged by key, their relations, and each document's metadata."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    documents: dict[str, Mapping[str, str]] = field(default_factory=dict)
    mentions: dict[str, set[str]] = field(default_factory=dict)  # entity key -> ids of documents naming it


def _merge(old: Entity, new: Entity) -> Entity:
    """Keep the first entity's identity, union the aliases, fill fields the first one lacked."""
    aliases = tuple(sorted(set(old.aliases) | set(new.aliases) | ({new.name} - {old.name})))
    filled = {name: getattr(new, name) for name in ("adcode", "parent", "romanised", "post", "lon", "lat")
              if getattr(old, name) is None and getattr(new, name) is not None}
    return replace(old, aliases=aliases, **filled)


def resolve(extractions: Iterable[Extraction]) -> Resolved:
    """Merge extractions; the result does not depend on their order."""
    out = Resolved()
    for ex in sorted(extractions, key=lambda e: e.doc):
        out.documents[ex.doc] = dict(ex.meta)
        for entity in ex.entities:
            known = out.entities.get(entity.key)
            out.entities[entity.key] = entity if known is None else _merge(known, entity)
        for mention in ex.mentions:
            out.mentions.setdefault(mention.key, set()).add(ex.doc)
        out.relations.extend(ex.relations)
    return out
