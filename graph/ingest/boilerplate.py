"""Separate web boilerplate from an article's body: navigation, breadcrumbs, recommendation boxes, footers.

Works on lines of normalised (simplified) text. A line that opens a recommendation box (相关新闻,
热点排行, 猜你喜欢, 新闻推荐 ...) after some body text ends the article: it and everything after it is
boilerplate. Header and footer lines (来源：, 责任编辑：, 免责声明, breadcrumbs, a row of section links,
a bare "（张振民）") and page furniture (分享到, 上一篇, 扫一扫, 【打印本页】, ICP numbers) are boilerplate
wherever they stand. The lines are returned so metadata can be read from them.
"""
from __future__ import annotations

import re

from .offsets import Mapped

# A box heading stands alone on its line ("热点排行", "相关新闻：", "评论：(标题)"), unlike a sentence
# that merely starts with the same words.
_BOX = re.compile(r"\s*(?:相关新闻|相关阅读|相关文章|相关链接|友情链接|延伸阅读|推荐阅读|热点排行|热点阅读|热门推荐|猜你喜欢|"
                  r"新闻推荐|频道推荐|图文看点|图文推荐|精彩推荐|评论|网友评论)\s*(?:[：:].{0,80})?\s*")
# Page furniture that may stand above the article as well as below it (a share bar under the headline),
# so it is one boilerplate line, never the end of the article.
_FURNITURE = re.compile(r"\s*(?:分享到|分享至|上一篇|下一篇|上一条|下一条|扫一扫|手机扫码|微信扫一扫|主办单位|主办|承办|协办|"
                        r"技术支持|网站标识码|联系电话|地址)\s*[：:]?.{0,120}|.{0,80}ICP备.{0,80}|(?:\s*【[^】]{1,8}】)+\s*")
# Body text that must precede a box heading for it to end the article: a heading above the body
# (a page that lists related links first) is one boilerplate line instead.
MIN_BODY = 30
_FOOTER = re.compile(r"\s*(?:[\d\-/:.年月日 ]{8,}\s*)?[【\[（(]?\s*(?:责任编辑|编辑|责编|审核|校对|来源|稿源|本文来源|发布时间|发布日期|时间|作者|"
                     r"记者|通讯员|原标题|免责声明|版权声明|声明|打印|关闭窗口|字号|浏览次数|点击数)\s*[：:]")
_BREADCRUMB = re.compile(r"(?:[^>›»\n]{1,20}\s*[>›»＞]\s*){2,}")
_BYLINE = re.compile(r"\s*[（(]\s*[\u4e00-\u9fff]{2,4}(?:[ 、，][\u4e00-\u9fff]{2,4})*\s*[)）]\s*")
_NAV_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,8}")
_NAV_SEPARATOR = re.compile(r"[\s|｜·•/／]+")
_LINE = re.compile(r"[^\n]*\n?")
TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?")  # |---|:---:|
MAX_META_LINE = 200  # a footer line is short; a paragraph that starts with 来源： is not a footer


def _is_navigation(line: str) -> bool:
    """A row of four or more short link labels and no sentence punctuation: 汉中新闻 留坝新闻 …, or with
    separators: 网站首页 | 机构概况 | 政务公开 …"""
    items = [item for item in _NAV_SEPARATOR.split(line) if item]
    return len(items) >= 4 and all(_NAV_ITEM.fullmatch(item) for item in items)


def is_boilerplate(line: str) -> bool:
    """Whether one line (not a box opener) is header, footer or navigation."""
    stripped = line.strip()
    if not stripped:
        return False
    if len(stripped) <= MAX_META_LINE and _FOOTER.match(stripped):
        return True
    if _BREADCRUMB.match(stripped) and len(stripped) <= MAX_META_LINE:
        return True
    if _FURNITURE.fullmatch(stripped):
        return True
    return _BYLINE.fullmatch(stripped) is not None or _is_navigation(stripped)


def _table_rows(text: str) -> set[int]:
    """Return where the rows of each Markdown table start: runs of lines opening with | that hold a |---|
    rule (trafilatura writes HTML tables so). Rows of short names are no navigation; a menu written as a
    one-row table, with no rule, still is."""
    rows, run, ruled = set(), [], False
    for m in _LINE.finditer(text):
        line = m.group(0).strip()
        if line.startswith("|"):
            run.append(m.start())
            ruled = ruled or TABLE_RULE.fullmatch(line) is not None
            continue
        if ruled:
            rows.update(run)
        run, ruled = [], False
        if m.start() == m.end():
            break
    return rows


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """Return the spans of boilerplate lines (each with its newline), in order."""
    spans = []
    body = 0  # characters of body read so far
    table = _table_rows(text) if "|" in text else set()
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        line = m.group(0)
        if m.start() in table:
            body += len(line.strip())
        elif _BOX.fullmatch(line.strip()):
            if body >= MIN_BODY:
                spans.append((m.start(), len(text)))
                break
            spans.append((m.start(), m.end()))
        elif is_boilerplate(line):
            spans.append((m.start(), m.end()))
        else:
            body += len(line.strip())
    return spans


def separate(mapped: Mapped) -> tuple[Mapped, tuple[str, ...]]:
    """Return the body without boilerplate, and the boilerplate lines removed."""
    spans = find_boilerplate(mapped.text)
    removed = tuple(line.strip() for start, end in spans
                    for line in mapped.text[start:end].split("\n") if line.strip())
    return mapped.delete(spans), removed
