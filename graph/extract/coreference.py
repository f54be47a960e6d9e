"""Resolve the words that stand for a body named elsewhere in the article, so relations can use them.

  该校 → the school or university named last before it; 该公司/该企业 → the enterprise named last before it;
  我校/本校, and a clause that opens with a bare 学校 in an article that speaks as 我校 or whose title names
  a university → the article's own school (the first school or university it names);
  a bare 学校 right after a preposition (还向学校捐赠, 派出工程师到学校) → the school named last before it;
  a clause that opens with a bare 公司/企业/集团 → the enterprise named last before it, else the article's one;
  a team that opens a clause (送教团队还向…捐赠) → the article's own school, else the body named right before
  an earlier mention of that team (X送教团队一行…);
  该学院/该基金会/该慈善会/该联盟/该协会, and a clause that opens with the bare noun → the body named last before it
  whose name ends with that noun (湖南第一师范学院…。学院分三批…);
  当地 → the article's home county.
双方 and 两校 name two bodies at once and are left alone.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..model import Entity, Mention

_SCHOOLS = ("School", "University")
_THIS = re.compile(r"该校|(?:该|这|此)所(?:学校|小学|中学|幼儿园)")
_THIS_COMPANY = re.compile(r"该(公司|企业|集团)")
_OURS = re.compile(r"我校|本校")
# a bare noun as the subject of its clause: after a break, before an adverb, a preposition or a verb of sending
_BARE = re.compile(r"(?:^|(?<=[，。；：！？\n]))(学校|公司|企业|集团)"
                   r"(?=还|将|也|已|累计|共|先后|持续|长期|每年|自|向|为|与|给|选派|派出|组织|依托|发挥|再|分|对|在|"
                   r"今后|近年来|又|承担|牵头|投入|出资|拨款|第[一二三四五六七八九十\d])")
# 还向学校捐赠, 为学校设立: the object of a preposition, not the subject of a clause
_BARE_OBJECT = re.compile(r"(?<=[向为给到赴])学校")
_TEAM = re.compile(r"(送教|支教|援教|帮扶|专家|讲师|志愿服务?)(团队|团|小分队)(?!的|成员)")
_LOCAL = re.compile(r"(?<=[为给到赴在])当地")
# a head noun standing for the body named last whose name ends with it: 该学院, or 学院 opening a clause
_HEAD_NOUN = re.compile(r"(?:该|(?:^|(?<=[，。；：！？\n])))(学院|基金会|慈善会|联盟|协会)(?=[^的之和与、])")


@dataclass(frozen=True)
class Anaphor:
    start: int
    end: int
    key: str
    type: str


def find_anaphors(text: str, entities: tuple[Entity, ...], mentions: tuple[Mention, ...],
                  home_key: str | None) -> list[Anaphor]:
    """Return the anaphors of text that resolve to one of the article's entities."""
    types = {e.key: e.type for e in entities}
    schools = [m for m in mentions if types.get(m.key) in _SCHOOLS]
    starts = [m.start for m in schools]
    title_end = text.find("\n")
    titled = schools and types[schools[0].key] == "University" and schools[0].start < title_end
    own = schools[0] if schools and (_OURS.search(text) or titled) else None
    enterprises = {e.key for e in entities if e.type == "Enterprise"}
    out: list[Anaphor] = []
    for m in _THIS.finditer(text):
        i = bisect_left(starts, m.start())
        if i:
            out.append(Anaphor(m.start(), m.end(), schools[i - 1].key, types[schools[i - 1].key]))
    companies = [m for m in mentions if types.get(m.key) == "Enterprise"]
    for m in _THIS_COMPANY.finditer(text):
        i = bisect_left([c.start for c in companies], m.start())
        if i:
            out.append(Anaphor(m.start(), m.end(), companies[i - 1].key, "Enterprise"))
    if own is not None:
        for m in _OURS.finditer(text):
            out.append(Anaphor(m.start(), m.end(), own.key, types[own.key]))
    company_starts = [c.start for c in companies]
    for m in _BARE.finditer(text):
        if m.group(1) == "学校" and own is not None:
            out.append(Anaphor(m.start(1), m.end(1), own.key, types[own.key]))
        elif m.group(1) != "学校":
            i = bisect_left(company_starts, m.start())
            key = companies[i - 1].key if i else next(iter(enterprises)) if len(enterprises) == 1 else None
            if key is not None:
                out.append(Anaphor(m.start(1), m.end(1), key, "Enterprise"))
    for m in _BARE_OBJECT.finditer(text):
        i = bisect_left(starts, m.start())
        if i:
            out.append(Anaphor(m.start(), m.end(), schools[i - 1].key, types[schools[i - 1].key]))
    out += _teams(text, mentions, types, own)
    names = {e.key: e.name for e in entities}
    for m in _HEAD_NOUN.finditer(text):
        named = [n for n in mentions if n.end <= m.start() and names.get(n.key, "").endswith(m.group(1))
                 and n.end - n.start > len(m.group(1))]
        if named:
            out.append(Anaphor(m.start(), m.end(), named[-1].key, types[named[-1].key]))
    if home_key is not None:
        out.extend(Anaphor(m.start(), m.end(), home_key, "County") for m in _LOCAL.finditer(text))
    return out


_BODIES = {"School", "University", "Government", "Organization", "Enterprise"}


def _teams(text: str, mentions: tuple[Mention, ...], types: dict[str, str], own: Mention | None) -> list[Anaphor]:
    """送教团队 opening a clause: the team of the article's own school, else of the body named right before an
    earlier mention of the same team (西安市第一中学送教团队一行12人…。送教团队还…)."""
    if "团" not in text:
        return []
    ends = {m.end: m for m in mentions if types.get(m.key) in _BODIES}
    owners: dict[str, Mention] = {}
    out = []
    for m in _TEAM.finditer(text):
        body = ends.get(m.start())
        if body is not None:
            owners[m.group()] = body
        elif (m.start() == 0 or text[m.start() - 1] in "，。；：！？\n") and (own or owners.get(m.group())):
            team = own or owners[m.group()]
            out.append(Anaphor(m.start(), m.end(), team.key, types[team.key]))
    return out
