"""Turn sentences into directed, typed relations with evidence.

Direction comes from the sentence's structure around a trigger (seeds/lexicons/triggers.tsv):
  由 X 对口帮扶 Y · X 对口帮扶 Y · 在 X 的帮扶下 (helped: the subject or the home county) · X 为/向 Y 捐赠 ·
  X 选派…赴/到 Y 送教/支教/挂职 · X(、X2和X3) 与 Y 结对/合作办学 · 到 X 跟岗培训 · 参加 X 组织的培训.
An end that is a placeholder, a noun such as 帮扶资金, or a division that only modifies a group (西安名校)
gives no relation.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ..ingest import split_sentences
from ..model import Document, Entity, Evidence, Mention, Relation
from .coreference import find_anaphors
from .entities import Found, division_key
from .lexicon import Trigger, triggers
from .lists import memberships, pair_lists
from .pairs import agreements, both
from .quantities import quantities_in, year_in
from .spans import Coverage
from .words import first_word

# Townships and villages are no ends: who helps 哈达铺镇 helps its county, which the sentence names or implies.
END_TYPES = {"Province", "Prefecture", "County", "University", "School", "Government", "Enterprise", "Organization"}
# A trigger followed by one of these is a noun (帮扶资金, 结对帮扶机制), not a relation.
_FALSE_FRIENDS = ("资金", "对象", "机制", "工作", "台账", "责任", "人", "组长", "教师", "村", "举措", "大计",
                  "方案", "领导小组", "措施", "政策", "力度", "成效", "模式", "贫困", "学生", "档案",
                  "项目", "队伍", "单位", "体系", "制度", "会", "经验")
# A division followed by these only modifies a group (西安名校, 西安7所名校): it is no relation end.
_GROUP_AFTER = re.compile(r"[0-9一二三四五六七八九十两几多]*[所个家名]?(名校|高校|学校|企业|地区|等地|新闻|市场|名师)")
_PRONOUNS = re.compile(r"该县|我县|本县|该区|我区|该市|我市")
# X 的/X 9名退休特级教师 来到 Y 支教: the helper's own people go
_ITS_PEOPLE = re.compile(r"的?\d*[名位批]?[^，；。]{0,10}(教师|干部|专家|校长|医生|志愿者|研究生|大学生|支教团)")
# X 送教团队/工作组/调研组(一行14人) 来到 Y: a team named after its body acts for it
_ITS_TEAM = re.compile(r"[^，；。]{0,4}(团队|工作组|调研组|小组|代表团)(一行\d*人)?[^，；。]{0,3}$")
# Y 受到/得到 X 的(结对)帮扶/支持/资助: the passive frame names the helper after the verb
_PASSIVE = re.compile(r"(受到|得到|获得)了?([^受得，；。]{1,40})的[^的，；。]{0,4}$")
# teaching that is sent without a word of assistance: 选派教师到 Y 开展同课异构/示范课/送课/专题讲座
_ACTIVITIES = {"同课异构", "示范课", "送课", "专题讲座"}
# a clause that goes on with the subject of the one before: …调研，并向该县禾川中学捐赠
_CONTINUES = re.compile(r"(并且?|还|同时|随后|此外)")
_SENDS = re.compile(r"选派|派出|派遣|组织|组团|安排|带领|率")
# time words and adverbs between a subject and its 与 (该校今年与…结对)
_ADVERBIAL = re.compile(r"(今年|去年|近日|日前|近年来|多年来|长期|已经?|还|也|先后|正式|将|又|再次|此前|早在|曾经?|[自从]\d{4}年[起以来]*|\d{4}年|\d+月(\d+日)?)+")
_GENERIC_PLACE = re.compile(r"(乡村|农村|当地|山区|偏远|贫困|基层)")
_GIFTS = {"捐赠", "捐款", "捐建", "资助", "援建"}
_COORD = re.compile(r"^[、和及]|^以及$")
_LONGEST_SENTENCE = 2000
_BREAK = "，,；;：:。！？!?\n\u3000 "  # a space parts a headline's phrases (normalised from 　)


@dataclass(frozen=True)
class End:
    start: int
    end: int
    key: str
    type: str
    modifier: bool = False


@cache
def _trigger_re() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, triggers()), key=len, reverse=True)))


def _agreement(text: str, pos: int) -> bool:
    """True when pos lies in the title of an agreement just signed (签订了《教育对口帮扶框架协议》): the
    title's trigger states the relation between the parties that signed it."""
    m = re.search(r"(签订|签署)了?《([^《》]{0,40})$", text[max(0, pos - 50):pos])
    close = text.find("》", pos)
    return bool(m) and 0 <= close - pos <= 40 and re.search(r"协议书?$", text[pos:close]) is not None


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》 (titles of documents and policies), where triggers and ends do not count."""
    return [m.span() for m in re.finditer(r"《[^》]{0,80}》", text)]


class _Sentence:
    """One sentence's ends and text, with the helpers the patterns need."""

    def __init__(self, text: str, start: int, end: int, ends: list[End], blocked: list[bool]):
        self.text, self.start, self.end, self.ends, self.blocked = text, start, end, ends, blocked

    def clause_start(self, pos: int) -> int:
        i = pos
        while i > self.start and self.text[i - 1] not in _BREAK:
            i -= 1
        return i

    def clause_end(self, pos: int) -> int:
        i = pos
        while i < self.end and self.text[i] not in _BREAK:
            i += 1
        return i

    def between(self, a: int, b: int) -> list[End]:
        return [e for e in self.ends if a <= e.start and e.end <= b]

    def has_placeholder(self, a: int, b: int) -> bool:
        return any(self.blocked[a:b])

    def coordinated(self, first: End, leftwards: bool) -> list[End]:
        """Return first and the ends joined to it by 、 和 及 (X、Y和Z)."""
        group, ordered = [first], sorted(self.ends, key=lambda e: e.start, reverse=leftwards)
        current = first
        for other in ordered:
            gap = self.text[other.end:current.start] if leftwards else self.text[current.end:other.start]
            if (other.end <= current.start if leftwards else other.start >= current.end) and _COORD.match(gap) \
                    and len(gap) <= 2:
                group.append(other)
                current = other
        return group


def _ends(doc: Document, found: Found, blocked: list[bool]) -> list[End]:
    """Relation ends: mentions of the types that can help or be helped, plus pronouns for the home county."""
    types = {e.key: e.type for e in found.entities}
    owner = _owners(found.entities)
    ends = [End(m.start, m.end, *owner.get(m.key, (m.key, types[m.key]))) for m in found.mentions
            if types.get(m.key) in END_TYPES]
    out = []
    bodies = Coverage(len(doc.text), ((e.start, e.end) for e in ends if not e.key.startswith("div:")))
    ends = [e for e in ends if not (e.key.startswith("div:") and bodies.covers(e.start, e.end))]
    starts = {e.start for e in ends}  # a division inside a body's name (镇安县 in 镇安县教体局) is no end
    for e in ends:
        joined = e.end in starts or (doc.text[e.end:e.end + 1] in "州市县区盟旗" and e.end + 1 in starts)
        if e.key.startswith("div:") and joined:
            continue  # 甘肃省环县, 黔东南州台江县教育局: the most specific part of a chain is the end
        modifier = e.key.startswith("div:") and (bool(_GROUP_AFTER.match(doc.text, e.end))
                                                 or _noun_follows(doc.text, e.end))
        out.append(End(e.start, e.end, e.key, e.type, modifier))
    named = Coverage(len(doc.text), ((e.start, e.end) for e in ends))
    if found.home.county is not None:
        key = division_key(found.home.county.adcode)
        for m in _PRONOUNS.finditer(doc.text):
            if (m.group().endswith("县") or m.group().endswith("区")) and not named.touches(m.start(), m.end()):
                out.append(End(m.start(), m.end(), key, "County"))
    out += [End(a.start, a.end, a.key, a.type) for a in find_anaphors(doc.text, found.entities, found.mentions,
                                                                       _home_key(found))
            if not named.touches(a.start, a.end)]
    return sorted(out, key=lambda e: (e.start, e.end))


def _owners(entities: tuple[Entity, ...]) -> dict[str, tuple[str, str]]:
    """Map a part of a university (西北师范大学教育学院) to the university, which acts through it."""
    universities = [e for e in entities if e.type == "University"]
    return {e.key: (u.key, u.type) for e in entities if e.type == "Organization"
            for u in universities if e.name.startswith(u.name) and e.name != u.name}


_PLACE_NOUNS = {"新区", "山区", "县城", "城区", "名校", "地区", "园区", "开发区", "高新区", "经开区", "片区"}


def _noun_follows(text: str, pos: int) -> bool:
    """True when a place noun follows directly (兰州新区, 略阳山区, 西安名校): the division only modifies it."""
    word = first_word(text, pos)
    return word is not None and (word[1] == "ns" or word[0] in _PLACE_NOUNS)


def _home_key(found: Found) -> str | None:
    return division_key(found.home.county.adcode) if found.home.county else None


def _assists(s: _Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """Helpers and helped around an assists trigger at [ts, te)."""
    text, cs, ce = s.text, s.clause_start(ts), s.clause_end(te)
    cs, ce = _listed_clause(text, cs, ts, te, ce)
    after = [e for e in s.between(te, ce) if not e.modifier]
    if _EVENT_AFTER.match(text, te):
        after = []  # 东西部协作推进会在 Y 召开: the trigger names a meeting, Y is where it met
    before = [e for e in s.between(cs, ts) if not e.modifier]
    passive = _PASSIVE.search(text, cs, ts)
    if passive:
        return _passive(s, cs, passive, found)
    if text[ts:te] in _ACTIVITIES:
        return _sent_to(s, ts, found, cs)
    # 在 X 的(倾力)帮扶/支持下: X helps the sentence's subject, or the home county.
    frame = re.search(r"在([^在]{1,40})的[^的]{0,4}$", text[cs:ts])
    if (text.startswith("下", te) or text.startswith("之下", te)) and (frame or not text.startswith("下乡", te)):
        m = frame  # 送教下乡 is no 在…的帮扶下 frame
        helpers = [e for e in before if m and e.start >= cs + m.start(1)]
        if helpers:
            subject = [e for e in s.between(s.start, cs + m.start()) if not e.modifier and e not in helpers]
            if not subject:  # 在 X 的支持下，Y 开展…: the main clause's subject follows
                later = [e for e in s.between(te, s.end) if not e.modifier]
                subject = [later[0]] if later and re.fullmatch(r"之?下[，,]?", text[te:later[0].start]) else []
            helped = subject[:1] or _implicit(found, helpers[-1])
            return [([helpers[-1]], helped, 0.9 if subject else 0.8)] if helped else []
        return []
    # X 为/向/给/对 Y (…) 捐赠/支援: Y sits between the preposition and the trigger.
    prep = re.search(r"[为向给对]([^为向给对]{1,30})$", text[cs:ts])
    if prep:
        ps = cs + prep.start()
        helped = [e for e in before if e.start > ps]
        helpers = [e for e in before if e.end <= ps]
        if helped and helpers:
            return [(s.coordinated(helpers[-1], True), s.coordinated(helped[0], False), 1.0)]
        if helped and not helpers and _CONTINUES.match(text, cs):
            subject = [e for e in s.ends if e.start < cs and e.start - s.clause_start(e.start) <= 2][:1]
            return [(subject, s.coordinated(helped[0], False), 0.8)] if subject else []
        if helped or s.has_placeholder(ps, ts):
            return []
    # X 选派… 赴/到 Y 送教/支教/挂职: the place gone to is the helped.
    if _GO.search(text[s.clause_start(cs - 1) if cs > s.start else cs:ts]) and not after:
        return _sent_to(s, ts, found, cs)
    # X (…) 在 Y(、Y2) 资助/捐建/援建: Y is where the gift went; X is the clause's subject, else the sentence's.
    at = re.search(r"在([^在]{1,30})$", text[cs:ts])
    if at and trig_kind(text, ts, te) in _GIFTS:
        ps = cs + at.start()
        helped = [e for e in s.between(ps, ts) if not e.modifier]
        helpers = [e for e in s.between(cs, ps) if not e.modifier] or [e for e in s.ends[:1] if e.start - s.clause_start(e.start) <= 2]
        if helped and helpers and helpers[-1].key != helped[0].key:
            return [([helpers[-1]], s.coordinated(helped[0], False), 0.8)]
    # X 与 Y 签订…对口帮扶协议 / X 与 Y (开展)东西部协作: the party named first helps.
    pair = re.search(r"[与同和]([^与同和]{1,20})$", text[cs:ts])
    if pair and not after:
        ws = cs + pair.start()
        helped = [e for e in before if e.start > ws]
        helpers = [e for e in before if e.end <= ws]
        if helped and helpers and len(text[helpers[-1].end:ws]) <= 1 and not s.has_placeholder(cs, ts) \
                and re.fullmatch(r"(签订了?|签署了?|开展|建立|进行)?[^，；]{0,8}", text[helped[-1].end:ts]):
            return [([helpers[-1]], [helped[0]], 0.7)]
        return []
    if not after or s.has_placeholder(te, after[0].start):
        return []
    if text[cs:ts] == "作为":
        return _as_the_helper(s, te, after[0])
    # 由 X (…) 对口帮扶 Y and plain X 对口帮扶 Y.
    by = re.search(r"由([^由]{1,30})$", text[cs:ts])
    helpers = [e for e in before if not by or e.start >= cs + by.start()]
    # X 教育人才“组团式”帮扶 Y; X 将围绕教师培训、课程建设等方面支持 Y
    gap = _ASPECTS.sub("", _QUOTED.sub("", text[helpers[-1].end:ts])) if helpers else ""
    if helpers and not s.has_placeholder(helpers[-1].end, ts) and (len(gap) <= 6 or _ADVERBIAL.fullmatch(gap)):
        lefts = [e for e in s.coordinated(helpers[-1], True)[::-1] if e.start >= cs]
        rights = [e for e in s.coordinated(after[0], False) if e.end <= ce]
        if gap == "分别" and len(lefts) == len(rights):  # X、Y 分别对口帮扶 A、B: item by item
            return [([x], [y], 1.0) for x, y in zip(lefts, rights)]
        return [(lefts, rights, 1.0)]
    if not before and cs > s.start and _ADVERBIAL.fullmatch(text[cs:ts]) is not None or cs == ts > s.start:
        # …拨款120万元，资助 Y 新建…: a clause that opens with the verb goes on with the last clause's subject
        subject = [e for e in s.between(s.start, cs) if not e.modifier and e.start - s.clause_start(e.start) <= 2]
        if subject and subject[-1].key != after[0].key and not s.has_placeholder(s.start, ts):
            return [(subject[-1:], [e for e in s.coordinated(after[0], False) if e.end <= ce], 0.75)]
    return []


_QUOTED = re.compile(r"“[^“”]{1,8}”")
_ASPECTS = re.compile(r"(在|围绕|从|就)[^，；。在]{1,40}?(等)?(方面|领域)")
_ROLE = re.compile(r"的[^，；。的]{0,6}(城市|地区|省份|高校|大学|学校|单位|企业|区县|县区)[，,]")


def _as_the_helper(s: _Sentence, te: int, helped: End) -> list[tuple[list[End], list[End], float]]:
    """作为对口支援 Y 的城市，X 今年选派…: X, the subject of the clause after the relative one, helps Y."""
    role = _ROLE.match(s.text, helped.end)
    if not role:
        return []
    subject = [e for e in s.between(role.end(), s.end) if not e.modifier][:1]
    if subject and _ADVERBIAL.fullmatch(s.text, role.end(), subject[0].start) is not None \
            or subject and subject[0].start == role.end():
        return [(subject, [helped], 0.85)] if subject[0].key != helped.key else []
    return []


_GO = re.compile(r"[赴到去]([^赴到去]{1,30})(开展|进行)?$")
# a trigger that modifies a meeting's name (…东西部协作职业教育推进会, …结对帮扶签约仪式)
_EVENT_AFTER = re.compile(r"[^，；。、在与和]{0,8}?(推进会|座谈会|现场会|工作会|会议|签约仪式|启动仪式|大会|论坛)")


def _listed_clause(text: str, cs: int, ts: int, te: int, ce: int) -> tuple[int, int]:
    """Narrow a clause to one item of a list of clauses joined by 、 (X 对口帮扶 A、Y 对口帮扶 B、…): an item
    starts after the 、 that follows the previous trigger and ends at the 、 before the next one."""
    relation = triggers()[text[ts:te]].relation  # 教师培训、课程建设等方面支持 Y lists no clauses
    before = [m for m in _trigger_re().finditer(text, cs, ts) if triggers()[m.group()].relation == relation]
    if before:
        cut = text.find("、", before[-1].end(), ts)
        if cut >= 0:
            cs = cut + 1
    nxt = _trigger_re().search(text, te, ce)
    if nxt:
        cut = text.rfind("、", te, nxt.start())
        if cut >= 0 and _trigger_re().search(text, cut, nxt.start()) is None:
            ce = cut
    return cs, ce


def _sent_to(s: _Sentence, ts: int, found: Found, cs: int) -> list[tuple[list[End], list[End], float]]:
    """X 选派… 赴/到 Y (，在 Z) 开展 送教/同课异构: the place gone to (or the school taught in) is the helped."""
    text = s.text
    go = _GO.search(text[s.clause_start(cs - 1) if cs > s.start else cs:ts])
    if not go:
        return []
    gs = ts - len(go.group())
    at = re.search(r"[，,]在([^在，,]{1,20})$", text[gs:ts])  # …来到花垣县，在花垣县民族中学开展…
    helped = [e for e in s.between(gs + at.start() if at else gs, ts) if not e.modifier]
    helpers = [e for e in s.between(s.start, gs) if not e.modifier]
    if _CONTINUES.match(text, s.clause_start(gs)) and s.clause_start(gs) > s.start:
        # …接收 Y 的教师到苏州跟岗，并选派教师到 Y 支教: the sentence's subject sends, not a place gone to
        helpers = [e for e in helpers if e.start - s.clause_start(e.start) <= 2][:1] or helpers
    gap = text[helpers[-1].end:gs + 1] if helpers else ""
    if not helped and helpers and _GENERIC_PLACE.match(text, gs + 1):
        helped = _implicit(found, helpers[-1])  # 到乡村学校支教: the schools of the article's county
    if helped and helpers and (_SENDS.search(gap) or len(gap) <= 7 or _ITS_PEOPLE.match(gap)
                               or _ITS_TEAM.match(gap[:-1])):
        return [([helpers[-1]], s.coordinated(helped[0], False) if helped[0].start >= 0 else helped, 0.9)]
    return []


def _passive(s: _Sentence, cs: int, m: re.Match, found: Found) -> list[tuple[list[End], list[End], float]]:
    """Y 受到/得到 X 的帮扶: X helps the clause's subject (a place that heads a counted group counts), else
    the sentence's subject."""
    vs = m.start()
    helpers = [e for e in s.between(m.start(2), m.end(2)) if not e.modifier]
    subject = s.between(cs, vs) or [e for e in s.between(s.start, cs) if e.start - s.clause_start(e.start) <= 2][:1]
    if not helpers or not subject or s.has_placeholder(cs, m.end()):
        return []
    return [([helpers[-1]], subject[:1], 0.85)]


def trig_kind(text: str, ts: int, te: int) -> str:
    return triggers()[text[ts:te]].kind


def _implicit(found: Found, helper: End) -> list[End]:
    home = _home_key(found)
    if home and home != helper.key:
        county = found.home.county
        return [End(-1, -1, home, county.level)]
    return []


def _partners(s: _Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """X(、X2和X3) 与/和/同 Y 结对/合作办学/建立交流协作关系."""
    cs = s.clause_start(ts)
    m = re.search(r"[与和同跟]([^与和同跟，；。]{1,30})$", s.text[s.start:ts])
    if not m:
        return []
    ws = s.start + m.start()
    right = [e for e in s.between(ws + 1, ts) if not e.modifier]
    if not right or s.has_placeholder(ws + 1, right[0].start):
        return []
    left = [e for e in s.between(s.start, ws) if not e.modifier and e.key not in {r.key for r in right}]
    gap = s.text[left[-1].end:ws] if left else ""
    if left and left[-1].start >= cs and (len(gap) <= 1 or gap == "分别" or _ADVERBIAL.fullmatch(gap)):
        lefts, rights = s.coordinated(left[-1], True)[::-1], s.coordinated(right[0], False)
        if gap == "分别" and len(lefts) == len(rights):  # X、Y 分别与 A、B 结对: item by item
            return [([x], [y], 1.0) for x, y in zip(lefts, rights)]
        return [(lefts, [right[0]], 1.0)]
    if s.has_placeholder(cs, ws) or s.has_placeholder(max(s.start, ws - 2), ws):
        return []
    if left and len(s.text[cs:ws]) <= 2:  # the subject of an earlier clause: 县职教中心…，(还)与 Y 合作办学
        return [([left[-1]], [right[0]], 0.75)]
    if s.text[cs:ws].strip():
        return []  # the clause names its own subject, one we do not know (高新一中、高新二小分别与…)
    home = _implicit(found, right[0])
    return [(home, [right[0]], 0.6)] if home else []


def _trains(s: _Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """到/赴 X (等N所名校) (进行)…跟岗培训; 参加 X 组织的培训: X trains the sender; X 为 Y 组织…培训."""
    text = s.text
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
    received = _received(s, ts)
    if received:
        return received
    hosts, hs = [], -1
    for m in reversed(list(re.finditer(r"[到赴在去]|参加", text[s.start:ts]))):  # nearest anchor with a host
        if any(ch in _BREAK for ch in text[s.start + m.end():ts]):
            break
        hs = s.start + m.start()
        hosts = [e for e in s.between(hs, ts) if not e.modifier]
        if hosts:
            break
    if not hosts or s.has_placeholder(hs, ts):
        return []
    hosts = _body_for_place(s, hosts)
    senders = [e for e in s.between(s.start, hs) if not e.modifier and e.key != hosts[0].key
               and not text.startswith("的", e.end)]  # 在 X 的支持下 is no sender
    sent = _sent_after_verb(s, hs, hosts[0])
    hosts = _organiser_for_venue(s, found, hosts, sent)
    own_people = senders and (_SENDS.search(text[senders[-1].end:hs]) or _ITS_PEOPLE.match(text, senders[-1].end))
    trainee = sent or (senders[-1:] if own_people else _implicit(found, hosts[0]))  # X 教师李某在 Y 跟班学习
    if not sent and senders and trainee == senders[-1:] and _WHOLE_PLACE.search(text, senders[-1].end, hs):
        trainee = _body_place(found, senders[-1]) or trainee  # 县教育局组织全县…教师到 X 跟岗: the county's
    return [([hosts[0]], trainee, 0.85 if senders else 0.75)] if trainee else []


_WHOLE_PLACE = re.compile(r"全[县区旗市]")


def _body_for_place(s: _Sentence, hosts: list[End]) -> list[End]:
    """到 武汉/无锡 参加研修: a city gone to stands for the university or school the sentence is about."""
    if not hosts[0].key.startswith("div:") or s.text.startswith("的", hosts[0].end):
        return hosts  # 到城关区的学校跟岗: the place's own schools host
    subject = [e for e in s.ends if e.start - s.clause_start(e.start) <= 2][:1]
    return subject if subject and subject[0].type in ("University", "School") else hosts


def _organiser_for_venue(s: _Sentence, found: Found, hosts: list[End], sent: list[End]) -> list[End]:
    """X 组织 Y 的教师 到 西安 研修: a city gone to is the venue and the organiser X, a body of another place
    than Y, hosts the training."""
    if not sent or not hosts[0].key.startswith("div:") or s.text.startswith("的", hosts[0].end):
        return hosts
    subject = [e for e in s.ends if e.start - s.clause_start(e.start) <= 2 and e.start < sent[0].start][:1]
    if not subject or subject[0].key.startswith("div:") or subject[0].key == sent[0].key \
            or any(p.key == sent[0].key for p in _body_place(found, subject[0])):
        return hosts
    return subject


def _received(s: _Sentence, ts: int) -> list[tuple[list[End], list[End], float]]:
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
    return [([hosts[-1]], trainees[:1], 0.8)]


def _body_place(found: Found, body: End) -> list[End]:
    """The division a government body serves (花垣县教育局 → 花垣县), as an end without a place in the text."""
    entity = next((e for e in found.entities if e.key == body.key), None)
    if body.type != "Government" or entity is None or not entity.parent:
        return []
    parent = next((e for e in found.entities if e.key == entity.parent), None)
    return [End(-1, -1, parent.key, parent.type)] if parent is not None and parent.type in END_TYPES else []


def _sent_after_verb(s: _Sentence, hs: int, host: End) -> list[End]:
    """安排/选派 Y 的 N 名教师 到 X…: the body right after the verb of sending is the one whose people go."""
    verbs = list(_SENDS.finditer(s.text, s.clause_start(hs), hs))
    if not verbs:
        return []
    after = [e for e in s.between(verbs[-1].end(), hs) if not e.modifier and e.key != host.key]
    return after[:1] if after and after[0].start - verbs[-1].end() <= 1 else []


_PATTERNS = {"assists": _assists, "partners": _partners, "trains": _trains}


def _is_false_friend(text: str, ts: int, te: int) -> bool:
    return any(text.startswith(noun, te) for noun in _FALSE_FRIENDS)


def find_relations(doc: Document, found: Found, blocked: list[bool]) -> list[Relation]:
    """Return the relations stated in a document, each with its evidence sentence."""
    text = doc.text
    masked = Coverage(len(text), _masked_spans(text))
    ends = [e for e in _ends(doc, found, blocked) if not masked.touches(e.start, e.start + 1)]
    starts = [e.start for e in ends]
    programmes = [m for m in found.mentions if m.type == "Programme"]
    out: list[Relation] = []
    sentences = split_sentences(text)
    givers: list[Relation] = []  # the gifts of the sentence before, for recipients listed after 其中
    for frame in (pair_lists, memberships, agreements, both):
        for helpers, helped, trig, start, end, weight in frame(text, sentences, ends):
            out.extend(_make(doc, trig, helpers, helped, weight, start, end, programmes))
    for start, end in sentences:
        previous, givers, before = givers, [], len(out)
        if end - start > _LONGEST_SENTENCE:
            continue  # no evidence sentence is this long: a page without punctuation, not prose
        sentence_ends = [e for e in ends[bisect_left(starts, start):bisect_left(starts, end)] if e.end <= end]
        if not sentence_ends:
            continue
        s = _Sentence(text, start, end, sentence_ends, blocked)
        for helpers, helped, trig in _recipients(s, previous):
            out.extend(_make(doc, trig, helpers, helped, 0.8, start, end, programmes))
        for match in _trigger_re().finditer(text, start, end):
            ts, te = match.span()
            if masked.touches(ts, ts + 1) and not _agreement(text, ts):
                continue
            trig: Trigger = triggers()[match.group()]
            if trig.relation == "assists" and _is_false_friend(text, ts, te):
                continue
            for helpers, helped, weight in _PATTERNS[trig.relation](s, ts, te, found):
                out.extend(_make(doc, trig, helpers, helped, weight, start, end, programmes))
        givers = [r for r in out[before:] if r.kind in _GIFTS]
    return _dedupe(out)


_RECEIVES = re.compile(r"获赠|受赠|获捐|获得[^，；。]{0,12}捐赠|分得")


def _recipients(s: _Sentence, givers: list[Relation]) -> list[tuple[list[End], list[End], Trigger]]:
    """X 向 N 所学校捐赠…。其中，A 获赠…，B 获赠…: each recipient after 其中 has the last sentence's donor."""
    if not givers or not s.text.startswith("其中", s.start):
        return []
    donors = list(dict.fromkeys(r.source for r in givers))
    trig = triggers().get(givers[0].kind) or triggers()["捐赠"]
    out = []
    for m in _RECEIVES.finditer(s.text, s.start, s.end):
        cs = s.clause_start(m.start())
        named = [e for e in s.between(cs, m.start()) if not e.modifier]
        if named and not s.has_placeholder(cs, m.start()):
            out.append(([End(-1, -1, key, "") for key in donors if key != named[0].key], named[:1], trig))
    return out


def _make(doc: Document, trig: Trigger, helpers: list[End], helped: list[End], weight: float,
          start: int, end: int, programmes: list[Mention]) -> list[Relation]:
    a, b = doc.original_span(start, end)
    evidence = Evidence(doc.id, doc.text[start:end].strip(), doc.original[a:b].strip(), a, b)
    sentence = doc.text[start:end]
    first = bisect_left(programmes, start, key=lambda m: m.start)
    programme = programmes[first].key if first < len(programmes) and programmes[first].start < end else None
    rels = []
    for x in helpers:
        for y in helped:
            if x.key != y.key:
                rels.append(Relation(x.key, y.key, trig.relation, trig.kind, evidence,
                                     round(trig.confidence * weight, 3), year_in(sentence), programme,
                                     quantities_in(sentence)))
    return rels


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """Keep one relation per (source, target, type, sentence), the most confident."""
    best: dict[tuple, Relation] = {}
    for r in relations:
        key = (r.source, r.target, r.type, r.evidence.start if r.evidence else -1)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return [best[k] for k in sorted(best, key=lambda k: (k[3], k[0], k[1], k[2]))]


def located_in(entities: tuple[Entity, ...]) -> list[Relation]:
    """Relations from each entity to the division it lies in (the gazetteer's hierarchy, or the name's prefix)."""
    return [Relation(e.key, e.parent, "located_in", "gazetteer" if e.key.startswith("div:") else "name", None, 1.0)
            for e in entities if e.parent and e.type != "Person"]
