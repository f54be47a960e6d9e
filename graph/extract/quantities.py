"""Quantities and years stated in a clause: 金额 15万元, 人数 31名, 2021年."""
from __future__ import annotations

import re

_MONEY = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|元)")
_PEOPLE = re.compile(r"(\d+)\s*(?:名|人)(?:次)?")
_COUNT = re.compile(r"(\d+)\s*(所|个|套|册|台)")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def quantities_in(text: str) -> tuple[tuple[str, str], ...]:
    """Return (label, value) pairs in the order they appear."""
    found = []
    for label, pattern in (("金额", _MONEY), ("人数", _PEOPLE), ("数量", _COUNT)):
        found += [(m.start(), label, m.group().replace(" ", "")) for m in pattern.finditer(text)]
    return tuple((label, value) for _pos, label, value in sorted(found))


def year_in(text: str) -> int | None:
    """Return the first year the text states, if any."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None
