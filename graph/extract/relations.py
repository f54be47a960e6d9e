"""Turn sentences into directed, typed relations with evidence.

Direction comes from the sentence's structure around a trigger (seeds/lexicons/triggers.tsv):
  由 X 对口帮扶 Y · X 对口帮扶 Y · 在 X 的帮扶下 (helped: the subject or the home county) · X 为/向 Y 捐赠 ·
  X 选派…赴/到 Y 送教/支教/挂职 · X(、X2和X3) 与 Y 结对/合作办学 · 到 X 跟岗培训 · 参加 X 组织的培训.
An end that is a placeholder, a noun such as 帮扶资金, or a division that only modifies a group (西安名校)
gives no relation. Training has its own pattern (training.py); frames over lists (lists.py), over two parties
acting together (pairs.py) and over a body setting something up in a place (founded.py) run on the whole
document.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..ingest import split_sentences
from ..model import Document, Entity, Evidence, Mention, Relation
from .clauses import BREAK, END_TYPES, GOES_ON, ITS_PEOPLE, SENDS, End, Sentence, home_key, implicit
from .coreference import find_anaphors
from .founded import founded
from .entities import Found, division_key
from .lexicon import Trigger, abbreviation_heads, triggers
from .lists import memberships, pair_lists
from .pairs import agreements, both
from .quantities import quantities_in, year_in
from .spans import Coverage
from .training import trains
from .words import first_word

# A trigger followed by one of these is a noun (帮扶资金, 结对帮扶机制), not a relation.
_FALSE_FRIENDS = ("资金", "对象", "机制", "工作", "台账", "责任", "人", "组长", "教师", "村", "举措", "大计",
                  "方案", "领导小组", "措施", "政策", "力度", "成效", "模式", "贫困", "学生", "档案",
                  "项目", "队伍", "单位", "体系", "制度", "会", "经验")
# A division followed by these only modifies a group (西安名校, 西安7所名校): it is no relation end.
_GROUP_AFTER = re.compile(r"[0-9一二三四五六七八九十两几多]*[所个家名]?(名校|高校|学校|企业|地区|等地|新闻|市场|名师)"
                          r"|(高中|初中|[一二三四五六七八九十]中|中学|小学)"  # 都安高中: a school's short name
                          r"|[\u4e00-\u9fff]{2,4}[镇乡](中心)?(学校|小学|中学|完小)")  # X县人和镇中学: a school
_PRONOUNS = re.compile(r"该县|我县|本县|该区|我区|该市|我市")
# X 送教团队/工作组/调研组(一行14人) 来到 Y: a team named after its body acts for it
_ITS_TEAM = re.compile(r"[^，；。]{0,4}(团队|工作组|调研组|小组|代表团)(一行\d*人)?[^，；。]{0,3}$")
# Y 受到/得到 X 的(结对)帮扶/支持/资助: the passive frame names the helper after the verb
_PASSIVE = re.compile(r"(受到|得到|获得|接受|收到)了?([^受得，；。]{1,40})的[^的，；。]{0,4}$")
# Y 获得/收到 X 捐赠的电脑: the gift's trigger before its 的
_RECEIVED = re.compile(r"(受到|得到|获得|接受|收到)了?([^受得，；。]{1,40})$")
# teaching that is sent without a word of assistance: 选派教师到 Y 开展同课异构/示范课/送课/专题讲座
_ACTIVITIES = {"同课异构", "示范课", "送课", "专题讲座"}
_THANKS = re.compile(r"感谢|感激|致谢|谢谢")
# time words and adverbs between a subject and its 与 (该校今年与…结对)
_ADVERBIAL = re.compile(r"(今年|去年|近日|日前|近年来|多年来|长期|已经?|还|也|先后|正式|将|又|再次|此前|早在|曾经?|[自从]\d{4}年[起以来]*|\d{4}年|\d+月(\d+日)?)+")
# a township's school (克勒沟镇中学, 六马镇中心完小): in a pairing it is the one helped
_TOWNSHIP_SCHOOL = re.compile(r".[镇乡](中心)?(学校|小学|中学|完小|初级中学|中心校)$")


def _with_word(text: str, cs: int, ts: int, before: list[End]) -> int | None:
    """The 与 (or 同, else 和) that joins a party named before it to one named right after it, within 20
    characters of the trigger: X 与 A、B 和 C 签订…, X 和 Y 与 Z 结对."""
    for words in ("与同", "和"):
        for i in range(max(cs, ts - 21), ts):
            # the party after it may follow its province (与四川省广元市)
            if text[i] in words and any(e.end <= i for e in before) and any(i < e.start <= i + 4 for e in before):
                return i
    return None


def _pair_direction(first: End, second: End, found: Found) -> list[tuple[list[End], list[End], float]]:
    """X 与 Y 结为帮扶对子/签订帮扶协议: the party named first helps, unless it is a township's school paired with
    another school or a school of the article's home county paired with one from elsewhere (the article is
    written where the help goes), or a government or place that signs with a school (it commissions, the
    school helps)."""
    if first.type in ("Government", "Province", "Prefecture", "County") and second.type in ("School", "University"):
        return []  # 莒南县人民政府与山东省实验中学签订托管协议: the agreement pairs them (pairs.py)
    township = [bool(_TOWNSHIP_SCHOOL.search(e.key)) for e in (first, second)]
    if township == [True, False] and second.type == "School" or township == [False, False] \
            and first.type == second.type == "School" and _at_home(first, found) and not _at_home(second, found):
        first, second = second, first
    return [([first], [second], 0.7)]


def _at_home(end: End, found: Found) -> bool:
    """True when the end is the home county or lies in it (a school, or a school of one of its townships)."""
    home, parents = home_key(found), {e.key: e.parent for e in found.entities}
    key, steps = end.key, 0
    while key is not None and key != home and steps < 3:
        key, steps = parents.get(key), steps + 1
    return home is not None and key == home


def _adverbial_length(text: str, pos: int, end: int) -> int:
    m = _ADVERBIAL.match(text, pos, end)
    return m.end() - pos if m else 0


_GENERIC_PLACE = re.compile(r"(乡村|农村|当地|山区|偏远|贫困|基层)")
_GIFTS = {"捐赠", "捐款", "捐建", "捐资", "资助", "援建", "助学"}
_LONGEST_SENTENCE = 2000


@cache
def _trigger_re() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, triggers()), key=len, reverse=True)))


def _agreement(text: str, pos: int) -> bool:
    """True when pos lies in the title of an agreement just signed (签订了《教育对口帮扶框架协议》): the
    title's trigger states the relation between the parties that signed it."""
    m = re.search(r"(签订|签署)了?[^，；。《》]{0,6}《([^《》]{0,40})$", text[max(0, pos - 56):pos])
    close = text.find("》", pos)
    return bool(m) and 0 <= close - pos <= 40 and re.search(r"协议书?$", text[pos:close]) is not None


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside 《》 (titles of documents and policies), where triggers and ends do not count."""
    return [m.span() for m in re.finditer(r"《[^》]{0,80}》", text)]


def _ends(doc: Document, found: Found, blocked: list[bool]) -> list[End]:
    """Relation ends: mentions of the types that can help or be helped, plus pronouns for the home county."""
    types = {e.key: e.type for e in found.entities}
    ends = [End(m.start, m.end, m.key, types[m.key]) for m in found.mentions if types.get(m.key) in END_TYPES]
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
                                                                       home_key(found))
            if not named.touches(a.start, a.end)]
    return sorted(out, key=lambda e: (e.start, e.end))


def _owners(entities: tuple[Entity, ...]) -> dict[str, tuple[str, str]]:
    """Map a part of a university (西北师范大学教育学院) to the university, which acts through it."""
    universities = [e for e in entities if e.type == "University"]
    return {e.key: (u.key, u.type) for e in entities if e.type == "Organization"
            for u in universities if e.name.startswith(u.name) and e.name != u.name}


_OWN_LEVEL = ("自治县", "自治州", "自治旗")
_PLACE_NOUNS = {"新区", "山区", "县城", "城区", "名校", "地区", "园区", "开发区", "高新区", "经开区", "片区"}


def _noun_follows(text: str, pos: int) -> bool:
    """True when a place noun follows directly (兰州新区, 略阳山区, 西安名校): the division only modifies it."""
    if text.startswith(_OWN_LEVEL, pos):
        return False  # 镇宁自治县: a short name with its level names the division
    if text.startswith(tuple(abbreviation_heads()), pos):
        return True  # 青海民大, 陕西师大: a university's short name
    word = first_word(text, pos)
    return word is not None and (word[1] == "ns" or word[0] in _PLACE_NOUNS)


def _assists(s: Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """Helpers and helped around an assists trigger at [ts, te)."""
    text, cs, ce = s.text, s.clause_start(ts), s.clause_end(te)
    cs, ce = _listed_clause(text, cs, ts, te, ce)
    after = [e for e in s.between(te, ce) if not e.modifier]
    if _EVENT_AFTER.match(text, te):
        after = []  # 东西部协作推进会在 Y 召开: the trigger names a meeting, Y is where it met
    before = [e for e in s.between(cs, ts) if not e.modifier]
    if _ROLE_NOUN.match(text, te):
        return _role(s, cs, ts, te, before, after)
    if text[ts:te] == "委托":
        return _entrusted(s, cs, te, before, after)
    passive = _PASSIVE.search(text, cs, ts) or text.startswith("的", te) and _RECEIVED.search(text, cs, ts)
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
            helped = subject[:1] or implicit(found, helpers[-1])
            return [([helpers[-1]], helped, 0.9 if subject else 0.8)] if helped else []
        return []
    # X 为/向/给/对 Y (…) 捐赠/支援: Y sits between the preposition and the trigger.
    prep = re.search(r"[为向给对]([^为向给对]{1,30})$", text[cs:ts])
    if prep:
        ps = cs + prep.start()
        helped = [e for e in before if e.start > ps]
        helpers = [e for e in before if e.end <= ps]
        thanks = _THANKS.search(text, cs, ps)
        if thanks:  # Y 感谢 X 对 Z 的支持: X, thanked, helps; Y only thanks
            helpers = [e for e in helpers if e.start >= thanks.end()]
            if not helpers:
                return []
        if helped and helpers:
            return [(s.coordinated(helpers[-1], True), s.coordinated(helped[0], False), 1.0)]
        # …，并/今年向 Y 捐赠 and X 通过 Z，向 Y 捐赠: a clause with no subject of its own goes on with the sentence's
        if helped and not helpers and (GOES_ON.match(text, cs) or _ADVERBIAL.fullmatch(text, cs, ps) or cs == ps):
            subject = [e for e in s.ends if e.start < cs and e.start - s.clause_start(e.start) <= 2
                       and e.key != helped[0].key][:1]
            return [(subject, s.coordinated(helped[0], False), 0.8)] if subject else []
        if helped or s.has_placeholder(ps, ts):
            return []
    # X 选派… 赴/到 Y 送教/支教/挂职: the place gone to is the helped.
    if _GO.search(text[s.clause_start(cs - 1) if cs > s.start else cs:ts]) and not after:
        return _sent_to(s, ts, found, cs)
    # X (…) 在 Y(、Y2) 资助/捐建/援建: Y is where the gift went; X is the clause's subject, else the sentence's.
    at = re.search(r"在([^在]{1,30})$", text[cs:ts])
    if at and (trig_kind(text, ts, te) in _GIFTS or _CARRIED_OUT.search(text, cs, ts)):
        ps = cs + at.start()
        helped = [e for e in s.between(ps, ts) if not e.modifier]
        helpers = [e for e in s.between(cs, ps) if not e.modifier] or [e for e in s.ends[:1] if e.start - s.clause_start(e.start) <= 2]
        if helped and helpers and helpers[-1].key != helped[0].key:
            return [([helpers[-1]], s.coordinated(helped[0], False), 0.8)]
    # X 与 Y 签订…对口帮扶协议 / X 与 Y (开展)东西部协作: the party named first helps.
    ws = _with_word(text, cs, ts, before)
    if ws is not None and not after:
        helped = [e for e in s.coordinated(next(e for e in before if e.start > ws), False) if e.end <= ts]
        helpers = [e for e in before if e.end <= ws]
        # X 与 Y 自2021年起开展东西部协作: time words before the verb
        verb = helped[-1].end + _adverbial_length(text, helped[-1].end, ts)
        gap = text[helpers[-1].end:ws]
        if len(s.coordinated(helpers[-1], True)) > 1 < len(helped):
            return []  # A、B 与 C、D 结对帮扶: who helps whom is told item by item elsewhere
        if trig_kind(text, ts, te) in _GIFTS and helped[0].type == "Government":
            return []  # X 与 Y县教育局签订捐建协议: the bureau signs for the school that gets the gift
        if (len(gap) <= 1 or gap == "分别") and not s.has_placeholder(cs, ts) \
                and re.fullmatch(r"(签订了?|签署了?|开展|建立|进行)?[^，；]{0,8}", text[verb:ts]):
            # X 分别与 A、B 签订对口帮扶协议: X and each of them
            return [r for x in s.coordinated(helpers[-1], True) if x.start >= cs
                    for y in helped for r in _pair_direction(x, y, found)]
        return []
    if not after and trig_kind(text, ts, te) in _GIFTS and _STUDENTS.match(text, te):
        return _their_school(s, cs, ts, before)
    if not after:
        return _done_by(s, cs, ts, before)
    if s.has_placeholder(te, after[0].start):
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
        if subject and subject[-1].key != after[0].key and not s.has_placeholder(s.start, ts) \
                and not _SPEAKS.match(text, subject[-1].end):
            return [(subject[-1:], [e for e in s.coordinated(after[0], False) if e.end <= ce], 0.75)]
    return []


# X 说/表示，…，帮助 Y…: the speaker is not the subject of what is reported
_SPEAKS = re.compile(r"[^，；。]{0,6}?(说|表示|介绍|指出|认为|强调)[，,：:]")
_QUOTED = re.compile(r"“[^“”]{1,8}”")
_ASPECTS = re.compile(r"(在|围绕|从|就)[^，；。在]{1,40}?(等)?(方面|领域)")
_ROLE = re.compile(r"的[^，；。的]{0,6}(城市|地区|省份|高校|大学|学校|单位|企业|区县|县区)[，,]")


# 资助(家庭)困难学生: students of the school the sentence names
_STUDENTS = re.compile(r"[^，；。]{1,8}(学生|学子)")


# the role a body plays in a pairing: X 是 Y 的帮扶学校; Y 的对口支援单位是 X
_ROLE_NOUN = re.compile(r"(学校|单位|高校|院校|城市)")
_ROLE_IS = re.compile(r"(学校|单位|高校|院校|城市)(是|为)")
_IS_OF = re.compile(r"(?:是|为)([^是为，；。]{1,30})的$")


def _role(s: Sentence, cs: int, ts: int, te: int, before: list[End], after: list[End]):
    """X 是 Y 的帮扶学校: X helps Y; Y 的帮扶学校是 X: X helps Y; the trigger only names a role otherwise."""
    text = s.text
    role_is = _ROLE_IS.match(text, te)
    if role_is and after and before and text[before[-1].end:ts] == "的" \
            and after[0].start - role_is.end() <= 1:
        return [([after[0]], [before[-1]], 0.85)]
    is_of = _IS_OF.search(text, cs, ts)
    if is_of and not role_is:
        helped = [e for e in before if e.start >= cs + is_of.start(1)]
        helpers = [e for e in before if e.end <= cs + is_of.start()]
        if helped and helpers and _ADVERBIAL.fullmatch(text, helpers[-1].end, cs + is_of.start()) is not None \
                or helped and helpers and helpers[-1].end == cs + is_of.start():
            return [([helpers[-1]], helped[-1:], 0.85)]
    return []


_MANAGES = re.compile(r"(全面)?(管理|托管|办学|运营)")


def _entrusted(s: Sentence, cs: int, te: int, before: list[End], after: list[End]):
    """Y 委托 X 管理; 学校由…建设，委托 X 管理; W 委托 X 管理 Y: X, who manages Y, helps it (Y is the body
    managed, else the clause's subject, else the sentence's)."""
    manages = _MANAGES.match(s.text, after[0].end) if after and after[0].start - te <= 1 else None
    if not manages:
        return []
    managed = [e for e in after[1:2] if e.start - manages.end() <= 1]  # X 委托 Y 管理 Z
    helped = managed or before[-1:] \
        or [e for e in s.between(s.start, cs) if e.start - s.clause_start(e.start) <= 2][:1]
    if not helped or helped[0].key == after[0].key or s.has_placeholder(cs, after[0].end):
        return []
    return [([after[0]], helped, 0.8)]


def _done_by(s: Sentence, cs: int, ts: int, before: list[End]) -> list[tuple[list[End], list[End], float]]:
    """Y 由 X 托管/对口帮扶 (and nothing after the verb): X helps Y, the subject before 由."""
    by = re.search(r"由([^由，；。]{1,30})$", s.text[cs:ts])
    if not by:
        return []
    bs = cs + by.start()
    helpers = [e for e in before if e.start > bs]
    helped = [e for e in before if e.end <= bs]
    if not helpers or not helped or s.has_placeholder(cs, ts) \
            or not (_ADVERBIAL.fullmatch(s.text, helped[-1].end, bs) or helped[-1].end == bs):
        return []
    return [(helpers[:1], [helped[-1]], 0.85)] if helpers[0].key != helped[-1].key else []


def _their_school(s: Sentence, cs: int, ts: int, before: list[End]) -> list[tuple[list[End], list[End], float]]:
    """X(…)，资助家庭困难学生: X, the clause's subject or the last clause's, helps the school named in the
    sentence, whose students they are."""
    helpers = before[-1:] or [e for e in s.between(s.start, cs) if not e.modifier
                              and e.start - s.clause_start(e.start) <= 2][-1:]
    if not helpers or s.has_placeholder(s.start, ts):
        return []
    schools = [e for e in s.between(s.start, ts) if e.type in ("School", "University") and not e.modifier
               and e.key != helpers[0].key]
    return [(helpers, schools[-1:], 0.7)] if schools else []


def _as_the_helper(s: Sentence, te: int, helped: End) -> list[tuple[list[End], list[End], float]]:
    """作为对口支援 Y 的城市，X 今年选派…: X, the subject of the clause after the relative one, helps Y."""
    role = _ROLE.match(s.text, helped.end)
    if not role:
        return []
    subject = [e for e in s.between(role.end(), s.end) if not e.modifier][:1]
    if subject and _ADVERBIAL.fullmatch(s.text, role.end(), subject[0].start) is not None \
            or subject and subject[0].start == role.end():
        return [(subject, [helped], 0.85)] if subject[0].key != helped.key else []
    return []


# 去年 is no going; 来 is when people come (教师来我县支教), not 近年来 or 带来
_GO = re.compile(r"(?:[赴到]|去(?!年)|进入|(?<=[师员部家生队人])来)([^赴到]{1,30})(开展|进行)?$")
# a verb that says only where someone teaches (毕业后到 Y 任教): the body must be seen to send its people
_NEEDS_SENDER = {"任教"}
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


def _sent_to(s: Sentence, ts: int, found: Found, cs: int) -> list[tuple[list[End], list[End], float]]:
    """X 选派… 赴/到 Y (，在 Z) 开展 送教/同课异构: the place gone to (or the school taught in) is the helped."""
    text = s.text
    go = _GO.search(text[s.clause_start(cs - 1) if cs > s.start else cs:ts])
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


def _passive(s: Sentence, cs: int, m: re.Match, found: Found) -> list[tuple[list[End], list[End], float]]:
    """Y 受到/得到/接受 X 的帮扶, Y 获得 X 捐赠的…: X helps the clause's subject (a place that heads a counted group counts), else
    the sentence's subject."""
    vs = m.start()
    helpers = [e for e in s.between(m.start(2), m.end(2)) if not e.modifier]
    subject = s.between(cs, vs) or [e for e in s.between(s.start, cs) if e.start - s.clause_start(e.start) <= 2][:1]
    if not helpers or not subject or s.has_placeholder(cs, m.end()):
        return []
    return [([helpers[-1]], subject[:1], 0.85)]


def trig_kind(text: str, ts: int, te: int) -> str:
    return triggers()[text[ts:te]].kind


def _partners(s: Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """X(、X2和X3) 与/和/同 Y 结对/合作办学/建立交流协作关系; X 携手/牵手 Y."""
    cs = s.clause_start(ts)
    if s.text[ts:te] in _JOINS and not re.search(r"[与和同跟]", s.text[cs:ts]):
        return _joins(s, cs, ts, te)
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
        if len(lefts) == 1:  # X 与 A、B 结为友好学校: each of them
            return [(lefts, [e for e in rights if e.end <= ts], 1.0)]
        return [(lefts, [right[0]], 1.0)]
    if s.has_placeholder(cs, ws) or s.has_placeholder(max(s.start, ws - 2), ws):
        return []
    if left and len(s.text[cs:ws]) <= 2:  # the subject of an earlier clause: 县职教中心…，(还)与 Y 合作办学
        return [([left[-1]], [right[0]], 0.75)]
    if s.text[cs:ws].strip():
        return []  # the clause names its own subject, one we do not know (高新一中、高新二小分别与…)
    home = implicit(found, right[0])
    return [(home, [right[0]], 0.6)] if home else []


_JOINS = {"携手", "牵手"}  # verbs with the partner as their object


def _joins(s: Sentence, cs: int, ts: int, te: int) -> list[tuple[list[End], list[End], float]]:
    """X 携手/牵手 Y (共建…): X's subject and the object right after the verb are partners."""
    left = [e for e in s.between(cs, ts) if not e.modifier]
    right = [e for e in s.between(te, s.clause_end(te)) if not e.modifier]
    if not left or not right or right[0].start - te > 1 or s.has_placeholder(cs, right[0].end):
        return []
    gap = s.text[left[-1].end:ts]
    if len(gap) > 2 and not _ADVERBIAL.fullmatch(gap):
        return []
    return [(s.coordinated(left[-1], True)[::-1], [right[0]], 0.9)]


_PATTERNS = {"assists": _assists, "partners": _partners, "trains": trains}


# 在 Y 开展帮扶工作/助学活动: the work carried out is the relation, not a noun that only names it
_CARRIED_OUT = re.compile(r"(开展|进行)$")


def _is_false_friend(text: str, ts: int, te: int) -> bool:
    if _CARRIED_OUT.search(text, max(0, ts - 2), ts) and text.startswith("工作", te):
        return False
    if _ROLE_IS.match(text, te) or _ROLE_NOUN.match(text, te) and _IS_OF.search(text, max(0, ts - 32), ts):
        return False  # X 是 Y 的帮扶单位: a role, which _role reads
    return any(text.startswith(noun, te) for noun in _FALSE_FRIENDS)


def find_relations(doc: Document, found: Found, blocked: list[bool]) -> list[Relation]:
    """Return the relations stated in a document, each with its evidence sentence."""
    text = doc.text
    masked = Coverage(len(text), _masked_spans(text))
    ends = [e for e in _ends(doc, found, blocked) if not masked.touches(e.start, e.start + 1)]
    starts = [e.start for e in ends]
    programmes = [m for m in found.mentions if m.type == "Programme"]
    owners = _owners(found.entities)
    out: list[Relation] = []
    sentences = split_sentences(text)
    givers: list[Relation] = []  # the gifts of the sentence before, for recipients listed after 其中
    for frame in (pair_lists, memberships, agreements, both, founded):
        for helpers, helped, trig, start, end, weight in frame(text, sentences, ends):
            out.extend(_make(doc, trig, helpers, helped, weight, start, end, programmes, owners))
    for start, end in sentences:
        previous, givers, before = givers, [], len(out)
        if end - start > _LONGEST_SENTENCE:
            continue  # no evidence sentence is this long: a page without punctuation, not prose
        sentence_ends = [e for e in ends[bisect_left(starts, start):bisect_left(starts, end)] if e.end <= end]
        if not sentence_ends:
            continue
        s = Sentence(text, start, end, sentence_ends, blocked)
        for helpers, helped, trig in _recipients(s, previous):
            out.extend(_make(doc, trig, helpers, helped, 0.8, start, end, programmes, owners))
        for match in _trigger_re().finditer(text, start, end):
            ts, te = match.span()
            if masked.touches(ts, ts + 1) and not _agreement(text, ts):
                continue
            trig: Trigger = triggers()[match.group()]
            if trig.relation == "assists" and _is_false_friend(text, ts, te):
                continue
            for helpers, helped, weight in _PATTERNS[trig.relation](s, ts, te, found):
                out.extend(_make(doc, trig, helpers, helped, weight, start, end, programmes, owners))
        givers = [r for r in out[before:] if r.kind in _GIFTS]
    return _dedupe(out)


_RECEIVES = re.compile(r"获赠|受赠|获捐|获得[^，；。]{0,12}捐赠|分得")


def _recipients(s: Sentence, givers: list[Relation]) -> list[tuple[list[End], list[End], Trigger]]:
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
          start: int, end: int, programmes: list[Mention], owners: dict[str, tuple[str, str]]) -> list[Relation]:
    a, b = doc.original_span(start, end)
    evidence = Evidence(doc.id, doc.text[start:end].strip(), doc.original[a:b].strip(), a, b)
    sentence = doc.text[start:end]
    first = bisect_left(programmes, start, key=lambda m: m.start)
    programme = programmes[first].key if first < len(programmes) and programmes[first].start < end else None
    rels = []
    pairs = [pair for x in helpers for y in helped for pair in _for_owners(x, y, owners)]
    for x, y in dict.fromkeys(pairs):
        if x.key != y.key:
            rels.append(Relation(x.key, y.key, trig.relation, trig.kind, evidence,
                                 round(trig.confidence * weight, 3), year_in(sentence), programme,
                                 quantities_in(sentence)))
    return rels


def _for_owners(x: End, y: End, owners: dict[str, tuple[str, str]]) -> list[tuple[End, End]]:
    """A university's college acts as the university (X大学教育学院赴 Y 送教); two colleges that pair (X大学
    化学院与 Y大学化学院共建…) are partners as the two universities are, and so is a college with its
    university's own school."""
    lifted = tuple(End(e.start, e.end, *owners[e.key]) if e.key in owners else e for e in (x, y))
    return [(x, y), lifted] if x.key in owners and y.key in owners or _its_own(x, y, owners) \
        or _its_own(y, x, owners) else [lifted]


def _its_own(college: End, other: End, owners: dict[str, tuple[str, str]]) -> bool:
    """True when the other end is a school of the college's own university (X大学教育学院为 X大学附属实验学校
    培训教师): the college acts as itself there."""
    owner = owners.get(college.key)
    return owner is not None and other.key != owner[0] \
        and other.key.partition(":")[2].startswith(owner[0].partition(":")[2])


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
