"""Text that remembers where each character came from: the offset map behind Document.starts/ends.

Every clean-up step is either a 1:1 character change (the map is untouched) or a list of edits that
replace spans; a replaced span's new characters all point at the whole old span, a deleted span leaves
nothing pointing at it. Each step is one linear pass over C-level array slices.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import Callable, Iterable

Edit = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(frozen=True)
class Mapped:
    """A text and, per character, the [start, end) span of the original it came from."""

    text: str
    starts: array
    ends: array

    @classmethod
    def identity(cls, text: str) -> Mapped:
        """Map `text` onto itself, character by character."""
        n = len(text)
        return cls(text, array("i", range(n)), array("i", range(1, n + 1)))

    def same_length(self, text: str) -> Mapped:
        """Replace the text by one of equal length whose characters correspond 1:1."""
        if len(text) != len(self.text):
            raise ValueError("a 1:1 change must keep the length")
        return Mapped(text, self.starts, self.ends)

    def edit(self, edits: Iterable[Edit]) -> Mapped:
        """Apply sorted, non-overlapping edits; new characters point at the whole span they replace."""
        text, starts, ends = self.text, self.starts, self.ends
        pieces: list[str] = []
        new_starts, new_ends = array("i"), array("i")
        pos, changed = 0, False
        for start, end, repl in edits:
            changed = True
            if start < pos or end < start:
                raise ValueError(f"edits overlap or are unsorted at {start}:{end}")
            pieces.append(text[pos:start])
            new_starts += starts[pos:start]
            new_ends += ends[pos:start]
            if repl:
                if end > start:
                    lo, hi = starts[start], ends[end - 1]
                else:  # an insertion points at the empty span where it sits
                    lo = hi = starts[start] if start < len(text) else (ends[-1] if len(text) else 0)
                pieces.append(repl)
                new_starts += array("i", [lo]) * len(repl)
                new_ends += array("i", [hi]) * len(repl)
            pos = end
        if not changed:
            return self
        pieces.append(text[pos:])
        new_starts += starts[pos:]
        new_ends += ends[pos:]
        return Mapped("".join(pieces), new_starts, new_ends)

    def sub(self, pattern: re.Pattern, repl: str | Callable[[re.Match], str | None]) -> Mapped:
        """Replace each match of `pattern`; a callable may return None to leave a match alone."""
        if isinstance(repl, str) and "\\" not in repl:  # a literal: no per-match template expansion
            edits = [(m.start(), m.end(), repl) for m in pattern.finditer(self.text) if m.group(0) != repl]
        else:
            edits = []
            for m in pattern.finditer(self.text):
                new = repl(m) if callable(repl) else m.expand(repl)
                if new is not None and new != m.group(0):
                    edits.append((m.start(), m.end(), new))
        return self.edit(edits) if edits else self

    def delete(self, spans: Iterable[tuple[int, int]]) -> Mapped:
        """Drop the given sorted, non-overlapping spans."""
        return self.edit((start, end, "") for start, end in spans)
