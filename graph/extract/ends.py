"""A document's relation ends: mentions of the types that help or are helped, pronouns and anaphors that
stand for them, and no division that only modifies a noun (西安名校, 都安高中, 兰州新区).

A university's college is an end of its own; relations.py lifts it to its university (college_owners).
"""
from __future__ import annotations

import re

from ..model import Document, Entity
from .clauses import END_TYPES, End, home_key
from .coreference import find_anaphors
from .entities import Found, division_key
from .lexicon import abbreviation_heads
from .spans import Coverage
from .words import first_word

# A division followed by these only modifies a group (西安名校, 西安7所名校): it is no relation end; people
# counted are not a group of bodies (略阳县30名校长, 20名师生)
_GROUP_AFTER = re.compile(r"[0-9一二三四五六七八九十两几多]*[所个家名]?(名校(?!长)|高校|学校|企业|地区|等地|新闻|市场|名师(?!生))"
                          r"|(高中|初中|[一二三四五六七八九十]中|中学|小学)"  # 都安高中: a school's short name
                          r"|[\u4e00-\u9fff]{2,4}[镇乡](中心)?(学校|小学|中学|完小)")  # X县人和镇中学: a school
_MEMBER_OF = ("旗下", "下属", "所属")
_PRONOUNS = re.compile(r"该县|我县|本县|该区|我区|该市|我市|该旗|我旗|本旗|(?<=[为对向给])全[县旗](?=[^，；。]{0,8}(教师|校长|园长|干部))")
_OWN_LEVEL = ("自治县", "自治州", "自治旗")
_PLACE_NOUNS = {"新区", "山区", "县城", "城区", "名校", "地区", "园区", "开发区", "高新区", "经开区", "片区"}


def relation_ends(doc: Document, found: Found, blocked: list[bool]) -> list[End]:
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
                                                 or _noun_follows(doc.text, e.end)) \
            or doc.text.startswith(_MEMBER_OF, e.end)  # X集团旗下的 Y 基金会: Y acts, X only owns it
        out.append(End(e.start, e.end, e.key, e.type, modifier))
    named = Coverage(len(doc.text), ((e.start, e.end) for e in ends))
    if found.home.county is not None:
        key = division_key(found.home.county.adcode)
        for m in _PRONOUNS.finditer(doc.text):
            if m.group()[-1] in "县区旗" and not named.touches(m.start(), m.end()):
                out.append(End(m.start(), m.end(), key, "County"))
    out += [End(a.start, a.end, a.key, a.type) for a in find_anaphors(doc.text, found.entities, found.mentions,
                                                                       home_key(found))
            if not named.touches(a.start, a.end)]
    return sorted(out, key=lambda e: (e.start, e.end))


def college_owners(entities: tuple[Entity, ...]) -> dict[str, tuple[str, str]]:
    """Map a part of a university (西北师范大学教育学院) to the university, which acts through it."""
    universities = [e for e in entities if e.type == "University"]
    return {e.key: (u.key, u.type) for e in entities if e.type == "Organization"
            for u in universities if e.name.startswith(u.name) and e.name != u.name}


def _noun_follows(text: str, pos: int) -> bool:
    """True when a place noun follows directly (兰州新区, 略阳山区, 西安名校): the division only modifies it."""
    if text.startswith(_OWN_LEVEL, pos):
        return False  # 镇宁自治县: a short name with its level names the division
    if text.startswith(tuple(abbreviation_heads()), pos):
        return True  # 青海民大, 陕西师大: a university's short name
    word = first_word(text, pos)
    return word is not None and (word[1] == "ns" or word[0] in _PLACE_NOUNS)
