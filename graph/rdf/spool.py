"""Collect the documents' fragments as a build streams them: feed the store, then write graph.ttl.

A fragment's Turtle goes to a file beside the outputs as it comes (memory stays flat whatever the corpus
size), with its offset, so that graph.ttl lists the documents in id order whatever order they came in: the
prefixes, each document's block, then the aggregate triples. Its N-Triples go at once to the store being
loaded, when the store is loaded anew (graph/rdf/store.py `Loader`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..files import atomic_write
from .ntriples import Statement, lines
from .store import Loader
from .turtle import prefixes, turtle_blocks

TURTLE_SPOOL = ".fragments.ttl"


class Spool:
    """The fragments of one build: their Turtle in a file inside `folder` (removed by `close`), their
    N-Triples loaded into a new store inside `folder` when `load` is set."""

    def __init__(self, folder: str | Path, load: bool = True):
        self.folder = Path(folder)
        self._turtle = open(self.folder / TURTLE_SPOOL, "w+b")
        self._spans: dict[str, tuple[int, int]] = {}
        self._loader = Loader(self.folder) if load else None
        self._sealed = False

    def add(self, doc: str, turtle: str, ntriples: str | None) -> None:
        """Add one document's fragment: its Turtle, and its N-Triples when the store is loaded anew."""
        data = turtle.encode("utf-8")
        self._spans[doc] = (self._turtle.tell(), len(data))
        self._turtle.write(data)
        if self._loader is not None:
            if ntriples is None:
                raise ValueError(f"{doc}: a store loaded anew needs every document's N-Triples")
            self._loader.add(ntriples)

    def seal(self, aggregate: Iterable[Statement]) -> None:
        """Hand the aggregate statements to the store after the documents' and let it finish loading while
        the build writes its other outputs; `store` then waits for it."""
        if self._loader is None:
            raise ValueError("this spool does not load a store (Spool(..., load=False))")
        if not self._sealed:
            for line in lines(aggregate):
                self._loader.add(line)
            self._loader.seal()
            self._sealed = True

    def store(self, aggregate: Iterable[Statement]) -> Path:
        """Load the aggregate statements (unless `seal` did) and return the loaded store's folder."""
        self.seal(aggregate)
        loader, self._loader = self._loader, None
        return loader.finish()

    def write_turtle(self, path: str | Path, aggregate: Iterable[Statement]) -> Path:
        """Write graph.ttl atomically: prefixes, the documents' blocks in id order, the aggregate blocks."""
        self._turtle.flush()
        with atomic_write(path, "wb") as handle:
            handle.write(prefixes().encode("utf-8"))
            for doc in sorted(self._spans):
                offset, size = self._spans[doc]
                self._turtle.seek(offset)
                handle.write(self._turtle.read(size))
            handle.write(turtle_blocks(aggregate).encode("utf-8"))
        self._turtle.seek(0, 2)
        return Path(path)

    def close(self) -> None:
        if self._loader is not None:  # the build failed before its store was loaded
            self._loader.abort()
            self._loader = None
        self._turtle.close()
        Path(self._turtle.name).unlink(missing_ok=True)

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
