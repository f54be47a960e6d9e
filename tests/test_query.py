import json
import statistics
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from graphs import tiny_graph

from graph.cli import cli
from graph.errors import QueryError
from graph.rdf.publish import publish
from graph.rdf.query import named_queries, query_out, run_query
from graph.rdf.results import render

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SENTENCE = "根据省委高教工委和省教育厅安排，由西安理工大学对口帮扶略阳。"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    publish(tiny_graph(), folder)
    return folder


@pytest.fixture
def fresh(tmp_path):
    publish(tiny_graph(), tmp_path)
    return tmp_path


def _rows(result):
    return [dict(zip(result.variables, row)) for row in result.rows]


@pytest.mark.parametrize("county", ["略阳县", "略阳", "略陽縣", "610727", "Lueyang Xian"])
def test_helpers_of_lueyang_name_xaut_with_its_evidence(out, county):
    rows = _rows(query_out(out, named="helpers", params={"county": county}))
    xaut = [r for r in rows if r["helper"] == "西安理工大学"]
    assert xaut == [{"county": county, "helper": "西安理工大学", "recipient": "略阳县", "kind": "对口帮扶",
                     "sentence": SENTENCE, "document": "a.txt", "title": "略阳教育帮扶"}]


def test_every_named_query_runs_and_declares_its_parameters(out):
    examples = {"county": "略阳县", "university": "西安理工大学", "school": "略阳县职教中心", "programme": "三通两平台",
                "prefecture": "汉中市", "source": "西安理工大学", "target": "略阳县"}
    queries = named_queries()
    assert {"helpers", "counties-helped", "partners", "by-programme", "divisions-in", "evidence",
            "universities-helping-prefecture"} <= set(queries)
    for name, query in queries.items():
        assert query.description and query.params, name
        result = query_out(out, named=name, params={p: examples[p] for p, _ in query.params})
        assert result.variables[0] == query.params[0][0]


def test_named_queries_answer_the_questions(out):
    counties = _rows(query_out(out, named="counties-helped", params={"university": "西安理工大学"}))
    assert [(r["county"], r["adcode"], r["prefecture"]) for r in counties] == [("略阳县", "610727", "汉中市")]
    partners = _rows(query_out(out, named="partners", params={"school": "县职教中心"}))
    assert [r["partner"] for r in partners] == ["北京华唐中科教育科技有限公司"]
    universities = _rows(query_out(out, named="universities-helping-prefecture", params={"prefecture": "汉中"}))
    assert [(r["university"], r["counties"]) for r in universities] == [("西安理工大学", "略阳县")]
    divisions = _rows(query_out(out, named="divisions-in", params={"prefecture": "610700"}))
    assert [(r["division"], r["partnerships"]) for r in divisions] == [("略阳县", "2")]
    evidence = _rows(query_out(out, named="evidence", params={"source": "略阳", "target": "西安理工大学"}))
    assert [(r["sentence"], r["start"], r["end"], r["url"]) for r in evidence] == [
        (SENTENCE, "0", "30", "https://example.org/a")]


def test_an_insert_is_refused_without_allow_update_and_applied_with_it(fresh):
    before = int(run_query(fresh, COUNT).rows[0][0])
    insert = 'PREFIX ex: <urn:ex:> INSERT DATA { ex:a ex:b "c" }'
    with pytest.raises(QueryError, match=r"SPARQL UPDATE.*read-only unless you pass --allow-update"):
        run_query(fresh, insert)
    assert int(run_query(fresh, COUNT).rows[0][0]) == before
    assert run_query(fresh, insert, allow_update=True).updated
    assert int(run_query(fresh, COUNT).rows[0][0]) == before + 1


@pytest.mark.parametrize("value", ['"} ; DROP ALL ; { "', '略阳县" } UNION { ?s ?p ?o } #', "'}\\n DELETE WHERE { ?s ?p ?o }",
                                   '"}', "{ } SELECT * WHERE"])
def test_parameters_are_bound_as_literals_not_pasted(fresh, value):
    before = int(run_query(fresh, COUNT).rows[0][0])
    assert query_out(fresh, named="helpers", params={"county": value}).rows == ()
    echoed = run_query(fresh, "SELECT ?x WHERE {}", {"x": value})
    assert echoed.rows == ((value,),)  # the literal itself, untouched
    assert int(run_query(fresh, COUNT).rows[0][0]) == before


def test_query_errors_name_the_fix(out):
    with pytest.raises(QueryError, match="invalid SPARQL query"):
        run_query(out, "SELECT WHERE {")
    with pytest.raises(QueryError, match=r"no named query 'nope'; choose one of: .*helpers"):
        query_out(out, named="nope")
    with pytest.raises(QueryError, match=r"the helpers query needs --param county="):
        query_out(out, named="helpers")
    with pytest.raises(QueryError, match="give exactly one query"):
        query_out(out, sparql=COUNT, named="helpers")
    with pytest.raises(QueryError, match="must appear in the SELECT clause"):
        run_query(out, "SELECT ?s WHERE { ?s ?p ?o }", {"nothere": "x"})
    with pytest.raises(QueryError, match="bad parameter name"):
        run_query(out, "SELECT ?x WHERE {}", {"x y": "1"})


def test_ask_and_construct(out):
    assert run_query(out, "ASK { ?s a bf:County }").boolean is True
    triples = run_query(out, "CONSTRUCT { ?s a bf:County } WHERE { ?s a bf:County }")
    assert triples.rows == (("https://w3id.org/bangfu/id/division/610727",
                             "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                             "https://w3id.org/bangfu/ontology#County"),)


def test_render_formats(out):
    result = query_out(out, named="helpers", params={"county": "略阳县"})
    assert json.loads(render(result, "json"))[1]["helper"] == "西安理工大学"
    assert render(result, "csv").splitlines()[0] == "county,helper,recipient,kind,sentence,document,title"
    assert render(result, "tsv").splitlines()[2].split("\t")[1] == "西安理工大学"
    table = render(result, "table").splitlines()
    assert table[0].startswith("county  helper") and table[-1] == "(2 rows)"


def test_cli_query_named_with_county_shortcut(out):
    runner = CliRunner()
    done = runner.invoke(cli, ["query", str(out), "--named", "helpers", "--county", "略阳县"], catch_exceptions=False)
    assert done.exit_code == 0
    assert "西安理工大学" in done.output and SENTENCE in done.output


def test_cli_query_file_and_refused_update(out, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text(COUNT, encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(cli, ["query", str(out), "-f", str(rq), "--format", "csv"], catch_exceptions=False)
    assert done.exit_code == 0 and done.output.startswith("n\n")
    done = runner.invoke(cli, ["query", str(out), "DELETE WHERE { ?s ?p ?o }"], catch_exceptions=False)
    assert done.exit_code == 1
    assert done.output == ("Error: this is a SPARQL UPDATE, which would change the store; queries are read-only "
                           "unless you pass --allow-update\n")
    done = runner.invoke(cli, ["query", str(out), "--named", "helpers", "--param", "county"], catch_exceptions=False)
    assert done.exit_code == 2 and "is not NAME=VALUE" in done.output


@pytest.mark.slow
def test_named_queries_seek_from_their_parameter_instead_of_scanning(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from sparql_bench import parameters
    from synthetic_graph import synthetic_graph

    graph = synthetic_graph(3000)  # ~110,000 triples: scanning every label took seconds per query
    publish(graph, tmp_path)
    for name, params in parameters(graph).items():
        assert query_out(tmp_path, named=name, params=params).rows, name
        times = []
        for _ in range(3):
            start = time.perf_counter()
            query_out(tmp_path, named=name, params=params)
            times.append(time.perf_counter() - start)
        assert statistics.median(times) < 0.5, (name, times)


def test_named_query_rows_are_sorted_by_the_columns_its_header_names():
    from graph.rdf.query import QueryResult, sort_rows

    result = QueryResult(("a", "b"), (("乙", "2"), ("甲", None), ("甲", "1"), (None, "9")))
    assert sort_rows(result, ("a", "b")).rows == ((None, "9"), ("乙", "2"), ("甲", None), ("甲", "1"))  # code points
    assert named_queries()["by-programme"].order == ("helper", "recipient", "firstYear")
    assert "ORDER BY" not in named_queries()["by-programme"].text.split("SELECT", 1)[1]
