from dataclasses import replace

import pytest

from graph.build import build_graph, graph_to_json
from graph.resolve.parts import doc_part
from graph.resolve.state import GraphState, state_of

from graphs import LUEYANG, XAUT, extraction


def _json(state: GraphState) -> str:
    return graph_to_json(build_graph(state))


def test_removing_a_part_gives_the_state_without_it():
    a, b = doc_part(extraction("a.txt")), doc_part(extraction("b.txt", extra=(replace(LUEYANG, name="略阳县城关"),)))
    both = state_of([a, b])
    both.remove(b)
    assert _json(both) == _json(state_of([a]))
    assert "略阳县城关" in build_graph(state_of([a, b])).nodes[LUEYANG.key]["aliases"]
    assert "略阳县城关" not in build_graph(both).nodes[LUEYANG.key]["aliases"]


def test_parts_added_and_removed_in_any_order_give_the_cold_state():
    parts = [doc_part(extraction(f"{n}.txt")) for n in "abcd"]
    cold = _json(state_of(parts[:3]))
    state = state_of([parts[3], parts[1]])
    state.add(parts[0])
    state.remove(parts[3])
    state.add(parts[2])
    assert _json(state) == cold


def test_the_most_voted_name_wins_and_the_others_become_aliases():
    renamed = replace(XAUT, name="西安理工")
    parts = [doc_part(extraction("a.txt")), doc_part(extraction("b.txt")),
             doc_part(replace(extraction("c.txt"), entities=(renamed,)))]
    node = build_graph(state_of(parts)).nodes[XAUT.key]
    assert node["label"] == "西安理工大学" and "西安理工" in node["aliases"]
    assert node["docs"] == ["a.txt", "b.txt", "c.txt"]


def test_a_document_is_added_once_and_removed_only_when_there():
    part = doc_part(extraction("a.txt"))
    state = state_of([part])
    with pytest.raises(ValueError):
        state.add(part)
    state.remove(part)
    with pytest.raises(ValueError):
        state.remove(part)
    assert state == GraphState()


def test_a_relation_needs_both_ends_named_by_its_own_document():
    ex = extraction("a.txt")
    without_university = replace(ex, entities=tuple(e for e in ex.entities if e.key != XAUT.key))
    part = doc_part(without_university)
    assert all(XAUT.key not in (row.source, row.target) for row in part.rows)


def test_a_row_without_evidence_is_kept_once_and_goes_with_the_last_document_holding_it():
    parts = [doc_part(extraction(f"{n}.txt")) for n in "ab"]
    state = state_of(parts)
    shared = dict(state._shared)
    assert shared and all(count == 2 for _row, count in shared.values())
    located = state.rows[(LUEYANG.key, "div:610700", "located_in")]
    assert located["a.txt"][0] is located["b.txt"][0]  # one object for both documents
    state.remove(parts[0])
    assert all(count == 1 for _row, count in state._shared.values())
    state.remove(parts[1])
    assert state._shared == {}
