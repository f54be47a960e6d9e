"""Recognise organisations by grammar: a head noun (大学, 实验小学, 教体局, 有限公司…) and the proper name
before it, read leftwards until a function word, a verb of assistance, a placeholder or a division prefix.

A bare generic prefix (县职教中心, 省教育厅, 省委高教工委) is completed from the document's home divisions.
Then the passes of units.py join what belongs to another body, those of shortforms.py rename short forms to
the full names the article writes, and naming.py gives each body one name and its key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .divisions import DivisionMention, Home
from .gazetteer import Division
from .lexicon import Head, abbreviation_heads, generic_names, heads, name_stops
from .naming import bare_township_schools, one_name_per_place
from .shortforms import enterprise_parts, noted_short_forms, resolve_short_forms, short_forms, university_short_forms
from .spans import Coverage
from .townships import TownMention
from .units import affiliated, attached, branches, parent_universities, units
from .words import NOT_NAME_TAGS, tags, trim_name, unknown_run, word_tag

GENERIC_PREFIXES = ("省委", "市委", "县委", "区委", "省", "市", "县", "区")
# Words a head may be the start of, which then is no head: 大学生, 中学生, 学校党建 is fine.
_NATIONAL = {"教育部"}
_NEEDS_PROPER = {"学校", "幼儿园", "中等职业学校"}
_WHOLE = set("全各该本我两")
_POINTING = set("该本我")
_LEVELS = set("省市县区州乡镇")
_WEAK_HEADS = {"学校", "中学", "小学", "幼儿园", "大学", "学院", "集团", "公司"}  # need a place or a proper name
# Bodies that a descriptive word alone does not name (公益基金会, 片区联盟, 网络教研室): they need a place, a
# proper word, or a word the dictionary knows only as a given name (春晖基金会).
_NAMED_HEADS = {"基金会", "协会", "慈善会", "促进会", "联盟", "教研室", "教育研究室", "教育集团", "名师工作室"}
_AREA = set("域内外直属级")  # 县域, 县内, 县直: the county as an area or a rank, not a county's body
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两几多]+[所个家名]")  # 3个贫困村学校 is a group
# 上级教育部门: a department in general, not the ministry; 高中生, 高中教育: a level, not a school
_NOT_HEAD_AFTER = {"大学": "生城区路", "中学": "生", "小学": "生", "学院": "派", "学校": "", "集团": "化",
                   "教育部": "门", "高中": "生学教阶部年段"}
_PART_HEADS = {"学院", "研究院"}
_ORDINAL = re.compile(r"第[一二三四五六七八九十百〇零0-9]+$")  # 第一五〇中学: numbers read digit by digit
# A university named by a region and a field (太原理工, 中北, 华南农业): the dictionary splits such names
# across words (太原|理工 reads 太|原理|工), so they are judged by their parts instead.
_COMPASS = re.compile(r"^[东南西北中华][东南西北中]?")
_FIELDS = {"", "理工", "师范", "财经", "医科", "农业", "科技", "工业", "工程", "交通", "外国语", "传媒", "体育", "艺术",
           "民族", "石油", "林业", "商业", "经济", "政法", "文理", "电力", "中医药", "医学", "工商", "建筑"}


@dataclass(frozen=True)
class OrgMention:
    start: int  # span of the text the name covers (generic prefix included)
    end: int
    surface: str
    name: str  # the name as written, a generic prefix completed (县职教中心 → 略阳县职教中心)
    type: str
    division: Division | None  # the division the name places it in, if any


@cache
def _head_re() -> re.Pattern:
    def alternative(head: str) -> str:  # 一中 as in 镇安一中, never the 一中 of 第一中学 or 一中心
        if re.fullmatch("[一二三四五六七八九十][中小]", head):
            return re.escape(head) + "(?![学心])"
        return re.escape(head) + ("(?!学)" if head in abbreviation_heads() else "")  # 工大 in 理工大学 is no head

    return re.compile("|".join(map(alternative, sorted(heads(), key=len, reverse=True))))


@cache
def _stops_by_len() -> tuple[tuple[int, frozenset[str]], ...]:
    stops = name_stops()
    return tuple((n, frozenset(w for w in stops if len(w) == n)) for n in sorted({len(w) for w in stops}, reverse=True))


def _is_name_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "〇" or ch.isascii() and ch.isalnum()  # 〇 lies outside the block


def _stop_ends_at(text: str, pos: int) -> bool:
    """True when a stop word ends at pos, unless a single stop character ends a longer word (高等, 平等)."""
    for n, words in _stops_by_len():
        if pos >= n and text[pos - n:pos] in words:
            tag = word_tag(text[pos - 2:pos]) if n == 1 and pos >= 2 else None
            return tag is None or tag in NOT_NAME_TAGS
    return False


def is_generic(part: str) -> bool:
    """True when part is made only of generic words (全县, 贫困村, 农村…) and so names nothing."""
    words, i = generic_names(), 0
    while i < len(part):
        for n in (3, 2, 1):
            if part[i:i + n] in words:
                i += n
                break
        else:
            return False
    return True


def _generic_head(part: str) -> int:
    """Length of the generic word that part starts with (3, 2 or 1 characters), or 0."""
    words = generic_names()
    return next((n for n in (3, 2) if part[:n] in words and len(part) > n), 0)


def _hierarchy(seq: list[DivisionMention]) -> list[DivisionMention]:
    """Keep the leading run of divisions that nest (杭州市西湖区); what follows is part of the proper name
    (略阳县天津高级中学 is a school in 略阳县 named 天津)."""
    from .gazetteer import load_gazetteer

    gaz, chain = load_gazetteer(), seq[:1]
    for m in seq[1:]:
        if chain[-1].division not in gaz.ancestors(m.division.adcode):
            break
        chain.append(m)
    return chain


def _left_edge(text: str, head_start: int, reach: int, div_end: dict[int, DivisionMention],
               blocked: list[bool], head_end: int = -1) -> tuple[int, str | None, list[DivisionMention]]:
    """Walk left from a head; return (start of the name, generic prefix or None, division prefixes)."""
    pos = head_start
    while pos > 0 and head_start - pos <= reach:
        if blocked[pos - 1]:
            return pos, None, []
        if pos in div_end:  # a division prefix (略阳县职教中心, 西安理工大学): take it and any before it
            seq = []
            while pos in div_end and div_end[pos].division is not None:
                seq.insert(0, div_end[pos])
                pos = div_end[pos].start
            if seq:
                return pos, None, _hierarchy(seq)
        if _stop_ends_at(text, pos) or not _is_name_char(text[pos - 1]) or text[pos - 1].isdigit():
            # 首都师范大学: a stop character (都) inside a name the dictionary knows whole with its head
            known = [k for k in range(pos - 1, max(pos - 3, 0) - 1, -1) if word_tag(text[k:head_end]) == "nt"]
            return (known[0] if known and not blocked[known[0]] else pos), None, []
        for prefix in GENERIC_PREFIXES:
            if text.startswith(prefix, pos - len(prefix)):
                before = text[pos - len(prefix) - 1] if pos > len(prefix) else ""
                if len(prefix) == 1 and text[pos:pos + 1] in _LEVELS | _AREA:
                    return -1, None, []  # 县区学校, 市县学校, 县域内学校: levels or areas in general, no place
                if before in _POINTING and _is_name_char(text[pos:pos + 1]):
                    return pos - len(prefix), prefix, []  # 该县禾川中学: the pronoun points at the home county
                if before in _WHOLE:  # 全县, 各县: the whole county is no name
                    return -1, None, []
                if not before or not _is_name_char(before) or _stop_ends_at(text, pos - len(prefix)) \
                        or blocked[pos - len(prefix) - 1]:
                    return pos - len(prefix), prefix, []
        pos -= 1
    return (pos, None, []) if pos == 0 else (-1, None, [])


def find_organisations(text: str, divisions: list[DivisionMention], home: Home,
                       blocked: list[bool], towns: list[TownMention] = (), meta: str = "") -> list[OrgMention]:
    """Return organisation mentions; `blocked[i]` is True where text[i] is a placeholder or garbage; `meta` is
    the byline, title and source that ingest keeps out of the text."""
    div_end = {m.end: m for m in divisions}
    town_end = {t.end: t for t in towns}  # 会川镇中心小学, and a village's 石门村教学点
    matches = list(_head_re().finditer(text))
    town_names = frozenset(t.surface[:-1] for t in towns if t.type == "Township")  # 巴彦呼舒 of 巴彦呼舒镇
    found = [m for m in (_organisation(text, match, div_end, home, blocked, town_end, town_names)
                         for match in matches) if m]
    found = branches(_known_after_word(_longest(found)))
    found = bare_township_schools(_longest(units(text, affiliated(text, attached(text, found)))))
    found = _longest(found + short_forms(text, matches, found, blocked))
    found = resolve_short_forms(_longest(found + enterprise_parts(text, found, blocked)))
    found = one_name_per_place(noted_short_forms(text, found, blocked))
    found = _longest(found + university_short_forms(text, found, blocked, meta))
    return sorted(found + parent_universities(found), key=lambda m: m.start)


def _known_after_word(found: list[OrgMention]) -> list[OrgMention]:
    """Cut a common word off a name that is another found name after it (委托西北师范大学管理: 委托 is the
    sentence's verb, 西北师范大学 the name the article also writes alone)."""
    names = {(m.type, m.name) for m in found}
    out = []
    for m in found:
        for n in (2, 1, 3, 4):
            word, rest = m.name[:n], m.name[n:]
            if (m.type, rest) in names and len(rest) >= 4 and m.surface.endswith(rest) \
                    and word_tag(word) not in (None, "ns", "nz", "nt", "j", "nr") and not _is_place_name(word):
                m = replace(m, start=m.end - len(rest), surface=rest, name=rest, division=None)
                break
        out.append(m)
    return out


def _is_place_name(word: str) -> bool:
    from .gazetteer import load_gazetteer

    return bool(load_gazetteer().lookup(word))


def _organisation(text: str, match: re.Match, div_end: dict[int, DivisionMention], home: Home,
                  blocked: list[bool], town_end: dict[int, TownMention],
                  town_names: frozenset[str] = frozenset()) -> OrgMention | None:
    """Read the name that ends in the head noun `match`, or None when it names no organisation."""
    head: Head = heads()[match.group()]
    hs, he = match.span()
    if he < len(text) and text[he] in _NOT_HEAD_AFTER.get(head.word, ""):
        return None
    if head.word in ("小学", "学校") and text[hs - 1:hs] == "中":  # 中小学(校) is no school
        return None
    if head.word in abbreviation_heads() and word_tag(text[hs - 1:hs + 1]) not in (None, "nr", "ns", "nz", "j"):
        return None  # 教师大会, 人民大会堂: the head's first character ends another word
    start, prefix, chain = _left_edge(text, hs, head.reach, div_end, blocked, he)
    town = town_end.get(hs) or _town_before_name(text, hs, town_end)
    if start < 0 and town is None:
        return None
    name_start = start + (len(prefix) if prefix else 0) + (sum(m.end - m.start for m in chain))
    if town is not None and name_start != town.start:
        name_start = start = town.start  # 吸纳试马镇中心小学: the words before the township are not the name's
        prefix, chain = None, []
        county = div_end.get(town.start)
        if county is not None and county.division is not None and town.county == county.division:
            start, chain = county.start, [county]  # 民权县人和镇中学: the walk stopped inside the township's name
    proper = text[name_start:hs]
    descriptive = head.word in _NAMED_HEADS and bool(prefix or chain) or _placed_university(head, chain, proper)
    if town is not None or _kept_whole(head, proper, bool(prefix or chain)) \
            or _township_numbered(proper, town_names) \
            or head.type == "University" and _region_and_field(proper) \
            or word_tag(proper + head.word) in ("nt", "nz", "ns", "j") and len(proper) >= 2 \
            or descriptive:
        # a township (会川镇中心小学), a numbered school of a place (西安高新第一中学), a name the dictionary
        # knows whole (石河子大学), or a placed body's descriptive name (湖南省乡村教育振兴高校联盟) is a name as
        # it stands
        trimmed, looks_proper = proper, True
    else:
        trimmed, looks_proper = trim_name(proper, anchored=bool(prefix or chain))
    if trimmed != proper:  # a verb inside: the name starts after it, and any prefix is not its own
        start, prefix, chain, proper = hs - len(trimmed), None, [], trimmed
    while town is None and not descriptive and proper and _generic_head(proper) and not is_generic(proper):
        cut = _generic_head(proper)  # 改扩建城关小学: the verb-like generic word is not the name's
        start, prefix, chain, proper = hs - len(proper) + cut, None, [], proper[cut:]
    if proper and (is_generic(proper) or is_generic((prefix or "") + proper) or _COUNTED.search(proper)) \
            and not _placed_university(head, chain, proper):
        return None
    if head.word in _WEAK_HEADS and not (prefix or chain or looks_proper):
        return None
    if head.word in _NAMED_HEADS and not (prefix or chain or town or looks_proper or unknown_run(proper)
                                          or any(flag.startswith("nr") for _w, flag in tags(proper))):
        return None
    if head.word == "高中" and not (chain and (proper or chain[-1].short and not _with_level(chain[-1]))):
        return None  # 都安高中 and 花垣县边城高中 contract a high school's name; 县高中 is a level of schools
    if head.word in _NEEDS_PROPER and not proper and not _county_kindergarten(head, chain, text, start):
        return None  # 环县学校 is the county's schools, not a school
    if head.type == "Government" and not (prefix or chain) and head.word not in _NATIONAL:
        return None  # 政府, 教育局 with no place named is nobody in particular
    if start > 0 and blocked[start - 1] and not (prefix or chain or looks_proper or unknown_run(proper)):
        return None  # xx商贸职业学校: the placeholder was the name
    division = chain[-1].division if chain else None
    if prefix:
        division = home.for_prefix(prefix[0])
        if division is None:
            return None  # 县教育局 in an article about no known county names nothing
        completed = division.name + ("委" if prefix.endswith("委") else "")
    elif chain:
        completed = _places(chain, head, proper)
    else:
        completed = ""
    if not proper and not completed and head.word not in _NATIONAL:
        return None
    if not proper and not head.bare_ok and not chain:
        return None
    # a college of a university (西北师范大学教育学院) is one of its parts, not a university
    kind = "Organization" if head.word in _PART_HEADS and "大学" in proper else head.type
    name = completed + proper + head.word
    return OrgMention(start, he, text[start:he], name[2:] if name.startswith("中共") else name, kind, division)


def _town_before_name(text: str, hs: int, town_end: dict[int, TownMention]) -> TownMention | None:
    """A township named right before a school's own short name (白水江镇金家河小学, 某某镇明德希望小学) or the
    system it keeps (某某镇寄宿制学校): the school is named by the township and that name, as 会川镇中心小学 is by
    the township alone."""
    for n in (2, 3, 4):
        town = town_end.get(hs - n)
        if town is None or town.type != "Township":
            continue
        part = text[hs - n:hs]
        if all("\u4e00" <= ch <= "\u9fff" for ch in part) and (not is_generic(part) or part.endswith("制")) \
                and not any(_stop_ends_at(text, i) for i in range(hs - n + 1, hs + 1)) and trim_name(part)[0] == part:
            return town
        return None
    return None


def _placed_university(head: Head, chain: list[DivisionMention], proper: str) -> bool:
    """True for a university named by its place and plain descriptive words (兰州城市学院, 临夏现代职业学院):
    no verb or function word among them, however generic they are."""
    return head.type == "University" and bool(chain) and 0 < len(proper) <= 6 \
        and not any(len(w) > 1 and flag in NOT_NAME_TAGS - {"t", "f"} for w, flag in tags(proper))


def _township_numbered(proper: str, town_names: frozenset[str]) -> bool:
    """True for a numbered school named by a township of the article without its level (巴彦呼舒第三 after
    巴彦呼舒镇): a place's name, though the dictionary knows none of it."""
    match = _ORDINAL.search(proper)
    return bool(match) and match.start() >= 2 and proper[:match.start()] in town_names


def _county_kindergarten(head: Head, chain: list[DivisionMention], text: str, start: int) -> bool:
    """True for a county's own kindergarten or vocational school (明水县幼儿园, 明水县中等职业学校): a county-level
    place and the head, not counted or ranged over (各县幼儿园, 3所县幼儿园) — a county runs one of each, but many
    schools; a prefecture's 中等职业学校 are a class of schools."""
    if head.word not in ("幼儿园", "中等职业学校") or not chain or chain[-1].division.level != "County":
        return False
    before = text[max(0, start - 3):start]
    return not (before[-1:] in _WHOLE or _COUNTED.search(before) or before.endswith(("所", "个")))


def _region_and_field(proper: str) -> bool:
    """True when a university's name is a region (a compass pair or a place's name) and a field: 太原理工."""
    from .gazetteer import load_gazetteer

    compass = _COMPASS.match(proper)
    if compass and len(compass.group()) == 2 and proper[2:] in _FIELDS:
        return True
    return any(proper[n:] in _FIELDS and load_gazetteer().lookup(proper[:n]) for n in (2, 3) if len(proper) > n)


def _kept_whole(head: Head, proper: str, anchored: bool) -> bool:
    """A short part of a name that ends in an ordinal (高新第一 in 西安高新第一中学), or the name before an
    abbreviated head (西北 in 西北师大), is kept as it stands: the dictionary would cut it as an adverb."""
    if head.word in abbreviation_heads():
        return 0 < len(proper) <= 2
    return anchored and bool(_ORDINAL.search(proper)) and len(proper) <= 6


def _place_part(last: DivisionMention, head: Head, proper: str) -> str:
    """The place in a canonical name: only the most specific division (杭州市西湖区教育局 → 西湖区教育局);
    for bodies and a county's bare school types, a name with its level (略阳职教中心 → 略阳县职教中心; 紫云县教育局
    and 克州政府 as written), its own form otherwise (镇巴中学, 西安理工大学; a province's or city's school as
    the school calls itself: 广东实验中学, 深圳实验学校)."""
    if head.type == "Government" or (not proper and head.bare_ok and last.division.level == "County"):
        return last.surface if _with_level(last) else last.division.name
    return last.surface


def _with_level(m: DivisionMention) -> bool:
    """True for a short name written with its level's character (紫云县, 黔南州, 克州)."""
    return m.short and len(m.surface) >= 2 and m.surface[-1] == m.division.name[-1] and m.surface[-1] in _LEVELS


def _places(chain: list[DivisionMention], head: Head, proper: str) -> str:
    """A university named by places alone keeps all of them (山西大同大学 is not 大同大学); a school named by a
    district's short name after its city keeps that name."""
    if head.type == "University" and not proper and len(chain) > 1:
        return "".join(m.surface for m in chain)
    if head.type == "School" and len(chain) > 1 and chain[-1].short and not _with_level(chain[-1]):
        return chain[-1].surface  # 上海市杨浦高级中学: a city's school named by its district, as it calls itself
    return _place_part(chain[-1], head, proper)


def _longest(mentions: list[OrgMention]) -> list[OrgMention]:
    """Keep the longest of overlapping mentions (中国人民大学附属中学 over 中国人民大学)."""
    kept: list[OrgMention] = []
    taken = Coverage(max((m.end for m in mentions), default=0))
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if not taken.touches(m.start, m.end):
            kept.append(m)
            taken.mark(m.start, m.end)
    return sorted(kept, key=lambda m: m.start)
