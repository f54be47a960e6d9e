"""Turn sentences into directed, typed relations with evidence.

Each trigger (seeds/lexicons/triggers.tsv) in a sentence calls the pattern of its relation: assists.py,
partners.py, training.py; the sentence's ends come from ends.py. Frames over lists (lists.py), tables (tables.py), over two
parties acting together (pairs.py) and over a body setting something up in a place (founded.py) run on the
whole document. An end that is a placeholder gives no relation.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..ingest import split_sentences
from ..model import Document, Entity, Evidence, Mention, Relation
from .assists import assists, is_false_friend
from .clauses import GIFTS, End, Sentence, trigger_re
from .ends import college_owners, relation_ends
from .entities import Found
from .founded import founded, sponsored_classes
from .lexicon import Trigger, triggers
from .lists import memberships, pair_lists
from .pairs import agreements, both
from .partners import partners
from .quantities import quantities_in, year_in
from .spans import Coverage
from .tables import pair_tables
from .training import trains

_LONGEST_SENTENCE = 2000


def _agreement(text: str, pos: int) -> bool:
    """True when pos lies in the title of an agreement just signed (签订了《教育对口帮扶框架协议》): the
    title's trigger states the relation between the parties that signed it."""
    m = re.search(r"(签订|签署)了?[^，；。《》]{0,6}《([^《》]{0,40})$", text[max(0, pos - 56):pos])
    close = text.find("》", pos)
    return bool(m) and 0 <= close - pos <= 40 and re.search(r"协议书?$", text[pos:close]) is not None


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》 (titles of documents and policies), where triggers and ends do not count."""
    return [m.span() for m in re.finditer(r"《[^》]{0,80}》", text)]


_PATTERNS = {"assists": assists, "partners": partners, "trains": trains}


def find_relations(doc: Document, found: Found, blocked: list[bool]) -> list[Relation]:
    """Return the relations stated in a document, each with its evidence sentence."""
    text = doc.text
    masked = Coverage(len(text), _masked_spans(text))
    ends = [e for e in relation_ends(doc, found, blocked) if not masked.touches(e.start, e.start + 1)]
    starts = [e.start for e in ends]
    programmes = [m for m in found.mentions if m.type == "Programme"]
    owners = college_owners(found.entities)
    out: list[Relation] = []
    sentences = split_sentences(text)
    givers: list[Relation] = []  # the gifts of the sentence before, for recipients listed after 其中
    for frame in (pair_lists, pair_tables, memberships, agreements, both, founded, sponsored_classes):
        for helpers, helped, trig, start, end, weight in frame(text, sentences, ends):
            out.extend(_make(doc, trig, helpers, helped, weight, start, end, programmes, owners))
    for start, end in sentences:
        previous, givers, before = givers, [], len(out)
        if end - start > _LONGEST_SENTENCE:
            continue  # no evidence sentence is this long: a page without punctuation, not prose
        sentence_ends = [e for e in ends[bisect_left(starts, start):bisect_left(starts, end)] if e.end <= end]
        if not sentence_ends:
            continue
        s = Sentence(text, start, end, sentence_ends, blocked)
        for helpers, helped, trig in _recipients(s, previous):
            out.extend(_make(doc, trig, helpers, helped, 0.8, start, end, programmes, owners))
        for match in trigger_re().finditer(text, start, end):
            ts, te = match.span()
            if masked.touches(ts, ts + 1) and not _agreement(text, ts):
                continue
            trig: Trigger = triggers()[match.group()]
            if trig.relation == "assists" and is_false_friend(text, ts, te):
                continue
            for helpers, helped, weight in _PATTERNS[trig.relation](s, ts, te, found):
                out.extend(_make(doc, trig, helpers, helped, weight, start, end, programmes, owners))
        givers = [r for r in out[before:] if r.kind in GIFTS]
    return _dedupe(out)


_RECEIVES = re.compile(r"获赠|受赠|获捐|获得[^，；。]{0,12}捐赠|分得")


def _recipients(s: Sentence, givers: list[Relation]) -> list[tuple[list[End], list[End], Trigger]]:
    """X 向 N 所学校捐赠…。其中，A 获赠…，B 获赠…: each recipient after 其中 has the last sentence's donor."""
    if not givers or not s.text.startswith("其中", s.start):
        return []
    donors = list(dict.fromkeys(r.source for r in givers))
    trig = triggers().get(givers[0].kind) or triggers()["捐赠"]
    out = []
    for m in _RECEIVES.finditer(s.text, s.start, s.end):
        cs = s.clause_start(m.start())
        named = [e for e in s.between(cs, m.start()) if not e.modifier]
        if named and not s.has_placeholder(cs, m.start()):
            out.append(([End(-1, -1, key, "") for key in donors if key != named[0].key], named[:1], trig))
    return out


def _make(doc: Document, trig: Trigger, helpers: list[End], helped: list[End], weight: float,
          start: int, end: int, programmes: list[Mention], owners: dict[str, tuple[str, str]]) -> list[Relation]:
    a, b = doc.original_span(start, end)
    evidence = Evidence(doc.id, doc.text[start:end].strip(), doc.original[a:b].strip(), a, b)
    sentence = doc.text[start:end]
    first = bisect_left(programmes, start, key=lambda m: m.start)
    programme = programmes[first].key if first < len(programmes) and programmes[first].start < end else None
    rels = []
    pairs = [pair for x in helpers for y in helped for pair in _for_owners(x, y, owners)]
    for x, y in dict.fromkeys(pairs):
        if x.key != y.key:
            rels.append(Relation(x.key, y.key, trig.relation, trig.kind, evidence,
                                 round(trig.confidence * weight, 3), year_in(sentence), programme,
                                 quantities_in(sentence)))
    return rels


def _for_owners(x: End, y: End, owners: dict[str, tuple[str, str]]) -> list[tuple[End, End]]:
    """A university's college acts as the university (X大学教育学院赴 Y 送教); two colleges that pair (X大学
    化学院与 Y大学化学院共建…) are partners as the two universities are, and so is a college with its
    university's own school."""
    lifted = tuple(End(e.start, e.end, *owners[e.key]) if e.key in owners else e for e in (x, y))
    return [(x, y), lifted] if x.key in owners and y.key in owners or _its_own(x, y, owners) \
        or _its_own(y, x, owners) else [lifted]


def _its_own(college: End, other: End, owners: dict[str, tuple[str, str]]) -> bool:
    """True when the other end is a school of the college's own university (X大学教育学院为 X大学附属实验学校
    培训教师): the college acts as itself there."""
    owner = owners.get(college.key)
    return owner is not None and other.key != owner[0] \
        and other.key.partition(":")[2].startswith(owner[0].partition(":")[2])


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """Keep one relation per (source, target, type, sentence), the most confident."""
    best: dict[tuple, Relation] = {}
    for r in relations:
        key = (r.source, r.target, r.type, r.evidence.start if r.evidence else -1)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return [best[k] for k in sorted(best, key=lambda k: (k[3], k[0], k[1], k[2]))]


def located_in(entities: tuple[Entity, ...]) -> list[Relation]:
    """Relations from each entity to the division it lies in (the gazetteer's hierarchy, or the name's prefix)."""
    return [Relation(e.key, e.parent, "located_in", "gazetteer" if e.key.startswith("div:") else "name", None, 1.0)
            for e in entities if e.parent and e.type != "Person"]
