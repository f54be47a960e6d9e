"""Separate web boilerplate from an article's body: navigation, breadcrumbs, recommendation boxes, footers.

Works on lines of normalised (simplified) text. A line that opens a recommendation box (相关新闻,
热点排行, 猜你喜欢, 新闻推荐 ...) ends the article: it and everything after it is boilerplate. Header
and footer lines (来源：, 责任编辑：, 免责声明, breadcrumbs, a row of section links, a bare "（张振民）")
are boilerplate wherever they stand. The lines are returned so metadata can be read from them.
"""
from __future__ import annotations

import re

from .offsets import Mapped

# A box heading stands alone on its line ("热点排行", "相关新闻：", "评论：(标题)"), unlike a sentence
# that merely starts with the same words.
_BOX = re.compile(r"\s*(?:相关新闻|相关阅读|相关文章|延伸阅读|推荐阅读|热点排行|热点阅读|热门推荐|猜你喜欢|新闻推荐|"
                  r"频道推荐|图文看点|图文推荐|精彩推荐|评论|网友评论|分享到|上一篇|下一篇)\s*(?:[：:].{0,80})?\s*")
_FOOTER = re.compile(r"\s*(?:[\d\-/:.年月日 ]{8,}\s*)?[【\[（(]?\s*(?:责任编辑|编辑|责编|审核|校对|来源|稿源|本文来源|发布时间|发布日期|时间|作者|"
                     r"记者|通讯员|原标题|免责声明|版权声明|声明|打印|关闭窗口|字号|浏览次数|点击数)\s*[：:]")
_BREADCRUMB = re.compile(r"(?:[^>›»\n]{1,20}\s*[>›»＞]\s*){2,}")
_BYLINE = re.compile(r"\s*[（(]\s*[\u4e00-\u9fff]{2,4}(?:[ 、，][\u4e00-\u9fff]{2,4})*\s*[)）]\s*")
_NAV_ITEM = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,8}")
_LINE = re.compile(r"[^\n]*\n?")
MAX_META_LINE = 200  # a footer line is short; a paragraph that starts with 来源： is not a footer


def _is_navigation(line: str) -> bool:
    """A row of four or more short link labels and no sentence punctuation: 汉中新闻 留坝新闻 …"""
    items = line.split()
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
    return _BYLINE.fullmatch(stripped) is not None or _is_navigation(stripped)


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """Return the spans of boilerplate lines (each with its newline), in order."""
    spans = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        line = m.group(0)
        if _BOX.fullmatch(line.strip()) and m.start() > 0:
            spans.append((m.start(), len(text)))
            break
        if is_boilerplate(line):
            spans.append((m.start(), m.end()))
    return spans


def separate(mapped: Mapped) -> tuple[Mapped, tuple[str, ...]]:
    """Return the body without boilerplate, and the boilerplate lines removed."""
    spans = find_boilerplate(mapped.text)
    removed = tuple(line.strip() for start, end in spans
                    for line in mapped.text[start:end].split("\n") if line.strip())
    return mapped.delete(spans), removed
