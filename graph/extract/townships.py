"""Recognise townships (X镇, X乡, X街道) by grammar, and the villages (X村, X社区) named right after one.

The gazetteer stops at counties, so a township is read from its suffix and the few characters before it:
the name ends at a function word, a punctuation mark or a county named before it (宕昌县哈达铺镇). Its key is
scoped by that county, or by the article's home county, so 城关镇 in two counties stays two places.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .divisions import DivisionMention, Home
from .gazetteer import Division
from .lexicon import generic_names, name_stops
from .spans import Coverage
from .words import is_rare, tags, trim_name, word_tag

_SUFFIX = re.compile(r"街道|镇|乡")
_VILLAGE = re.compile(r"([\u4e00-\u9fff]{1,4}?)(社区|村)")
_LONGEST = 4  # characters of name before the suffix
_NOT_FIRST = set("各全该本每某等个所")  # 各乡镇, 该镇: a determiner names no township
_NOT_NAME = re.compile(r"^一|[0-9个带促]")  # 一个镇, 以城带乡: a count or a slogan, not a name
_FUNCTION = set("的了在和与及或为对向到从把被将是也都就")
# Common words that end in a township suffix: 送教下乡, 城乡学校, 特色小镇 name no township.
_WORDS = {"下乡", "城乡", "家乡", "故乡", "老乡", "回乡", "返乡", "还乡", "同乡", "他乡", "异乡", "外乡", "水乡",
          "梦乡", "本乡", "城镇", "小镇", "集镇", "乡镇", "重镇", "古镇", "市镇", "村镇", "坐镇", "名镇"}


@dataclass(frozen=True)
class TownMention:
    start: int
    end: int
    surface: str
    type: str  # Township | Village
    county: Division | None  # the county the name is scoped by


def town_key(m: TownMention) -> str:
    scope = m.county.adcode if m.county is not None else "?"
    return f"{m.type}:{scope}:{m.surface}"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _name_before(text: str, pos: int, div_end: dict[int, DivisionMention],
                 blocked: list[bool]) -> tuple[int, DivisionMention | None]:
    """Walk left from a suffix at pos to where the township's name starts; return it and any county prefix."""
    stops, start = name_stops(), pos
    while start > 0 and pos - start < _LONGEST:
        if start in div_end and start != pos:
            return start, div_end[start]
        ch = text[start - 1]
        if blocked[start - 1] or not _is_cjk(ch) or ch in stops or text[start - 2:start] in stops:
            break
        start -= 1
    return start, div_end.get(start) if start != pos else None


def _stop_opens(text: str, pos: int, end: int, blocked: list[bool]) -> bool:
    """True when the one stop character at pos opens a township's name (都 of 都阳镇): it makes no word with
    the character after it."""
    return pos >= 0 and _is_cjk(text[pos]) and text[pos] in name_stops() and not blocked[pos] \
        and not word_tag(text[pos:end]) and not word_tag(text[pos:end + 1])


def _at_boundary(text: str, pos: int, blocked: list[bool]) -> bool:
    """True when the walk left would have stopped at pos anyway: a stop word, punctuation or the start ends there."""
    stops = name_stops()
    return pos == 0 or blocked[pos - 1] or not _is_cjk(text[pos - 1]) or text[pos - 1] in stops \
        or text[pos - 2:pos] in stops


def _county_before(text: str, pos: int, div_end: dict[int, DivisionMention],
                   blocked: list[bool]) -> DivisionMention | None:
    """The county named right before a township's name of two to four characters that opens with no
    function word, whatever stop characters the name holds (人和镇, 其塔木镇)."""
    for start in range(pos - 2, max(pos - _LONGEST, 0) - 1, -1):
        county = div_end.get(start)
        if county is not None and county.division.level == "County":
            part = text[start:pos]
            ok = all(map(_is_cjk, part)) and part[0] not in _FUNCTION and not any(blocked[start:pos]) \
                and trim_name(part, anchored=True)[0] == part  # not 县组织乡…: no verb in it
            return county if ok else None
    return None


def find_townships(text: str, divisions: list[DivisionMention], home: Home,
                   blocked: list[bool]) -> list[TownMention]:
    """Return township mentions and the villages named right after a township."""
    div_end = {m.end: m for m in divisions if m.division is not None}
    covered = Coverage(len(text), ((m.start, m.end) for m in divisions))
    out: list[TownMention] = []
    anchored: dict[str, Division | None] = {}  # names read right after their county, whole
    for match in _SUFFIX.finditer(text):
        ss, se = match.span()
        if (se - ss == 1 and word_tag(text[ss:ss + 2])) or text[ss - 1:se] in _WORDS:
            continue  # 乡村, 乡镇, 下乡, 城镇, 家乡: words, not a township's suffix
        county = _county_before(text, ss, div_end, blocked)
        if county is not None:  # 九台区其塔木镇, 民权县人和镇: right after its county, stops are the name's
            start = county.end
            kept = text[start:ss]
        else:
            start, county = _name_before(text, ss, div_end, blocked)
            # 都阳镇: a name is two characters or more, so the stop before one is its own
            opens = ss - start == 1 and county is None and _stop_opens(text, start - 1, ss, blocked)
            if county is None and ss - start == _LONGEST:
                # 来到|白音察干镇: after a stop only a common word (在|县城|勐朗镇) opens the window, not a rare one
                start = _window_start(text, start, ss, _at_boundary(text, start, blocked))
            if county is None and covered.touches(ss, ss + 1):  # a suffix inside a county's name: 镇巴县
                continue
            if opens:
                start, kept = start - 1, text[start - 1:ss]
            else:
                kept, _proper = trim_name(text[start:ss], anchored=True)
                start = ss - len(kept)
                if _FUNCTION & set(kept):
                    continue
        if len(kept) < 2 or kept[0] in _NOT_FIRST or _NOT_NAME.search(kept) or kept in generic_names() \
                or (kept + match.group()) in _WORDS or any(blocked[start:se]):
            continue
        scope = county.division if county is not None and county.division.level == "County" else home.county
        if county is not None and start != county.end:
            scope = home.county  # the county named earlier was not this township's prefix
        town = TownMention(start, se, text[start:se], "Township", scope)
        if county is not None and start == county.end:
            anchored[town.surface] = scope
        out.append(town)
        village = _VILLAGE.match(text, se)
        if village and not word_tag(village.group()) and village.group()[0] not in _FUNCTION \
                and not any(blocked[village.start():village.end()]):
            out.append(TownMention(village.start(), village.end(), village.group(), "Village", scope))
    return _as_named_alone(_as_first_named(text, out, anchored), anchored)


def _as_named_alone(towns: list[TownMention], anchored: dict[str, Division | None]) -> list[TownMention]:
    """Cut a word off a township read with it (新建|纳浪镇, the dictionary's place 新建) when the article also
    names the township without it and never names the longer one after its county."""
    names = {t.surface for t in towns if t.type == "Township"}
    out = []
    for t in towns:
        for n in (2, 1):
            rest = t.surface[n:]
            if t.type == "Township" and t.surface not in anchored and len(rest) >= 3 and rest in names \
                    and word_tag(t.surface[:n]):
                t = TownMention(t.start + n, t.end, rest, t.type, t.county)
                break
        out.append(t)
    return out


def _as_first_named(text: str, towns: list[TownMention], named: dict[str, Division | None]) -> list[TownMention]:
    """Extend a township read without its first character (塔木镇) to the name the article gave it after
    its county (九台区其塔木镇), when the text holds that character before it."""
    out = []
    for t in towns:
        for n in (1, 2):
            whole = text[t.start - n:t.end] if t.start >= n else ""
            if whole in named and t.surface not in named:
                t = TownMention(t.start - n, t.end, whole, t.type, named[whole])
                break
        out.append(t)
    return out


_LEADING_WORD = {"v", "vn", "n", "d", "ad", "p", "vd", "a"}


def _window_start(text: str, start: int, end: int, bounded: bool = False) -> int:
    """Where a township's name starts when the walk left stopped at its length limit, not at a boundary:
    after a word that runs in from before it (关注|白水江镇), else after a common two-character word that
    opens it (资助|金家河镇): a name of four characters seldom opens with a verb or a plain noun."""
    pos = max(0, start - 2)
    for word, _flag in tags(text[pos:end]):
        if pos >= start:
            break
        pos += len(word)
    if pos > start:
        return pos
    first = tags(text[start:end])[0]
    if len(first[0]) == 2 and first[1] in _LEADING_WORD and end - start - 2 >= 2 \
            and not (bounded and is_rare(first[0])):
        return start + 2
    return start
