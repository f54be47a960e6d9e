"""Frames that relate the items of a list, not the two sides of a trigger.

  a pair list: lines such as "1. A——B" (A—B, A：B, A与B) under a heading whose trigger gives the relation
  (…城乡学校结对帮扶名单); a note such as （前为帮扶学校，后为受援学校） gives the direction, else the first
  of a pair helps the second;
  membership: 以 A 为核心校，吸纳 B、C 为成员校 · A 作为领航校，与 B、C 组建城乡教育共同体: the lead school
  assists each member.
Each frame returns (helpers, helped, trigger, sentence start, sentence end, weight); relations.py makes the
relations.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from .clauses import End
from .lexicon import Trigger, longest_trigger

_NUMBER = re.compile(r"\s*(?:\d{1,3}\s*[.、．)）]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?\s*")
_SEPARATOR = re.compile(r"\s*(?:——|—|－－|--|-|～|→|：|:|与|和|\t|\s)\s*")
_TAIL = re.compile(r"\s*[。；;，,]?\s*$")
# (前为帮扶学校，后为受援学校), (左为受援方，右为帮扶方), 每组前面为受援学校，后面为帮扶学校
_NOTE = re.compile(r"[前左](?:面|边|者|侧)?为([^，,；;）)]{1,10})[，,；;]\s*[后右](?:面|边|者|侧)?为([^，,；;）)]{1,10})")
_HELPED_WORDS = re.compile(r"受援|受帮扶|被帮扶|结对学校|薄弱")
_HEADING_REACH = 6  # lines between a heading and its list (a blank line, a note)
_MEMBERSHIP = Trigger("成员校", "assists", "集团化办学", 0.8)
_LEAD = r"(?:核心校|核心学校|领航校|领航学校|牵头校|牵头学校|龙头校|龙头学校|总校)"
# 以 A 为核心校(，) 吸纳/带动/联合/辐射 B、C 为成员校 (or B、C 为成员校 with no verb)
_LEAD_AS = re.compile(r"以([^以为，；。]{2,40})为" + _LEAD)
_MEMBERS_AS = re.compile(r"(?:吸纳|带动|联合|辐射|包括|纳入|吸收)?([^，；。]{2,120}?)(?:等\d*所?(?:学校)?)?为成员(?:校|学校|单位)")
# A 作为/是 领航校，与/联合/带领 B、C 组建/组成/成立 …共同体/集团/联盟
_LEAD_IS = re.compile(r"作为" + _LEAD + r"|(?:是|为)(?:该?集团的?)?" + _LEAD)
_JOINED = re.compile(r"[，,]?\s*(?:与|同|和|联合|带领|带动)([^，；。]{2,120}?)(?:共同)?(?:组建|组成|成立|结成|建立)"
                     r"[^，；。]{0,16}(?:共同体|集团|联盟|联合体|发展共同体)")


Frame = tuple[list, list, Trigger, int, int, float]


def pair_lists(text: str, sentences: Sequence[tuple[int, int]], ends: Sequence[End]) -> list[Frame]:
    """Read each line that is nothing but a numbered pair of bodies, under a heading with a trigger."""
    out: list[Frame] = []
    lines = line_spans(text)
    heading, reverse, since = None, False, _HEADING_REACH + 1
    starts = [e.start for e in ends]
    for start, end in lines:
        pair = _pair(text, start, end, ends[bisect_left(starts, start):bisect_left(starts, end)]) \
            if heading is not None else None
        if pair is None:
            line = text[start:end]
            note = _NOTE.search(line)
            if note:
                reverse = bool(_HELPED_WORDS.search(note.group(1))) and not _HELPED_WORDS.search(note.group(2))
            elif line.strip():
                trig = _heading_trigger(line)
                if trig is not None:
                    heading, reverse, since = trig, False, 0
                    continue
            since += 1
            if since > _HEADING_REACH:
                heading = None
            continue
        since = 0
        if heading is not None:
            first, second = pair
            helper, helped = (second, first) if reverse else (first, second)
            out.append(([helper], [helped], heading, start, end, 0.9))
    return out


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of every line of the text, without its newline."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _heading_trigger(line: str) -> Trigger | None:
    """The relation a list heading names: …结对帮扶名单, …结对学校一览表 (the longest trigger in it)."""
    if not re.search(r"名单|一览表|对照表|安排表?|结对表|分配表|汇总表", line) or len(line) > 80:
        return None
    return longest_trigger(line, ("assists", "partners"))


def _pair(text: str, start: int, end: int, ends: Sequence[End]):
    """The two ends of a line that is only "N. A——B", else None."""
    inside = [e for e in ends if start <= e.start and e.end <= end and not e.modifier]
    if len(inside) != 2 or inside[0].key == inside[1].key:
        return None
    a, b = inside
    lead = _NUMBER.match(text, start)
    if lead.end() != a.start or not _SEPARATOR.fullmatch(text, a.end, b.start) \
            or not _TAIL.fullmatch(text, b.end, end):
        return None
    return a, b


def memberships(text: str, sentences: Sequence[tuple[int, int]], ends: Sequence[End]) -> list[Frame]:
    """The lead school of a group assists each member: 以A为核心校，吸纳B、C为成员校; A作为领航校，与B、C组建共同体."""
    out: list[Frame] = []
    for start, end in sentences:
        sentence = text[start:end]
        if not re.search(_LEAD, sentence):
            continue
        inside = [e for e in ends if start <= e.start and e.end <= end and not e.modifier]
        lead = _LEAD_AS.search(sentence)
        if lead:
            leads = _within(inside, start + lead.start(1), start + lead.end(1))
            members = _MEMBERS_AS.search(sentence, lead.end())
            span = (start + members.start(1), start + members.end(1)) if members else None
        else:
            lead = _LEAD_IS.search(sentence)
            if not lead:
                continue
            clause = max(sentence.rfind(c, 0, lead.start()) for c in "，,；;。") + 1
            leads = _within(inside, start + clause, start + lead.start())[-1:]
            members = _JOINED.match(sentence, lead.end())
            span = (start + members.start(1), start + members.end(1)) if members else None
        if not leads or span is None:
            continue
        listed = _within(inside, *span)
        if listed and _only_a_list(text, span, listed):
            out.append((leads[-1:], listed, _MEMBERSHIP, start, end, 1.0))
    return out


def _within(ends: list[End], a: int, b: int) -> list[End]:
    return [e for e in ends if a <= e.start and e.end <= b]


def _only_a_list(text: str, span: tuple[int, int], listed: list[End]) -> bool:
    """True when the span holds the listed ends joined by 、 和 及 与 and nothing else but a closing 等."""
    pos = span[0]
    for e in listed:
        if text[pos:e.start].strip() not in ("", "、", "和", "及", "与", "以及", "，"):
            return False
        pos = e.end
    return re.fullmatch(r"\s*(等\d*[所个]?(学校|成员校)?)?\s*", text[pos:span[1]]) is not None
