"""Repairing GBK text read one byte out of step, and marking what cannot be repaired."""
from __future__ import annotations

import pytest

from graph.ingest import ingest_text

WIDE_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def garble(good: str) -> str:
    """Re-create the damage: lose the first GBK byte, read the rest in pairs, fold full-width forms."""
    data = good.encode("gbk")[1:]
    return "?" + data.decode("gb18030", errors="replace").replace("\ufffd", "?").translate(WIDE_TO_ASCII)


@pytest.mark.parametrize("before, hidden, after, expected", [
    ("纳入考核", "。縣", "教體局設立了教育振興辦", "纳入考核。县教体局设立了教育振兴办"),
    ("共同成長", "。“名校長", "+”領飛工程", "共同成长。“名校长+”领飞工程"),
    ("形成鄉村學校", "“一校一品”格", "局。三是提升", "形成乡村学校“一校一品”格局。三是提升"),
])
def test_runs_with_every_byte_known_are_recovered(before, hidden, after, expected):
    damaged = before + garble(hidden) + after
    assert damaged != before + hidden + after
    doc = ingest_text("t", damaged)
    assert doc.text == expected
    i = doc.text.index(expected[len(before)])
    a, b = doc.original_span(i, i + 1)
    assert doc.original[a:b].startswith("?")  # the repaired text points at the garbled run


def test_seen_damage_is_recovered():
    assert ingest_text("t", "良好局面??h教體局積極聯合").text == "良好局面。县教体局积极联合"


def test_question_marks_in_text_are_left_as_questions():
    assert ingest_text("t", "为什么?他说好。").text == "为什么？他说好。"
    assert ingest_text("t", "How are you? Fine.").text == "How are you? Fine."


def test_unrecoverable_runs_become_one_neutral_marker():
    doc = ingest_text("t", "西安???大学对口帮扶略阳\ufffd\ufffd县")
    assert doc.text == "西安\ufffd大学对口帮扶略阳\ufffd县"
    a, b = doc.original_span(2, 3)
    assert doc.original[a:b] == "???"
