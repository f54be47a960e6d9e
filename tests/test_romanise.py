import pytest

from graph.resolve.romanise import romanise


@pytest.mark.parametrize("name, label", [
    ("略阳县", "Lüeyang Xian"),
    ("汉中市", "Hanzhong Shi"),
    ("陕西省", "Shaanxi Sheng"),
    ("西安市", "Xi'an Shi"),
    ("景宁畲族自治县", "Jingning Shezu Zizhixian"),
    ("恩施土家族苗族自治州", "Enshi Tujiazu Miaozu Zizhizhou"),
    ("广西壮族自治区", "Guangxi Zhuangzu Zizhiqu"),
    ("内蒙古自治区", "Nei Mongol Zizhiqu"),
    ("六安市", "Lu'an Shi"),
    ("蔚县", "Yu Xian"),
    ("长安区", "Chang'an Qu"),
    ("西安理工大学", "Xi'anligong Daxue"),
])
def test_romanise(name, label):
    assert romanise(name) == label


def test_generic_word_alone_is_kept():
    assert romanise("县") == "Xian"
