"""The sending frame: X 选派… 赴/到/来 Y 送教/支教/挂职 — the place or school gone to is the one helped, the
body that sends (the sentence's subject, not a place gone to or a partner named before) helps it."""
from __future__ import annotations

import re

from .clauses import BREAK, GOES_ON, ITS_PEOPLE, SENDS, End, Sentence, implicit
from .entities import Found

# X 送教团队/工作组/“某某名师工作室”(一行14人) 来到 Y: a team named after its body acts for it
_ITS_TEAM = re.compile(r"[^，；。]{0,8}(团队|工作组|调研组|小组|代表团|工作室)”?(一行\d*人)?[^，；。]{0,3}$")
# teaching that is sent without a word of assistance: 选派教师到 Y 开展同课异构/示范课/送课/专题讲座
ACTIVITIES = {"同课异构", "示范课", "送课", "专题讲座"}
# 去年 is no going; 来 is when people come (教师来我县支教), not 近年来 or 带来
GO = re.compile(r"(?:[赴到]|去(?!年)|进入|(?<=[师员部家生队人])来)([^赴到]{1,30})(开展|进行)?$")
# a verb that says only where someone teaches (毕业后到 Y 任教): the body must be seen to send its people
_NEEDS_SENDER = {"任教"}
_GENERIC_PLACE = re.compile(r"(乡村|农村|当地|山区|偏远|贫困|基层)")


def sent_to(s: Sentence, ts: int, found: Found, cs: int) -> list[tuple[list[End], list[End], float]]:
    """X 选派… 赴/到 Y (，在 Z) 开展 送教/同课异构: the place gone to (or the school taught in) is the helped."""
    text = s.text
    go = GO.search(text[s.clause_start(cs - 1) if cs > s.start else cs:ts])
    if not go:
        return []
    gs = ts - len(go.group()) + go.start(1) - go.start() - 1  # the verb's last character
    at = re.search(r"[，,]在([^在，,]{1,20})$", text[gs:ts])  # …来到花垣县，在花垣县民族中学开展…
    helped = [e for e in s.between(gs + at.start() if at else gs, ts) if not e.modifier]
    # X 与 Y 结成对子，派出教师到 Y 挂职: Y, named before as a partner, does not send to itself
    helpers = [e for e in s.between(s.start, gs) if not e.modifier and not (helped and e.key == helped[0].key)]
    if GOES_ON.match(text, s.clause_start(gs)) and s.clause_start(gs) > s.start:
        # …接收 Y 的教师到苏州跟岗，并选派教师到 Y 支教: the sentence's subject sends, not a place gone to
        helpers = [e for e in helpers if e.start - s.clause_start(e.start) <= 2][:1] or helpers
    elif s.clause_start(gs) > s.start and not any(e.start >= s.clause_start(gs) for e in helpers):
        # X 结对帮扶 Y，每学期派出教师到 Z 支教: a clause without a subject is sent by the last clause's, not its object
        helpers = [e for e in helpers if e.start - s.clause_start(e.start) <= 2][-1:] or helpers
    gap = text[helpers[-1].end:gs + 1] if helpers else ""
    if not helped and helpers and _GENERIC_PLACE.match(text, gs + 1):
        helped = implicit(found, helpers[-1])  # 到乡村学校支教: the schools of the article's county
    sends = bool(SENDS.search(gap) or ITS_PEOPLE.match(gap))
    if text[ts:ts + 2] in _NEEDS_SENDER and (not sends or any(c in BREAK for c in gap)):
        return []  # …介绍，其中8名县城教师到乡村学校任教: the sender is named in the clause
    if helped and helpers and (sends or len(gap) <= 7 or _ITS_TEAM.match(gap[:-1])):
        return [([helpers[-1]], s.coordinated(helped[0], False) if helped[0].start >= 0 else helped, 0.9)]
    return []
