from click.testing import CliRunner
from graphs import LUEYANG, tiny_graph

from graph.cli import cli
from graph.rdf.convert import to_rdf
from graph.rdf.publish import publish
from graph.rdf.validate import validate, validate_out


def test_tiny_graph_conforms():
    report = validate(to_rdf(tiny_graph()))
    assert report.conforms, report.text
    assert report.violations == 0


def test_partnership_without_evidence_fails_with_a_message():
    graph = tiny_graph()
    for _, _, rtype, data in graph.edges(keys=True, data=True):
        if rtype == "assists":
            data["evidence"] = []
    report = validate(to_rdf(graph))
    assert not report.conforms and report.violations == 1
    assert "a partnership needs at least one evidence sentence derived from a document" in report.text


def test_county_without_adcode_or_parent_fails():
    graph = tiny_graph()
    graph.nodes[LUEYANG.key]["adcode"] = "61072"  # five digits
    graph.remove_edge(LUEYANG.key, "div:610700", key="located_in")
    graph.nodes[LUEYANG.key]["parent"] = None
    report = validate(to_rdf(graph))
    assert not report.conforms and report.violations == 3  # the county shape, the division shape, the parent
    assert "a county needs one 6-digit adcode" in report.text
    assert "a division's adcode has 6, 9 or 12 digits" in report.text
    assert "a county must be locatedIn its prefecture" in report.text


def test_untagged_label_fails():
    from rdflib import Literal
    from rdflib.namespace import RDFS

    rdf = to_rdf(tiny_graph())
    rdf.add((next(iter(rdf.subjects())), RDFS.label, Literal("no language")))
    report = validate(rdf)
    assert not report.conforms and "every rdfs:label carries a language tag" in report.text


def test_validate_out_reads_the_store_and_the_cli_exits_1_on_failure(tmp_path):
    publish(tiny_graph(), tmp_path / "good")
    assert validate_out(tmp_path / "good").conforms
    runner = CliRunner()
    done = runner.invoke(cli, ["validate", str(tmp_path / "good")], catch_exceptions=False)
    assert done.exit_code == 0 and "conforms" in done.output
    broken = tiny_graph()
    broken.nodes[LUEYANG.key]["adcode"] = None
    publish(broken, tmp_path / "bad")
    done = runner.invoke(cli, ["validate", str(tmp_path / "bad")], catch_exceptions=False)
    assert done.exit_code == 1
    assert "a county needs one 6-digit adcode" in done.output
    assert f"Error: {tmp_path / 'bad'}: 1 SHACL violation(s); see the report above" in done.output
