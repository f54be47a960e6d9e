"""The partners pattern: X(、X2和X3) 与/和/同 Y 结对/合作办学/建立交流协作关系; X 携手/牵手 Y; X 是 Y 的结对学校."""
from __future__ import annotations

import re

from .clauses import ADVERBIAL, IS_OF, ROLE_NOUN, End, Sentence, implicit
from .entities import Found

def partners(s: Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """X(、X2和X3) 与/和/同 Y 结对/合作办学/建立交流协作关系; X 携手/牵手 Y."""
    cs = s.clause_start(ts)
    if s.text[ts:te] in _JOINS and not re.search(r"[与和同跟]", s.text[cs:ts]):
        return _joins(s, cs, ts, te)
    role = IS_OF.search(s.text, cs, ts)
    if role and ROLE_NOUN.match(s.text, te):  # X 是 Y 的结对学校
        left = [e for e in s.between(cs, role.start()) if not e.modifier]
        right = [e for e in s.between(role.start(1), ts) if not e.modifier]
        return [(left[-1:], right[-1:], 0.85)] if left and right and left[-1].key != right[-1].key else []
    ws = _with_at(s, ts)
    if ws is None:
        return []
    right = [e for e in s.between(ws + 1, ts) if not e.modifier]
    if not right or s.has_placeholder(ws + 1, right[0].start):
        return []
    left = [e for e in s.between(s.start, ws) if not e.modifier and e.key not in {r.key for r in right}]
    gap = s.text[left[-1].end:ws] if left else ""
    if left and left[-1].start >= cs and (len(gap) <= 1 or gap == "分别" or ADVERBIAL.fullmatch(gap)):
        lefts, rights = s.coordinated(left[-1], True)[::-1], s.coordinated(right[0], False)
        if gap == "分别" and len(lefts) == len(rights):  # X、Y 分别与 A、B 结对: item by item
            return [([x], [y], 1.0) for x, y in zip(lefts, rights)]
        if len(lefts) == 1:  # X 与 A、B 结为友好学校: each of them
            return [(lefts, [e for e in rights if e.end <= ts], 1.0)]
        return [(lefts, [right[0]], 1.0)]
    if s.has_placeholder(cs, ws) or s.has_placeholder(max(s.start, ws - 2), ws):
        return []
    if left and len(s.text[cs:ws]) <= 2:  # the subject of an earlier clause: 县职教中心…，(还)与 Y、Z 合作办学
        # not a place whose thing the clause spoke of (X 关注 Z 的教育，并与 Y 签订…)
        left = [e for e in left if not s.text.startswith("的", e.end)] or left
        return [([left[-1]], [e for e in s.coordinated(right[0], False) if e.end <= ts], 0.75)]
    if s.text[cs:ws].strip():
        return []  # the clause names its own subject, one we do not know (高新一中、高新二小分别与…)
    home = implicit(found, right[0])
    return [(home, [right[0]], 0.6)] if home else []


# 与/和/跟/同 Y: not the 同 of 共同, 协同, 一同, 同时, 同步 (X 与 Y 共同组建…)
_JOINER = re.compile(r"与|和|跟|(?<![共协一])同(?![时步])")


def _with_at(s: Sentence, ts: int) -> int | None:
    """The last 与/和/跟/同 of the trigger's clause, within 30 characters, that is not inside a name (X 与 Y大学
    民族学与社会学学院开展联合调查)."""
    for m in reversed(list(_JOINER.finditer(s.text, max(s.start, ts - 31), ts - 1))):
        if any(ch in "，；。" for ch in s.text[m.end():ts]):
            return None
        if not any(e.start <= m.start() < e.end for e in s.ends):
            return m.start()
    return None

_JOINS = {"携手", "牵手", "联合"}  # verbs with the partner as their object


def _joins(s: Sentence, cs: int, ts: int, te: int) -> list[tuple[list[End], list[End], float]]:
    """X 携手/牵手/联合 Y(、Z) (共建…): X's subject and the objects right after the verb are partners."""
    left = [e for e in s.between(cs, ts) if not e.modifier]
    right = [e for e in s.between(te, s.clause_end(te)) if not e.modifier]
    if not left or not right or right[0].start - te > 1 or s.has_placeholder(cs, right[0].end):
        return []
    gap = s.text[left[-1].end:ts]
    if len(gap) > 2 and not ADVERBIAL.fullmatch(gap):
        return []
    return [(s.coordinated(left[-1], True)[::-1], s.coordinated(right[0], False), 0.9)]
