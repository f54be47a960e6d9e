"""Find anonymised placeholders (__县, __区教育局, xx名, xxxx年) so no later stage makes entities of them."""
from __future__ import annotations

import re

# A blank (two or more underscores, or a lone run of lowercase x) and the unit or place-type it stands
# before: the whole span is one placeholder, so "__区教育局" never yields an 区教育局 entity.
_ORGS = "教育局|教体局|教育系统|政府|委员会|党委|县委|区委|教委"
_UNIT = rf"(?:[多余]?(?:万元|元|名|人|所|个|次|年|月|日|天|期|届|批|项|户)|[县区市镇乡村省州旗](?:{_ORGS})?|(?:{_ORGS}))?"
# xx名, XX中学, ××小学; not the X of 6+X or 1+X证书
_BLANK = r"(?:_{2,}|(?<![A-Za-z0-9+])[x×X]{1,4}(?![A-Za-z0-9_]))"
PLACEHOLDER = re.compile(_BLANK + _UNIT)


def find_placeholders(text: str) -> tuple[tuple[int, int], ...]:
    """Return the spans of placeholders in normalised text."""
    spans = []
    for m in PLACEHOLDER.finditer(text):
        blank = m.group(0)
        # A lone "x" is a placeholder only among Chinese characters (not "6+X" or an x in Latin text).
        if blank[0] in "xX×" and not _among_han(text, m.start(), m.end()):
            continue
        spans.append((m.start(), m.end()))
    return tuple(spans)


def _among_han(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return any("\u4e00" <= c <= "\u9fff" or c in "，。、；：（）“”" for c in (before, after))
