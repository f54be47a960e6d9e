"""A sentence's relation ends and clauses, and the words the patterns share (assists.py, partners.py,
sending.py, training.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .entities import Found, division_key
from .lexicon import triggers

# Townships and villages are no ends: who helps 哈达铺镇 helps its county, which the sentence names or implies.
END_TYPES = {"Province", "Prefecture", "County", "University", "School", "Government", "Enterprise", "Organization"}
# X 的/X 9名退休特级教师 来到 Y 支教: the helper's own people go
ITS_PEOPLE = re.compile(r"的?\d*[名位批]?[^，；。]{0,10}(教师|干部|专家|校长|医生|志愿者|研究生|大学生|支教团)")
SENDS = re.compile(r"选派|派出|派遣|组织|组团|安排|带领|率")
# a clause that goes on with the subject of the one before: …调研，并向该县禾川中学捐赠
GOES_ON = re.compile(r"(并且?|还|同时|随后|此外)")
# time words and adverbs between a subject and its 与 (该校今年与…结对)
ADVERBIAL = re.compile(r"(今年|去年|近日|日前|近年来|多年来|长期|已经?|还|也|先后|正式|将|又|再次|此前|早在|曾经?|[自从]\d{4}年[起以来]*|\d{4}年|\d+月(\d+日)?)+")
GIFTS = {"捐赠", "捐款", "捐建", "捐资", "资助", "援建", "助学"}


def adverbial_length(text: str, pos: int, end: int) -> int:
    m = ADVERBIAL.match(text, pos, end)
    return m.end() - pos if m else 0


@cache
def trigger_re() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, triggers()), key=len, reverse=True)))


def trig_kind(text: str, ts: int, te: int) -> str:
    return triggers()[text[ts:te]].kind
# the role a body plays in a pairing: X 是 Y 的帮扶学校/结对学校
ROLE_NOUN = re.compile(r"(学校|单位|高校|院校|城市)")
IS_OF = re.compile(r"(?:是|为)([^是为，；。]{1,30})的$")
_COORD = re.compile(r"^[、和及]|^以及$")
BREAK = "，,；;：:。！？!?\n\u3000 "  # a space parts a headline's phrases (normalised from 　)


@dataclass(frozen=True)
class End:
    start: int
    end: int
    key: str
    type: str
    modifier: bool = False


class Sentence:
    """One sentence's ends and text, with the helpers the patterns need."""

    def __init__(self, text: str, start: int, end: int, ends: list[End], blocked: list[bool]):
        self.text, self.start, self.end, self.ends, self.blocked = text, start, end, ends, blocked

    def clause_start(self, pos: int) -> int:
        i = pos
        while i > self.start and self.text[i - 1] not in BREAK:
            i -= 1
        return i

    def clause_end(self, pos: int) -> int:
        i = pos
        while i < self.end and self.text[i] not in BREAK:
            i += 1
        return i

    def between(self, a: int, b: int) -> list[End]:
        return [e for e in self.ends if a <= e.start and e.end <= b]

    def has_placeholder(self, a: int, b: int) -> bool:
        return any(self.blocked[a:b])

    def coordinated(self, first: End, leftwards: bool) -> list[End]:
        """Return first and the ends joined to it by 、 和 及 (X、Y和Z)."""
        group, ordered = [first], sorted((e for e in self.ends if not e.modifier), key=lambda e: e.start,
                                         reverse=leftwards)
        current = first
        for other in ordered:
            gap = self.text[other.end:current.start] if leftwards else self.text[current.end:other.start]
            if (other.end <= current.start if leftwards else other.start >= current.end) and _COORD.match(gap) \
                    and len(gap) <= 2:
                group.append(other)
                current = other
        return group


def home_key(found: Found) -> str | None:
    return division_key(found.home.county.adcode) if found.home.county else None


def implicit(found: Found, helper: End) -> list[End]:
    """The article's home county as the one helped when a clause names none, unless it is the helper's own place
    (在龙岗区教育局的支持下 in an article that reads as 龙岗区's: the bureau helps somebody else)."""
    home = home_key(found)
    own = next((e.parent for e in found.entities if e.key == helper.key), None)
    if home and home != helper.key and home != own:
        county = found.home.county
        return [End(-1, -1, home, county.level)]
    return []
