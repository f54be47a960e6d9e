from graphs import tiny_graph
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph import resources
from graph.model import ENTITY_TYPES
from graph.rdf import terms as t
from graph.rdf.convert import to_rdf
from graph.rdf.terms import BF


def _ontology() -> Graph:
    return Graph().parse(resources.ontology("bangfu.ttl"), format="turtle")


def test_shipped_ontology_files_parse():
    for name in ("bangfu.ttl", "shapes.ttl"):
        assert len(Graph().parse(resources.ontology(name), format="turtle")) > 50


def test_every_entity_type_maps_to_a_declared_class():
    ontology = _ontology()
    assert set(t.CLASSES) == set(ENTITY_TYPES)
    for cls in t.CLASSES.values():
        assert (cls, RDF.type, OWL.Class) in ontology, cls


def test_every_term_the_data_uses_is_declared_with_zh_and_en_labels():
    ontology = _ontology()
    used = {p for p in to_rdf(tiny_graph()).predicates() if str(p).startswith(str(BF))}
    used |= {o for o in to_rdf(tiny_graph()).objects(predicate=RDF.type) if str(o).startswith(str(BF))}
    used |= {BF.trains, BF.programme, BF.post, BF.Person, BF.Group}
    for term in sorted(used):
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"zh-Hans", "en"} <= languages, term
        assert len(set(ontology.objects(term, SKOS.definition))) == 2, term


def test_property_characteristics():
    ontology = _ontology()
    assert (BF.partnersWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (BF.locatedIn, RDF.type, OWL.TransitiveProperty) in ontology


def test_every_named_kind_is_a_concept_of_the_scheme():
    ontology = _ontology()
    for kind in t.KIND_SLUGS:
        concept = t.kind_iri(kind)
        assert (concept, SKOS.inScheme, t.KIND_SCHEME) in ontology, kind
        assert kind in {str(label) for label in ontology.objects(concept, SKOS.prefLabel)}, kind
