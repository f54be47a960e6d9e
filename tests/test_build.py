from dataclasses import replace

from graph.build import build_graph
from graph.resolve.state import resolve

from graphs import LUEYANG, XAUT, extraction, tiny_graph


def test_nodes_carry_hierarchy_and_edges_carry_evidence():
    g = tiny_graph()
    assert g.nodes[LUEYANG.key]["prefecture"] == "汉中市"
    assert g.nodes[LUEYANG.key]["province"] == "陕西省"
    edge = g.edges[XAUT.key, LUEYANG.key, "assists"]
    assert edge["kind"] == "对口帮扶" and edge["weight"] == 1 and edge["first_year"] == 2017
    assert edge["evidence"][0]["sentence"].startswith("根据省委高教工委")


def test_second_document_merges_entities_and_raises_weight():
    renamed = replace(LUEYANG, aliases=("略阳县城",))
    g = tiny_graph(extraction("a.txt"), extraction("b.txt", extra=(renamed,)))
    assert sum(1 for _, d in g.nodes(data=True) if d["label"] == "略阳县") == 1
    assert "略阳县城" in g.nodes[LUEYANG.key]["aliases"]
    assert g.edges[XAUT.key, LUEYANG.key, "assists"]["weight"] == 2
    assert g.nodes[LUEYANG.key]["docs"] == ["a.txt", "b.txt"]


def test_order_of_documents_does_not_change_the_graph():
    a, b = extraction("a.txt"), extraction("b.txt")
    one, two = build_graph(resolve([a, b])), build_graph(resolve([b, a]))
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))


def test_partners_edge_is_stored_once_in_canonical_direction():
    g = tiny_graph()
    partners = [(u, v) for u, v, k in g.edges(keys=True) if k == "partners"]
    assert len(partners) == 1 and partners[0][0] < partners[0][1]


def test_graph_json_round_trip(tmp_path):
    from graph.build import graph_to_json, load_graph
    from graph.files import write_text

    g = tiny_graph()
    write_text(tmp_path / "graph.json", graph_to_json(g))
    back = load_graph(tmp_path)
    assert graph_to_json(back) == graph_to_json(g)
    assert back.graph["documents"]["a.txt"]["source"] == "陕西日报"
