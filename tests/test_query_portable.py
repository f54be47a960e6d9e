"""The portable (SPARQL 1.1, no LATERAL) form of each named query gives the LATERAL form's rows."""
from collections import Counter
from dataclasses import replace

import pytest
from graphs import PROGRAMME, extraction, tiny_graph
from rdflib import Graph, Literal, Variable

from graph.rdf.publish import publish
from graph.rdf.query import DEFAULT_PREFIXES, named_queries, query_out, run_query

TINY = {"county": "略阳县", "university": "西安理工大学", "school": "县职教中心", "programme": "三通两平台",
        "prefecture": "汉中", "source": "略阳", "target": "西安理工大学"}
CONCATENATED = {"kinds", "counties"}  # GROUP_CONCAT leaves the order of its items to the engine


def _normal(variables, rows):
    """Return the rows with GROUP_CONCAT cells as sorted item lists, so that engines can be compared."""
    def cell(name, value):
        return "、".join(sorted(value.split("、"))) if name in CONCATENATED and value else value
    return [tuple(cell(name, value) for name, value in zip(variables, row)) for row in rows]


def _rdflib_rows(graph, query, params):
    answer = graph.query(query.portable, initNs=DEFAULT_PREFIXES,
                         initBindings={Variable(k): Literal(v) for k, v in params.items()})
    variables = tuple(str(v) for v in answer.vars)
    return variables, [tuple(None if term is None else str(term) for term in row) for row in answer]


def _compare(out, graph, name, params):
    query = named_queries()[name]
    lateral = query_out(out, named=name, params=params)
    portable = run_query(out, query.portable, params)
    variables, rdflib_rows = _rdflib_rows(graph, query, params)
    assert portable.variables == lateral.variables == variables, name
    want = _normal(lateral.variables, lateral.rows)
    assert Counter(_normal(portable.variables, portable.rows)) == Counter(want), name
    assert Counter(_normal(variables, rdflib_rows)) == Counter(want), name
    return want, _normal(variables, rdflib_rows)


def _rdflib_graph(out):
    graph = Graph()
    graph.parse(out / "graph.ttl", format="turtle")
    return graph


def _under_programme(doc):
    """Return the tiny extraction of `doc` with its partnerships carried out under 三通两平台."""
    found = extraction(doc)
    relations = tuple(replace(r, programme=PROGRAMME.key, year=r.year or 2019) if r.evidence else r
                      for r in found.relations)
    return replace(found, relations=relations)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    publish(tiny_graph(_under_programme("a.txt"), _under_programme("b.txt")), folder)
    return folder, _rdflib_graph(folder)


def test_every_named_query_has_a_portable_form_without_lateral():
    for name, query in named_queries().items():
        body = "\n".join(line for line in query.portable.splitlines() if not line.startswith("#"))
        assert "LATERAL" not in body and "SELECT" in body, name
        assert all(f"?{param}" in body for param, _what in query.params), name


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_portable_form_gives_the_same_rows_on_oxigraph_and_rdflib(tiny, name):
    out, graph = tiny
    params = {p: TINY[p] for p, _what in named_queries()[name].params}
    want, _ = _compare(out, graph, name, params)
    assert want, f"{name} finds nothing on the tiny graph: the comparison would prove nothing"


def test_by_programme_gives_one_row_per_partnership(tiny):
    out, _graph = tiny
    result = query_out(out, named="by-programme", params={"programme": "三通两平台"})
    assert result.variables == ("programme", "helper", "recipient", "firstYear", "lastYear", "documents")
    # two articles tell both partnerships: one row each, both documents counted (partners sort their names)
    assert result.rows == (("三通两平台", "北京华唐中科教育科技有限公司", "略阳县职教中心", "2019", "2019", "2"),
                           ("三通两平台", "西安理工大学", "略阳县", "2017", "2017", "2"))
