"""A table of pairs (tables.py), on tables written for the tests: the helper's column assists the helped one."""
from extracting import names, relations

_TABLE = ("关于公布县域高中结对帮扶学校的通知\n"
          "各市教育局：现将结对名单公布如下。\n"
          "| 序号 | {left} | {right} | 所在县 |\n"
          "|---|---|---|---|\n"
          "| 1 | {a} | {b} | 略阳县 |\n"
          "| 2 | {c} | {d} | 镇巴县 |\n"
          "汉中市教育局\n")


def test_each_row_of_a_pair_table_assists_from_the_helpers_column():
    text = _TABLE.format(left="帮扶学校", right="受援学校", a="汉中市第一中学", b="略阳县第一中学",
                         c="汉中中学", d="镇巴中学")
    found = relations(text)
    assert ("汉中市第一中学", "assists", "略阳县第一中学") in found
    assert ("汉中中学", "assists", "镇巴中学") in found
    assert ("汉中市第一中学", "assists", "镇巴中学") not in found  # rows do not mix


def test_the_helped_column_may_come_first():
    text = _TABLE.format(left="受援学校", right="帮扶单位", a="略阳县第一中学", b="汉中市第一中学",
                         c="镇巴中学", d="汉中中学")
    found = relations(text)
    assert ("汉中市第一中学", "assists", "略阳县第一中学") in found
    assert ("略阳县第一中学", "assists", "汉中市第一中学") not in found


def test_a_table_without_a_helped_column_relates_nothing():
    text = _TABLE.format(left="学校", right="校长", a="汉中市第一中学", b="略阳县第一中学",
                         c="汉中中学", d="镇巴中学")
    assert {"汉中市第一中学", "略阳县第一中学", "汉中中学", "镇巴中学"} <= set(names(text))  # read, not related
    assert not {r for r in relations(text) if r[1] == "assists"}
