"""Frames over lists, on texts written for the tests: numbered pair lists under a heading, and the lead
school of a group with its members."""
from extracting import relations

_NOTICE = ("关于公布城乡学校结对帮扶名单的通知\n\n"
           "附件：2025年城乡学校结对帮扶名单\n\n"
           "{note}\n\n"
           "1. {a}——{b}\n"
           "2. {c}—{d}\n"
           "联系人：基础教育科\n")


def test_numbered_pairs_under_a_heading_take_the_headings_relation():
    text = _NOTICE.format(note="（前为帮扶学校，后为受援学校）", a="汉中市第一中学", b="略阳县第一中学",
                          c="汉中市实验小学", d="镇巴县城关小学")
    found = relations(text)
    assert ("汉中市第一中学", "assists", "略阳县第一中学") in found
    assert ("汉中市实验小学", "assists", "镇巴县城关小学") in found
    assert ("略阳县第一中学", "assists", "汉中市第一中学") not in found


def test_a_note_naming_the_helped_first_turns_the_pairs_round():
    text = _NOTICE.format(note="（前为受援学校，后为帮扶学校）", a="略阳县第一中学", b="汉中市第一中学",
                          c="镇巴县城关小学", d="汉中市实验小学")
    found = relations(text)
    assert ("汉中市第一中学", "assists", "略阳县第一中学") in found
    assert ("汉中市实验小学", "assists", "镇巴县城关小学") in found


def test_pairs_without_a_heading_give_nothing():
    text = "参会学校\n\n1. 汉中市第一中学——略阳县第一中学\n2. 汉中市实验小学——镇巴县城关小学\n"
    assert relations(text) == set()


def test_the_core_school_assists_each_member_it_takes_in():
    text = "略阳县组建教育集团。集团以略阳县天津小学为核心校，吸纳黑河镇中心小学、白水江镇中心小学和接官亭镇中心小学为成员校。"
    found = {(s, o) for s, t, o in relations(text) if t == "assists"}
    assert found == {("略阳县天津小学", "黑河镇中心小学"), ("略阳县天津小学", "白水江镇中心小学"),
                     ("略阳县天津小学", "接官亭镇中心小学")}


def test_a_leading_school_assists_the_schools_it_forms_a_community_with():
    text = "在高中段，镇巴县中学作为领航校，与渔渡镇中学、长岭镇中学组建城乡教育共同体。"
    found = {(s, o) for s, t, o in relations(text) if t == "assists"}
    assert found == {("镇巴县中学", "渔渡镇中学"), ("镇巴县中学", "长岭镇中学")}


def test_an_arrangement_heading_and_a_note_with_front_and_back_turn_the_pairs_round():
    text = ("附件\n\n2025年城乡学校结对帮扶安排\n\n说明：每组前面为受援学校，后面为帮扶学校。\n\n"
            "1. 略阳县第一中学—汉中市第一中学\n2. 镇巴县城关小学—汉中市实验小学\n")
    found = relations(text)
    assert ("汉中市第一中学", "assists", "略阳县第一中学") in found
    assert ("汉中市实验小学", "assists", "镇巴县城关小学") in found
    assert ("略阳县第一中学", "assists", "汉中市第一中学") not in found
