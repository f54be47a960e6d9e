"""The five real seed articles (../shared/corpus/seeds) come out clean, simplified, with their metadata."""
from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from graph.ingest import Document, ingest_text, read_corpus, split_sentences

PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@pytest.fixture(scope="module")
def docs(shared_seeds: Path) -> dict[str, Document]:
    found = {item.id[:3]: item for item in read_corpus(shared_seeds)}
    assert all(isinstance(doc, Document) for doc in found.values()), found
    return found


def test_all_five_are_read(docs):
    assert sorted(docs) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_text_is_clean_simplified_chinese(docs, key):
    text = docs[key].text
    assert not PINYIN.search(text)
    assert opencc.OpenCC("t2s").convert(text) == text
    assert "陜" not in text
    assert "\u200b" not in text and "\ufeff" not in text


def test_xunyi_date_source_title_and_variant(docs):
    doc = docs["002"]
    assert doc.meta["date"] == "2023-11-19"
    assert doc.meta["source"] == "陕西省教育厅网站"
    assert doc.meta["title"] == "旬邑县推动义务教育优质均衡发展"
    assert doc.meta["script"] == "traditional"
    assert "发布时间" not in doc.text


def test_lueyang_metadata(docs):
    meta = docs["004"].meta
    assert meta["date"] == "2017-12-16"
    assert meta["source"] == "陕西日报"
    assert meta["url"] == "https://www.yybnet.net/"
    assert meta["author"] == "张振民"
    assert meta["script"] == "simplified"


def test_lueyang_navigation_and_boxes_leave_the_body(docs):
    doc = docs["004"]
    for junk in ("汉中新闻 留坝新闻", "地方网 >", "热点排行", "新闻推荐", "猜你喜欢", "频道推荐", "饮水工程", "张振民"):
        assert junk not in doc.text, junk
    assert "西安理工大学对口帮扶略阳" in doc.text
    assert any("留坝新闻" in line for line in doc.boilerplate)
    assert doc.text.rstrip().endswith("进行了集中报道。")


def test_editors_and_footers_become_metadata(docs):
    assert docs["003"].meta["editor"] == "张慧敏" and "编辑" not in docs["003"].text
    assert docs["000"].meta["editor"] == "刘昕"
    assert docs["001"].meta["source"] == "网络整理" and "免责声明" not in docs["001"].text


def test_tongguan_gbk_runs_are_repaired(docs):
    doc = docs["000"]
    assert "纳入履职业绩考核。县教体局设立了教育振兴办" in doc.text
    assert "良好局面。县教体局积极联合" in doc.text
    assert "“名校长+”领飞工程" in doc.text
    assert "“名师" in doc.text and "“名校" in doc.text
    assert "形成乡村学校“一校一品”格局。" in doc.text
    assert "“城区校+乡村校”" in doc.text
    for garbage in ("懊", "麕", "耙恍", "窬", "?", "\ue37d"):
        assert garbage not in doc.text, garbage
    start = doc.text.index("县教体局设立")
    a, b = doc.original_span(start - 1, start + 1)  # the repaired "。县" points at the garbled run
    assert "??h" in doc.original[a:b]


def test_placeholders_are_marked(docs):
    doc = docs["001"]
    marked = {doc.text[a:b] for a, b in doc.placeholders}
    assert {"__区教育局", "__县", "xxxx年", "xx名", "x名"} <= marked
    assert all(doc.text[a:b].startswith(("_", "x")) for a, b in doc.placeholders)


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_every_sentence_maps_back_to_its_original(docs, key):
    doc = docs[key]
    assert len(doc.starts) == len(doc.ends) == len(doc.text)
    assert list(doc.starts) == sorted(doc.starts)
    loose = str.maketrans("，；：（）！？", ",;:()!?")
    for a, b in split_sentences(doc.text):
        s, e = doc.original_span(a, b)
        again = ingest_text("again", doc.original[s:e]).text
        assert doc.text[a:b].translate(loose) in again.translate(loose) or "?" in doc.original[s:e]


def test_unchanged_words_map_back_to_themselves(docs):
    doc = docs["000"]
    i = doc.text.index("以实际行动助推")
    a, b = doc.original_span(i, i + 7)
    assert PINYIN.sub("", doc.original[a:b]) == "以實際行動助推"
