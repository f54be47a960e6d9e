"""Decide one canonical entity from the versions the documents give of it, by counted votes.

Every document that names an entity casts one vote for its name, its type and each field it fills; the
most voted value wins (ties go to the smallest value), names that lose become aliases. Votes can be taken
back, so the entity decided does not depend on the order documents came in or went out.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Entity

FIELDS = ("adcode", "parent", "romanised", "post", "lon", "lat")


def _cast(counter: Counter, value, sign: int) -> None:
    counter[value] += sign
    if counter[value] <= 0:
        del counter[value]


def _winner(counter: Counter):
    return min(counter.items(), key=lambda item: (-item[1], str(item[0])))[0] if counter else None


@dataclass
class Ballot:
    """The votes cast for one entity key."""

    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    aliases: Counter = field(default_factory=Counter)
    fields: dict[str, Counter] = field(default_factory=lambda: {name: Counter() for name in FIELDS})

    def cast(self, entity: Entity, sign: int = 1) -> None:
        """Add the entity's votes (sign 1) or take them back (sign -1)."""
        _cast(self.names, entity.name, sign)
        _cast(self.types, entity.type, sign)
        for alias in set(entity.aliases):
            _cast(self.aliases, alias, sign)
        for name in FIELDS:
            value = getattr(entity, name)
            if value is not None:
                _cast(self.fields[name], value, sign)

    def empty(self) -> bool:
        return not self.names

    def decide(self, key: str) -> Entity:
        """Return the entity the votes elect."""
        name = _winner(self.names)
        aliases = (set(self.aliases) | set(self.names)) - {name}
        values = {field_name: _winner(self.fields[field_name]) for field_name in FIELDS}
        return Entity(key, name, _winner(self.types), tuple(sorted(aliases)), **values)
