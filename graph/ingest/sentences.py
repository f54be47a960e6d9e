"""Split normalised text into sentences, as (start, end) offsets."""
from __future__ import annotations

import re

# A sentence runs to 。！？； (with any closing quotes or brackets that follow) or to a line break.
_SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]+[”’」』）)]*)?|[。！？；]+[”’」』）)]*")
_EDGE = re.compile(r"\s*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences in `text`, without surrounding whitespace."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans
