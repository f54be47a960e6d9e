"""Boilerplate, metadata, placeholders and sentences, on small texts written for the tests."""
from __future__ import annotations

from graph.ingest import ingest_text, split_sentences
from graph.ingest.metadata import iso_date

PAGE = """首页 新闻 教育 汉中 略阳 图片
地方网 > 陕西 > 汉中市 > 正文
城固县与西乡县签订教育帮扶协议
来源：汉中日报 2021-03-05 09:10 http://example.org/a.html
城固县教育局与西乡县教育局签订结对帮扶协议。双方将互派教师。
（李明）
热点排行
1. 与本文无关的新闻。
责任编辑：王芳
"""


def test_page_boilerplate_goes_to_metadata():
    doc = ingest_text("p", PAGE)
    assert doc.text == "城固县与西乡县签订教育帮扶协议\n城固县教育局与西乡县教育局签订结对帮扶协议。双方将互派教师。"
    assert doc.meta["title"] == "城固县与西乡县签订教育帮扶协议"
    assert doc.meta["date"] == "2021-03-05" and doc.meta["source"] == "汉中日报"
    assert doc.meta["url"] == "http://example.org/a.html" and doc.meta["author"] == "李明"
    assert doc.meta["editor"] == "王芳"
    assert "热点排行" in doc.boilerplate


def test_body_line_starting_like_a_box_is_kept():
    text = "西安理工大学对口帮扶略阳县。\n相关新闻报道称，双方合作良好。\n正文结束。"
    assert ingest_text("t", text).text == text
    assert ingest_text("t", text + "\n相关新闻：\n无关。").text == text


def test_dates():
    assert iso_date("发布时间：2023年11月19日") == "2023-11-19"
    assert iso_date("2017-12-16 06:47") == "2017-12-16"
    assert iso_date("2017-13-45") is None


def test_placeholders_cover_the_blank_and_its_unit():
    doc = ingest_text("t", "__区教育局选派xx名教师到__县，xxxx年x名校长参加培训，6+X模式不变。")
    marked = [doc.text[a:b] for a, b in doc.placeholders]
    assert marked == ["__区教育局", "xx名", "__县", "xxxx年", "x名"]


def test_sentences_split_on_chinese_marks_and_quotes():
    text = "他说：“我们来了。”然后走了！真的吗？是的；好\n第二行"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["他说：“我们来了。”", "然后走了！", "真的吗？", "是的；", "好", "第二行"]
    assert split_sentences("") == [] and split_sentences("  \n ") == []


WEB_PAGE = """网站首页 | 机构概况 | 政务公开 | 教育动态 | 互动交流
当前位置：首页 > 新闻 > 教育动态
两校结对
分享到：微信　微博
甲市第一中学与乙县第二中学结对帮扶，双方将开展送教和跟岗培训，帮扶期为三年。
【打印本页】【关闭窗口】
上一篇：乙县召开中考工作会
扫一扫在手机打开当前页
相关链接：丙省教育厅
主办：乙县教育局　豫ICP备12345678号
"""


def test_a_share_bar_above_the_body_is_one_line_of_furniture_not_the_end_of_the_article():
    doc = ingest_text("page.txt", WEB_PAGE)
    assert doc.text == "两校结对\n甲市第一中学与乙县第二中学结对帮扶，双方将开展送教和跟岗培训，帮扶期为三年。"
    assert "分享到：微信 微博" in doc.boilerplate  # the ideographic space is normalised and "相关链接：丙省教育厅" in doc.boilerplate


def test_a_box_heading_before_any_body_is_dropped_alone():
    text = "相关新闻\n甲市第一中学与乙县第二中学结对帮扶，双方将开展送教和跟岗培训，帮扶期为三年。"
    assert ingest_text("t", text).text == text.split("\n", 1)[1]


def test_table_rows_of_short_names_are_body_not_navigation():
    rows = "| 序号 | 帮扶学校 | 受援学校 | 所在县 |\n|---|---|---|---|\n| 1 | 甲市一中 | 乙县二中 | 乙县 |\n| 2 | 丙市实验中学 | 丁县中学 | 丁县 |"
    text = "首页 | 机构概况 | 政务公开 | 通知公告\n下列学校结对帮扶：\n" + rows
    doc = ingest_text("notice.md", text)
    assert doc.text == "下列学校结对帮扶：\n" + rows  # the bar above goes, every row of the table stays
    assert doc.boilerplate == ("首页 | 机构概况 | 政务公开 | 通知公告",)


def test_a_menu_written_as_one_row_of_a_table_is_still_navigation():
    text = "| 首页 | 机构概况 | 政务公开 | 通知公告 |\n甲市第一中学与乙县第二中学结对帮扶，双方将开展送教和跟岗培训。"
    doc = ingest_text("page.md", text)
    assert doc.text == text.split("\n", 1)[1]  # no |---| rule under it: not a table
    assert doc.boilerplate == ("| 首页 | 机构概况 | 政务公开 | 通知公告 |",)
