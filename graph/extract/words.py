"""jieba's dictionary as a judge of short strings: is this a word, and is that name part made of verbs?

Only candidate names (a few per sentence) are looked at, never the whole text: extraction must not be
a second segmentation pass.
"""
from __future__ import annotations

from functools import cache, lru_cache

# Parts of speech that cannot be inside an organisation's proper name when the word has 2+ characters.
NOT_NAME_TAGS = {"v", "vd", "d", "p", "c", "u", "r", "ul", "uj", "uz", "ud", "ug", "uv", "y", "e", "o", "ad", "t", "f"}
_PROPER = {"ns", "nt", "nz", "j", "eng"}  # not nr: 勾勒学校 is no school named after a person


@cache
def _posseg():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    jieba.dt.check_initialized()
    return jieba.posseg


@lru_cache(maxsize=65536)
def _tags(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _posseg().lcut(text, HMM=False))


def tags(text: str) -> list[tuple[str, str]]:
    """Return (word, part of speech) of text by jieba's dictionary, without its HMM guesses."""
    return list(_tags(text))


def first_word(text: str, pos: int) -> tuple[str, str] | None:
    """Return the longest dictionary word starting at pos (up to 4 characters) and its tag, or None."""
    table = _posseg().dt.word_tag_tab
    for n in (4, 3, 2):
        tag = table.get(text[pos:pos + n]) if pos + n <= len(text) else None
        if tag:
            return text[pos:pos + n], tag
    return None


def word_tag(text: str) -> str | None:
    """Return the dictionary's tag for text if it is one known word, else None."""
    return _posseg().dt.word_tag_tab.get(text)


# A verb the dictionary has seen fewer times than this (启明, 启航) is more often a name's word than a verb
# of the sentence: the verbs that end names in reports (坚持, 支持, 开展, 关注) are all far more common.
RARE_VERB = 100


def is_rare(word: str) -> bool:
    """True for a word the dictionary has seen fewer than RARE_VERB times (白音, 启明): more often a name's."""
    return _posseg().dt.FREQ.get(word, 0) < RARE_VERB


def trim_name(part: str, anchored: bool = False) -> tuple[str, bool]:
    """Cut a name part after its last verb or function word; say whether what is left looks proper.
    A part anchored by a place (略阳县接官亭镇…) keeps a leading one-character verb: it is the name's.

    坚持抓 → ("", False); 凤鸣实验 → ("凤鸣实验", …); 华唐中科教育科技 → kept whole.
    """
    if not part:
        return "", False
    words = tags(part)
    cut = 0
    for i, (w, flag) in enumerate(words):
        if len(w) >= 2 and flag in NOT_NAME_TAGS and not is_rare(w):
            cut = i + 1
    while not anchored and cut < len(words) and words[cut][1] in NOT_NAME_TAGS and len(words[cut][0]) == 1:
        cut += 1
    kept = words[cut:]
    proper = any(flag in _PROPER and len(w) >= 2 for w, flag in kept)
    return "".join(w for w, _ in kept), proper


def unknown_run(part: str) -> bool:
    """True when part holds two or more characters in a row that the dictionary knows only one by one
    (凤鸣): the mark of a proper name it has never seen."""
    run = 0
    for word, _flag in tags(part):
        run = run + 1 if len(word) == 1 else 0
        if run >= 2:
            return True
    return False
