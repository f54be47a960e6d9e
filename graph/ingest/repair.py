"""Repair GBK text that was decoded one byte out of step, or mark it as unreadable.

Some pages were GBK, and a converter lost one byte at a boundary: from there on every pair of bytes
straddled two characters (`。縣` = A1A3 BF68 came out as `?` + `？`(A3BF) + `h`(68)) until a one-byte
character put the pairs back in step. Full-width forms were then folded to ASCII (`！` -> `!`). So a run
`?` X1 … Xn, where every Xi re-encodes to its GBK bytes (a folded ASCII letter as its full-width pair) and
Xn is a single byte, can be re-read: prepend the lost byte and decode in the right step. Bytes shown
as `?` are lost; each is guessed from the characters around it in the same document. A run that does
not decode to common characters is left alone, and `?`/U+FFFD runs inside Chinese text become
U+FFFD, a neutral marker that is never part of a word.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from importlib import resources
from itertools import product

from .offsets import Mapped

MAX_RUN = 16  # longest garbled stretch to consider; the seeds' longest is 10 characters
LOST = -1  # a byte that was shown as `?`
MARK = "\ufffd"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN_START = re.compile(r"(?<![?\ufffd])\?")
_LEFTOVER = re.compile(rf"(?<=[{_HAN}，。、；：“”])[?\ufffd]{{2,}}|[?\ufffd]{{2,}}(?=[{_HAN}])|\ufffd+")
_PUNCT = set("。，、；：？！“”‘’（）《》【】…—·")
# A sentence that ends right before a quotation opens: how these garbled runs usually begin.
_PUNCT_PRIOR = {"。“": 4.0, "；“": 2.0, "：“": 2.0, "，“": 2.0}


@cache
def _is_common(char: str) -> bool:
    """Whether `char` is Chinese punctuation or a Han character in common use (GB2312 level 1 or 2)."""
    if char in _PUNCT:
        return True
    if not ("\u4e00" <= char <= "\u9fff"):
        return False
    from .normalise import to_simplified  # the traditional form counts when its simplified one is common

    try:
        code = to_simplified(char).encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xF7


def _options(char: str) -> list[tuple[list[int], bool]]:
    """Return the byte readings of one character of a garbled run, each with whether it ends the run."""
    if char == "?":
        return [([0xA3, 0xBF], False), ([LOST], True)]  # a folded `？`, or a lone byte shown as `?`
    if "!" <= char <= "~":
        return [([0xA3, ord(char) + 0x80], False), ([ord(char)], True)]  # folded full-width, or ASCII
    try:
        code = char.encode("gb18030")
    except UnicodeEncodeError:
        return []
    return [(list(code), False)] if len(code) == 2 else []


def _decode_pair(lead: int, trail: int) -> str | None:
    try:
        char = bytes((lead, trail)).decode("gb18030")
    except (UnicodeDecodeError, ValueError):
        return None
    return char if len(char) == 1 and _is_common(char) else None


class _Context:
    """Character and bigram counts of a document, to guess lost bytes."""

    def __init__(self, text: str):
        self.unigrams = Counter(text)
        self.bigrams = Counter(text[i:i + 2] for i in range(len(text) - 1)) if len(text) < 200_000 else Counter()

    def score(self, before: str, char: str, after: str) -> float:
        words = _two_char_words()
        return (2 * (self.bigrams[before + char] + self.bigrams[char + after]) + math.log1p(self.unigrams[char])
                + 0.5 * math.log1p(words.get(_simple(before + char), 0))
                + 0.5 * math.log1p(words.get(_simple(char + after), 0))
                + _PUNCT_PRIOR.get(char + after, 0))


def _simple(text: str) -> str:
    from .normalise import to_simplified

    return to_simplified(text)


@cache
def _two_char_words() -> dict[str, int]:
    """Return jieba's two-character words with their frequencies: the prior for a lost byte's guess."""
    try:
        lines = (resources.files("jieba") / "dict.txt").read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}  # without the dictionary, guesses rest on the document alone
    words = {}
    for line in lines:
        parts = line.split(" ")
        if len(parts) > 1 and len(parts[0]) == 2:
            words[parts[0]] = int(parts[1])
    return words


def _fill(lead: int, trail: int, before: str, after: str, ctx: _Context, opening: bool = False) -> str | None:
    """Decode a byte pair, guessing a lost byte from the context."""
    if lead != LOST and trail != LOST:
        return _decode_pair(lead, trail)
    if lead == LOST and trail == LOST:
        return None
    pairs = ((b, trail) for b in range(0x81, 0xFF)) if lead == LOST else ((lead, b) for b in range(0x40, 0xFF))
    found = {c for c in (_decode_pair(a, b) for a, b in pairs) if c}
    # The byte is lost where a sentence or quotation starts: before a known character, prefer 。“，
    bonus = 4.0 if opening and after and (after == "“" or "\u4e00" <= after <= "\u9fff") else 0.0
    return max(sorted(found), key=lambda c: ctx.score(before, c, after) + (bonus if c in "。“，；" else 0)) \
        if found else None


def _realign(readings: list[list[int]], before: str, after: str, ctx: _Context) -> str | None:
    """Put a lost leading byte before the readings' bytes and decode the pairs anew."""
    stream = [LOST] + [b for reading in readings for b in reading]
    if len(stream) % 2:
        return None
    pairs = [(stream[i], stream[i + 1]) for i in range(0, len(stream), 2)]
    known = [_decode_pair(a, b) if LOST not in (a, b) else "" for a, b in pairs]
    if None in known:
        return None
    out = ""
    for i, (lead, trail) in enumerate(pairs):
        # Guess a lost byte only once the neighbours that are known can vote.
        nxt = known[i + 1] if i + 1 < len(pairs) else after
        char = known[i] or _fill(lead, trail, (before + out)[-1:], nxt, ctx, opening=i == 0)
        if not char:
            return None
        out += char
    return out


def _repair_at(text: str, start: int, ctx: _Context) -> tuple[int, str] | None:
    """Return (end, repaired text) for a garbled run starting at text[start] == '?', if it decodes."""
    chars = text[start + 1:start + 1 + MAX_RUN]
    cut = chars.find("\n")
    chars = chars if cut < 0 else chars[:cut]
    before = text[start - 1:start] if start else ""
    # Walk forward over the characters; each ending reading closes one candidate run.
    prefixes: list[list[list[int]]] = [[]]
    for i, char in enumerate(chars):
        options = _options(char)
        if not options:
            return None
        grown = []
        for readings, (code, ends) in product(prefixes, options):
            if not ends:
                grown.append(readings + [code])
                continue
            if not chars[:i + 1].strip("?"):
                continue  # nothing but question marks: no bytes to re-read
            fixed = _realign(readings + [code], before, text[start + i + 2:start + i + 3], ctx)
            if fixed:
                return start + i + 2, fixed
        prefixes = grown[:64]
        if not prefixes:
            return None
    return None


def repair(mapped: Mapped) -> Mapped:
    """Re-read GBK runs decoded one byte out of step; turn what stays unreadable into U+FFFD."""
    text = mapped.text
    if "?" in text:
        ctx: _Context | None = None
        edits, pos = [], 0
        for m in _RUN_START.finditer(text):
            if m.start() < pos:
                continue
            if ctx is None:
                ctx = _Context(text)
            found = _repair_at(text, m.start(), ctx)
            if found:
                end, fixed = found
                edits.append((m.start(), end, fixed))
                pos = end
        mapped = mapped.edit(edits) if edits else mapped
    return mapped.sub(_LEFTOVER, lambda m: MARK)
