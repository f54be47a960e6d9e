"""A table of pairs: rows under a header whose columns name the side that helps and the side helped.

  | 序号 | 帮扶学校 | 受援学校 | 所在县 |      (trafilatura writes an HTML table so, and Markdown articles do)
  |---|---|---|---|
  | 1 | 甲市第一中学 | 乙县第二中学 | 乙县 |

Each row's bodies in the helper's column assist those in the helped column. The relation's kind is the
longest trigger of assistance the header or the lines just above it name (…结对帮扶名单), else the helper
column's own word (帮扶). Returns frames as lists.py does: (helpers, helped, trigger, start, end, weight).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from ..ingest.boilerplate import TABLE_RULE
from .lexicon import Trigger, longest_trigger
from .clauses import End
from .lists import Frame, line_spans

_HELPED = re.compile(r"受援|受帮扶|被帮扶|受扶|被托管|受托|受助|受赠|薄弱|成员")
_HELPER = re.compile(r"帮扶|支援|援助|援建|援派|对口|结对|托管|牵头|领航|核心|派出|捐赠")
_ASSISTS = ("assists",)
_ABOVE = 3  # lines above a header searched for the table's kind (its caption or the notice's title)


def pair_tables(text: str, sentences: Sequence[tuple[int, int]], ends: Sequence[End]) -> list[Frame]:
    """Read every row of every table whose header has a helper's column and a helped column."""
    out: list[Frame] = []
    lines = line_spans(text)
    starts = [e.start for e in ends]
    columns = None  # (helper's column, helped column, trigger) of the table being read
    for number, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.lstrip().startswith("|"):
            columns = None
            continue
        cells = _cells(text, start, end)
        if columns is None:
            columns = _header(text, lines, number, cells)
            continue
        if TABLE_RULE.fullmatch(line.strip()):
            continue
        helper, helped, trig = columns
        if max(helper, helped) >= len(cells):
            continue
        inside = ends[bisect_left(starts, start):bisect_left(starts, end)]
        givers, takers = _in_cell(inside, cells[helper]), _in_cell(inside, cells[helped])
        if givers and takers and not {e.key for e in givers} & {e.key for e in takers}:
            out.append((givers, takers, trig, start, end, 0.9))
    return out


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a row's cells, between its bars."""
    bars = [i for i in range(start, end) if text[i] == "|"]
    last = [(bars[-1] + 1, end)] if text[bars[-1] + 1:end].strip() else []  # a row need not close with a bar
    return [(a + 1, b) for a, b in zip(bars, bars[1:])] + last


def _header(text: str, lines: list[tuple[int, int]], number: int, cells) -> tuple[int, int, Trigger] | None:
    """The helper's column, the helped column and the trigger of a header row; None when it has not both."""
    names = [text[a:b].strip() for a, b in cells]
    helped = [i for i, name in enumerate(names) if _HELPED.search(name)]
    helper = [i for i, name in enumerate(names) if _HELPER.search(name) and i not in helped]
    if len(helped) != 1 or len(helper) != 1:
        return None
    above = " ".join(text[a:b] for a, b in lines[max(0, number - _ABOVE):number])
    trig = longest_trigger(above, _ASSISTS) or longest_trigger(names[helper[0]], _ASSISTS)
    return (helper[0], helped[0], trig) if trig is not None else None


def _in_cell(ends: Sequence[End], cell: tuple[int, int]) -> list[End]:
    """The bodies named in a cell (not a place that only modifies one)."""
    return [e for e in ends if cell[0] <= e.start and e.end <= cell[1] and not e.modifier]
