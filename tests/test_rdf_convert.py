from graphs import LUEYANG, XAUT, tiny_graph
from rdflib import Literal

from graph.rdf import terms as t
from graph.rdf.convert import to_rdf
from graph.rdf.terms import BF, DCTERMS, GEO, PROV, RDF, RDFS, SKOS

COUNTY = t.entity_iri(LUEYANG.key)
UNIVERSITY = t.entity_iri(XAUT.key)


def test_entities_are_typed_and_labelled_in_three_forms():
    rdf = to_rdf(tiny_graph())
    assert (COUNTY, RDF.type, BF.County) in rdf
    assert (COUNTY, RDFS.label, Literal("略阳县", lang="zh-Hans")) in rdf
    assert (COUNTY, RDFS.label, Literal("Lueyang Xian", lang="zh-Latn-pinyin")) in rdf
    assert (COUNTY, SKOS.altLabel, Literal("略陽縣", lang="zh-Hant")) in rdf  # traditional form
    assert (COUNTY, SKOS.altLabel, Literal("略阳", lang="zh-Hans")) in rdf
    assert (COUNTY, BF.adcode, Literal("610727")) in rdf
    assert str(rdf.value(COUNTY, GEO.lat)) == "33.33"
    assert str(rdf.value(COUNTY, GEO.long)) == "106.16"
    assert (COUNTY, BF.locatedIn, t.ID["division/610700"]) in rdf


def test_every_edge_has_its_shortcut_and_an_explaining_partnership():
    rdf = to_rdf(tiny_graph())
    assert (UNIVERSITY, BF.assists, COUNTY) in rdf
    partnership = t.partnership_iri(XAUT.key, LUEYANG.key, "assists")
    assert rdf.value(partnership, BF.helper) == UNIVERSITY
    assert rdf.value(partnership, BF.recipient) == COUNTY
    assert rdf.value(partnership, BF.kind) == t.kind_iri("对口帮扶")
    assert str(rdf.value(partnership, BF.year)) == "2017"
    quantity = rdf.value(partnership, BF.quantity)
    assert (str(rdf.value(quantity, RDFS.label)), str(rdf.value(quantity, RDF.value))) == ("金额", "15万元")
    evidence = rdf.value(partnership, BF.evidence)
    assert str(rdf.value(evidence, BF.sentence)).startswith("根据省委高教工委")
    assert (rdf.value(evidence, BF.startOffset).toPython(), rdf.value(evidence, BF.endOffset).toPython()) == (0, 30)
    document = rdf.value(evidence, PROV.wasDerivedFrom)
    assert str(rdf.value(document, DCTERMS.title)) == "略阳教育帮扶"
    assert str(rdf.value(document, DCTERMS.publisher)) == "陕西日报"
    assert str(rdf.value(document, DCTERMS.date)) == "2017-12-16"
    assert str(rdf.value(document, DCTERMS.source)) == "https://example.org/a"
    assert (document, BF.mentions, COUNTY) in rdf


def test_partners_is_stated_both_ways_and_located_in_has_no_partnership():
    rdf = to_rdf(tiny_graph())
    pairs = list(rdf.subject_objects(BF.partnersWith))
    assert len(pairs) == 2 and pairs[0] == pairs[1][::-1]
    assert len(set(rdf.subjects(RDF.type, BF.Partnership))) == 2


def test_no_blank_nodes():
    from rdflib import BNode

    assert not [tr for tr in to_rdf(tiny_graph()) if any(isinstance(x, BNode) for x in tr)]


def test_document_triples_and_aggregate_triples_are_disjoint_and_make_the_whole():
    from graph.rdf.triples import aggregate_triples, document_triples, documents_of, triples

    from graphs import extraction

    graph = tiny_graph(extraction("a.txt"), extraction("b.txt"))
    documents = graph.graph["documents"]
    per_doc = [set(document_triples(doc, documents[doc], *inputs)) for doc, inputs in documents_of(graph).items()]
    aggregate = set(aggregate_triples(graph))
    assert len(per_doc) == 2 and all(per_doc)
    assert not per_doc[0] & per_doc[1] and not (per_doc[0] | per_doc[1]) & aggregate
    assert per_doc[0] | per_doc[1] | aggregate == set(triples(graph))
