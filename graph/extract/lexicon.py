"""The shipped word lists (seeds/lexicons/), loaded once per process."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..resources import seed


def _rows(name: str) -> list[list[str]]:
    """Return the tab-separated rows of a lexicon file, without comments and blank lines."""
    text = seed("lexicons", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Head:
    """The head noun that ends an organisation name."""

    word: str
    type: str
    reach: int  # how many characters of proper name may precede it
    bare_ok: bool  # a generic prefix alone (县实验小学) is enough


@dataclass(frozen=True)
class Trigger:
    word: str
    relation: str
    kind: str
    confidence: float


@cache
def heads() -> dict[str, Head]:
    return {r[0]: Head(r[0], r[1], int(r[2]), r[3] == "yes") for r in _rows("org_heads.tsv")}


@cache
def abbreviation_heads() -> dict[str, tuple[str, ...]]:
    """Map each abbreviated head (师大, 职院) to the full heads it stands for (师范大学; 职业技术学院)."""
    return {r[0]: tuple(r[1].split("|")) for r in _rows("abbreviations.tsv")}


@cache
def name_stops() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("name_stops.txt"))


@cache
def generic_names() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("generic_names.txt"))


@cache
def posts() -> tuple[str, ...]:
    return tuple(sorted((r[0] for r in _rows("posts.txt")), key=len, reverse=True))


@cache
def surnames() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("surnames.txt"))


@cache
def programmes() -> dict[str, str]:
    """Map every listed form of a named programme to its canonical name."""
    forms = {}
    for row in _rows("programmes.tsv"):
        canonical = row[0].strip()
        for form in [canonical, *(row[1].split("|") if len(row) > 1 else [])]:
            if form.strip():
                forms[form.strip()] = canonical
    return forms


@cache
def triggers() -> dict[str, Trigger]:
    return {r[0]: Trigger(r[0], r[1], r[2], float(r[3])) for r in _rows("triggers.tsv")}


def longest_trigger(words: str, relations: tuple[str, ...]) -> Trigger | None:
    """Return the longest trigger of one of `relations` that `words` hold (the first listed among equals)."""
    found = [w for w, t in triggers().items() if t.relation in relations and w in words]
    return triggers()[max(found, key=len)] if found else None
