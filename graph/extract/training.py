"""The trains pattern: who hosts a training (到/在 X 跟岗, 参加 X 组织的培训, X 为/对 Y 开展培训, X 接收 Y 的教师)
and whose people it trains."""
from __future__ import annotations

import re

from .clauses import BREAK, END_TYPES, GOES_ON, ITS_PEOPLE, SENDS, End, Sentence, implicit
from .entities import Found
from .sending import sent_to

# 学习 trains only staff who go somewhere to learn (教师赴 X (考察)学习), not a policy studied (学习贯彻)
_STAFF_WORDS = r"教师|干部|校长|骨干|班主任|园长|管理人员"  # the people a school sends to be trained
_STAFF = re.compile(_STAFF_WORDS + r"|教研员")
_NOT_STAFF = re.compile(r"学生|学子|孩子|党员")
_LEARNED = re.compile(r"贯彻|宣传|领会|传达")
_GONE_TO = re.compile(r"(?:[赴到]|前往)$")
_GONE_TO_LEARN = re.compile(r"(?:[赴到去]|前往)[^赴到去前，；。]{2,30}?(?:参观|考察|观摩|交流|跟班|跟岗)?$")


def _learns_as_staff(s: Sentence, ts: int, te: int) -> bool:
    """True when 学习 is staff going to a place or body to learn: 教师赴 X 学习."""
    cs = s.clause_start(ts)
    go = _GONE_TO_LEARN.search(s.text, cs, ts)
    if not go or _LEARNED.match(s.text, te):
        return False
    people = s.text[s.start:go.start()]
    return bool(_STAFF.search(people)) and not _NOT_STAFF.search(people)


def trains(s: Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """到/赴 X (等N所名校) (进行)…跟岗培训; 参加 X 组织的培训: X trains the sender; X 为 Y 组织…培训."""
    text = s.text
    if text[ts:te] == "学习" and not _learns_as_staff(s, ts, te):
        return []
    if text[ts:te] == "送培":  # X 选派…到 Y 送培(送教): training sent, read as teaching sent is
        return sent_to(s, ts, found, s.clause_start(ts))
    for_whom = re.search(r"[为给对]([^为给对，；。]{1,20})(组织|开展|举办|进行)[^，；。]{0,20}$", text[s.start:ts]) \
        or re.search(r"[为给]([^为给，；。]{1,20})()$", text[s.start:ts])  # 为镇康县培训校长
    if for_whom:
        ps = s.start + for_whom.start()
        trainees = [e for e in s.between(ps, s.start + for_whom.end(1)) if not e.modifier]
        hosts = [e for e in s.between(s.start, ps) if not e.modifier and not text.startswith("的", e.end)]
        in_clause = [e for e in hosts if e.start >= s.clause_start(ps)]
        host = in_clause[-1] if in_clause else hosts[0] if hosts else None  # else the sentence's subject
        if trainees and host and not s.has_placeholder(ps, ts):
            return [([host], s.coordinated(trainees[0], False), 0.8)]  # 为 A、B 和 C 定向培养
    received = _received(s, ts) or _hosted(s, ts) or _direct_object(s, ts, te)
    if received:
        return received
    hosts, hs = [], -1
    for m in reversed(list(re.finditer(r"[到赴在去]|参加", text[s.start:ts]))):  # nearest anchor with a host
        if any(ch in BREAK for ch in text[s.start + m.end():ts]):
            break
        hs = s.start + m.start()
        hosts = [e for e in s.between(hs, ts) if not e.modifier]
        if hosts:
            break
    if not hosts or s.has_placeholder(hs, ts):
        return []
    hosts = _body_for_place(s, hosts)
    # 在 X 的支持下 is no sender, X 的6名教师 is one; a place gone to first (…到济南，在 Y 跟岗) is none
    senders = [e for e in s.between(s.start, hs) if not e.modifier and e.key != hosts[0].key
               and (not text.startswith("的", e.end) or ITS_PEOPLE.match(text, e.end))
               and not _GONE_TO.search(text, max(s.start, e.start - 2), e.start)]
    senders = _subject_goes_on(s, hs, senders)
    sent = _sent_after_verb(s, hs, hosts[0])
    hosts = _organiser_for_venue(s, found, hosts, sent)
    own_people = senders and (SENDS.search(text[senders[-1].end:hs]) or ITS_PEOPLE.match(text, senders[-1].end))
    # X 教师李某在 Y 跟班学习; A、B、C 分三批选派教师到 Y 跟岗: each school of the list sends
    trainee = sent or (s.coordinated(senders[-1], True)[::-1] if own_people else implicit(found, hosts[0]))
    if not sent and senders and trainee == senders[-1:] and _WHOLE_PLACE.search(text, senders[-1].end, hs):
        trainee = _body_place(found, senders[-1]) or trainee  # 县教育局组织全县…教师到 X 跟岗: the county's
    return [(s.coordinated(hosts[0], False), trainee, 0.85 if senders else 0.75)] if trainee else []


def _subject_goes_on(s: Sentence, hs: int, senders: list[End]) -> list[End]:
    """…选派教师随班到长兴，并安排教师到 Y 跟岗: a clause going on with 并/还 is the sentence's subject's, not
    that of a place gone to in the clause before."""
    cs = s.clause_start(hs)
    if cs == s.start or not GOES_ON.match(s.text, cs) or any(e.start >= cs for e in senders):
        return senders
    return [e for e in senders if e.start - s.clause_start(e.start) <= 2][:1] or senders


_WHOLE_PLACE = re.compile(r"全[县区旗市]")


def _body_for_place(s: Sentence, hosts: list[End]) -> list[End]:
    """到 武汉/无锡 参加研修: a city gone to stands for the university or school the sentence is about."""
    if not hosts[0].key.startswith("div:") or s.text.startswith("的", hosts[0].end):
        return hosts  # 到城关区的学校跟岗: the place's own schools host
    subject = [e for e in s.ends if e.start - s.clause_start(e.start) <= 2][:1]
    return subject if subject and subject[0].type in ("University", "School") else hosts


def _organiser_for_venue(s: Sentence, found: Found, hosts: list[End], sent: list[End]) -> list[End]:
    """X 组织 Y 的教师 到 西安 研修: a city gone to is the venue and the organiser X, a body of another place
    than Y, hosts the training."""
    if not sent or not hosts[0].key.startswith("div:") or s.text.startswith("的", hosts[0].end):
        return hosts
    subject = [e for e in s.ends if e.start - s.clause_start(e.start) <= 2 and e.start < sent[0].start][:1]
    if not subject or subject[0].key.startswith("div:") or subject[0].key == sent[0].key \
            or any(p.key == sent[0].key for p in _body_place(found, subject[0])):
        return hosts
    return subject


def _received(s: Sentence, ts: int) -> list[tuple[list[End], list[End], float]]:
    """X (每年)接收 Y(的) N 名教师到…跟岗/研修: X, the clause's or the sentence's subject, trains Y."""
    cs = s.clause_start(ts)
    rs = s.text.rfind("接收", cs, ts)
    if rs < 0:
        return []
    go = re.search(r"[到赴来在]", s.text[rs:ts])
    trainees = [e for e in s.between(rs + 2, rs + go.start() if go else ts) if not e.modifier]
    hosts = [e for e in s.between(cs, rs) if not e.modifier] \
        or [e for e in s.ends if e.start < cs and e.start - s.clause_start(e.start) <= 2][:1]
    if not trainees or not hosts or s.has_placeholder(rs, ts) or trainees[0].key == hosts[-1].key:
        return []
    return [([hosts[-1]], [e for e in s.coordinated(trainees[0], False) if e.end <= ts], 0.8)]  # 接收 A、B 的教师


_HOSTS = re.compile(r"(承办|举办|主办|开办)了?([^，；。]{1,24})$")


def _hosted(s: Sentence, ts: int) -> list[tuple[list[End], list[End], float]]:
    """X 承办/举办(了) Y(的)骨干教师培训班: X, the clause's subject, trains Y."""
    cs = s.clause_start(ts)
    m = _HOSTS.search(s.text, cs, ts)
    if not m:
        return []
    trainees = [e for e in s.between(m.start(2), ts) if not e.modifier]
    hosts = [e for e in s.between(cs, m.start()) if not e.modifier]
    if not trainees or not hosts or s.has_placeholder(cs, ts) or len(s.text[hosts[-1].end:m.start()]) > 6:
        return []
    return [([hosts[-1]], s.coordinated(trainees[0], False), 0.75)] if hosts[-1].key != trainees[0].key else []


# X 培训/培养 Y(的)教师: the verb's object names whose people are trained
_TRAINED_PEOPLE = re.compile(r"的?[^，；。]{0,8}(" + _STAFF_WORDS + r")")


def _direct_object(s: Sentence, ts: int, te: int) -> list[tuple[list[End], list[End], float]]:
    """X (每年)培训 Y(、Z)(的)中小学教师: X, the clause's subject, trains Y."""
    cs = s.clause_start(ts)
    after = [e for e in s.between(te, s.clause_end(te)) if not e.modifier]
    hosts = [e for e in s.between(cs, ts) if not e.modifier]
    if not after or not hosts or after[0].start != te or not _TRAINED_PEOPLE.match(s.text, after[-1].end) \
            or len(s.text[hosts[-1].end:ts]) > 6 or s.has_placeholder(cs, after[0].end):
        return []
    return [(hosts[-1:], s.coordinated(after[0], False), 0.75)] if hosts[-1].key != after[0].key else []


def _body_place(found: Found, body: End) -> list[End]:
    """The division a government body serves (花垣县教育局 → 花垣县), as an end without a place in the text."""
    entity = next((e for e in found.entities if e.key == body.key), None)
    if body.type != "Government" or entity is None or not entity.parent:
        return []
    parent = next((e for e in found.entities if e.key == entity.parent), None)
    return [End(-1, -1, parent.key, parent.type)] if parent is not None and parent.type in END_TYPES else []


def _sent_after_verb(s: Sentence, hs: int, host: End) -> list[End]:
    """安排/选派 Y 的 N 名教师 到 X…: the body right after the verb of sending is the one whose people go."""
    verbs = list(SENDS.finditer(s.text, s.clause_start(hs), hs))
    if not verbs:
        return []
    after = [e for e in s.between(verbs[-1].end(), hs) if not e.modifier and e.key != host.key]
    return after[:1] if after and after[0].start - verbs[-1].end() <= 1 else []
