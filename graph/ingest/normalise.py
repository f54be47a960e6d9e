"""Normalise decoded text into simplified Chinese with one punctuation policy, keeping the offset map.

Steps, in order: drop invisible characters; remove inline pinyin (近年來(lái) -> 近年來); repair GBK runs
read out of step (repair.py); traditional -> simplified (OpenCC t2s on the whole text, plus variants
t2s leaves alone such as 陜 -> 陕); fold widths; collapse whitespace.

Punctuation policy. Chinese sentence punctuation stays full-width (，。、；：？！（）“”‘’《》…) because
sentence splitting and later stages rely on it. Full-width letters, digits and the arithmetic signs
＋－％／＝＜＞＠＃＆＊ become ASCII (０-９Ａ-Ｚ -> 0-9A-Z), so numbers and codes read one way. A half-width
, ; : ! ? right after a Chinese character or closing mark becomes ，；：！？, a ( before a Chinese
character becomes （ and a ) after one becomes ）; elsewhere (URLs, times, "1)" lists) ASCII stays.
"""
from __future__ import annotations

import re
from functools import cache
from operator import ne

from ..errors import MissingDependencyError
from .offsets import Mapped
from .repair import repair

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")

# Zero-width, bidi and control characters carry no text; \n and \t stay for the whitespace step.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+")
_CR = re.compile(r"\r\n?")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# Pinyin in brackets right after a character or a word: 來(lái), 支(zhī)教(jiào), 蜿蜒(wānyán), 帮扶(bāng fú),
# up to four syllables, a neutral one among them (种子(zhǒng zi)). At least one tone mark is needed:
# toneless brackets such as (a) or (de) are as likely to be list labels or Latin text, and stay.
_INITIAL = "(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
_SYLLABLE = rf"{_INITIAL}[aeiouü{_TONED}]{{1,4}}(?:ng|n|r)?"
_PINYIN = re.compile(rf"(?<=[{HAN}A-Za-z_?\ufffd\ue000-\uf8ff])[(（](?=[^)）\n]{{0,30}}[{_TONED}])"
                     rf"{_SYLLABLE}(?:[ '’]?{_SYLLABLE}){{0,3}}[)）]")

# Variant characters that OpenCC's t2s keeps (checked: t2s(c) == c); each has one standard form.
_VARIANTS = dict(zip("陜靑鄕衞囘囬歳尙峩淸擧汚凖増寛揷槪黒衹搆瘉戶敎爲僞眞彥內溫吳說綫麪衆兗敘",
                     "陕青乡卫回回岁尚峨清举污准增宽插概黑只构愈户教为伪真彦内温吴说线面众兖叙"))

_WIDE = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ＋－％／＝＜＞＠＃＆＊"
_NARROW = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+-%/=<>@#&*"
_FOLD = str.maketrans(_WIDE + "\u3000\u00a0\u2002\u2003\u2009", _NARROW + "     ")
_WIDE_CHAR = re.compile("[" + re.escape(_WIDE) + "\u3000\u00a0\u2002\u2003\u2009]")
_CLOSE = "”’）》」』】"
_TO_WIDE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_ASCII_PUNCT = re.compile(rf"(?<=[{HAN}{_CLOSE}%])[,;:!?)]|\((?=[{HAN}])")

_LINE_EDGE = re.compile(r"[ \t]+(?=\n)|(?<=\n)[ \t]+")
_SPACES = re.compile(r"[ \t]{2,}|\t")
_BLANK_LINES = re.compile(r"\n{3,}")


@cache
def _t2s():
    try:
        import opencc
    except ImportError:
        raise MissingDependencyError("OpenCC is needed for traditional -> simplified; pip install opencc") from None
    return opencc.OpenCC("t2s")


@cache
def _variant_table() -> dict[int, str]:
    """Map variant characters, and CJK compatibility ideographs, to the form t2s understands."""
    import unicodedata

    table = {ord(k): v for k, v in _VARIANTS.items()}
    for code in range(0xF900, 0xFB00):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition and " " not in decomposition and not decomposition.startswith("<"):
            table[code] = chr(int(decomposition, 16))
    return table


@cache
def _variant_pattern() -> re.Pattern:
    return re.compile("[" + "".join(map(chr, sorted(_variant_table()))) + "]")


def to_simplified(text: str) -> str:
    """Convert traditional characters and known variants to simplified Chinese."""
    if _variant_pattern().search(text):  # translate() is slow on long text; most texts have no variant
        text = text.translate(_variant_table())
    return _t2s().convert(text)


def drop_invisible(mapped: Mapped) -> Mapped:
    """Drop zero-width, bidi and control characters; turn CR and CRLF into LF."""
    return mapped.sub(_CR, "\n").sub(_INVISIBLE, "")


def strip_pinyin(mapped: Mapped) -> Mapped:
    """Remove pinyin annotations written after characters: 近年來(lái) -> 近年來."""
    return mapped.sub(_PINYIN, "")


def simplify(mapped: Mapped) -> tuple[Mapped, int]:
    """Convert to simplified Chinese; return the result and how many characters changed."""
    text = mapped.text
    converted = to_simplified(text)
    if len(converted) == len(text):
        return mapped.same_length(converted), sum(map(ne, text, converted))
    # A phrase rule changed the length somewhere: convert character by character where needed.
    edits, changed = [], 0
    for i, char in enumerate(text):
        new = to_simplified(char)
        if new != char:
            edits.append((i, i + 1, new))
            changed += 1
    return mapped.edit(edits), changed


def fold_width(mapped: Mapped) -> Mapped:
    """Apply the punctuation policy above (1:1, so the offset map is untouched)."""
    text = mapped.text
    if _WIDE_CHAR.search(text):
        text = text.translate(_FOLD)
    text = _ASCII_PUNCT.sub(lambda m: _TO_WIDE[m.group(0)], text)
    return mapped.same_length(text)


def collapse_whitespace(mapped: Mapped) -> Mapped:
    """Collapse space runs, trim lines, keep at most one blank line, trim the ends."""
    mapped = mapped.sub(_LINE_EDGE, "").sub(_SPACES, " ").sub(_BLANK_LINES, "\n\n")
    text = mapped.text
    head, tail = len(text) - len(text.lstrip()), len(text.rstrip())
    return mapped.delete([(0, head)] + ([(tail, len(text))] if tail > head else []))


def han_count(text: str) -> int:
    return len(text) - len(_HAN_RUN.sub("", text))


def script_of(han: int, changed: int) -> str:
    """Name the script from how many Han characters simplification changed."""
    if han == 0:
        return "none"
    if changed == 0:
        return "simplified"
    return "traditional" if changed >= 0.1 * han else "mixed"


def normalise(mapped: Mapped) -> tuple[Mapped, str]:
    """Run every clean-up step; return the normalised text and its script (see script_of)."""
    mapped = strip_pinyin(drop_invisible(mapped))
    mapped = repair(mapped)
    han = han_count(mapped.text)
    mapped, changed = simplify(mapped)
    return collapse_whitespace(fold_width(mapped)), script_of(han, changed)
