"""The assists pattern: who helps whom around an assists trigger (seeds/lexicons/triggers.tsv).

  由 X 对口帮扶 Y · X 对口帮扶 Y · 在 X 的帮扶下 (helped: the subject or the home county) · X 为/向 Y 捐赠 ·
  Y 受到/接受 X 的帮扶 · Y 由 X 托管 · X 与 Y 签订…帮扶协议 (the first party helps, unless it is where the help
  goes) · X 是 Y 的帮扶学校 · 委托 X 管理 · 作为对口支援 Y 的城市，X … · X 选派…到 Y 支教 (sending.py).
A trigger followed by a noun such as 资金 or 机制 (帮扶资金) states no relation (is_false_friend).
"""
from __future__ import annotations

import re

from .clauses import ADVERBIAL, GIFTS, GOES_ON, IS_OF, ROLE_NOUN, End, Sentence, adverbial_length, home_key, \
    implicit, trig_kind, trigger_re
from .entities import Found
from .lexicon import triggers
from .sending import ACTIVITIES, GO, sent_to

# A trigger followed by one of these is a noun (帮扶资金, 结对帮扶机制), not a relation.
_FALSE_FRIENDS = ("资金", "对象", "机制", "工作", "台账", "责任", "人", "组长", "教师", "村", "举措", "大计",
                  "方案", "领导小组", "措施", "政策", "力度", "成效", "模式", "贫困", "学生", "档案",
                  "项目", "队伍", "单位", "体系", "制度", "会", "经验", "干部", "证书")
_CHANNEL = re.compile(r"(通过|借助|经由|依托)$")
_RECEIVING = r"(受到|得到|获得|接受|收到)了?([^受得，；。]{1,40})"  # Y 受到 X …: X, the giver, after the verb
# Y 受到/得到 X 的(结对)帮扶/支持/资助: the passive frame names the helper after the verb
_PASSIVE = re.compile(_RECEIVING + r"的[^的，；。]{0,4}$")
# Y 获得/收到 X 捐赠的电脑: the gift's trigger before its 的
_RECEIVED = re.compile(_RECEIVING + r"$")
_THANKS = re.compile(r"感谢|感激|致谢|谢谢")
# a township's school (克勒沟镇中学, 六马镇中心完小): in a pairing it is the one helped
_TOWNSHIP_SCHOOL = re.compile(r".[镇乡](中心)?(学校|小学|中学|完小|初级中学|中心校)$")
# X 说/表示，…，帮助 Y…: the speaker is not the subject of what is reported
_SPEAKS = re.compile(r"[^，；。]{0,6}?(说|表示|介绍|指出|认为|强调)[，,：:]")
_QUOTED = re.compile(r"“[^“”]{1,8}”")
_ASPECTS = re.compile(r"(在|围绕|从|就)[^，；。在]{1,40}?(等)?(方面|领域)")
# 作为对口支援 Y 的城市，X …: the role the relative clause names before its subject
_AS_ROLE = re.compile(r"的[^，；。的]{0,6}(城市|地区|省份|高校|大学|学校|单位|企业|区县|县区)[，,]")
# 资助(家庭)困难学生: students of the school the sentence names
_STUDENTS = re.compile(r"[^，；。]{1,8}(学生|学子)")
_ROLE_IS = re.compile(ROLE_NOUN.pattern + r"(是|为)")  # Y 的对口支援单位是 X
_MANAGED = {"托管", "托管帮扶", "领办"}  # kinds of help a school gives by running another
_MANAGES = re.compile(r"(全面)?(管理|托管|办学|运营)")
# a trigger that modifies a meeting's name (…东西部协作职业教育推进会, …结对帮扶签约仪式)
_EVENT_AFTER = re.compile(r"[^，；。、在与和]{0,8}?(推进会|座谈会|现场会|工作会|会议|签约仪式|启动仪式|大会|论坛)")
# 在 Y 开展帮扶工作/助学活动: the work carried out is the relation, not a noun that only names it
_CARRIED_OUT = re.compile(r"(开展|进行)$")
# Y 是 X 结对帮扶的县份/对象: the trigger in a relative clause that names Y's role
_OF_ROLE = re.compile(r"的(县份|县区|区县|地区|学校|对象|城市|省份|单位|高校|院校)")
_TOWARDS = re.compile(r"对[^对，；。]{1,20}的$")


def assists(s: Sentence, ts: int, te: int, found: Found) -> list[tuple[list[End], list[End], float]]:
    """Helpers and helped around an assists trigger at [ts, te)."""
    text, cs, ce = s.text, s.clause_start(ts), s.clause_end(te)
    cs, ce = _listed_clause(text, cs, ts, te, ce)
    after = [e for e in s.between(te, ce) if not e.modifier]
    if _EVENT_AFTER.match(text, te):
        after = []  # 东西部协作推进会在 Y 召开: the trigger names a meeting, Y is where it met
    before = [e for e in s.between(cs, ts) if not e.modifier]
    if ROLE_NOUN.match(text, te):
        return _role(s, cs, ts, te, before, after)
    if _OF_ROLE.match(text, te):
        return _role_clause(s, cs, ts, before)
    if text[ts:te] == "委托":
        return _entrusted(s, cs, te, before, after)
    passive = _PASSIVE.search(text, cs, ts) or text.startswith("的", te) and _RECEIVED.search(text, cs, ts)
    if passive:
        return _passive(s, cs, passive, found)
    if text[ts:te] in ACTIVITIES:
        return sent_to(s, ts, found, cs)
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
        # X 通过 Z 向 Y 捐赠: Z, after 通过/借助/经由, is the channel of the gift, not its giver
        helpers = [e for e in before if e.end <= ps and not _CHANNEL.search(text, cs, e.start)]
        thanks = _THANKS.search(text, cs, ps)
        if thanks:  # Y 感谢 X 对 Z 的支持: X, thanked, helps; Y only thanks
            helpers = [e for e in helpers if e.start >= thanks.end()]
            if not helpers:
                return []
        if helped and helpers:
            return [(s.coordinated(helpers[-1], True), s.coordinated(helped[0], False), 1.0)]
        # …，并/今年向 Y 捐赠 and X 通过 Z，向 Y 捐赠: a clause with no subject of its own goes on with the sentence's
        if helped and not helpers and (GOES_ON.match(text, cs) or ADVERBIAL.fullmatch(text, cs, ps) or cs == ps):
            subject = [e for e in s.ends if e.start < cs and e.start - s.clause_start(e.start) <= 2
                       and e.key != helped[0].key][:1]
            return [(subject, s.coordinated(helped[0], False), 0.8)] if subject else []
        if helped or s.has_placeholder(ps, ts):
            return []
    # X 选派… 赴/到 Y 送教/支教/挂职: the place gone to is the helped.
    if GO.search(text[s.clause_start(cs - 1) if cs > s.start else cs:ts]) and not after:
        return sent_to(s, ts, found, cs)
    # X (…) 在 Y(、Y2) 资助/捐建/援建: Y is where the gift went; X is the clause's subject, else the sentence's.
    at = re.search(r"在([^在]{1,30})$", text[cs:ts])
    if at and (trig_kind(text, ts, te) in GIFTS or _CARRIED_OUT.search(text, cs, ts)):
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
        verb = helped[-1].end + adverbial_length(text, helped[-1].end, ts)
        gap = text[helpers[-1].end:ws]
        if len(s.coordinated(helpers[-1], True)) > 1 < len(helped):
            return []  # A、B 与 C、D 结对帮扶: who helps whom is told item by item elsewhere
        if trig_kind(text, ts, te) in GIFTS and helped[0].type == "Government":
            return []  # X 与 Y县教育局签订捐建协议: the bureau signs for the school that gets the gift
        if trig_kind(text, ts, te) in _MANAGED and helpers[-1].type == "Government":
            return []  # X省教育厅与 Y州政府签订托管帮扶协议: a school manages, the governments only sign
        if (len(gap) <= 1 or gap == "分别") and not s.has_placeholder(cs, ts) \
                and re.fullmatch(r"(签订了?|签署了?|开展|建立|进行)?[^，；]{0,8}", text[verb:ts]):
            # X 分别与 A、B 签订对口帮扶协议: X and each of them
            return [r for x in s.coordinated(helpers[-1], True) if x.start >= cs
                    for y in helped for r in _pair_direction(x, y, found)]
        return []
    if not after and trig_kind(text, ts, te) in GIFTS and _STUDENTS.match(text, te):
        return _their_school(s, cs, ts, before)
    if not after and trig_kind(text, ts, te) in GIFTS and text[ce:ce + 2] in ("，为", "，向", "，给"):
        return _gift_for(s, ts, ce, before)
    if not after:
        return _done_by(s, cs, ts, before)
    if s.has_placeholder(te, after[0].start):
        return []
    if text[cs:ts] == "作为":
        return _as_the_helper(s, te, after[0])
    if text[cs:ts] in ("为", "为了"):
        return _for_the_purpose(s, ce, after[0])
    # 由 X (…) 对口帮扶 Y and plain X 对口帮扶 Y.
    by = re.search(r"由([^由]{1,30})$", text[cs:ts])
    helpers = [e for e in before if not by or e.start >= cs + by.start()]
    # X 教育人才“组团式”帮扶 Y; X 将围绕教师培训、课程建设等方面支持 Y
    gap = _ASPECTS.sub("", _QUOTED.sub("", text[helpers[-1].end:ts])) if helpers else ""
    if helpers and not s.has_placeholder(helpers[-1].end, ts) and (len(gap) <= 6 or ADVERBIAL.fullmatch(gap)):
        lefts = [e for e in s.coordinated(helpers[-1], True)[::-1] if e.start >= cs]
        rights = [e for e in s.coordinated(after[0], False) if e.end <= ce]
        if gap == "分别" and len(lefts) == len(rights):  # X、Y 分别对口帮扶 A、B: item by item
            return [([x], [y], 1.0) for x, y in zip(lefts, rights)]
        return [(lefts, rights, 1.0)]
    if not before and cs > s.start and ADVERBIAL.fullmatch(text[cs:ts]) is not None or cs == ts > s.start:
        # …拨款120万元，资助 Y 新建…: a clause that opens with the verb goes on with the last clause's subject
        subject = [e for e in s.between(s.start, cs) if not e.modifier and e.start - s.clause_start(e.start) <= 2]
        if subject and subject[-1].key != after[0].key and not s.has_placeholder(s.start, ts) \
                and not _SPEAKS.match(text, subject[-1].end):
            return [(subject[-1:], [e for e in s.coordinated(after[0], False) if e.end <= ce], 0.75)]
    return []


def _with_word(text: str, cs: int, ts: int, before: list[End]) -> int | None:
    """The 与 (or 同, else 和) that joins a party named before it to one named right after it, within 20
    characters of the trigger: X 与 A、B 和 C 签订…, X 和 Y 与 Z 结对."""
    for words in ("与同", "和"):
        for i in range(max(cs, ts - 21), ts):
            # the party after it may follow its province (与四川省广元市)
            if text[i] in words and any(e.end <= i for e in before) and any(i < e.start <= i + 4 for e in before) \
                    and not any(e.start <= i < e.end for e in before):  # 人类学与民族学系 joins no parties
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


def _role(s: Sentence, cs: int, ts: int, te: int, before: list[End],
          after: list[End]) -> list[tuple[list[End], list[End], float]]:
    """X 是 Y 的帮扶学校: X helps Y; Y 的帮扶学校是 X: X helps Y; the trigger only names a role otherwise."""
    text = s.text
    role_is = _ROLE_IS.match(text, te)
    if role_is and after and before and text[before[-1].end:ts] == "的" \
            and after[0].start - role_is.end() <= 1:
        return [([after[0]], [before[-1]], 0.85)]
    is_of = IS_OF.search(text, cs, ts)
    if is_of and not role_is:
        helped = [e for e in before if e.start >= is_of.start(1)]
        helpers = [e for e in before if e.end <= is_of.start()]
        if helped and helpers and ADVERBIAL.fullmatch(text, helpers[-1].end, is_of.start()) is not None \
                or helped and helpers and helpers[-1].end == is_of.start():
            return [([helpers[-1]], helped[-1:], 0.85)]
    return []


def _role_clause(s: Sentence, cs: int, ts: int, before: list[End]) -> list[tuple[list[End], list[End], float]]:
    """Y 是(…中) X 结对帮扶的县份: the clause before 的 names Y's helper X."""
    is_ = re.search(r"[是为]([^是为，；。]{1,30})$", s.text[cs:ts])
    if not is_:
        return []
    at = cs + is_.start()
    helped = [e for e in before if e.end <= at][-1:]
    helpers = [e for e in before if e.start > at][-1:]
    if helped and helpers and helped[0].key != helpers[0].key and helpers[0].end == ts:
        return [(helpers, helped, 0.85)]
    return []


def _entrusted(s: Sentence, cs: int, te: int, before: list[End],
               after: list[End]) -> list[tuple[list[End], list[End], float]]:
    """Y 委托 X 管理; 学校由…建设，委托 X 管理; W 委托 X 管理 Y: X, who manages Y, helps it (Y is the body
    managed, else the clause's subject, else the sentence's, else the school the sentence names last)."""
    manages = _MANAGES.match(s.text, after[0].end) if after and after[0].start - te <= 1 else None
    if not manages:
        return []
    managed = [e for e in after[1:2] if e.start - manages.end() <= 1]  # X 委托 Y 管理 Z
    helped = managed or before[-1:] \
        or [e for e in s.between(s.start, cs) if e.start - s.clause_start(e.start) <= 2][:1] \
        or [e for e in s.between(s.start, cs) if e.type == "School"][-1:]  # 创办 Y 学校，学校由…，委托 X 管理
    if not helped or helped[0].key == after[0].key or s.has_placeholder(cs, after[0].end):
        return []
    return [([after[0]], helped, 0.8)]


def _done_by(s: Sentence, cs: int, ts: int, before: list[End]) -> list[tuple[list[End], list[End], float]]:
    """Y 由/受/被 X 托管/对口帮扶 (and nothing after the verb): X helps Y, the subject before 由."""
    by = re.search(r"[由受被]([^由受被，；。]{1,30})$", s.text[cs:ts])
    if not by:
        return []
    bs = cs + by.start()
    helpers = [e for e in before if e.start > bs]
    helped = [e for e in before if e.end <= bs]
    if not helpers or not helped or s.has_placeholder(cs, ts) \
            or not (ADVERBIAL.fullmatch(s.text, helped[-1].end, bs) or helped[-1].end == bs):
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


def _gift_for(s: Sentence, ts: int, ce: int, before: list[End]) -> list[tuple[list[End], list[End], float]]:
    """X 捐资20万元，为 Y 建设图书室: the gift's subject X helps Y, named after 为/向/给 in the next clause."""
    helped = [e for e in s.between(ce + 2, s.clause_end(ce + 2)) if not e.modifier][:1]
    if not helped or not before or helped[0].start > ce + 2 or before[-1].key == helped[0].key \
            or s.has_placeholder(before[-1].start, helped[0].end) or len(s.text[before[-1].end:ts]) > 6:
        return []
    return [(before[-1:], s.coordinated(helped[0], False), 0.8)]


def _for_the_purpose(s: Sentence, ce: int, helped: End) -> list[tuple[list[End], list[End], float]]:
    """为(了)帮助/支持 Y 发展…，X 捐赠…: X, the subject of the clause after the purpose, helps Y."""
    subject = [e for e in s.between(ce + 1, s.end) if not e.modifier][:1]
    if not subject or subject[0].key == helped.key or s.has_placeholder(ce, subject[0].end):
        return []
    gap = s.text[ce + 1:subject[0].start]
    return [(subject, s.coordinated(helped, False), 0.8)] if not gap or ADVERBIAL.fullmatch(gap) else []


def _as_the_helper(s: Sentence, te: int, helped: End) -> list[tuple[list[End], list[End], float]]:
    """作为对口支援 Y 的城市，X 今年选派…: X, the subject of the clause after the relative one, helps Y."""
    role = _AS_ROLE.match(s.text, helped.end)
    if not role:
        return []
    subject = [e for e in s.between(role.end(), s.end) if not e.modifier][:1]
    if subject and ADVERBIAL.fullmatch(s.text, role.end(), subject[0].start) is not None \
            or subject and subject[0].start == role.end():
        return [(subject, [helped], 0.85)] if subject[0].key != helped.key else []
    return []


def _listed_clause(text: str, cs: int, ts: int, te: int, ce: int) -> tuple[int, int]:
    """Narrow a clause to one item of a list of clauses joined by 、 (X 对口帮扶 A、Y 对口帮扶 B、…): an item
    starts after the 、 that follows the previous trigger and ends at the 、 before the next one."""
    relation = triggers()[text[ts:te]].relation  # 教师培训、课程建设等方面支持 Y lists no clauses
    before = [m for m in trigger_re().finditer(text, cs, ts) if triggers()[m.group()].relation == relation]
    if before:
        cut = text.find("、", before[-1].end(), ts)
        if cut >= 0:
            cs = cut + 1
    nxt = trigger_re().search(text, te, ce)
    if nxt:
        cut = text.rfind("、", te, nxt.start())
        if cut >= 0 and trigger_re().search(text, cut, nxt.start()) is None:
            ce = cut
    return cs, ce


def _passive(s: Sentence, cs: int, m: re.Match, found: Found) -> list[tuple[list[End], list[End], float]]:
    """Y 受到/得到/接受 X 的帮扶, Y 获得 X 捐赠的…: X helps the clause's subject (a place that heads a counted group counts), else
    the sentence's subject."""
    vs = m.start()
    helpers = [e for e in s.between(m.start(2), m.end(2)) if not e.modifier]
    subject = s.between(cs, vs) or [e for e in s.between(s.start, cs) if e.start - s.clause_start(e.start) <= 2][:1]
    if not helpers or not subject or s.has_placeholder(cs, m.end()):
        return []
    return [([helpers[-1]], subject[:1], 0.85)]


def is_false_friend(text: str, ts: int, te: int) -> bool:
    """True when the trigger names a thing (帮扶资金) or a setting (Y 是东西部协作中 X 帮扶的县), not an act."""
    if text[ts - 1:ts] in ("是", "在") and text.startswith("中", te):
        return True  # 是东西部协作中…: the programme a clause places itself in, not who acts
    if _CARRIED_OUT.search(text, max(0, ts - 2), ts) and text.startswith("工作", te):
        return False
    if _ROLE_IS.match(text, te) or ROLE_NOUN.match(text, te) and IS_OF.search(text, max(0, ts - 32), ts):
        return False  # X 是 Y 的帮扶单位: a role, which _role reads
    if text.startswith(("力度", "工作"), te) and _TOWARDS.search(text, max(0, ts - 24), ts):
        return False  # X 加大对 Y 的帮扶力度: the help is X's towards Y
    return any(text.startswith(noun, te) for noun in _FALSE_FRIENDS)
