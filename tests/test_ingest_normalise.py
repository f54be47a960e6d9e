"""Normalisation: pinyin, variants, punctuation policy, invisible characters, and the offset map."""
from __future__ import annotations

import opencc
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.ingest import ingest_text
from graph.ingest.normalise import to_simplified


def test_pinyin_annotations_are_removed_and_point_nowhere():
    doc = ingest_text("t", "近年來(lái),潼關(guān)縣")
    assert doc.text == "近年来，潼关县"
    a, b = doc.original_span(0, 3)
    assert doc.original[a:b] == "近年來"
    assert all(not ("(" in doc.original[s:e]) for s, e in zip(doc.starts, doc.ends))


def test_toneless_brackets_and_list_labels_stay():
    assert ingest_text("t", "分为(a)和(b)两类。\n1)选派校长。").text == "分为(a)和(b)两类。\n1)选派校长。"


def test_variants_that_t2s_keeps_are_simplified():
    t2s = opencc.OpenCC("t2s")
    assert t2s.convert("陜") == "陜"  # why the table exists
    assert to_simplified("陜西省教育廳") == "陕西省教育厅"
    assert ingest_text("t", "靑年敎師").text == "青年教师"


def test_punctuation_policy():
    doc = ingest_text("t", "學校,教師;校長:是否?好!略陽(漢中)，１２３ＡＢ　名。網址:https://x.org/a,b 時間 16:00:00 1)列表")
    assert doc.text == "学校，教师；校长：是否？好！略阳（汉中），123AB 名。网址：https://x.org/a,b 时间 16:00:00 1)列表"


def test_invisible_and_control_characters_go_and_whitespace_collapses():
    doc = ingest_text("t", "\ufeff  西安\u200b理工\u200d大学\u202e\x07\r\n\r\n\r\n\r\n对口   帮扶\t略阳  \n")
    assert doc.text == "西安理工大学\n\n对口 帮扶 略阳"


def test_script_detection():
    assert ingest_text("t", "西安理工大學對口幫扶略陽").meta["script"] == "traditional"
    assert ingest_text("t", "西安理工大学对口帮扶略阳").meta["script"] == "simplified"
    assert ingest_text("t", "西安理工大学对口帮扶略阳县，捐赠图书一千册给乡村学校。" * 3 + "學").meta["script"] == "mixed"


def _check_offsets(doc):
    n = len(doc.text)
    assert len(doc.starts) == len(doc.ends) == n
    for i in range(n):
        assert 0 <= doc.starts[i] < doc.ends[i] <= len(doc.original)
        if i:
            assert doc.starts[i - 1] <= doc.starts[i] and doc.ends[i - 1] <= doc.ends[i]
    assert doc.original_span(n, n)[0] <= len(doc.original)


def _draw_span(doc, data):
    """Draw a non-empty span [a, b) of the normalised text; return it with its original span (s, e)."""
    a = data.draw(st.integers(0, len(doc.text) - 1))
    b = data.draw(st.integers(a + 1, len(doc.text)))
    return (a, b, *doc.original_span(a, b))


SIMPLIFIED = st.text(st.sampled_from("西安理工大学对口帮扶略阳县教育局，。、；：“”！？（）0123456789\n 名校"), max_size=80)


@settings(max_examples=200, deadline=None)
@given(SIMPLIFIED, st.data())
def test_spans_map_back_for_simplified_text(text, data):
    doc = ingest_text("t", text)
    _check_offsets(doc)
    if not doc.text:
        return
    a, b, s, e = _draw_span(doc, data)
    span = doc.original[s:e]
    # Only whitespace collapses in already simplified text: the spans agree up to spaces.
    assert span.split() == doc.text[a:b].split() or " ".join(span.split()) == " ".join(doc.text[a:b].split())


LOOSE = str.maketrans("，；：（）！？", ",;:()!?")
TRAD = st.lists(st.sampled_from(list("西安理工大學對口幫扶略陽縣教育局陜學校，。,;:()“”") + ["(lái)", "(zhǎng)", "  ", "\n"]),
                max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(TRAD, st.data())
def test_normalised_span_is_in_the_renormalised_original(text, data):
    doc = ingest_text("t", text)
    _check_offsets(doc)
    if not doc.text:
        return
    a, b, s, e = _draw_span(doc, data)
    again = ingest_text("u", doc.original[s:e]).text
    # Out of context, a comma may keep its ASCII form (the policy looks at the neighbours).
    assert doc.text[a:b].translate(LOOSE).strip(" \n") in again.translate(LOOSE)


ODD = st.lists(st.sampled_from(["\ufffd", "\u200d", "\u200f", "\u202e", "😀", "👩‍🏫", "？", "（", "）", "(", ")",
                               "?", "??", "__", "xx", "名", "县", "學", "陜", "\x00", "\t", "\r", "\n", "ａ", "　",
                               "。", "“", "(lǐ)", "\ue37d", "懊", "!", "h", "L"]), max_size=50).map("".join)


@settings(max_examples=300, deadline=None)
@given(ODD | st.text(max_size=60))
def test_any_unicode_never_raises_and_offsets_stay_valid(text):
    doc = ingest_text("t", text)
    _check_offsets(doc)
    for a, b in doc.placeholders:
        assert 0 <= a < b <= len(doc.text)


def test_word_pinyin_annotations_in_simplified_text_are_removed():
    doc = ingest_text("t", "他来到崎岖(qíqū)的山村，为孩子们支(zhī)教(jiào)，结成帮扶(bāng fú)对子，种(zhǒng)子发芽。")
    assert doc.text == "他来到崎岖的山村，为孩子们支教，结成帮扶对子，种子发芽。"
    a, b = doc.original_span(doc.text.index("支教"), doc.text.index("支教") + 2)
    assert doc.original[a:b].startswith("支") and doc.original[a:b].endswith("教")


def test_capital_letters_after_a_word_are_no_pinyin():
    assert ingest_text("t", "学校开设了英语(EN)课程。").text == "学校开设了英语(EN)课程。"
