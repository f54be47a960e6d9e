"""The triples of a bangfu graph: typed entities, shortcut triples, Partnership and Evidence nodes.

Every assists/partners/trains edge gives the shortcut triple (partnersWith in both directions, so
queries need no reasoner) and one Partnership node carrying helper, recipient, kinds, programmes,
years, quantities and one Evidence node per evidence row, derived from its Document.

The triples fall in two disjoint sets. A document's own (`document_triples`): its metadata, what it
mentions, and its evidence nodes with the `bf:evidence` and `prov:wasDerivedFrom` links to them; each names
the document or one of its evidence nodes, and depends on that document alone, so workers compute them
and the cache keeps them. The rest (`aggregate_triples`): entities, shortcut triples and Partnership nodes
with what they sum up from all their evidence (kinds, years, programmes, quantities, confidence).

One generator serves everything: `to_rdf` adds its triples to an rdflib graph, `publish` writes them as
N-Triples and Turtle without one. IRIs are `str` (terms.py's URIRefs), literals `Lit`; a triple may
come more than once, so consumers keep a set.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache, lru_cache
from typing import Iterable, Iterator, NamedTuple, TYPE_CHECKING

from . import terms as t

if TYPE_CHECKING:  # networkx takes 0.1 s to import; a worker making fragments needs none of it
    import networkx as nx


class _Names:
    """A namespace whose terms are plain strings, each built once (rdflib's builds a URIRef per access)."""

    def __init__(self, namespace: str):
        self._base = str(namespace)

    def __getattr__(self, name: str) -> str:
        value = self._base + name
        setattr(self, name, value)
        return value


BF, DCTERMS, GEO, ORG, PROV, RDF, RDFS, SKOS, XSD = (
    _Names(namespace) for namespace in (t.BF, t.DCTERMS, t.GEO, t.ORG, t.PROV, t.RDF, t.RDFS, t.SKOS, t.XSD))
_CLASSES = {name: str(cls) for name, cls in t.CLASSES.items()}
_SHORTCUTS = {name: str(prop) for name, prop in t.SHORTCUTS.items()}


class Lit(NamedTuple):
    """A literal in the lexical form rdflib would give it: plain, language-tagged or typed."""

    lexical: str
    lang: str | None = None
    datatype: str | None = None


Term = str | Lit
Triple = tuple[str, str, Term]


@cache
def _to_simplified():
    import opencc  # heavy: only when a graph is converted

    return opencc.OpenCC("t2s")


def _alias_language(alias: str) -> str:
    return t.ZH_TRADITIONAL if _to_simplified().convert(alias) != alias else t.ZH


def _zh(text: str) -> Lit:
    return Lit(str(text), t.ZH)


def _decimal(value: float) -> Lit:
    # rdflib writes a Decimal in positional notation ("0.00001", never "1E-5"); so do we.
    return Lit(f"{Decimal(str(value)):f}", None, XSD.decimal)


def _integer(value) -> Lit:
    return Lit(str(int(value)), None, XSD.integer)


def _date(text: str) -> Lit:
    try:
        return Lit(dt.date.fromisoformat(text[:10]).isoformat(), None, XSD.date)
    except ValueError:
        return Lit(text)


@lru_cache(maxsize=1 << 16)  # a document is cited many times; bounded, as a server may build often
def _document_iri(doc: str) -> str:
    return str(t.document_iri(doc))


@lru_cache(maxsize=1024)
def _kind_iri(kind: str) -> str:
    return str(t.kind_iri(kind))


def _entity(key: str, data: dict, iris: dict[str, str]) -> Iterator[Triple]:
    node = iris[key]
    yield node, RDF.type, _CLASSES.get(data.get("type"), BF.Organization)
    if data.get("type") == "School" and (sub := t.school_class(data["label"])) is not None:
        yield node, RDF.type, str(sub)
    yield node, RDFS.label, _zh(data["label"])
    if data.get("romanised"):
        yield node, RDFS.label, Lit(data["romanised"], t.PINYIN)
    for alias in data.get("aliases") or ():
        if alias != data["label"]:
            yield node, SKOS.altLabel, Lit(alias, _alias_language(alias))
    if data.get("adcode"):
        yield node, BF.adcode, Lit(data["adcode"])
    if data.get("lat") is not None and data.get("lon") is not None:
        yield node, GEO.lat, _decimal(data["lat"])
        yield node, GEO.long, _decimal(data["lon"])
    if data.get("post"):
        yield node, BF.post, _zh(data["post"])
    parent = data.get("parent")
    if parent in iris:
        # A person's parent is the body they serve; everything else's is the division it lies in.
        yield node, ORG.memberOf if data.get("type") == "Person" else BF.locatedIn, iris[parent]


def _document_meta(doc: str, meta: dict) -> Iterator[Triple]:
    node = _document_iri(doc)
    yield node, RDF.type, BF.Document
    yield node, DCTERMS.identifier, Lit(doc)
    if meta.get("title"):
        yield node, DCTERMS.title, _zh(meta["title"])
        yield node, RDFS.label, _zh(meta["title"])
    if meta.get("date"):
        yield node, DCTERMS.date, _date(meta["date"])
    if meta.get("source"):
        yield node, DCTERMS.publisher, _zh(meta["source"])
    url = meta.get("url") or ""
    if url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`'):
        yield node, DCTERMS.source, url


def _kind(kind: str) -> Iterator[Triple]:
    concept = _kind_iri(kind)
    # Repeat the scheme membership in the data, so kinds the ontology does not list are still concepts.
    yield concept, RDF.type, SKOS.Concept
    yield concept, SKOS.inScheme, str(t.KIND_SCHEME)
    yield concept, SKOS.prefLabel, _zh(kind)


def _partnership(source: str, target: str, rtype: str, data: dict, iris: dict[str, str]) -> Iterator[Triple]:
    helper, recipient = iris[source], iris[target]
    shortcut = _SHORTCUTS[rtype]
    yield helper, shortcut, recipient
    if rtype == "partners":
        yield recipient, shortcut, helper
    node = partnership_iri(source, target, rtype)
    yield node, RDF.type, BF.Partnership
    yield node, BF.helper, helper
    yield node, BF.recipient, recipient
    yield node, BF.relation, shortcut
    for kind in data.get("kinds") or [data.get("kind")]:
        if kind:
            yield from _kind(kind)
            yield node, BF.kind, _kind_iri(kind)
    for programme in data.get("programmes") or ():
        if programme in iris:
            yield node, BF.programme, iris[programme]
    if data.get("confidence") is not None:
        yield node, BF.confidence, _decimal(data["confidence"])
    # Sums over the evidence, stated once so that a query listing many partnerships reads one value each.
    for prop, year in ((BF.firstYear, data.get("first_year")), (BF.lastYear, data.get("last_year"))):
        if year:
            yield node, prop, Lit(str(year), None, XSD.gYear)
    documents = {row["doc"] for row in data.get("evidence") or () if row.get("doc")}
    if documents:
        yield node, BF.documentCount, _integer(len(documents))
    for row in data.get("evidence") or ():
        if row.get("year"):
            yield node, BF.year, Lit(str(row["year"]), None, XSD.gYear)
        for label, value in sorted((row.get("quantities") or {}).items()):
            quantity = str(t.quantity_iri(node, label, value))
            yield node, BF.quantity, quantity
            yield quantity, RDF.type, BF.Quantity
            yield quantity, RDFS.label, _zh(label)
            yield quantity, RDF.value, Lit(str(value))
        if row.get("programme") in iris:
            yield node, BF.programme, iris[row["programme"]]


def partnership_iri(source: str, target: str, rtype: str) -> str:
    return str(t.partnership_iri(source, target, rtype))


def _evidence(partnership: str, row: dict) -> Iterator[Triple]:
    node = str(t.evidence_iri(partnership, row["doc"], row["start"], row["end"], row.get("kind") or ""))
    document = _document_iri(row["doc"])
    yield partnership, BF.evidence, node
    yield partnership, PROV.wasDerivedFrom, document
    yield node, RDF.type, BF.Evidence
    yield node, PROV.wasDerivedFrom, document
    yield node, BF.sentence, _zh(row["sentence"])
    if row.get("original"):
        yield node, BF.original, Lit(str(row["original"]))
    yield node, BF.startOffset, _integer(row["start"])
    yield node, BF.endOffset, _integer(row["end"])
    if row.get("kind"):
        yield node, BF.kind, _kind_iri(row["kind"])
    if row.get("confidence") is not None:
        yield node, BF.confidence, _decimal(row["confidence"])


def node_iri(key: str) -> str:
    """Return the IRI of a node: bangfu's keys carry their type ("div:610727", "University:西安理工大学")."""
    return str(t.entity_iri(key))


def document_triples(doc: str, meta: dict, mentions: Iterable[str],
                     rows: Iterable[tuple[str, dict]]) -> Iterator[Triple]:
    """Yield one document's own triples: its metadata, the keys it mentions, and its evidence rows, each given
    with the IRI of its Partnership (see the module docstring)."""
    yield from _document_meta(doc, meta or {})
    node = _document_iri(doc)
    for key in mentions:
        yield node, BF.mentions, node_iri(key)
    for partnership, row in rows:
        yield from _evidence(partnership, row)


def aggregate_triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Yield the triples that sum up the whole graph: entities, shortcuts and Partnership nodes."""
    iris = {key: node_iri(key) for key in graph.nodes}
    for key in sorted(graph.nodes):
        yield from _entity(key, graph.nodes[key], iris)
    for source, target, rtype, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if rtype == "located_in":
            yield iris[source], BF.locatedIn, iris[target]
        elif rtype in t.SHORTCUTS:
            yield from _partnership(source, target, rtype, data, iris)


def documents_of(graph: nx.MultiDiGraph) -> dict[str, tuple[list[str], list[tuple[str, dict]]]]:
    """Return, for every document of the graph, the keys it mentions and its evidence rows (with their
    Partnership's IRI): the input of `document_triples` recovered from a built graph."""
    out: dict[str, tuple[list[str], list[tuple[str, dict]]]] = {doc: ([], []) for doc in graph.graph.get("documents") or {}}
    for key in sorted(graph.nodes):
        for doc in graph.nodes[key].get("docs") or ():
            out.setdefault(doc, ([], []))[0].append(key)
    for source, target, rtype, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if rtype in t.SHORTCUTS:
            node = partnership_iri(source, target, rtype)
            for row in data.get("evidence") or ():
                if row.get("doc"):
                    out.setdefault(row["doc"], ([], []))[1].append((node, row))
    return out


def triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """Yield the RDF triples of a bangfu networkx graph (see graph/build.py for its attributes)."""
    documents = graph.graph.get("documents") or {}
    for doc, (mentions, rows) in sorted(documents_of(graph).items()):
        yield from document_triples(doc, documents.get(doc) or {}, mentions, rows)
    yield from aggregate_triples(graph)
