"""Collect the documents' fragments as a build streams them, then write graph.ttl and feed the store.

Fragments go to two files beside the outputs as they come (memory stays flat whatever the corpus size),
with the offset of each, so that graph.ttl lists the documents in id order whatever order they came in:
the prefixes, each document's block, then the aggregate triples.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, Iterable

from ..files import atomic_write
from .ntriples import Statement
from .turtle import prefixes, turtle_blocks

TURTLE_SPOOL, NTRIPLES_SPOOL = ".fragments.ttl", ".fragments.nt"


class Spool:
    """The fragments of one build, in two files inside `folder` (removed by `close`)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self._turtle = open(self.folder / TURTLE_SPOOL, "w+b")
        self._ntriples = open(self.folder / NTRIPLES_SPOOL, "w+b")
        self._spans: dict[str, tuple[int, int]] = {}

    def add(self, doc: str, turtle: str, ntriples: str | None) -> None:
        """Add one document's fragment: its Turtle, and its N-Triples when the store is to be loaded anew."""
        data = turtle.encode("utf-8")
        self._spans[doc] = (self._turtle.tell(), len(data))
        self._turtle.write(data)
        if ntriples is not None:
            self._ntriples.write(ntriples.encode("utf-8"))

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

    def ntriples(self) -> IO[bytes]:
        """Return the documents' N-Triples as a binary file read from its start (for the bulk loader)."""
        self._ntriples.flush()
        self._ntriples.seek(0)
        return self._ntriples

    def close(self) -> None:
        for handle in (self._turtle, self._ntriples):
            handle.close()
            Path(handle.name).unlink(missing_ok=True)

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
