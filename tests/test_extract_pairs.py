"""Two parties acting together, on sentences written for the tests: an agreement signed, and 两校/双方/两地
standing for the two named last."""
from extracting import relations


def test_two_bodies_that_sign_an_agreement_are_partners():
    found = relations("去年5月，西安市教育局与汉中市教育局签订了《教育协作发展框架协议》。")
    assert ("西安市教育局", "partners", "汉中市教育局") in found or ("汉中市教育局", "partners", "西安市教育局") in found



def test_an_agreement_of_a_new_round_with_a_title_makes_partners():
    found = relations("今年3月，西安市教育局与汉中市教育局签订新一轮《教育协作帮扶协议》。")
    assert ("西安市教育局", "partners", "汉中市教育局") in found or ("汉中市教育局", "partners", "西安市教育局") in found


def test_two_divisions_that_sign_an_agreement_are_left_to_its_trigger():
    found = relations("雁塔区与略阳县签订了新一轮教育协作协议。")
    assert not [r for r in found if r[1] == "partners"]


def test_liangxiao_after_two_named_schools_pairs_them():
    text = "当天，汉中市实验小学的5名教师走进略阳县城关小学上示范课。活动结束后，两校签订了结对协议。"
    found = relations(text)
    assert ("汉中市实验小学", "partners", "略阳县城关小学") in found or ("略阳县城关小学", "partners", "汉中市实验小学") in found


def test_liangxiao_in_the_same_sentence_with_a_trigger_after_a_date():
    text = "汉中市实验小学选派的2名教师进入略阳县城关小学任教，两校已于今年3月结为“手拉手”友好学校。"
    found = {frozenset((s, o)) for s, t, o in relations(text) if t == "partners"}
    assert frozenset(("汉中市实验小学", "略阳县城关小学")) in found


def test_shuangfang_prefers_bodies_to_a_city_gone_to():
    text = "汉中市第一中学将接收略阳县第一中学的青年教师到汉中跟岗学习，双方还将共建网络教研平台。"
    found = {frozenset((s, o)) for s, t, o in relations(text) if t == "partners"}
    assert found == {frozenset(("汉中市第一中学", "略阳县第一中学"))}


def test_liangdi_that_bring_other_pairs_together_are_no_pair_themselves():
    text = "汉中市教育局与安康市教育局签订了协议。按照协议，两地将推动50对中小学结成帮扶对子。"
    found = relations(text)
    assert ("汉中市", "partners", "安康市") not in found and ("安康市", "partners", "汉中市") not in found
