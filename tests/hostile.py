"""A graph whose names and sentences are hostile web text, for the escaping tests of views and exports."""
from __future__ import annotations

from dataclasses import replace

from graphs import LUEYANG, XIAN, extraction, tiny_graph

from graph.model import Entity, Evidence, Relation

BAD = "<img src=x onerror=alert(1)>\"}]]>&amp; & '</script><b>x</b>"
HOSTILE = Entity(f"School:{BAD}", BAD, "School", (f"{BAD}别名",), None, XIAN.key, BAD)


def hostile_graph():
    """Return the tiny graph plus a school in Xi'an named BAD that assists Lueyang, said in a sentence made of BAD."""
    base = extraction("bad.txt", extra=(HOSTILE,))
    sentence = f"{BAD}对口帮扶略阳县。"
    relation = Relation(HOSTILE.key, LUEYANG.key, "assists", BAD, Evidence("bad.txt", sentence, sentence, 0,
                        len(sentence)), 0.7, 2019, quantities=((BAD, BAD),))
    meta = {**base.meta, "title": BAD, "source": BAD}
    return tiny_graph(replace(base, meta=meta, relations=(*base.relations, relation)))
