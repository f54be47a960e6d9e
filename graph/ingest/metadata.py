"""Read the metadata an article states: title, date, source outlet, URL, author, editor."""
from __future__ import annotations

import re
from typing import Iterable

_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_URL = re.compile(r"https?://[^\s<>\"'，。）)]+")
_SOURCE = re.compile(r"(?:来源|稿源|本文来源)\s*[：:]\s*([^\s：:|｜]+)")
_EDITOR = re.compile(r"(?:责任编辑|编辑|责编)\s*[：:]\s*([\u4e00-\u9fff]{2,4}(?:[、 ][\u4e00-\u9fff]{2,4})*)")
_AUTHOR = re.compile(r"(?:作者|记者)\s*[：:]\s*([\u4e00-\u9fff]{2,4})")
_BYLINE = re.compile(r"[（(]\s*([\u4e00-\u9fff]{2,4}(?:[ 、，][\u4e00-\u9fff]{2,4})*)\s*[)）]")
_TITLE_END = re.compile(r"[。！？；，：]$")
MAX_TITLE = 40


def iso_date(text: str) -> str | None:
    """Return the first date in `text` as yyyy-mm-dd (2023年11月19日 -> 2023-11-19), if valid."""
    for m in _DATE.finditer(text):
        year, month, day = (int(g) for g in m.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _first(pattern: re.Pattern, lines: Iterable[str]) -> str | None:
    for line in lines:
        m = pattern.search(line)
        if m:
            return m.group(1) if pattern.groups else m.group(0)
    return None


def read_meta(boilerplate: Iterable[str]) -> dict[str, str]:
    """Collect date, source, url, editor and author from header/footer lines."""
    lines = list(boilerplate)
    meta: dict[str, str] = {}
    # Dates: prefer a line that says when it was published or where it came from.
    dated = [line for line in lines if re.search("来源|发布|时间|日期", line)] + lines
    found = {
        "date": next((d for d in map(iso_date, dated) if d), None),
        "source": _first(_SOURCE, lines),
        "url": _first(_URL, lines),
        "editor": _first(_EDITOR, lines),
        "author": _first(_AUTHOR, lines) or _first(_BYLINE, [ln for ln in lines if _BYLINE.fullmatch(ln)]),
    }
    if found["source"] and iso_date(found["source"]):
        found["source"] = None  # "来源：2017-12-16" names no outlet
    meta.update({key: value for key, value in found.items() if value})
    return meta


def find_title(body: str) -> str | None:
    """Return the first line of the body when it reads like a headline (short, no closing punctuation)."""
    first = body.lstrip().split("\n", 1)[0].strip()
    if first and len(first) <= MAX_TITLE and not _TITLE_END.search(first) and "\n" in body.strip():
        return first
    return None
