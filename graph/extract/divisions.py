"""Find administrative divisions with one dictionary scan, then resolve short names by the document's context."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from .gazetteer import Division, Gazetteer, load_gazetteer
from .lexicon import heads
from .words import word_tag


_SUFFIXES = {"County": "县市区旗", "Prefecture": "市州盟", "Province": "省"}


@dataclass(frozen=True)
class DivisionMention:
    start: int
    end: int
    surface: str
    division: Division | None  # None: the form is known but could not be assigned (flagged)
    short: bool


@dataclass(frozen=True)
class Home:
    """The divisions a document is about: what 县, 市 and 省 mean when an article writes them bare."""

    county: Division | None = None
    prefecture: Division | None = None
    province: Division | None = None

    def for_prefix(self, prefix: str) -> Division | None:
        return {"县": self.county, "区": self.county, "市": self.prefecture, "州": self.prefecture,
                "省": self.province}.get(prefix)


@cache
def _automaton() -> ahocorasick.Automaton:
    """Build the scanner of every full, short and former name once per process."""
    gaz = load_gazetteer()
    forms: dict[str, bool] = {}  # form -> True unless it is the full name of a current division
    for form, adcode, _is_short in gaz.names():
        if len(form) >= 2:
            division = gaz.get(adcode)
            full = division is not None and division.current and division.name == form
            forms[form] = forms.get(form, True) and not full
    automaton = ahocorasick.Automaton()
    for form, is_short in forms.items():
        automaton.add_word(form, (form, is_short))
    automaton.make_automaton()
    return automaton


def scan(text: str) -> list[tuple[int, int, str, bool]]:
    """Return the leftmost-longest, non-overlapping division names in text as (start, end, form, is_short);
    is_short is True for every form but a current division's full name (short and former names)."""
    found = []
    for end, (form, is_short) in _automaton().iter_long(text):
        found.append((end - len(form) + 1, end + 1, form, is_short))
    return found


def _with_ancestors(gaz: Gazetteer, codes) -> list[str]:
    out = []
    for code in codes:
        out.append(code)
        out.extend(d.adcode for d in gaz.ancestors(code))
    return out


class _Memo:
    """The gazetteer with resolve() remembered for one document (its forms repeat, its context is fixed)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz, self.memo = gaz, {}

    def resolve(self, form: str, context=()) -> Division | None:
        key = (form, tuple(context))
        if key not in self.memo:
            self.memo[key] = self.gaz.resolve(form, context)
        return self.memo[key]

    def __getattr__(self, name):
        return getattr(self.gaz, name)


def find_divisions(text: str, gaz: Gazetteer | None = None) -> list[DivisionMention]:
    """Scan text for divisions; full names anchor the context that short names are resolved in."""
    gaz = gaz or _Memo(load_gazetteer())
    hits = scan(text)
    # deduplicated at once: a long text repeats its places, and every resolve below scans the anchors
    anchors = list(dict.fromkeys(d.adcode for _s, _e, form, short in hits if not short
                                 for d in [gaz.resolve(form)] if d is not None))
    # short names of provinces and prefectures (大理州, 汉中) anchor the county short names beside them;
    # not one right after another place, which begins a body's own name (青岛嘉峪关学校 says nothing of 甘肃)
    ends = {e for _s, e, _form, _short in hits}
    anchors += [d.adcode for s, e, form, short in hits if short and not _cuts_a_word(text, s, e, ends)
                and not (s in ends and _head_follows(text, e))
                for d in [gaz.resolve(form, anchors)] if d is not None and d.level != "County"]
    anchors = list(dict.fromkeys(anchors))
    context = _with_ancestors(gaz, anchors)
    near = set(context)
    by_short = _anchor_shorts(gaz, anchors)
    out = []
    for s, e, form, short in hits:
        if short and _cuts_a_word(text, s, e, ends) and not _head_follows(text, e) \
                or short and text.startswith("校区", e):
            continue  # 赛罕校区: a campus named after its district
        # a short name with a level suffix that the article's own division bears (东乡县 beside
        # 东乡族自治县) is that division, not another place that once had the name
        division = by_short.get(form[:-1]) if short and form[-1:] in "县区市州旗" else None
        # the anchors themselves first (鼓楼区 beside 南京市), then their ancestors (西乡 beside 略阳县)
        division = division or gaz.resolve(form, anchors) or gaz.resolve(form, context)
        suffixed = division is not None and short and e < len(text) and text[e] in _SUFFIXES.get(division.level, "")
        # a short name written with its level (紫云县, 资源县) names the county wherever the article is
        if division is not None and short and division.level == "County" and not suffixed \
                and not _near(gaz, division, near):
            province = gaz.province_of(division.adcode)
            if word_tag(form) not in (None, "ns") or (near and province and province.adcode not in near):
                # a county short name that is also a word (资源, 惠民), or that lies in another province
                # than the article's places (长岭 in a Zhenba report is a township), names no county here
                division = None
        if suffixed:
            e, form = e + 1, form + text[e]  # 南涧县, 黔东南州: a short name with its level's suffix
        elif division is not None and short and text.startswith(_autonomous(division), e):
            e, form = e + 3, form + text[e:e + 3]  # 镇宁自治县: a short name with its autonomous level
        out.append(DivisionMention(s, e, form, division, short))
    return out


def place_forms(division: Division, bare: bool = True) -> tuple[str, ...]:
    """The forms a body's name may begin with to place it in the division, longest first: 镇宁布依族苗族自治县,
    镇宁自治县, 镇宁县 and (when bare) 镇宁."""
    return place_forms_of(division.adcode, bare)


@lru_cache(maxsize=4096)
def place_forms_of(adcode: str, bare: bool = True) -> tuple[str, ...]:
    """place_forms of the division with this adcode."""
    division = load_gazetteer().get(adcode)
    level = _autonomous(division)
    forms = {division.name, *(s + division.name[-1] for s in division.short),
             *(s + level for s in division.short if level != "\0"), *(division.short if bare else ())}
    return tuple(sorted(forms, key=len, reverse=True))


def _autonomous(division: Division) -> str:
    """The autonomous level a division's name ends with (自治县, 自治州, 自治旗), or a string no text holds."""
    return division.name[-3:] if division.name[-3:-1] == "自治" else "\0"


def _anchor_shorts(gaz: Gazetteer, anchors: list[str]) -> dict[str, Division]:
    """Map the short names of the document's anchor divisions to them."""
    out: dict[str, Division] = {}
    for code in anchors:
        division = gaz.get(code)
        for short in division.short if division is not None and division.current else ():
            out.setdefault(short, division)
    return out


def _head_follows(text: str, end: int) -> bool:
    """True when an organisation's head noun follows (商洛学院: 洛学 is a word, yet 商洛 names the place)."""
    return any(text.startswith(head, end) for head in heads() if len(head) >= 2)


def _near(gaz: Gazetteer, division: Division, context: set[str]) -> bool:
    """True when the division or its prefecture is among the document's anchors and their ancestors."""
    prefecture = gaz.prefecture_of(division.adcode)
    return division.adcode in context or (prefecture is not None and prefecture.adcode in context)


def _cuts_a_word(text: str, start: int, end: int, ends=()) -> bool:
    """True when a short name's edge splits a dictionary word (每周至少: 周至 cuts 至少); a level suffix
    after it is the name's own, whatever word it makes with the last character (紫云县: 云县), and so is
    the end of a place named right before it (安顺市镇宁: 市镇)."""
    return bool(start > 0 and start not in ends and word_tag(text[start - 1:start + 1])) or bool(
        end < len(text) and text[end] not in _LEVEL_SUFFIXES and word_tag(text[end - 1:end + 1]))


_LEVEL_SUFFIXES = set("县市区州旗盟")


def find_home(mentions: list[DivisionMention], gaz: Gazetteer | None = None, hint: str = "",
              title_end: int = 0) -> Home:
    """Pick the county (else prefecture, else province) a document is mostly about: of the counties named
    before title_end, if any (a county bureau's report names its county there, then mostly its partner's)."""
    gaz = gaz or load_gazetteer()
    counts = Counter(m.division.adcode for m in mentions if m.division is not None)
    by_level: dict[str, list[tuple[int, str]]] = {}
    for code, n in counts.items():
        by_level.setdefault(gaz.get(code).level, []).append((-n, code))
    titled = {m.division.adcode for m in mentions if m.division is not None and m.end <= title_end}
    counties = [c for c in by_level.get("County", ()) if c[1] in titled] or by_level.get("County")
    county = gaz.get(min(counties)[1]) if counties else None
    prefecture = gaz.prefecture_of(county.adcode) if county else (
        gaz.get(min(by_level["Prefecture"])[1]) if "Prefecture" in by_level else None)
    anchor = county or prefecture
    province = gaz.province_of(anchor.adcode) if anchor else (
        gaz.get(min(by_level["Province"])[1]) if "Province" in by_level else None)
    if province is None and hint:  # e.g. the outlet 陕西省教育厅网站 names the province
        for _s, _e, form, _short in scan(hint):
            found = gaz.resolve(form)
            if found is not None:
                province = found if found.level == "Province" else gaz.province_of(found.adcode)
                break
    return Home(county, prefecture, province)
