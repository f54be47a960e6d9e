"""Recognise people next to their posts: 县长范卫民, 县委书记杨瑞良同志, 吴云涛局长."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import load_gazetteer
from .lexicon import posts, surnames
from .words import first_word, word_tag

# Particles that end a name when they follow it directly (张华在…, 王强等).
_AFTER_NAME = set("在等和与及的了是为对到也就还曾将要会说")
# Words that follow a name in reports; when the third character starts one, the name has two (王强调研).
_FOLLOWERS = {"表示", "指出", "强调", "介绍", "同志", "主持", "出席", "讲话", "带队", "率队", "一行", "参加",
              "认为", "希望", "要求", "提出", "调研", "说道", "称赞", "说明"}
# Posts that are also plain nouns (教师培训, 教师成长): the name after them must end where a name ends.
_WEAK_POSTS = {"教师", "老师", "学生"}
# 今年52岁的李秀英: an age, then the person's name
_AGED = re.compile(r"[0-9一二三四五六七八九十]+岁的")
# A transliterated name after its post: given name · family name (艾尔肯·吐尔逊).
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]{2,6}·(?:(?![在等和与及的了是说表])[\u4e00-\u9fff]){2,6}")


# 其中林志远任西吉县第一中学副校长: a clause that opens with a name appointed to a post names a person.
_APPOINTED = re.compile(r"(?:^|(?<=[，；。\n])|(?<=其中))([\u4e00-\u9fff]{2,3}?)(?:担任|出任|任)(?=[^，；。]{0,20}?(?:%s))")
# words a name may stand before (教师陈晓雯为学生上课, 特岗教师刘梦瑶今年…)
_AFTER_WEAK = {"说", "被", "也", "还", "为", "今年", "去年", "曾", "从", "来自"}


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    post: str
    post_start: int  # where the post (and any body before it) begins


@cache
def _post_re() -> re.Pattern:
    return re.compile("|".join(map(re.escape, posts())))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _runs_on(text: str, pos: int, end: int) -> bool:
    """True when a would-be name opens with a common word and its last character starts the next word:
    中小学校长高级研修班 reads 高级|研修, not a name 高级研."""
    opening = word_tag(text[pos:pos + 2])
    return bool(opening) and not opening.startswith("nr") and bool(word_tag(text[end - 1:end + 1]))


def _name_after(text: str, pos: int) -> str | None:
    """Return the person's name starting at pos (surname + one or two characters), or None."""
    for n in (2, 1):
        if text[pos:pos + n] in surnames() and (n == 1 or len(text) > pos + 3) \
                and not _runs_on(text, pos, pos + n + 2):
            rest = text[pos + n:pos + n + 2]
            # 李国强在…, 杨光明说: three characters, unless the third starts a reporting word (王强调研: 强调)
            if len(rest) == 2 and all(map(_is_cjk, rest)) and rest[1] not in _AFTER_NAME \
                    and text[pos + n + 1:pos + n + 3] not in _FOLLOWERS:
                return _four(text, pos) if n == 1 else text[pos:pos + n + 2]
            if rest[:1] and _is_cjk(rest[0]) and rest[0] not in _AFTER_NAME:
                return text[pos:pos + n + 1]
    return _rare_surname_name(text, pos)


def _four(text: str, pos: int) -> str:
    """A four-character name (吉克伍呷, a Yi name) where its fourth character ends the name before 说, a
    comma or 在; else the three characters."""
    fourth, after = text[pos + 3:pos + 4], text[pos + 4:pos + 5]
    if fourth and _is_cjk(fourth) and fourth not in _AFTER_NAME and fourth not in _FUNCTION_CHARS \
            and after in _FOUR_ENDS and not word_tag(text[pos + 2:pos + 4]) and not word_tag(text[pos + 3:pos + 5]):
        return text[pos:pos + 4]
    return text[pos:pos + 3]


_FOUR_ENDS = set("说，、。在是")


def _rare_surname_name(text: str, pos: int) -> str | None:
    """A name whose surname is not listed (妥文华), or with no Han surname at all (其木格, 图雅, 次仁旺堆),
    accepted only where a name must end: before a comma, 在, 等, 是, 则, 说 or a reporting word (副县长妥文华在
    座谈会上…, 副旗长图雅介绍…). Two characters need a reporting word or 说 after them."""
    if not _is_cjk(text[pos:pos + 1] or " ") or text[pos] in _FUNCTION_CHARS:
        return None
    for n in (4, 3, 2):
        cand, after = text[pos:pos + n], text[pos + n:pos + n + 2]
        whole = word_tag(cand)  # 乌力吉 is a name the dictionary knows, whatever 乌力 is
        if len(cand) < n or not all(map(_is_cjk, cand)) or _FUNCTION_CHARS & set(cand) \
                or (whole or "nr")[:2] != "nr" or cand[0] in "到赴去来往从向" \
                or not whole and (word_tag(cand[:2]) or n > 2 and word_tag(cand[1:]) == "ns"
                                  or n == 4 and word_tag(cand[:3])):
            continue
        ends = after in _FOLLOWERS or after[:1] == "说" or n > 2 and after[:1] in _NAME_ENDS | _RARE_ENDS
        if ends:
            return cand
    return None


_RARE_ENDS = set("是则说")


def _name_before(text: str, pos: int) -> str | None:
    """Return the name that ends at pos (吴云涛局长), or None."""
    for size in (3, 2):
        cand = text[max(0, pos - size):pos]
        if len(cand) == size and all(map(_is_cjk, cand)) and cand[0] in surnames() \
                and not (size == 3 and cand[1] in surnames() and text[pos - 4:pos - 3] in surnames()):
            return cand
    return None


_DETERMINERS = set("每各全本该此这那其诸某一二三四五六七八九十两几")  # 每名援疆教师: a count of teachers


def _four_before(text: str, pos: int) -> str | None:
    """A four-character name with no Han surname (吉克阿呷老师, 次仁旺堆校长) that opens its phrase right before
    the post, none of its parts a common word (优秀青年教师, 全体党员干部 are no names)."""
    cand = text[pos - 4:pos] if pos >= 4 else ""
    if len(cand) < 4 or not all(map(_is_cjk, cand)) or _FUNCTION_CHARS & set(cand) or cand[0] in _DETERMINERS \
            or text[pos - 5:pos - 4] not in _OPENS_PHRASE or word_tag(text[pos:pos + 4]) \
            or load_gazetteer().lookup(cand[:2]) or load_gazetteer().lookup(cand[2:]):
        return None
    parts = [cand, cand[:3], cand[1:], cand[:2], cand[1:3], cand[2:]]
    if any((word_tag(w) or "nr")[:2] not in ("nr", "ns") for w in parts) or word_tag(cand[:3]) or word_tag(cand[1:]):
        return None
    return cand


_NAME_ENDS = set("，、。；：在等")
_FUNCTION_CHARS = set("就在对把被将已也都又还再曾先要会能和与及的了是为着过并等副")
# words that qualify a post (任挂职副县长, 任驻村第一书记, 任执行校长): the 任 before them is a verb, no surname
_POST_QUALIFIERS = {"挂职", "驻村", "执行", "常务", "专职", "兼职", "代理", "名誉", "第一"}


def _plausible(name: str, surname_len: int = 1) -> bool:
    """A common word (党组织) or a given name holding a function word (曾就落, 和参加) is no name."""
    tag = word_tag(name)
    given = name[1:] if name[:2] not in surnames() else name[2:]
    if any(ch in _FUNCTION_CHARS for ch in given) or name[0] in "和与及" or given in _POST_QUALIFIERS:
        return False
    return tag is None or tag.startswith("nr")


def _named_before_weak_post(text: str, ps: int, name: str | None) -> bool:
    """True for a full name the dictionary knows as one, opening its phrase before 老师/教师 (最大的刘建国老师),
    where the post does not begin a longer noun (高素质教师队伍)."""
    return bool(name) and len(name) == 3 and (word_tag(name) or "")[:2] == "nr" \
        and text[ps - 4:ps - 3] in _OPENS_PHRASE and not word_tag(text[ps:ps + 4])


_OPENS_PHRASE = set("的，、。；：\n") | {""}


def _weak_post_name(text: str, pos: int) -> str | None:
    """The name after 教师/老师, three characters or two, where a name must end (教师马俊分别担任…), and not
    running into the next word (跟岗教师全程参与: 全程|参与)."""
    for n in (3, 2):
        name = text[pos:pos + n]
        if len(name) == n and name[0] in surnames() and all(map(_is_cjk, name)) and _ends_name(text, pos + n) \
                and _plausible(name) and not _runs_on(text, pos, pos + n) and not load_gazetteer().lookup(name):
            return name  # 、凌云县县长: a place before a post is no name
    return None


# Words that open a predicate right after a subject: adverbs, conjunctions, prepositions and attributes
# such as 主动 (教师赵明霞主动申请…, 教师孙建英则在…).
_PREDICATE_TAGS = {"d", "c", "p", "b", "ad", "vd"}


def _ends_name(text: str, pos: int) -> bool:
    """True when a name may end at pos: before a comma, a particle, 说, 被, a reporting word, an adverb, or
    the end of a line (a headline: 记支教教师马丽芳)."""
    if pos >= len(text) or text[pos] == "\n" or _post_re().match(text, pos):
        return True  # a post may follow the name it stands after (支教教师王芳老师)
    if text[pos:pos + 1] in _NAME_ENDS | _AFTER_WEAK or text[pos:pos + 2] in _FOLLOWERS | _AFTER_WEAK | {"分别"}:
        return True
    word = first_word(text, pos)
    tag = word[1] if word else word_tag(text[pos])
    return tag in _PREDICATE_TAGS


def find_people(text: str, blocked: list[bool]) -> list[PersonMention]:
    """Return people named beside a post; names touching a placeholder are ignored."""
    found: dict[int, PersonMention] = {}
    for match in _post_re().finditer(text):
        ps, pe = match.span()
        if word_tag(text[ps:pe + 1]):
            continue  # 主席团, 校长室, 教师节: the post is the start of another word
        name = _name_after(text, pe)
        if match.group() in _WEAK_POSTS:
            name = _weak_post_name(text, pe)
        foreign = _TRANSLITERATED.match(text, pe)
        if foreign:
            name = foreign.group()
        if name and (foreign or _plausible(name)) and not any(blocked[pe:pe + len(name)]):
            found[pe] = PersonMention(pe, pe + len(name), name, match.group(), ps)
            for person in _listed_after(text, pe + len(name), match.group(), ps, blocked):
                found.setdefault(person.start, person)
            continue
        name, four = _name_before(text, ps), _four_before(text, ps)
        name = name if name and not four else four or name
        if match.group() in _WEAK_POSTS and not four and not _named_before_weak_post(text, ps, name):
            continue  # 高素质教师, 乡村教师: before such a post stands an attribute, not a name
        if name and word_tag(text[ps - len(name) - 1:ps - len(name) + 1]):
            name = None  # 双方教育局长: 方 belongs to 双方
        if name and load_gazetteer().lookup(name + text[ps]):
            name = None  # 于田县委副书记: the place's name before a post that starts with its level (县)
        if name and _plausible(name) and not any(blocked[ps - len(name):ps]) and (ps - len(name)) not in found:
            found[ps - len(name)] = PersonMention(ps - len(name), ps, name, match.group(), ps)
    for person in _appointed(text, blocked):
        found.setdefault(person.start, person)
    for m in _AGED.finditer(text):
        name = _weak_post_name(text, m.end())
        if name and not any(blocked[m.end():m.end() + len(name)]):
            found.setdefault(m.end(), PersonMention(m.end(), m.end() + len(name), name, "", m.end()))
    return [found[k] for k in sorted(found)]


def _listed_after(text: str, end: int, post: str, ps: int, blocked: list[bool]) -> list[PersonMention]:
    """The names listed with 、 after a post's first name (援疆教师李明辉、张晓燕、王建军分别…), each ending where
    a name ends."""
    out = []
    while text[end:end + 1] == "、":
        name = _weak_post_name(text, end + 1)
        if not name or any(blocked[end + 1:end + 1 + len(name)]):
            break
        out.append(PersonMention(end + 1, end + 1 + len(name), name, post, ps))
        end += 1 + len(name)
    return out


@cache
def _appointed_re() -> re.Pattern:
    return re.compile(_APPOINTED.pattern % "|".join(map(re.escape, sorted(posts(), key=len, reverse=True))))


def _appointed(text: str, blocked: list[bool]) -> list[PersonMention]:
    """People named as appointed to a post at the start of a clause: 其中林志远任…副校长, 王芳担任…园长."""
    out = []
    for m in _appointed_re().finditer(text):
        name, start = m.group(1), m.start(1)
        surname = 2 if name[:2] in surnames() else 1 if name[0] in surnames() else 0
        if surname and len(name) > surname and _plausible(name) and not any(blocked[start:m.end(1)]):
            out.append(PersonMention(start, m.end(1), name, "", start))
    return out
