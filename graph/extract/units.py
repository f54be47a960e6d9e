"""Bodies that belong to another: a university's colleges and departments (厦门大学人类学与民族学系), the schools
attached to it (西北师范大学附属临洮实验学校), an institute's stations in a place (…研究院沧源工作站), and a
group's company in a region (中国移动通信集团四川有限公司).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .words import tags, trim_name, word_tag

if TYPE_CHECKING:
    from .organisations import OrgMention

_PARENT_HEADS = ("大学", "学院", "研究院", "研究所", "中心", "师大")  # bodies whose units a place may name


def attached(text: str, found: list[OrgMention]) -> list[OrgMention]:
    """Join a body named by a place right after a university or institute to it: the place begins a unit of
    that parent (…基础教育研究院沧源工作站 is the institute's station, not a 沧源工作站 of its own)."""
    out: list[OrgMention] = []
    for m in found:
        parent = out[-1] if out else None
        if m.type != "Organization" or m.division is None or m.surface != text[m.start:m.end] \
                or not text.endswith(_PARENT_HEADS, 0, m.start):
            out.append(m)
        elif parent is not None and parent.end == m.start:
            out[-1] = replace(parent, end=m.end, surface=parent.surface + m.surface, name=parent.name + m.surface,
                              type="Organization")
        # else the parent went unread (基础教育研究院 after a university): the unit is dropped with it
    return out


def affiliated(text: str, found: list[OrgMention]) -> list[OrgMention]:
    """Join a school named right after a university and 附属 to it (西北师范大学附属临洮实验学校: the
    university's school in 临洮, not 临洮县实验学校), and name a later 附属临洮实验学校 as that school."""
    out: list[OrgMention] = []
    joined: dict[str, str] = {}  # 附属 + the school's own words → the full name
    for m in found:
        parent = out[-1] if out else None
        if m.type == "School" and parent is not None and parent.type == "University" \
                and text[parent.end:m.start] in _AFFILIATION:
            name = parent.name + text[parent.end:m.end]
            joined[text[parent.end:m.end]] = name
            out[-1] = replace(parent, end=m.end, surface=text[parent.start:m.end], name=name, type="School",
                              division=None)
        elif m.type == "School" and text[m.start - 2:m.start] in _AFFILIATION \
                and text[m.start - 2:m.end] in joined:
            out.append(replace(m, start=m.start - 2, surface=text[m.start - 2:m.end],
                               name=joined[text[m.start - 2:m.end]], division=None))
        else:
            out.append(m)
    return out


_AFFILIATION = ("附属", "附设")


# a college or department named right after its university: discipline words, two of them joined by 与/和/及
# (人类学与民族学系, 物理与电子信息学院), and a unit's head
_UNIT = re.compile(r"(?:[\u4e00-\u9fff]{1,6}[与和及])?[\u4e00-\u9fff]{1,8}?(?:学院|学系|研究院|研究所)")
_JOINERS = re.compile(r"[与和及]")
_UNIT_HEADS = ("学院", "系", "研究院", "研究所")  # not 附属医院: a hospital is its own body
_PROPER = {"ns", "nz", "nt", "j", "nr", "nrt"}


def units(text: str, found: list[OrgMention]) -> list[OrgMention]:
    """Add the colleges and departments named right after a university (厦门大学人类学与民族学系), and name a
    bare college of a field (音乐学院的师生) after the university named last before it, as its part."""
    out: list[OrgMention] = []
    last: OrgMention | None = None
    for m in found:
        if m.type == "University" and m.name.endswith("学院") and last is not None and _a_field(m):
            m = replace(m, name=last.name + m.name, type="Organization", division=last.division)
        out.append(m)
        if m.type == "University" and m.name.endswith("大学"):
            last = m
            unit = _unit_after(text, m.end)
            if unit:
                out.append(replace(m, end=m.end + len(unit), surface=text[m.start:m.end + len(unit)],
                                   name=m.name + unit, type="Organization"))
    return out


def _unit_after(text: str, end: int) -> str:
    """The unit's name that starts at end, made of plain words (no verb, no place), or ""."""
    match = _UNIT.match(text, end)
    if not match:
        return ""
    unit = match.group()
    field = unit[:-2] if unit.endswith(("学院", "学系")) else unit[:-3]
    parts = _JOINERS.split(field)
    if len(parts) > 2 or not all(p and trim_name(p)[0] == p and not any(f == "ns" for _w, f in tags(p))
                                 for p in parts):
        return ""
    return unit


def _a_field(m: OrgMention) -> bool:
    """True for a college named by a field alone (音乐学院), no place and no proper word in its name."""
    field = m.name[:-2]
    return m.division is None and m.surface == m.name and len(field) >= 2 and word_tag(field) not in _PROPER \
        and not field.startswith(_NATIONAL) and all(f not in _PROPER for _w, f in tags(field))


_NATIONAL = ("中央", "中国", "国家", "全国")  # 中央美术学院 is a college of its own


def parent_universities(found: list[OrgMention]) -> list[OrgMention]:
    """The university a unit is named with (东北农业大学食品学院), as a mention of its own when the article
    names it nowhere else."""
    named = {m.name for m in found if m.type == "University"}
    out = []
    for m in found:
        cut = m.name.find("大学") + 2
        if m.type == "Organization" and 2 < cut < len(m.name) and m.surface.startswith(m.name[:cut]) \
                and m.name.endswith(_UNIT_HEADS) \
                and m.name[:cut] not in named:
            named.add(m.name[:cut])
            out.append(replace(m, end=m.start + cut, surface=m.surface[:cut], name=m.name[:cut], type="University"))
    return out


def branches(found: list[OrgMention]) -> list[OrgMention]:
    """Join a company named by a region right after its group to it (中国移动通信集团|四川有限公司): the region
    begins the branch's name, it names no company of its own."""
    out: list[OrgMention] = []
    for m in found:
        group = out[-1] if out else None
        if group is not None and group.type == m.type == "Enterprise" and group.end == m.start \
                and m.division is not None and group.name.endswith(("集团", "公司")):
            out[-1] = replace(group, end=m.end, surface=group.surface + m.surface, name=group.name + m.surface)
        else:
            out.append(m)
    return out
