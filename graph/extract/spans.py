"""Which characters of a text are already taken by a span: linear checks instead of comparing every pair."""
from __future__ import annotations


class Coverage:
    """A mark per character of a text; spans are half-open [start, end)."""

    def __init__(self, length: int, spans=()):
        self._marks = bytearray(length)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)

    def touches(self, start: int, end: int) -> bool:
        """True when any character of [start, end) is marked."""
        return start < end and self._marks.find(1, start, end) != -1

    def covers(self, start: int, end: int) -> bool:
        """True when every character of [start, end) is marked."""
        return start < end and self._marks.find(0, start, end) == -1
