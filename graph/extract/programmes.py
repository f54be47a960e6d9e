"""Recognise named programmes: quoted names with a programme head noun (“三名+”工程), quoted numbered slogans
(“三通两平台”, “八个一批”), and the national programmes that articles name without quotes (特岗计划)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import programmes
from .words import word_tag

_HEADS = ("工程", "计划", "行动", "项目", "模式", "建设", "政策", "改革", "活动")
_QUOTED = re.compile(r"[“「\"]([^“”「」\"\n。，；]{1,14})[”」\"](" + "|".join(_HEADS) + ")?")
_NAMED_BY_HEAD = ("工程", "计划", "行动")  # “铸魂”工程 is 铸魂工程; “双减”政策 is 双减
_NUMBER = "一二三四五六七八九十两双百千万0123456789"
# The one-character names of provinces; two of them before 协作 name an east–west pairing (闽宁协作, 沪滇协作).
_PROVINCE_CHARS = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台"
_PAIRING = re.compile(rf"([{_PROVINCE_CHARS}])([{_PROVINCE_CHARS}])(?:对口)?(?:扶贫)?协作")
_SCHOOLING = ("中高职", "中职", "高职", "中本", "学制", "分段", "贯通", "五年一贯")
_SLOGAN = re.compile(rf"^[{_NUMBER}][^{_NUMBER}]{{1,3}}[{_NUMBER}][^{_NUMBER}]{{1,3}}$")


@dataclass(frozen=True)
class ProgrammeMention:
    start: int
    end: int
    surface: str
    name: str


@cache
def _listed() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, programmes()), key=len, reverse=True)))


def _is_slogan(name: str) -> bool:
    """A numbered slogan such as 三通两平台, 两免一补 or 八个一批, not 一对一 or 一生一策."""
    return bool(_SLOGAN.match(name)) and not (name[0] == "一" and "一" in name[1:]) or "+" in name and len(name) <= 6


@cache
def _by_first_char() -> dict[str, tuple[str, ...]]:
    """The listed programme names by their first character: most quoted words start none."""
    out: dict[str, list[str]] = {}
    for form in programmes():
        out.setdefault(form[0], []).append(form)
    return {ch: tuple(forms) for ch, forms in out.items()}


def _quoted_start(text: str, end: int, inner: str) -> str | None:
    """The longest listed programme whose name starts with the quoted words and goes on after the closing
    quote (“三区”人才支持计划教师专项计划), or None."""
    forms = [f for f in _by_first_char().get(inner[0], ()) if len(f) > len(inner) and f.startswith(inner)
             and text.startswith(f[len(inner):], end)]
    return max(forms, key=len) if forms else None


def find_programmes(text: str, blocked: list[bool]) -> list[ProgrammeMention]:
    """Return programme mentions; the canonical name drops the quotes and keeps the head noun's concept."""
    found: dict[int, ProgrammeMention] = {}
    for match in _QUOTED.finditer(text):
        inner, head = match.group(1).strip(), match.group(2)
        if any(blocked[match.start():match.end()]) or not inner:
            continue
        if "、" in inner and min(len(part) for part in inner.split("、")) < 2:
            continue  # “督、研、创”: a list of single-character slogans
        # “优秀教师乡村支教计划”: the head inside the quotes; “四大工程” counts programmes, it names none
        named = len(inner) >= 4 and inner.endswith(_NAMED_BY_HEAD) and inner[0] not in _NUMBER
        if not head and text.startswith(_SCHOOLING, match.end()):
            continue  # “3+2”中高职一体化班: years of schooling in two stages, a format and not a programme
        if head or named or _is_slogan(inner):
            name = programmes().get(inner) or (inner + head if head in _NAMED_BY_HEAD else inner)
            found[match.start()] = ProgrammeMention(match.start(), match.end(), match.group(), name)
        else:
            listed = _quoted_start(text, match.end(), inner)
            if listed:
                end = match.end() + len(listed) - len(inner)
                found[match.start()] = ProgrammeMention(match.start(), end, text[match.start():end],
                                                        programmes()[listed])
    for match in _PAIRING.finditer(text):
        first, second, s = match.group(1), match.group(2), match.start()
        if first != second and not any(blocked[s:match.end()]) and not (s and word_tag(text[s - 1:s + 1])) \
                and not any(match.start() < m.end and m.start < match.end() for m in found.values()):
            found[match.start()] = ProgrammeMention(match.start(), match.end(), match.group(), first + second + "协作")
    for match in _listed().finditer(text):
        if not any(match.start() < m.end and m.start < match.end() for m in found.values()):
            found[match.start()] = ProgrammeMention(match.start(), match.end(), match.group(),
                                                    programmes()[match.group()])
    return [found[k] for k in sorted(found)]
