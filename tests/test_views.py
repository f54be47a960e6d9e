"""Views: selection, visual grammar, tooltips, escaping, offline and deterministic pages, layouts, index, CLI."""
from __future__ import annotations

import math
import re

import networkx as nx
import pytest
from click.testing import CliRunner
from graphs import tiny_graph
from hostile import BAD, HOSTILE, hostile_graph

from graph.build import graph_to_json
from graph.cli import cli
from graph.errors import InputError
from graph.model import ENTITY_TYPES, RELATION_TYPES
from graph.views import find_node, palette, render, select, view, write_index, write_overview
from graph.views.layout import project

COUNTY, UNIVERSITY, SCHOOL = "div:610727", "University:西安理工大学", "School:略阳县职教中心"
FIRM = "Enterprise:北京华唐中科教育科技有限公司"


def by_id(items):
    return {item["id"]: item for item in items}


def test_palette_covers_every_type_with_distinct_colours():
    assert set(palette.ENTITY_STYLE) == set(ENTITY_TYPES) and set(palette.RELATION_COLOURS) == set(RELATION_TYPES)
    colours = [palette.node_colour(t) for t in ENTITY_TYPES]
    assert len(set(colours)) == len(colours)
    assert palette.rgb("#d62728") == (214, 39, 40)


def test_nodes_are_styled_by_type_and_sized_by_degree():
    nodes = by_id(view(tiny_graph()).nodes)
    assert nodes[COUNTY]["label"] == "略阳县"
    assert nodes[COUNTY]["color"] == palette.node_colour("County")
    assert nodes[UNIVERSITY]["shape"] == palette.node_shape("University") == "star"
    assert nodes[COUNTY]["size"] > nodes[UNIVERSITY]["size"]  # four relations against one
    assert nodes["div:610727"]["names"] == sorted(["div:610727", "略阳县", "lueyang xian", "610727", "略阳", "略陽縣"])


def test_edges_are_coloured_by_relation_and_partners_have_no_arrow():
    edges = {(e["from"], e["to"]): e for e in view(tiny_graph()).edges}
    assists = edges[(UNIVERSITY, COUNTY)]
    assert assists["color"] == palette.edge_colour("assists") and assists["arrows"] == "to"
    assert assists["label"] == "对口帮扶"
    assert edges[(FIRM, SCHOOL)]["arrows"] == ""
    assert edges[(SCHOOL, COUNTY)]["dashes"] is True  # located_in


def test_tooltips_carry_type_place_and_evidence():
    net = view(tiny_graph())
    county = by_id(net.nodes)[COUNTY]["title"]
    for text in ("County", "610727", "汉中市", "Lueyang Xian", "略陽縣"):
        assert text in county
    edge = next(e for e in net.edges if e["from"] == UNIVERSITY)["title"]
    for text in ("assists", "对口帮扶", "2017", "金额 15万元", "由西安理工大学对口帮扶略阳。", "略阳教育帮扶", "2017-12-16",
                 "陕西日报"):
        assert text in edge


def test_hostile_text_is_escaped_everywhere_in_the_page():
    net = view(hostile_graph())
    node = by_id(net.nodes)[HOSTILE.key]
    assert node["label"] == BAD  # the canvas draws labels as text
    assert "&lt;img src=x onerror=alert(1)&gt;&quot;}]]&gt;&amp;amp; &amp; &#x27;&lt;/script&gt;" in node["title"]
    edge = next(e for e in net.edges if e["from"] == HOSTILE.key)["title"]
    assert "<img" not in edge and "&lt;img" in edge and BAD not in edge
    page = render(net)
    assert "<img" not in page and "</script><b>" not in page and "onerror=alert(1)>" not in page


def test_page_is_offline_and_self_contained():
    page = render(view(tiny_graph()))
    assert not re.search(r"<script[^>]*\bsrc=|<link\b", page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "default-src 'none'" in page and "vis.Network" in page
    assert page.count("\n<script") == 3  # data, vis-network, our controls


def test_same_graph_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_overview(tiny_graph(), first)
    write_overview(tiny_graph(), second)
    assert first.read_bytes() == second.read_bytes()
    assert render(view(tiny_graph(), layout="geo")) == render(view(tiny_graph(), layout="geo"))


def test_a_county_view_shows_its_helpers_and_their_partners():
    assert select(tiny_graph(), focus="略阳县") == sorted([COUNTY, "div:610700", UNIVERSITY, SCHOOL, FIRM])
    assert select(tiny_graph(), focus="西安理工大学") == sorted([UNIVERSITY, COUNTY, "div:610100"])
    assert select(tiny_graph(), focus="西安理工大学", hops=0) == sorted([UNIVERSITY, "div:610100"])


def test_province_and_type_filters():
    shaanxi = select(tiny_graph(), province="陕西")
    assert COUNTY in shaanxi and FIRM in shaanxi and "Programme:三通两平台" not in shaanxi
    assert select(tiny_graph(), types=["County", "University"]) == sorted([COUNTY, UNIVERSITY])
    with pytest.raises(InputError, match="unknown entity type Town; choose from Province"):
        select(tiny_graph(), types=["Town"])


def test_focus_names_resolve_and_unknown_names_suggest_close_ones():
    graph = tiny_graph()
    assert find_node(graph, "610727") == find_node(graph, "lueyang xian") == find_node(graph, "略阳") == COUNTY
    with pytest.raises(InputError) as caught:
        find_node(graph, "略羊县")
    assert str(caught.value) == "no entity named '略羊县' in the graph (close matches: 略阳县)"


def test_geo_layout_puts_divisions_on_the_map_and_others_beside_them():
    nodes = by_id(view(tiny_graph(), layout="geo").nodes)
    assert (nodes[COUNTY]["x"], nodes[COUNTY]["y"]) == project(106.16, 33.33)
    assert nodes["div:610100"]["x"] > nodes[COUNTY]["x"] and nodes["div:610100"]["y"] < nodes[COUNTY]["y"]
    school = math.dist((nodes[SCHOOL]["x"], nodes[SCHOOL]["y"]), (nodes[COUNTY]["x"], nodes[COUNTY]["y"]))
    university = math.dist((nodes[UNIVERSITY]["x"], nodes[UNIVERSITY]["y"]),
                           (nodes["div:610100"]["x"], nodes["div:610100"]["y"]))
    assert 10 < school < 50 and 10 < university < 50
    assert all(node["fixed"] for node in nodes.values())


def test_big_views_are_laid_out_here_without_browser_physics():
    graph = nx.MultiDiGraph()
    for i in range(1200):
        graph.add_node(f"n{i:04d}", label=f"县{i}", type="County")
        if i:
            graph.add_edge(f"n{(i - 1) // 3:04d}", f"n{i:04d}", key="assists", type="assists", weight=1)
    net = view(graph)
    assert net.options["physics"]["enabled"] is False
    assert all("x" in node and "y" in node for node in net.nodes)
    assert render(net) == render(view(graph))


def test_index_links_one_view_per_county(tmp_path):
    index = write_index(hostile_graph(), tmp_path)
    assert index == tmp_path / "views" / "index.html"
    page = index.read_text(encoding="utf-8")
    assert '<a href="610727.html">略阳县</a>' in page and "西安理工大学" in page
    assert "&lt;img src=x" in page and "<img" not in page  # the hostile school helps Lueyang
    assert "略阳县职教中心" in (tmp_path / "views" / "610727.html").read_text(encoding="utf-8")


def test_cli_view_writes_a_page_and_explains_unknown_focus(tmp_path):
    (tmp_path / "graph.json").write_text(graph_to_json(tiny_graph()), encoding="utf-8")
    runner = CliRunner()
    page = tmp_path / "v.html"
    result = runner.invoke(cli, ["view", str(tmp_path), "--focus", "略阳县", "--layout", "geo", "-o", str(page)],
                           catch_exceptions=False)
    assert result.exit_code == 0 and page.is_file() and "5 nodes" in result.output
    result = runner.invoke(cli, ["view", str(tmp_path), "--focus", "略羊", "-o", str(page)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no entity named '略羊' in the graph (close matches: 略阳县)"


def test_index_command_writes_a_view_per_county(tmp_path):
    from click.testing import CliRunner

    from graph.build import graph_to_json
    from graph.cli import cli
    from graph.files import write_text

    write_text(tmp_path / "graph.json", graph_to_json(tiny_graph()))
    result = CliRunner().invoke(cli, ["index", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "views" / "index.html").read_text(encoding="utf-8")
    assert "略阳县" in page and "610727" in page
    assert len(list((tmp_path / "views").glob("*.html"))) == 2  # the index and 略阳县's view
