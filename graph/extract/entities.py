"""Find a document's mentions and turn them into canonical entities.

Find, then write: the finders (divisions, organisations, programmes, people) return mentions; this module
decides overlaps, completes names from the document's home divisions, and makes Entity values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Entity, Mention
from ..resolve.romanise import romanise
from .divisions import DivisionMention, Home, find_divisions, find_home
from .gazetteer import Division, load_gazetteer
from .naming import full_name
from .organisations import find_organisations
from .people import find_people
from .programmes import find_programmes
from .spans import Coverage
from .townships import TownMention, find_townships, town_key


@dataclass(frozen=True)
class Found:
    """A document's entities, their mentions, and the home divisions that completed bare prefixes."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    home: Home


_BLOCKED = re.compile(r"[\ufffd?_]+")


def blocked_mask(doc: Document) -> list[bool]:
    """Mark placeholders (__县, xx名) and broken characters, which no entity may contain."""
    mask = [False] * len(doc.text)
    spans = [*doc.placeholders, *(m.span() for m in _BLOCKED.finditer(doc.text))]
    for start, end in spans:
        start, end = max(0, start), min(end, len(mask))
        mask[start:end] = [True] * (end - start)
    return mask


def _every_use(text: str, people) -> list[tuple[int, int]]:
    """Spans of every use of the people's names, found beside a post once (副校长林振东… 林振东说)."""
    names = sorted({p.name for p in people}, key=len, reverse=True)
    if not names:
        return []
    return [m.span() for m in re.finditer("|".join(map(re.escape, names)), text)]


def division_key(adcode: str) -> str:
    return f"div:{adcode}"


def division_entity(div: Division, aliases=()) -> Entity:
    return Entity(division_key(div.adcode), div.name, div.level, tuple(sorted(set(aliases) - {div.name})),
                  div.adcode, division_key(div.parent) if div.parent else None, romanise(div.name),
                  lon=div.lon, lat=div.lat)


def town_entity(t: TownMention) -> Entity:
    """A township or village, placed in its county (a village in the township named before it)."""
    parent = division_key(t.county.adcode) if t.county is not None else None
    return Entity(town_key(t), t.surface, t.type, (), None, parent, romanise(t.surface))


class _Collector:
    """Entities by key, merging aliases of repeated mentions."""

    def __init__(self, doc: Document):
        self.doc, self.entities, self.mentions = doc, {}, []

    def alias_forms(self, start: int, end: int, surface: str) -> set[str]:
        a, b = self.doc.original_span(start, end)
        original = self.doc.original[a:b]
        return {s for s in (surface, original) if s and "\n" not in s and len(s) <= 40}

    def add(self, entity: Entity, start: int | None = None, end: int | None = None, surface: str = "") -> None:
        aliases = set(entity.aliases)
        if start is not None:
            aliases |= self.alias_forms(start, end, surface)
            self.mentions.append(Mention(start, end, surface, entity.type, entity.key))
        known = self.entities.get(entity.key)
        if known is not None:
            aliases |= set(known.aliases)
            entity = known
        self.entities[entity.key] = Entity(**{**entity.__dict__, "aliases": tuple(sorted(aliases - {entity.name}))})

    def add_division_chain(self, div: Division) -> None:
        """Add a division's ancestors (without mentions), so located_in can follow the hierarchy."""
        for anc in load_gazetteer().ancestors(div.adcode):
            if division_key(anc.adcode) not in self.entities:
                self.add(division_entity(anc))


def find_entities(doc: Document, blocked: list[bool] | None = None) -> Found:
    """Return the entities a document names, each once, with every mention."""
    gaz, text = load_gazetteer(), doc.text
    blocked = blocked if blocked is not None else blocked_mask(doc)
    divisions = [m for m in find_divisions(text) if not any(blocked[m.start:m.end])]
    # an article that speaks as a county (我县, 本县) is the county its title names, however often it names
    # its partner
    speaks_as_county = "我县" in text or "本县" in text
    home = find_home(divisions, gaz, hint=doc.meta.get("source", "") + doc.meta.get("title", ""),
                     title_end=text.find("\n") if speaks_as_county else 0)
    towns = find_townships(text, divisions, home, blocked)
    meta = " ".join(str(doc.meta.get(k, "")) for k in ("author", "title", "source"))
    orgs = find_organisations(text, divisions, home, blocked, towns, meta)
    taken = Coverage(len(text), ((o.start, o.end) for o in orgs))
    programmes = [p for p in find_programmes(text, blocked) if not taken.touches(p.start, p.end)]
    for p in programmes:
        taken.mark(p.start, p.end)
    people = [p for p in find_people(text, blocked) if not taken.touches(p.start, p.end)]
    named = Coverage(len(text), _every_use(text, people))  # 刘振东: 振东 names no place here, nor in 刘振东说
    out = _Collector(doc)
    # a division that begins a body's or a school's name is named there too (镇安县教育体育局 names 镇安县);
    # not one inside a university's or a company's name (西安理工大学 says nothing of 西安市)
    # so does one written in full before any body's name (赣州市宁都县第一小学教育集团)
    full_at = {m.start for m in divisions if m.division is not None and not m.short}
    placed = Coverage(len(text), ((o.start, o.end) for o in orgs
                                  if o.type in ("Government", "School") or o.start in full_at and o.type != "University"))
    # 天津市南开中学: a short name right after a division inside a school's name is the school's own name
    chained = {m.end for m in divisions if m.division is not None}
    for m in divisions:
        inner = m.short and m.start in chained and taken.touches(m.start, m.end) and m.surface[-1] not in "市县区州盟旗"
        if m.division is not None and (not taken.touches(m.start, m.end) or placed.covers(m.start, m.end)) \
                and not (m.short and named.touches(m.start, m.end)) and not inner:
            out.add(division_entity(m.division), m.start, m.end, m.surface)
            out.add_division_chain(m.division)
    for o in orgs:
        parent = None
        if o.division is not None:
            parent = division_key(o.division.adcode)
            if parent not in out.entities:
                out.add(division_entity(o.division))
            out.add_division_chain(o.division)
        out.add(Entity(f"{o.type}:{full_name(o)}", o.name, o.type, (), None, parent, romanise(o.name)),
                o.start, o.end, o.surface)
    for t in towns:
        if not named.touches(t.start, t.end) and (not taken.touches(t.start, t.end) or placed.covers(t.start, t.end)):
            out.add(town_entity(t), t.start, t.end, t.surface)
    for p in programmes:
        out.add(Entity(f"Programme:{p.name}", p.name, "Programme", (), romanised=romanise(p.name)),
                p.start, p.end, p.surface)
    div_end = {m.end: m for m in divisions if m.division is not None}
    org_end = {o.end: o for o in orgs}
    for p in people:
        # the body or division named right before the post (县教育局吴云涛局长: before the name)
        body = org_end.get(p.post_start) or org_end.get(p.start)
        serves = div_end.get(p.post_start) or div_end.get(p.start)
        if body is not None:
            parent = f"{body.type}:{full_name(body)}"
        elif serves is not None:
            parent = division_key(serves.division.adcode)
        else:
            parent = division_key(home.county.adcode) if home.county and p.post.startswith("县") else None
        out.add(Entity(f"Person:{p.name}", p.name, "Person", (), None, parent, romanise(p.name), post=p.post),
                p.start, p.end, p.name)
    mentions = tuple(sorted(out.mentions, key=lambda m: (m.start, m.end, m.key)))
    return Found(tuple(out.entities[k] for k in sorted(out.entities)), mentions, home)
