"""The document stream of a build: list the corpus, reuse cached extractions, send the rest to an engine.

A rebuild hashes the files whose stat changed since they were last hashed, and extracts only those whose
key is not in OUT/cache. When the keys of all documents and bangfu's code equal those of the previous build,
and its outputs are untouched, the build has nothing to do (`up_to_date`).
"""
from __future__ import annotations

import hashlib
import json
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .cache import ExtractionCache, cache_key, code_fingerprint
from .ingest.reader import corpus_files, load_bytes
from .model import Skipped
from .outcome import Outcome

Task = tuple[str, str, bytes]  # (path, id, the file's bytes)


@dataclass(frozen=True)
class Source:
    """One file of the corpus, and its cache key when the build uses the cache."""

    path: Path
    doc_id: str
    key: str | None = None


@contextmanager
def opened(out: Path | None) -> Iterator[ExtractionCache | None]:
    """Open OUT's cache for the block (None gives None); entries put are kept even if the build fails."""
    if out is None:
        yield None
        return
    store = ExtractionCache(out)
    try:
        yield store
    finally:
        store.commit()
        store.close()


def scan(inputs, store: ExtractionCache | None) -> list[Source | Skipped]:
    """List the corpus in order; with a cache, give each file its key: remembered for a file whose size,
    modification time and inode are those it had when last hashed, else read and hashed."""
    sources: list[Source | Skipped] = []
    for item in corpus_files(inputs):
        if isinstance(item, Skipped) or store is None:
            sources.append(item if isinstance(item, Skipped) else Source(*item))
            continue
        path, doc_id = item
        key = store.known_key(path, doc_id)
        if key is None:
            data = load_bytes(path, doc_id)
            if isinstance(data, Skipped):
                sources.append(data)
                continue
            key = cache_key(data, doc_id, path.suffix)
            store.remember_key(path, doc_id, key)
        sources.append(Source(path, doc_id, key))
    return sources


def build_fingerprint(sources: Iterable[Source | Skipped]) -> str:
    """Hash bangfu's code and data and every document's key: equal fingerprints mean equal outputs."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for item in sources:
        fields = ("skipped", item.path, item.reason) if isinstance(item, Skipped) else ("doc", item.doc_id, item.key)
        digest.update("\0".join(fields).encode() + b"\n")
    return digest.hexdigest()


def _stat(out: Path, outputs: Iterable[str]) -> str | None:
    """Describe the outputs by size and modification time; None when one is missing."""
    files = [out / name for name in outputs]
    store = out / "store"
    if not store.is_dir() or not all(path.is_file() for path in files):
        return None
    files += sorted(p for p in store.rglob("*") if p.is_file())  # a SPARQL UPDATE changes the store
    return json.dumps([(p.relative_to(out).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in files])


def intact(store: ExtractionCache, out: Path, outputs: Iterable[str]) -> bool:
    """True when OUT's outputs are as the previous build left them."""
    stat = _stat(out, outputs)
    return stat is not None and store.meta("outputs") == stat


def up_to_date(store: ExtractionCache, out: Path, fingerprint: str, outputs: Iterable[str]) -> bool:
    """True when the previous build had the same fingerprint and its outputs were not changed since."""
    return store.meta("fingerprint") == fingerprint and store.meta("outputs") == _stat(out, outputs)


def remember(store: ExtractionCache, out: Path, fingerprint: str, outputs: Iterable[str]) -> None:
    """Record a finished build, and drop the entries of documents it no longer has."""
    store.set_meta("fingerprint", fingerprint)
    store.set_meta("outputs", _stat(out, outputs) or "")
    store.commit(prune=True)


def outcomes(sources: list[Source | Skipped], store: ExtractionCache | None,
             mapper: Callable[[Iterable[Task]], Iterator[Outcome]]) -> Iterator[tuple[Source | Skipped, Outcome | None]]:
    """Yield (source, outcome) for every source in corpus order; the outcome is None for a document the
    cache has (the caller reads what it needs of the entry), else computed by `mapper` and cached.

    Documents stream through: the mapper gets their bytes as it asks for them, and outcomes are yielded as
    soon as every earlier one is.
    """
    cached = store.keys() if store is not None else set()
    slots: deque = deque()  # in corpus order: ("done", source, outcome) or ("todo", source, key)

    def tasks() -> Iterator[Task]:
        for item in sources:
            if isinstance(item, Skipped):
                slots.append(("done", item, item))
            elif item.key in cached:
                slots.append(("done", item, None))
            else:
                data = load_bytes(item.path, item.doc_id)  # read again: the scan kept keys, not documents
                if isinstance(data, Skipped):
                    slots.append(("done", item, data))
                    continue
                key = cache_key(data, item.doc_id, item.path.suffix) if store is not None else None
                slots.append(("todo", Source(item.path, item.doc_id, key), key))
                yield item.path.as_posix(), item.doc_id, data

    def ready() -> Iterator[tuple[Source | Skipped, Outcome | None]]:
        while slots and slots[0][0] == "done":
            _done, source, outcome = slots.popleft()
            yield source, outcome

    for outcome in mapper(tasks()):
        yield from ready()
        _todo, source, key = slots.popleft()
        if store is not None:
            store.put(key, outcome)
        yield source, outcome
    yield from ready()


def task_of(source: Source) -> Task | Skipped:
    """Return the task of one source, reading its file again (for an entry the cache could not give back)."""
    data = load_bytes(source.path, source.doc_id)
    return data if isinstance(data, Skipped) else (source.path.as_posix(), source.doc_id, data)
