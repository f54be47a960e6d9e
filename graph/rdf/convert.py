"""Turn the networkx graph into RDF: typed entities, shortcut triples, Partnership and Evidence nodes.

Every assists/partners/trains edge gives the shortcut triple (partnersWith in both directions, so
queries need no reasoner) and one Partnership node carrying helper, recipient, kinds, programmes,
years, quantities and one Evidence node per evidence row, derived from its Document.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

import networkx as nx
from rdflib import Graph, Literal, URIRef

from . import terms as t
from .terms import BF, DCTERMS, GEO, ORG, PROV, RDF, RDFS, SKOS, XSD


def new_graph() -> Graph:
    """Return an empty rdflib graph with bangfu's prefixes bound (and no others)."""
    rdf = Graph(bind_namespaces="none")
    for prefix, namespace in t.PREFIXES.items():
        rdf.bind(prefix, namespace)
    return rdf


@cache
def _to_simplified():
    import opencc  # heavy: only when a graph is converted

    return opencc.OpenCC("t2s")


def _alias_language(alias: str) -> str:
    return t.ZH_TRADITIONAL if _to_simplified().convert(alias) != alias else t.ZH


def _zh(text: str) -> Literal:
    return Literal(text, lang=t.ZH)


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def _add_entity(rdf: Graph, key: str, data: dict, iris: dict[str, URIRef]) -> None:
    node = iris[key]
    rdf.add((node, RDF.type, t.CLASSES.get(data.get("type"), BF.Organization)))
    if data.get("type") == "School" and (sub := t.school_class(data["label"])) is not None:
        rdf.add((node, RDF.type, sub))
    rdf.add((node, RDFS.label, _zh(data["label"])))
    if data.get("romanised"):
        rdf.add((node, RDFS.label, Literal(data["romanised"], lang=t.PINYIN)))
    for alias in data.get("aliases") or ():
        if alias != data["label"]:
            rdf.add((node, SKOS.altLabel, Literal(alias, lang=_alias_language(alias))))
    if data.get("adcode"):
        rdf.add((node, BF.adcode, Literal(data["adcode"])))
    if data.get("lat") is not None and data.get("lon") is not None:
        rdf.add((node, GEO.lat, _decimal(data["lat"])))
        rdf.add((node, GEO.long, _decimal(data["lon"])))
    if data.get("post"):
        rdf.add((node, BF.post, _zh(data["post"])))
    parent = data.get("parent")
    if parent in iris:
        # A person's parent is the body they serve; everything else's is the division it lies in.
        rdf.add((node, ORG.memberOf if data.get("type") == "Person" else BF.locatedIn, iris[parent]))
    for doc in data.get("docs") or ():
        rdf.add((_document(rdf, doc), BF.mentions, node))


def _date(text: str) -> Literal:
    try:
        return Literal(dt.date.fromisoformat(text[:10]).isoformat(), datatype=XSD.date)
    except ValueError:
        return Literal(text)


def _document(rdf: Graph, doc: str) -> URIRef:
    node = t.document_iri(doc)
    rdf.add((node, RDF.type, BF.Document))
    rdf.add((node, DCTERMS.identifier, Literal(doc)))
    return node


def _add_document(rdf: Graph, doc: str, meta: dict) -> None:
    node = _document(rdf, doc)
    if meta.get("title"):
        rdf.add((node, DCTERMS.title, _zh(meta["title"])))
        rdf.add((node, RDFS.label, _zh(meta["title"])))
    if meta.get("date"):
        rdf.add((node, DCTERMS.date, _date(meta["date"])))
    if meta.get("source"):
        rdf.add((node, DCTERMS.publisher, _zh(meta["source"])))
    url = meta.get("url") or ""
    if url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`'):
        rdf.add((node, DCTERMS.source, URIRef(url)))


def _add_kind(rdf: Graph, kind: str) -> URIRef:
    concept = t.kind_iri(kind)
    # Repeat the scheme membership in the data, so kinds the ontology does not list are still concepts.
    rdf.add((concept, RDF.type, SKOS.Concept))
    rdf.add((concept, SKOS.inScheme, t.KIND_SCHEME))
    rdf.add((concept, SKOS.prefLabel, _zh(kind)))
    return concept


def _add_partnership(rdf: Graph, source: str, target: str, rtype: str, data: dict,
                     iris: dict[str, URIRef]) -> None:
    helper, recipient = iris[source], iris[target]
    shortcut = t.SHORTCUTS[rtype]
    rdf.add((helper, shortcut, recipient))
    if rtype == "partners":
        rdf.add((recipient, shortcut, helper))
    node = t.partnership_iri(source, target, rtype)
    for triple in ((RDF.type, BF.Partnership), (BF.helper, helper), (BF.recipient, recipient),
                   (BF.relation, shortcut)):
        rdf.add((node, *triple))
    for kind in data.get("kinds") or [data.get("kind")]:
        if kind:
            rdf.add((node, BF.kind, _add_kind(rdf, kind)))
    for programme in data.get("programmes") or ():
        if programme in iris:
            rdf.add((node, BF.programme, iris[programme]))
    if data.get("confidence") is not None:
        rdf.add((node, BF.confidence, _decimal(data["confidence"])))
    for row in data.get("evidence") or ():
        if row.get("year"):
            rdf.add((node, BF.year, Literal(str(row["year"]), datatype=XSD.gYear)))
        for label, value in sorted((row.get("quantities") or {}).items()):
            quantity = t.quantity_iri(node, label, value)
            rdf.add((node, BF.quantity, quantity))
            rdf.add((quantity, RDF.type, BF.Quantity))
            rdf.add((quantity, RDFS.label, _zh(label)))
            rdf.add((quantity, RDF.value, Literal(value)))
        if row.get("programme") in iris:
            rdf.add((node, BF.programme, iris[row["programme"]]))
        if row.get("doc"):
            _add_evidence(rdf, node, row)


def _add_evidence(rdf: Graph, partnership: URIRef, row: dict) -> None:
    node = t.evidence_iri(partnership, row["doc"], row["start"], row["end"], row.get("kind") or "")
    document = _document(rdf, row["doc"])
    rdf.add((partnership, BF.evidence, node))
    rdf.add((partnership, PROV.wasDerivedFrom, document))
    rdf.add((node, RDF.type, BF.Evidence))
    rdf.add((node, PROV.wasDerivedFrom, document))
    rdf.add((node, BF.sentence, _zh(row["sentence"])))
    if row.get("original"):
        rdf.add((node, BF.original, Literal(row["original"])))
    rdf.add((node, BF.startOffset, Literal(int(row["start"]))))
    rdf.add((node, BF.endOffset, Literal(int(row["end"]))))
    if row.get("kind"):
        rdf.add((node, BF.kind, t.kind_iri(row["kind"])))
    if row.get("confidence") is not None:
        rdf.add((node, BF.confidence, _decimal(row["confidence"])))


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """Return the RDF graph of a bangfu networkx graph (see graph/build.py for its attributes)."""
    rdf = new_graph()
    iris = {key: t.entity_iri(key, data.get("type"), data.get("adcode")) for key, data in graph.nodes(data=True)}
    for doc, meta in sorted((graph.graph.get("documents") or {}).items()):
        _add_document(rdf, doc, meta or {})
    for key in sorted(graph.nodes):
        _add_entity(rdf, key, graph.nodes[key], iris)
    for source, target, rtype, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if rtype == "located_in":
            rdf.add((iris[source], BF.locatedIn, iris[target]))
        elif rtype in t.SHORTCUTS:
            _add_partnership(rdf, source, target, rtype, data, iris)
    return rdf
