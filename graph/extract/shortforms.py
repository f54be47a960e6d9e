"""Resolve an organisation's short forms to its full name in the same article.

Four general rules, no list of names:
  - numbered schools: 天津四中 is 天津市第四中学, 渭源一中 is 渭源县第一中学 (same place, same number);
  - abbreviated heads: 北师大 is 北京师范大学, 毕节职院 is 毕节职业技术学院 (the short name part's characters
    appear in order in the full one, and the heads correspond: seeds/lexicons/abbreviations.tsv);
  - a name part of a full name with a weak head: 黔丰集团 after 贵州黔丰农业科技集团有限公司;
  - a school's name without the place that begins its full name: 城南中学 after 永新县城南中学;
  - an enterprise's name part standing alone as a word: 华唐中科 after 北京华唐中科教育科技有限公司;
  - a short form the article notes after the full name: 长兴县职业技术教育中心学校（以下简称“长兴职教中心”）,
    中国人民大学附属中学（人大附中）.
A short form with no full name in the article stays its own entity.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .divisions import place_forms
from .gazetteer import load_gazetteer
from .lexicon import abbreviation_heads, generic_names
from .spans import Coverage
from .words import word_tag

if TYPE_CHECKING:
    from .organisations import OrgMention

_NUMBERED = re.compile(r"第?([一二三四五六七八九十]+)([中小])学?$")
_WEAK_SHORT = {"集团", "公司", "学校", "中学", "小学"}  # heads that follow a short name part (黔丰集团)
_BEFORE = set("，。；、：（）()“”「」 \n") | set("与和同向为对在到赴由及")


def _is_subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(ch in chars for ch in short)


def _place_and_core(m: OrgMention) -> tuple[str, str] | None:
    """Split a school's name into its place and a core that the short forms share (高新第一中学 → 高新一中)."""
    if m.type != "School":
        return None
    place, name = "", m.name
    if m.division is not None:
        level = m.division.name[-1:]  # 循化县 for 循化撒拉族自治县: the short form with the level's character
        forms = sorted({m.division.name, *m.division.short, *(f + level for f in m.division.short)},
                       key=len, reverse=True)
        for form in forms:
            if name.startswith(form):
                place, name = m.division.adcode, name[len(form):]
                break
        for form in forms:  # 阜平县阜平中学: the place named again inside the name
            if name.startswith(form) and len(name) > len(form) + 1:
                name = name[len(form):]
                break
    core = _NUMBERED.sub(lambda g: g.group(1) + g.group(2), name)
    return place, core


def _abbreviated(m: OrgMention, full: list[OrgMention]) -> OrgMention | None:
    """The full name an abbreviated institution stands for (北师大 → 北京师范大学), when the article has one."""
    for short_head, full_heads in abbreviation_heads().items():
        if not m.name.endswith(short_head):
            continue
        part = m.name[:-len(short_head)]
        found = [f for f in full for h in full_heads
                 if f.name.endswith(h) and _is_subsequence(part, f.name[:-len(h)])]
        first = [f for f in found if f.name[:1] == part[:1]]
        pick = first or found
        if len({f.name for f in pick}) == 1:
            return pick[0]
    return None


def resolve_short_forms(orgs: list[OrgMention]) -> list[OrgMention]:
    """Rename each short form to the full name the article also uses; keep the others as they are."""
    by_core: dict[tuple[str, str], list[OrgMention]] = {}
    for m in orgs:
        key = _place_and_core(m)
        if key is not None and key[0]:
            by_core.setdefault(key, []).append(m)
    longest = {key: max(ms, key=lambda m: (len(m.name), m.name)).name for key, ms in by_core.items()}
    shorts = set(abbreviation_heads())
    out, renamed = [], {}  # one look per distinct name: name-dense texts repeat their names
    placed = {}  # a short form takes the place of the full name it stands for, so both are keyed alike
    for m in orgs:
        placed.setdefault(m.name, m.division)
    for m in orgs:
        if m.name in renamed:
            name = renamed[m.name]
            out.append(m if name == m.name else replace(m, name=name, division=placed.get(name, m.division)))
            continue
        key = _place_and_core(m)
        name = longest.get(key, m.name) if key is not None and key[0] else m.name
        if any(m.name.endswith(h) for h in shorts):
            full = _abbreviated(m, [f for f in orgs if f.type == m.type and f is not m
                                    and not any(f.name.endswith(h) for h in shorts)])
            name = full.name if full is not None else name
        if name == m.name and m.type == "Enterprise":
            name = _part_of(m, orgs) or name
        if name == m.name and m.type in ("School", "Organization"):
            name = _placed_form(m, orgs) or name
        renamed[m.name] = name
        out.append(m if name == m.name else replace(m, name=name, division=placed.get(name, m.division)))
    return out


def _part_of(m: OrgMention, orgs: list[OrgMention]) -> str | None:
    """The one longer enterprise name holding this one's name part and head (秦川集团 in 陕西秦川…集团有限公司)."""
    head = next((h for h in _WEAK_SHORT if m.name.endswith(h)), None)
    part = m.name[:-len(head)] if head else ""
    owners = {f.name for f in orgs if f.type == m.type and len(f.name) > len(m.name) and len(part) >= 2
              and part in f.name and head in f.name}
    return owners.pop() if len(owners) == 1 else None


def _placed_form(m: OrgMention, orgs: list[OrgMention]) -> str | None:
    """The one school or body named as this one after a place (城南中学 in 永新县城南中学, 南山外国语学校 after
    深圳市, 明德慈善会 after 澳门)."""
    if len(m.name) < 4:
        return None
    owners = {f.name for f in orgs if f.type == m.type and len(f.name) > len(m.name) and f.name.endswith(m.name)
              and (_is_place(f.name[:-len(m.name)])
                   or f.division is not None and f.name[:-len(m.name)] in place_forms(f.division))}
    return owners.pop() if len(owners) == 1 else None


def _is_place(part: str) -> bool:
    """True for a division's name, or a place the dictionary knows that the gazetteer does not hold (澳门)."""
    return bool(load_gazetteer().lookup(part)) or word_tag(part) == "ns"


def short_forms(text: str, matches: list[re.Match], found: list[OrgMention], blocked: list[bool]) -> list[OrgMention]:
    """Return weak-head names the grammar left out that repeat part of a found name (黔丰集团), named as it."""
    names = [m for m in found if len(m.name) >= 6]
    out = []
    taken = Coverage(len(text), ((m.start, m.end) for m in found))
    for match in matches:
        head, (hs, he) = match.group(), match.span()
        if head not in _WEAK_SHORT or not names or taken.touches(hs, he):
            continue
        for n in (4, 3, 2):
            part = text[hs - n:hs] if hs >= n else ""
            if len(part) < n or any(blocked[hs - n:hs]) or part in generic_names() or word_tag(part) == "v":
                continue
            if hs - n > 0 and text[hs - n - 1] not in _BEFORE and not word_tag(text[hs - n - 2:hs - n]):
                continue  # the part must start where a word starts
            owner = [m for m in names if part in m.name and m.name != part + head and head in m.name
                     and m.type in ("Enterprise", "School", "Organization")]
            if len({m.name for m in owner}) == 1:
                out.append(replace(owner[0], start=hs - n, end=he, surface=text[hs - n:he]))
                break
    return out


_LEGAL = ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
_WORD_AFTER = {"v", "d", "p", "c", "vn", "ad", "u", "uj", "ul", "r"}


def _enterprise_core(name: str) -> str:
    """The name part of an enterprise: without the place it starts with and its legal form (信捷电气)."""
    for n in (3, 2):
        if len(name) > n + 4 and load_gazetteer().lookup(name[:n]):
            name = name[n:]
            break
    for legal in _LEGAL:
        if name.endswith(legal):
            return name[:-len(legal)]
    return ""


def enterprise_parts(text: str, found: list[OrgMention], blocked: list[bool]) -> list[OrgMention]:
    """Return uses of an enterprise's name part as a word of its own (信捷电气还向…), named as the enterprise.

    The part must start a word and be followed by a verb, adverb or preposition or by punctuation, so that a
    name built on it (信捷电气订单班) is not taken for the enterprise."""
    owners: dict[str, list[OrgMention]] = {}
    for m in found:
        core = _enterprise_core(m.name) if m.type == "Enterprise" else ""
        for n in range(len(core), 3, -1):  # 华研智能 of 华研智能科技: the part or its start, four characters or more
            owners.setdefault(core[:n], []).append(m)
        for short in _contractions(core):  # 恒岳精机 of 恒岳精密机械
            owners.setdefault(short, []).append(m)
    owners = {core: ms for core, ms in owners.items() if len({m.name for m in ms}) == 1}
    if not owners:
        return []
    out = []
    taken = Coverage(len(text), ((m.start, m.end) for m in found))
    pattern = re.compile("|".join(map(re.escape, sorted(owners, key=len, reverse=True))))
    for hit in pattern.finditer(text):  # one pass for all the article's enterprises, longest form first
        s, e = hit.span()
        if taken.touches(s, e) or any(blocked[s:e]) or s > 0 and text[s - 1] not in _BEFORE:
            continue
        after = text[e:e + 1]
        if after and "\u4e00" <= after <= "\u9fff" and word_tag(text[e:e + 2]) not in _WORD_AFTER \
                and word_tag(after) not in _WORD_AFTER:
            continue
        out.append(replace(owners[hit.group()][0], start=s, end=e, surface=hit.group()))
        taken.mark(s, e)
    return out


def _contractions(core: str) -> list[str]:
    """Four-character contractions of a name part of six or more: its first two characters (the brand) and
    the first character of two words after them, read as two-character words (恒岳|精密|机械 → 恒岳精机)."""
    rest = core[2:]
    if len(core) < 6 or len(rest) % 2:
        return []
    words = [rest[i:i + 2] for i in range(0, len(rest), 2)]
    return [core[:2] + a[0] + b[0] for a, b in zip(words, words[1:])]


# （以下简称“长兴职教中心”）, (简称"西理工"): the article's own short form for the name right before it
_NOTE = re.compile(r"[（(](?:以下)?简称[“\"「『]?([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[”\"」』]?[）)]")


_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[）)]")
# 喀什大学（时为喀什师范学院）, 某某中学（原名某某二中）: a former name of the body right before it
_FORMER = re.compile(r"[（(](?:原名?|时为|时称|前身为?|曾用名)[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,20}?)[”\"」]?[）)]")


def noted_short_forms(text: str, found: list[OrgMention], blocked: list[bool]) -> list[OrgMention]:
    """Name every use of a short form or former name the article notes right after a body's name as that
    body."""
    ends = {m.end: m for m in found}
    notes = {}
    for note in (*_NOTE.finditer(text), *_FORMER.finditer(text)):
        owner = ends.get(note.start())
        if owner is not None and note.group(1) != owner.name:
            notes[note.group(1)] = owner
    for note in _BRACKETED.finditer(text):  # 中国人民大学附属中学（人大附中）: its characters, in order
        owner, short = ends.get(note.start()), note.group(1)
        if owner is not None and len(short) < len(owner.name) and _is_subsequence(short, owner.name):
            notes[short] = owner
    if not notes:
        return found
    out = [m if m.surface not in notes or m is notes[m.surface]
           else replace(m, name=notes[m.surface].name, type=notes[m.surface].type,
                        division=notes[m.surface].division) for m in found]
    taken = Coverage(len(text), ((m.start, m.end) for m in out))
    for hit in re.finditer("|".join(map(re.escape, sorted(notes, key=len, reverse=True))), text):
        s, e = hit.span()
        if not taken.touches(s, e) and not any(blocked[s:e]):
            owner = notes[hit.group()]
            out.append(replace(owner, start=s, end=e, surface=hit.group()))
    return sorted(out, key=lambda m: m.start)


_UNIVERSITY = re.compile(r"[\u4e00-\u9fff]{2}大学")
_NUMERALS = set("一二三四五六七八九十两")  # 四大, 五大: a count, never a university


def university_short_forms(text: str, found: list[OrgMention], blocked: list[bool],
                           meta: str = "") -> list[OrgMention]:
    """Return uses of a place-named university's two-character short form, one character of its place and 大
    (川大 for 四川大学, 浙大 for 浙江大学), named as the university the article or its byline names."""
    from .organisations import OrgMention  # organisations imports this module
    fulls = {m.name: m for m in found if m.type == "University" and len(m.name) == 4 and m.name.endswith("大学")}
    for hit in _UNIVERSITY.finditer(meta):  # a byline or source line ingest keeps out of the text
        fulls.setdefault(hit.group(), OrgMention(0, 0, hit.group(), hit.group(), "University", None))
    owners: dict[str, list[OrgMention]] = {}
    for name, m in fulls.items():
        if _is_place(name[:2]):
            for ch in set(name[:2]) - _NUMERALS:
                owners.setdefault(ch + "大", []).append(m)
    owners = {short: ms for short, ms in owners.items() if len(ms) == 1}
    if not owners:
        return []
    out = []
    taken = Coverage(len(text), ((m.start, m.end) for m in found))
    for hit in re.finditer("(?:" + "|".join(owners) + ")(?!学)", text):  # one pass for the article's universities
        s, e = hit.span()
        if not taken.touches(s, e) and not any(blocked[s:e]):
            owner = owners[hit.group()][0]
            out.append(replace(owner, start=s, end=e, surface=hit.group()))
    return out
