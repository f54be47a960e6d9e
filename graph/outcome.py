"""What a build keeps of one document: its graph part, its extractions.jsonl line, its RDF fragment.

Workers return it packed (each field compressed, the part pickled): the cache stores the bytes as they
come and the build unpacks only what it needs, so the process that merges a corpus spends its time on
the merge, not on re-encoding what the workers already encoded.
"""
from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass

from .model import DocPart, Skipped
from .rdf.fragments import Fragment


@dataclass(frozen=True)
class Processed:
    """A document read and extracted."""

    part: DocPart
    line: str
    fragment: Fragment


@dataclass(frozen=True)
class Packed:
    """A Processed as stored: the part pickled and the N-Triples compressed (read only when the document
    changes), the JSON line and the Turtle as UTF-8 (read by every rebuild, where decompressing them
    would cost more than the disk they save)."""

    part: bytes
    line: bytes
    ntriples: bytes
    turtle: bytes

    def unpack(self) -> Processed:
        return Processed(pickle.loads(zlib.decompress(self.part)), text(self.line),
                         Fragment(zlib.decompress(self.ntriples).decode("utf-8"), text(self.turtle)))


def pack(processed: Processed) -> Packed:
    return Packed(zlib.compress(pickle.dumps(processed.part, protocol=pickle.HIGHEST_PROTOCOL), 1),
                  processed.line.encode("utf-8"), zlib.compress(processed.fragment.ntriples.encode("utf-8"), 1),
                  processed.fragment.turtle.encode("utf-8"))


def text(blob: bytes) -> str:
    """Return the text a packed line or Turtle field holds."""
    return blob.decode("utf-8")


Outcome = Packed | Skipped
