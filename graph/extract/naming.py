"""The name and the key of a body in an article: its place split from the rest (紫云县|教育局), the contractions
that join a full and a short form (教育和体育局 → 教体局), one name per place and body in an article, and the
key that is the same in every article whichever form each writes.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .divisions import place_forms_of
from .lexicon import heads

if TYPE_CHECKING:
    from .organisations import OrgMention

# Contractions that official names take in running text: a body keeps the form its article writes in full
# (古丈县教育和体育局), and is keyed by the contracted one, so that 古丈县教体局 in the same or another article
# is the same body. A county's vocational centre is often officially a 职业技术教育中心学校.
_ABBREVIATIONS = (("教育和体育局", "教体局"), ("教育体育局", "教体局"), ("职业技术教育中心学校", "职教中心"),
                  ("职业教育中心学校", "职教中心"), ("职教中心学校", "职教中心"), ("职业技术教育中心", "职教中心"),
                  ("职业教育中心", "职教中心"), ("教育研究室", "教研室"),
                  ("教育委员会", "教委"), ("人民政府", "政府"), ("高级中学", "高中"),
                  ("人力资源和社会保障局", "人社局"), ("人力资源和社会保障厅", "人社厅"),
                  ("教育和科学技术局", "教科局"), ("教育科学技术局", "教科局"), ("教育和科技局", "教科局"),
                  ("教育科技局", "教科局"), ("教育科技体育局", "教科体局"), ("中心学校", "中心校"))


@lru_cache(maxsize=8192)
def canonical(name: str) -> str:
    """The contracted form of a body's name (教育和体育局 → 教体局), the same whichever form is written."""
    for long, short in _ABBREVIATIONS:
        name = name.replace(long, short)
    return name


def one_name_per_place(found: list[OrgMention]) -> list[OrgMention]:
    """Give a body named once with its place in full and once short (紫云苗族布依族自治县教育局, 紫云县教育局;
    长兴县职业技术教育中心学校, 长兴职教中心) one name: the place as its first mention writes it, and the body's
    name in its longest, uncontracted form."""
    first: dict[tuple, str] = {}
    longest: dict[tuple, str] = {}
    keys = []
    for m in found:
        split = place_and_rest(m)
        key = (m.type, m.division.adcode, canonical(split[1])) if split else None
        keys.append(key)
        if key is not None:
            first.setdefault(key, split[0])
            if len(split[1]) > len(longest.get(key, "")):
                longest[key] = split[1]
    out = []
    for m, key in zip(found, keys):
        name = first[key] + longest[key] if key is not None else m.name
        out.append(m if name == m.name else replace(m, name=name))
    return out


def place_and_rest(m: OrgMention) -> tuple[str, str] | None:
    """Split a placed body's name into the place as written (紫云县, 长兴) and the rest (教育局), or None."""
    div = m.division
    if div is None:
        return None
    # a county's bodies are written with its bare short name (长兴职教中心); a city's name begins those of
    # universities and their schools (北京师范大学, 南京师范大学附属中学), not of the city's own bodies
    return _split_place(m.name, div.adcode, m.type in ("School", "Government") and div.level == "County")


@lru_cache(maxsize=8192)
def _split_place(name: str, adcode: str, bare: bool) -> tuple[str, str] | None:
    place = next((f for f in place_forms_of(adcode, bare) if name.startswith(f) and len(name) > len(f)), None)
    return (place, name[len(place):]) if place else None


def _place_key(m: OrgMention) -> tuple | None:
    split = place_and_rest(m)
    return (m.type, m.division.adcode, canonical(split[1])) if split else None


def full_name(m: OrgMention) -> str:
    """The body's name with its place written in full and contracted, the same in every article whichever
    form each uses (紫云县教体局 and 紫云苗族布依族自治县教育和体育局 → 紫云苗族布依族自治县教体局): what keys it
    across documents."""
    key = _place_key(m)
    return m.division.name + key[2] if key is not None else canonical(m.name)


def bare_township_schools(found: list[OrgMention]) -> list[OrgMention]:
    """Name a school called by a bare level and head (送到乡中心小学去) as the article's one school of a
    township with that head (方祥乡中心小学); with none, or several, it names nothing. So is a school called
    by its township and head alone (古丈县默戎镇希望小学) when the article names one such school with its own
    name between them (默戎镇明德希望小学)."""
    by_town: dict[str, set[str]] = {}  # 默戎镇 → the schools whose names begin with it
    for f in found:
        if f.type == "School":
            for i, ch in enumerate(f.name[1:], 1):
                if ch in "乡镇":
                    by_town.setdefault(f.name[:i + 1], set()).add(f.name)
    out = []
    for m in found:
        if m.name[:1] in "乡镇" and m.name[1:] in heads():
            owners = {f.name for f in found if f is not m and f.type == m.type and f.name.endswith(m.name)
                      and len(f.name) > len(m.name) + 1}
            if len(owners) == 1:
                out.append(replace(m, name=owners.pop()))
            continue
        named = _named_in_township(m, by_town) if m.type == "School" else None
        out.append(replace(m, name=named) if named else m)
    return out


def _named_in_township(m: OrgMention, by_town: dict[str, set[str]]) -> str | None:
    split = place_and_rest(m)
    rest = split[1] if split else m.name
    level = max(rest.find("镇"), rest.find("乡"))
    town, head = rest[:level + 1], rest[level + 1:]
    if level < 1 or head not in heads():
        return None
    owners = {name for name in by_town.get(town, ()) if name.endswith(head) and len(name) > len(town) + len(head)
              and not _ORDINAL_START.match(name[len(town):])}
    return owners.pop() if len(owners) == 1 else None


_ORDINAL_START = re.compile(r"第|[0-9一二三四五六七八九十]")  # 某镇第二中心小学 is another school
