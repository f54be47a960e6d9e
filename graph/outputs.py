"""Swap a build's outputs in as one set, so that a killed or failed build never leaves a mix of two builds.

Each build writes into a fresh generation folder, OUT/.generations/<n>/. OUT/current is a symbolic link to
the generation in use, and every output name in OUT (graph.html, store, ...) is a link through it
(OUT/graph.html -> current/graph.html). Committing a build replaces OUT/current with one rename, which
switches every output at once; older generations are then removed.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

GENERATIONS = ".generations"
CURRENT = "current"


def _generations(out: Path) -> Path:
    return out / GENERATIONS


def current_generation(out: Path) -> Path | None:
    """Return the generation folder OUT/current points to, if any."""
    link = out / CURRENT
    return (out / os.readlink(link)).resolve() if link.is_symlink() else None


def new_generation(out: Path) -> Path:
    """Make and return an empty generation folder, numbered after every existing one."""
    folder = _generations(out)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name) for p in folder.iterdir() if p.name.isdigit()]
    generation = folder / str(max(numbers, default=0) + 1)
    generation.mkdir()
    return generation


def _link(target: str, path: Path) -> None:
    """Point the symbolic link `path` at `target`, replacing whatever is there with one rename."""
    tmp = path.with_name(f".{path.name}.link")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    if path.exists() and not path.is_symlink():  # an output of an older bangfu, written in place
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    os.replace(tmp, path)


def commit(out: Path, generation: Path, names: tuple[str, ...]) -> None:
    """Make `generation` the build in use: every name in OUT now reads from it; remove older ones."""
    for name in names:  # links through OUT/current: unchanged once made, so safe at any point
        link = out / name
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}"):
            _link(f"{CURRENT}/{name}", link)
    _link(f"{GENERATIONS}/{generation.name}", out / CURRENT)
    discard_stale(out)


def discard_stale(out: Path) -> None:
    """Remove every generation but the current one (left by killed or failed builds)."""
    keep = current_generation(out)
    folder = _generations(out)
    if not folder.is_dir():
        return
    for generation in folder.iterdir():
        if generation.resolve() != keep:
            shutil.rmtree(generation, ignore_errors=True)
