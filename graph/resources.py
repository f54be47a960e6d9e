"""The one place that finds the shipped seeds/ and ontology/ files.

In the wheel they are installed as `graph/_seeds` and `graph/_ontology` (hatch force-include, see
pyproject.toml); in a source checkout or an editable install they are the top-level folders.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


@cache
def _base(kind: str) -> Path:
    packaged = Path(str(resources.files("graph"))) / f"_{kind}"  # the wheel's copy
    if packaged.is_dir():
        return packaged
    local = _ROOT / kind
    if local.is_dir():
        return local
    raise FileNotFoundError(f"bangfu's {kind}/ folder is not installed; reinstall the package")


def seed(*parts: str) -> Path:
    """Return the path of a file under seeds/, e.g. seed("gazetteer", "divisions.tsv")."""
    return _base("seeds").joinpath(*parts)


def ontology(*parts: str) -> Path:
    """Return the path of a file under ontology/, e.g. ontology("bangfu.ttl")."""
    return _base("ontology").joinpath(*parts)


def sample_corpus() -> Path:
    return seed("corpus")
