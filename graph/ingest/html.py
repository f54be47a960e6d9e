"""Main text and metadata of an HTML page, with trafilatura (lxml when trafilatura finds nothing)."""
from __future__ import annotations

from html.parser import HTMLParser

from ..errors import MissingDependencyError

_DROP = ("script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "template")


def _trafilatura():
    try:
        import trafilatura
    except ImportError:
        raise MissingDependencyError("trafilatura is needed to read HTML; pip install trafilatura") from None
    return trafilatura


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Return the page's main text (scripts and navigation dropped) and the title/date/url/author found."""
    trafilatura = _trafilatura()
    found = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                        with_metadata=True, deduplicate=False, favor_recall=True)
    meta: dict[str, str] = {}
    text = ""
    if found is not None:
        data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
        text = data.get("text") or ""
        for key in ("title", "date", "url", "author"):
            value = data.get(key)
            if value:
                meta[key] = str(value).strip()
        if not meta.get("url", "").startswith("http"):
            meta.pop("url", None)
    if not text.strip():
        text = _plain_text(html)
    return text, meta


def _plain_text(html: str) -> str:
    """Return the visible text of a page trafilatura could not read (tiny pages, fragments)."""
    import lxml.html

    try:  # huge_tree: libxml2 otherwise drops everything nested deeper than 256 elements
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except Exception:  # lxml raises several types on empty or broken markup
        return _streamed_text(html)
    for element in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        element.drop_tree()
    blocks = (" ".join(node.text_content().split()) for node in root.xpath("//p|//h1|//h2|//h3|//li|//td"))
    text = "\n".join(block for block in blocks if block)
    return text or root.text_content().strip() or _streamed_text(html)


class _TextCollector(HTMLParser):
    """Collect the text outside dropped elements, one line per block, at any depth."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self.dropped = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROP:
            self.dropped += 1
        self.lines.append([])

    def handle_endtag(self, tag):
        if tag in _DROP and self.dropped:
            self.dropped -= 1
        self.lines.append([])

    def handle_data(self, data):
        if not self.dropped:
            self.lines[-1].append(data)


def _streamed_text(html: str) -> str:
    """Return the visible text of markup too deep (or too broken) for libxml2, with the stdlib parser."""
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except AssertionError:  # Python < 3.13 asserts on malformed declarations such as "<![-": keep what came before
        pass
    blocks = (" ".join("".join(parts).split()) for parts in collector.lines)
    return "\n".join(block for block in blocks if block)
