"""Build a Document from decoded text: extract (HTML), normalise, separate boilerplate, mark placeholders."""
from __future__ import annotations

import re

from ..model import Document
from .boilerplate import separate
from .html import extract_html
from .metadata import find_title, iso_date, read_meta
from .normalise import collapse_whitespace, normalise, to_simplified
from .offsets import Mapped
from .placeholders import find_placeholders

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
# Markdown marks that are not text: heading hashes, emphasis stars, a link's (url) part. Underscores stay:
# "__县" is a placeholder, not emphasis.
_MARKDOWN = re.compile(r"(?m)^#{1,6}[ \t]+|^>[ \t]?|\*{1,3}(?=\S)|(?<=\S)\*{1,3}|`+|!?\[(?=[^\]\n]*\]\([^)\n]*\))"
                       r"|\]\([^)\n]*\)")

_SURROGATE = re.compile("[\ud800-\udfff]")


def format_of(suffix: str) -> str:
    """Return the format name for a file suffix; unknown suffixes are read as plain text."""
    return FORMATS.get(suffix.lower(), "txt")


def ingest_text(doc_id: str, original: str, fmt: str = "txt", path: str | None = None,
                meta: dict[str, str] | None = None) -> Document:
    """Normalise decoded text (for fmt="html", the page's markup) into a Document."""
    found: dict[str, str] = dict(meta or {})
    # Lone surrogates are no text (no decoder yields them) and no UTF-8 output could hold them: U+FFFD,
    # one for one, as a decoder's errors="replace" would.
    original = _SURROGATE.sub("\ufffd", original)
    if fmt in ("html", "htm"):
        original, page_meta = extract_html(original)
        found.update(page_meta)
    mapped = Mapped.identity(original)
    if fmt == "md":
        mapped = mapped.sub(_MARKDOWN, "")
    mapped, script = normalise(mapped)
    body, removed = separate(mapped)
    body = collapse_whitespace(body)
    stated = read_meta(removed)
    for key, value in stated.items():
        found.setdefault(key, value)
    if "date" in found:
        found["date"] = iso_date(found["date"]) or found["date"]
    title = found.get("title") or find_title(body.text)
    if title:
        found["title"] = to_simplified(title.strip())
    found.update(format="md" if fmt == "md" else ("html" if fmt in ("html", "htm") else "txt"), script=script)
    return Document(
        id=doc_id,
        path=path or doc_id,
        original=original,
        text=body.text,
        starts=body.starts,
        ends=body.ends,
        meta=dict(sorted(found.items())),
        boilerplate=removed,
        placeholders=find_placeholders(body.text),
    )
