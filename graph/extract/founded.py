"""The founding frame: a body that sets something up in a school or a place helps it.

  X 在 Y 设立/建立/挂牌 名师工作室/帮扶工作站/实践基地/助学金: X, the body right before 在 (time words and
  adverbs between: 学校今年在 Y 设立…, 该基金会此前已在 Y 设立助学金), assists Y.
  X 在 Y 开设冠名班/订单班 · 由 X 冠名的“…班”在 Y 开班: a company's class in a school makes the two partners
  (校企合作), as X 与 Y 合办冠名班 does.
Returns (helpers, helped, trigger, sentence start, sentence end, weight), as lists.py does.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from .clauses import ADVERBIAL, End
from .lexicon import Trigger, triggers
from .lists import Frame

_FOUNDED = Trigger("设立", "assists", "设立", 0.7)
# 在 Y 设立(了)“师大名师工作室” / 建立教育帮扶工作站 / 设立「明德助学金」
_IN_SET_UP = re.compile(r"在([^在，；。]{2,30}?)(?:设立|建立|成立|挂牌|开设|设置)了?[^，；。]{0,16}?"
                        r"(?:工作室|工作站|帮扶站|基地|助学金|奖学金|奖教金|分校|教学点)")
_SUBJECT_GAP = re.compile(f"(?:{ADVERBIAL.pattern})?")  # time words and adverbs, or nothing
_PLACES = {"Province", "Prefecture", "County"}
_CLASS = r"(冠名班|订单班)"
_CLASS_IN = re.compile(r"在([^在，；。]{2,30}?)(?:开设|开办|设立|组建|举办)了?[^，；。]{0,12}?" + _CLASS)
_SPONSORED = re.compile(r"由([^由，；。]{2,30}?)(冠名|订单培养)的[^，；。]{0,12}?班[”」\"]?在([^在，；。]{2,30}?)"
                        r"(?:正式)?(?:开班|揭牌|开学|成立)")


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


def sponsored_classes(text: str, sentences: Sequence[tuple[int, int]], ends: Sequence[End]) -> list[Frame]:
    """X 在 Y 开设冠名班/订单班 and 由 X 冠名的“…班”在 Y 开班: X and Y are partners."""
    out: list[Frame] = []
    starts = [e.start for e in ends]
    for start, end in sentences:
        inside = [e for e in ends[bisect_left(starts, start):bisect_left(starts, end)]
                  if e.end <= end and not e.modifier]
        for m in _CLASS_IN.finditer(text, start, end):
            school = [e for e in inside if m.start(1) <= e.start and e.end <= m.end(1)]
            company = _subject(text, m.start(), inside)
            if school and company is not None and company.key != school[-1].key and company.type not in _PLACES:
                out.append(([company], [school[-1]], triggers()[m.group(2)], start, end, 0.8))
        for m in _SPONSORED.finditer(text, start, end):
            company = [e for e in inside if m.start(1) <= e.start and e.end <= m.end(1)]
            school = [e for e in inside if m.start(3) <= e.start and e.end <= m.end(3)]
            if company and school and company[-1].key != school[-1].key:
                word = "冠名班" if m.group(2) == "冠名" else "订单班"
                out.append((company[-1:], school[-1:], triggers()[word], start, end, 0.8))
    return out
