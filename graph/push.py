"""Send a build's RDF to a standalone SPARQL server through the SPARQL 1.1 Graph Store HTTP Protocol.

PUT replaces the target graph with OUT/graph.ttl; POST (append) adds to it. The file is streamed, not
read into memory, so a graph larger than this machine's memory still goes out.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .errors import BangfuError, InputError

TURTLE = "text/turtle; charset=utf-8"


@dataclass(frozen=True)
class Pushed:
    """What went where: the request URL, the method, the bytes sent and the server's status."""

    url: str
    method: str
    size: int
    status: int


def target_url(endpoint: str, graph: str | None = None) -> str:
    """Return the Graph Store URL for the named graph `graph`, or for the default graph."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"{endpoint!r} is not an http(s) URL; give the Graph Store endpoint, e.g. "
                         "http://localhost:7878/store (Oxigraph) or http://localhost:3030/ds/data (Fuseki)")
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    joined = f"{parts.query}&{query}" if parts.query else query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, joined, ""))


def push(out_dir: str | Path, endpoint: str, graph: str | None = None, append: bool = False,
         timeout: float = 600) -> Pushed:
    """Send OUT/graph.ttl to `endpoint`, replacing the graph (or adding to it with `append`)."""
    path = Path(out_dir) / "graph.ttl"
    if not path.is_file():
        raise InputError(f"{path} is missing; run `bangfu build CORPUS -o {out_dir}` first")
    url, method, size = target_url(endpoint, graph), "POST" if append else "PUT", path.stat().st_size
    with path.open("rb") as body:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": TURTLE, "Content-Length": str(size)})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Pushed(url, method, size, response.status)
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
            raise BangfuError(f"{endpoint} refused the graph: HTTP {err.code} {err.reason}"
                              f"{': ' + detail[0] if detail else ''} (is the server writable, and is this its "
                              "Graph Store endpoint?)") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise BangfuError(f"cannot reach {endpoint} ({reason}); is the SPARQL server running?") from None
