"""One colour and shape table for every entity and relation type, shared by the views and the exports."""
from __future__ import annotations

from ..model import ENTITY_TYPES, RELATION_TYPES

# Divisions in cool blues and greens (the helped places), helpers in warm colours, so a glance separates them.
# Shapes are vis-network names; GEXF_SHAPES maps them onto the four shapes Gephi's viz:shape knows.
ENTITY_STYLE: dict[str, tuple[str, str]] = {
    "Province": ("#1f4e79", "hexagon"),
    "Prefecture": ("#2e75b6", "hexagon"),
    "County": ("#2ca02c", "dot"),
    "Township": ("#98df8a", "dot"),
    "Village": ("#c7e9c0", "dot"),
    "University": ("#d62728", "star"),
    "School": ("#ff7f0e", "triangle"),
    "Government": ("#7f3c8d", "square"),
    "Enterprise": ("#8c564b", "diamond"),
    "Organization": ("#e377c2", "diamond"),
    "Group": ("#bcbd22", "square"),
    "Programme": ("#17becf", "triangleDown"),
    "Person": ("#7f7f7f", "dot"),
}
UNKNOWN_STYLE = ("#555555", "dot")

RELATION_COLOURS: dict[str, str] = {
    "assists": "#d62728",
    "partners": "#ff7f0e",
    "trains": "#9467bd",
    "located_in": "#b0b0b0",
}
UNKNOWN_RELATION = "#888888"
SYMMETRIC = frozenset({"partners"})  # drawn without arrows, exported as undirected

GEXF_SHAPES = {"dot": "disc", "hexagon": "disc", "star": "diamond", "triangle": "triangle",
               "triangleDown": "triangle", "square": "square", "diamond": "diamond"}

assert set(ENTITY_STYLE) == set(ENTITY_TYPES) and set(RELATION_COLOURS) == set(RELATION_TYPES)


def node_colour(entity_type: str | None) -> str:
    """Return the hex colour of an entity type."""
    return ENTITY_STYLE.get(entity_type or "", UNKNOWN_STYLE)[0]


def node_shape(entity_type: str | None) -> str:
    """Return the vis-network shape of an entity type."""
    return ENTITY_STYLE.get(entity_type or "", UNKNOWN_STYLE)[1]


def edge_colour(relation_type: str | None) -> str:
    """Return the hex colour of a relation type."""
    return RELATION_COLOURS.get(relation_type or "", UNKNOWN_RELATION)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """Return the (r, g, b) channels of '#rrggbb'."""
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def node_size(degree: int, documents: int = 0, by: str = "degree") -> float:
    """Return a node's drawn size: grows with the square root of its degree or of its supporting documents."""
    count = documents if by == "docs" else degree
    return round(10 + 6 * max(count, 0) ** 0.5, 2)
