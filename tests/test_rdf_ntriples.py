from dataclasses import replace

import pytest
from graphs import LUEYANG, XIAN, extraction, tiny_graph
from rdflib import Graph

from graph.model import Entity, Evidence, Relation
from graph.rdf.convert import to_rdf
from graph.rdf.ntriples import escape, ntriples, statements
from graph.rdf.serialise import serialise

# Every character the quoted-string grammar treats specially, plus some it does not.
ODD = 'a"b\\c\nd\re\tf\x00g\u2028h\x7f学校 \'\'\' """ } . ; ,'


def odd_graph():
    """Return the tiny graph plus a school whose name, alias and sentence hold every awkward character."""
    school = Entity(f"School:{ODD}", ODD, "School", (f"{ODD}別名",), None, XIAN.key, ODD)
    base = extraction("odd.txt", extra=(school,))
    sentence = f"{ODD}对口帮扶略阳县。"
    relation = Relation(school.key, LUEYANG.key, "assists", ODD, Evidence("odd.txt", sentence, sentence, 0, 9), 0.7,
                        2019, quantities=((ODD, ODD),))
    return tiny_graph(replace(base, meta={**base.meta, "title": ODD}, relations=(*base.relations, relation)))


@pytest.mark.parametrize("make", [tiny_graph, odd_graph])
def test_statements_are_exactly_rdflibs_ntriples_of_to_rdf(make):
    graph = make()
    assert ntriples(statements(graph)) == serialise(to_rdf(graph), "nt")


def test_statements_parse_back_to_the_triples_of_to_rdf():
    graph = odd_graph()
    back = Graph().parse(data=ntriples(statements(graph)).decode("utf-8"), format="nt")
    assert set(back) == set(to_rdf(graph))
    assert ODD in {str(o) for o in back.objects()}


def test_statements_are_sorted_and_unique():
    rows = statements(tiny_graph())
    assert rows == sorted(set(rows)) and len(rows) > 100


def test_escape_leaves_only_what_the_grammar_allows():
    assert escape('x"\\\n\r\ty') == 'x\\"\\\\\\n\\r\ty'
