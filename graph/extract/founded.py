"""The founding frame: a body that sets something up in a school or a place helps it.

  X 在 Y 设立/建立/挂牌 名师工作室/帮扶工作站/实践基地/助学金: X, the body right before 在 (time words and
  adverbs between: 学校今年在 Y 设立…, 该基金会此前已在 Y 设立助学金), assists Y.
Returns (helpers, helped, trigger, sentence start, sentence end, weight), as lists.py does.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from .clauses import End
from .lexicon import Trigger
from .lists import Frame

_FOUNDED = Trigger("设立", "assists", "设立", 0.7)
# 在 Y 设立(了)“师大名师工作室” / 建立教育帮扶工作站 / 设立「明德助学金」
_IN_SET_UP = re.compile(r"在([^在，；。]{2,30}?)(?:设立|建立|成立|挂牌|开设|设置)了?[^，；。]{0,16}?"
                        r"(?:工作室|工作站|帮扶站|基地|助学金|奖学金|奖教金|分校|教学点)")
_SUBJECT_GAP = re.compile(r"(?:还|也|已经?|今年|去年|近日|日前|先后|此前|曾经?|将|又|\d{4}年|\d+月(?:\d+日)?)*")
_PLACES = {"Province", "Prefecture", "County"}


def founded(text: str, sentences: Sequence[tuple[int, int]], ends: Sequence[End]) -> list[Frame]:
    """X 在 Y 设立 工作室/工作站/基地/助学金: X helps Y."""
    out: list[Frame] = []
    starts = [e.start for e in ends]
    for start, end in sentences:
        for m in _IN_SET_UP.finditer(text, start, end):
            inside = [e for e in ends[bisect_left(starts, start):bisect_left(starts, end)]
                      if e.end <= end and not e.modifier]
            helped = [e for e in inside if m.start(1) <= e.start and e.end <= m.end(1)]
            if not helped or not _SUBJECT_GAP.fullmatch(text, helped[-1].end, m.end(1)):
                continue
            founder = _subject(text, m.start(), inside)
            if founder is not None and founder.key != helped[-1].key and founder.type not in _PLACES:
                out.append(([founder], [helped[-1]], _FOUNDED, start, end, 0.8))
    return out


def _subject(text: str, at: int, ends: list[End]) -> End | None:
    """The body right before 在, time words and adverbs between (学校今年在…, 该基金会此前已在…)."""
    before = [e for e in ends if e.end <= at]
    return before[-1] if before and _SUBJECT_GAP.fullmatch(text, before[-1].end, at) else None
