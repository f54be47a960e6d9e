"""Frames whose two parties act together: they sign an agreement, or a word such as 两校 names them both.

  X 与 Y 签订/签署(了)…协议 (bodies, not divisions): X and Y are partners, whatever the agreement's title;
  两校/双方/两地 (已/还/将…) 结为友好学校/签订了结对协议: the two schools (bodies, places) named last before
  the word are partners.
Each frame returns (helpers, helped, trigger, sentence start, sentence end, weight), as lists.py does.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from .clauses import End
from .lexicon import Trigger, triggers
from .lists import Frame

_AGREEMENT = Trigger("协议", "partners", "合作协议", 0.75)
_DIVISIONS = {"Province", "Prefecture", "County"}
_SCHOOLS = {"School", "University"}
# X 与 Y (今年/已/还…) 签订了(新一轮)(《…》)…协议
_SIGNED = re.compile(r"(?:签订|签署)了?(?:[^，；。《》]{0,6}《[^《》]{1,60}》|[^，；。《》]{0,20}?协议)")
_WITH = re.compile(r"[与同和跟]")
_SUBJECT_GAP = re.compile(r"(?:还|也|已经?|今年|去年|近日|日前|正式|共同|再次|\d{4}年|\d+月(?:\d+日)?)*")
# 两校/双方/两地 opening a clause, and the kinds of ends each stands for
_BOTH = re.compile(r"(?:^|(?<=[，,；;。：:！？\n]))(两校|两所学校|双方|两地)")
_BOTH_TYPES = {"两校": _SCHOOLS, "两所学校": _SCHOOLS, "两地": _DIVISIONS, "双方": None}
# 两地推动100对学校结成对子, 两地共有20对学校签订结对协议: the pairs are others, not the two
_NOT_THEIR_OWN = re.compile(r"推动|组织|安排|促成|带动|指导|推进|引导|鼓励|要求|[\d几多百千]+\s*[对所个名]")
_LOOKBACK = 2  # sentences before the one with 两校 where the two may be named


def agreements(text: str, sentences: Sequence[tuple[int, int]], ends: Sequence[End]) -> list[Frame]:
    """X 与 Y 签订…协议: two bodies that sign an agreement are partners (divisions that sign are left to the
    agreement's trigger, which gives the direction of 东西部协作)."""
    out: list[Frame] = []
    for start, end in sentences:
        for m in _SIGNED.finditer(text, start, end):
            before = [e for e in ends if start <= e.start and e.end <= m.start() and not e.modifier]
            if len(before) < 2:
                continue
            y = before[-1]
            if not _SUBJECT_GAP.fullmatch(text, y.end, m.start()):
                continue
            w = y.start - 1
            if w < start or not _WITH.fullmatch(text[w]):
                continue
            x = next((e for e in reversed(before[:-1]) if e.end <= w), None)
            if x is None or not _SUBJECT_GAP.fullmatch(text, x.end, w) or x.key == y.key:
                continue
            if x.type in _DIVISIONS or y.type in _DIVISIONS:
                continue
            out.append(([x], [y], _AGREEMENT, start, end, 1.0))
    return out


@cache
def _partner_re() -> re.Pattern:
    words = [w for w, t in triggers().items() if t.relation == "partners"]
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


def both(text: str, sentences: Sequence[tuple[int, int]], ends: Sequence[End]) -> list[Frame]:
    """两校/双方/两地 + a partners trigger in the same clause: the two named last before it are partners."""
    out: list[Frame] = []
    for i, (start, end) in enumerate(sentences):
        for m in _BOTH.finditer(text, start, end):
            clause_end = _clause_end(text, m.end(), end)
            trig = _partner_re().search(text, m.end(), clause_end)
            if trig is None or _NOT_THEIR_OWN.search(text, m.end(), trig.start()) \
                    or trig.start() - m.end() > 16:
                continue
            if any(m.end() <= e.start and e.end <= trig.start() for e in ends):
                continue  # 双方与 Y 结对: the clause names a party of its own
            first = sentences[max(0, i - _LOOKBACK)][0]
            kinds = _BOTH_TYPES[m.group(1)]
            named = [e for e in ends if first <= e.start and e.end <= m.start() and not e.modifier
                     and (kinds is None or e.type in kinds)]
            bodies = [e for e in named if e.type not in _DIVISIONS]
            if kinds is None and len({e.key for e in bodies}) >= 2:
                named = bodies  # 双方 after 到郑州: the parties are the bodies, a city gone to is a venue
            pair = _two_named_last(named)
            if pair:
                out.append(([pair[0]], [pair[1]], triggers()[trig.group()], start, end, 0.85))
    return out


def _clause_end(text: str, pos: int, end: int) -> int:
    stops = [i for i in (text.find(c, pos, end) for c in "，,；;。") if i >= 0]
    return min(stops, default=end)


def _two_named_last(ends: list[End]) -> list[End] | None:
    """The last two distinct bodies before the word, in the order they were named."""
    seen: list[End] = []
    for e in reversed(ends):
        if all(e.key != s.key for s in seen):
            seen.append(e)
        if len(seen) == 2:
            return seen[::-1]
    return None
