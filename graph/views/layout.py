"""Pre-computed node positions: the geographic layout, and a seeded layout for graphs too big for live physics."""
from __future__ import annotations

import hashlib
import math

import networkx as nx

from .select import STRUCTURAL

CENTRE = (105.0, 35.0)  # lon, lat near China's centre: every view shares one projection
SCALE = 100.0  # pixels per degree of latitude


def _unit(key: str, salt: str) -> float:
    """Return a stable pseudo-random number in [0, 1) from a key (no process-seeded hash)."""
    digest = hashlib.sha256(f"{salt}:{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def jitter(key: str, near: tuple[float, float], low: float = 18.0, high: float = 45.0) -> tuple[float, float]:
    """Return a point at a stable angle and distance from `near`, so neighbours of one place do not overlap."""
    angle = 2 * math.pi * _unit(key, "angle")
    radius = low + (high - low) * _unit(key, "radius")
    return round(near[0] + radius * math.cos(angle), 2), round(near[1] + radius * math.sin(angle), 2)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Return the equirectangular canvas point of a longitude/latitude; y grows southwards as on screen."""
    x = (lon - CENTRE[0]) * math.cos(math.radians(CENTRE[1])) * SCALE
    return round(x, 2), round(-(lat - CENTRE[1]) * SCALE, 2)


def _container(graph: nx.MultiDiGraph, key: str) -> str | None:
    parent = graph.nodes[key].get("parent")
    if parent in graph:
        return parent
    outer = sorted(v for _, v, rel in graph.out_edges(key, keys=True) if rel == STRUCTURAL)
    return outer[0] if outer else None


def _anchor(graph: nx.MultiDiGraph, key: str, placed: dict, seen: set) -> tuple[float, float] | None:
    """Return the position of the nearest container that has coordinates, placing containers on the way."""
    if key in placed:
        return placed[key]
    data = graph.nodes[key]
    if data.get("lon") is not None and data.get("lat") is not None:
        placed[key] = project(float(data["lon"]), float(data["lat"]))
        return placed[key]
    outer = _container(graph, key)
    if outer is None or outer in seen:
        return None
    seen.add(key)
    near = _anchor(graph, outer, placed, seen)
    if near is not None:
        placed[key] = jitter(key, near)
    return placed.get(key)


def geo_positions(graph: nx.MultiDiGraph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Return canvas positions: divisions at their coordinates, others near the division they are in.

    Entities with no located container sit near the mean of their placed neighbours, or on a row under the map.
    """
    placed: dict[str, tuple[float, float]] = {}
    for key in sorted(graph.nodes):
        _anchor(graph, key, placed, set())
    shown = set(nodes)
    lost = [k for k in sorted(shown) if k not in placed]
    bottom = max((y for _, y in placed.values()), default=0.0) + 120
    row = 0
    for key in lost:
        near = [placed[n] for n in sorted(set(graph.predecessors(key)) | set(graph.successors(key))) if n in placed]
        if near:
            mean = (sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near))
            placed[key] = jitter(key, mean, 30, 60)
        else:
            placed[key] = (round(-600 + 60 * (row % 25), 2), round(bottom + 60 * (row // 25), 2))
            row += 1
    return {k: placed[k] for k in sorted(shown)}


def _repulsion(points, grid: int = 128):
    """Return each point's repulsive force from all others, spread on a grid and convolved by FFT (O(n log n))."""
    import numpy as np

    low, high = points.min(axis=0) - 1.0, points.max(axis=0) + 1.0
    cell = float((high - low).max()) / grid
    cells = np.clip(((points - low) / cell).astype(int), 0, grid - 1)
    density = np.zeros((grid, grid))
    np.add.at(density, (cells[:, 0], cells[:, 1]), 1.0)
    offsets = (np.arange(2 * grid) - grid) * cell  # kernel over every possible cell offset, wrapped for the FFT
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    square = dx ** 2 + dy ** 2 + (0.5 * cell) ** 2
    size = (2 * grid, 2 * grid)
    spectrum = np.fft.rfft2(density, size)
    forces = []
    for part in (dx / square, dy / square):
        field = np.fft.irfft2(spectrum * np.fft.rfft2(np.fft.ifftshift(part), size), size)
        forces.append(field[cells[:, 0], cells[:, 1]])
    return np.stack(forces, axis=1)


def spring_positions(graph: nx.MultiDiGraph, nodes: list[str], seed: int = 7, iterations: int = 200,
                     spacing: float = 70.0) -> dict[str, tuple[float, float]]:
    """Return a seeded force-directed layout (Fruchterman-Reingold, grid-approximated repulsion).

    For views too big to lay out in the browser: 5,000 nodes take about a second here, against a minute of
    live physics.
    """
    import numpy as np

    order = sorted(nodes)
    if not order:
        return {}
    index = {key: i for i, key in enumerate(order)}
    pairs = sorted({(index[u], index[v]) for u, v in graph.subgraph(order).edges() if u != v})
    ends = np.array(pairs, dtype=int).reshape(-1, 2)
    count = len(order)
    side = count ** 0.5
    points = np.random.default_rng(seed).uniform(-side / 2, side / 2, size=(count, 2))
    step = side / 10
    for number in range(iterations):
        force = _repulsion(points) - 0.02 * points  # gentle gravity keeps separate components in view
        if len(ends):
            delta = points[ends[:, 1]] - points[ends[:, 0]]
            pull = delta * np.linalg.norm(delta, axis=1, keepdims=True)
            np.add.at(force, ends[:, 0], pull)
            np.add.at(force, ends[:, 1], -pull)
        length = np.linalg.norm(force, axis=1, keepdims=True)
        limit = step * (1 - number / iterations) + 0.01
        points += force / np.maximum(length, 1e-9) * np.minimum(length, limit)
    points -= points.mean(axis=0)
    return {key: (round(float(x) * spacing, 1), round(float(y) * spacing, 1)) for key, (x, y) in zip(order, points)}
