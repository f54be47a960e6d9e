"""Stream the corpus's outcomes into a build: the graph state, extractions.jsonl and the RDF spool.

With a state carried over from the previous build (graph/carry.py), documents whose key it already holds
cost one read of their cached text; only documents new, changed or gone change the state, and their
fragments are kept apart to change the previous store by.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Callable, Iterable, Iterator

from .cache import ExtractionCache
from .carry import Carried
from .incremental import Source, Task, outcomes, task_of
from .model import RunReport, Skipped
from .outcome import Outcome, Packed, Processed
from .rdf.spool import Spool
from .resolve.state import GraphState

Progress = Callable[[str], None]


@dataclass
class Collected:
    """The state after the stream, {document id: cache key}, and the N-Triples taken out and put in."""

    state: GraphState
    docs: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)


def gone(carried: Carried, sources: Iterable[Source | Skipped], cache: ExtractionCache) -> list[Processed] | None:
    """Return the cached outcomes of the carried documents that are gone or changed; None when one is lost."""
    current = {s.doc_id: s.key for s in sources if isinstance(s, Source)}
    out = []
    for doc, key in sorted(carried.docs.items()):
        if current.get(doc) != key:
            outcome = _unpacked(cache.get(key))
            if not isinstance(outcome, Processed):
                return None
            out.append(outcome)
    return out


def _unpacked(outcome: Outcome | None) -> Processed | Skipped | None:
    """Unpack an outcome; None when there is none or it no longer unpacks (a damaged cache entry)."""
    if not isinstance(outcome, Packed):
        return outcome
    try:
        return outcome.unpack()
    except Exception:  # damaged, or written by another bangfu: extract again
        return None


def collect(sources: list[Source | Skipped], cache: ExtractionCache | None,
            mapper: Callable[[Iterable[Task]], Iterator[Outcome]], fallback: Callable[[Task], Outcome],
            carried: Carried | None, old: list[Processed], jsonl: IO[str], spool: Spool, report: RunReport,
            progress: Progress | None = None) -> Collected:
    """Take `old` out of the carried state (or start from nothing), then stream every document in."""
    out = Collected(carried.state if carried is not None else GraphState())
    kept = dict(carried.docs) if carried is not None else {}  # the documents whose part the state holds
    for outcome in old:
        out.state.remove(outcome.part)
        out.removed.append(outcome.fragment.ntriples)
        # A key read again may be the one taken out (the file changed back since the scan): put it back in.
        del kept[outcome.part.doc]
    for source, outcome in outcomes(sources, cache, mapper):
        if isinstance(source, Skipped):
            report.skipped.append(source)
            _tell(progress, source.path)
            continue
        known = source.key is not None and kept.get(source.doc_id) == source.key
        cached = outcome is None
        if cached:  # read what this build needs of the entry
            outcome = cache.texts(source.key) if known else _unpacked(cache.get(source.key))
        else:
            outcome = _unpacked(outcome)
        if outcome is None:
            outcome = _again(source, cache, fallback)
        if isinstance(outcome, Skipped):
            report.skipped.append(outcome)
        else:
            _take(out, source, outcome, known, carried is not None, jsonl, spool)
            report.processed.append(source.doc_id)
            report.carried += known
        _tell(progress, f"{source.doc_id} (cached)" if cached else source.doc_id)
    return out


def _take(out: Collected, source: Source, outcome: Processed | tuple[str, str], known: bool, changing: bool,
          jsonl: IO[str], spool: Spool) -> None:
    if isinstance(outcome, Processed):
        line, turtle, ntriples = outcome.line, outcome.fragment.turtle, outcome.fragment.ntriples
        if not known:
            out.state.add(outcome.part)
            if changing:
                out.added.append(ntriples)
    else:
        (line, turtle), ntriples = outcome, None
    jsonl.write(line + "\n")
    spool.add(source.doc_id, turtle, None if changing else ntriples)
    if source.key is not None:
        out.docs[source.doc_id] = source.key


def _again(source: Source, cache: ExtractionCache | None, fallback: Callable[[Task], Outcome]) -> Processed | Skipped:
    """Compute in this process an entry the cache could not give back, and cache it anew."""
    task = task_of(source)
    if isinstance(task, Skipped):  # the file cannot be read now: its bytes, the key's content, may come back
        return task
    outcome = fallback(task)
    if cache is not None:
        cache.put(source.key, outcome)
    return outcome if isinstance(outcome, Skipped) else outcome.unpack()


def _tell(progress: Progress | None, name: str) -> None:
    if progress:
        progress(name)
