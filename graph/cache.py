"""Incremental builds: each document's extraction kept under OUT/cache, keyed by what it depends on.

An entry's key hashes the file's bytes, its id and suffix, EXTRACTOR_VERSION, and the shipped data and
code that ingest and extraction read (lexicons, gazetteer, graph/ingest, graph/extract); change any of
them and the document is extracted again. The entries live in one SQLite file, so a build commits them
once rather than writing thousands of small files, and a killed build leaves the previous cache usable.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from functools import cache
from pathlib import Path
from typing import Iterable

from . import extract as _extract
from .model import Extraction
from .resources import ontology, seed

FOLDER = "cache"
DATABASE = "extractions.sqlite"
_PACKAGE = Path(__file__).resolve().parent

Entry = tuple[Extraction, str]  # the extraction and its extractions.jsonl line


def _hash_files(digest, files: Iterable[Path], root: Path) -> None:
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


@cache
def _inputs_digest() -> str:
    """Hash the shipped lexicons and gazetteer and the source of ingest and extraction (once per process)."""
    digest = hashlib.sha256()
    for folder in (seed("lexicons"), seed("gazetteer")):
        _hash_files(digest, (p for p in folder.rglob("*") if p.is_file()), folder.parent)
    _hash_files(digest, [*(_PACKAGE / "ingest").glob("*.py"), *(_PACKAGE / "extract").glob("*.py"),
                         _PACKAGE / "model.py"], _PACKAGE)
    return digest.hexdigest()


def extractor_fingerprint() -> str:
    """Return what every cache key shares: EXTRACTOR_VERSION and the hash of data and code extraction reads."""
    return f"{_extract.EXTRACTOR_VERSION}:{_inputs_digest()}"


def cache_key(data: bytes, doc_id: str, suffix: str) -> str:
    """Return the key of one document: its bytes, id and suffix (the format), and the extractor's fingerprint."""
    digest = hashlib.sha256(data)
    digest.update(b"\0".join([b"", doc_id.encode(), suffix.lower().encode(), extractor_fingerprint().encode()]))
    return digest.hexdigest()


@cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    _hash_files(digest, [p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".rq")], _PACKAGE)
    folder = ontology()
    _hash_files(digest, (p for p in folder.rglob("*") if p.is_file()), folder.parent)
    return digest.hexdigest()


def code_fingerprint() -> str:
    """Hash every source file of bangfu, its ontology and the extractor's fingerprint: a build of unchanged
    inputs by unchanged code can keep its previous outputs."""
    return f"{extractor_fingerprint()}:{_code_digest()}"


class ExtractionCache:
    """The entries of one output folder: get and put by key, commit, and forget those a build did not use."""

    def __init__(self, out_dir: str | Path):
        folder = Path(out_dir) / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / DATABASE)
        self._db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Entry | None:
        """Return the cached entry, or None (also for an entry that no longer unpickles)."""
        self.used.add(key)
        row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        if row is not None:
            try:
                entry = pickle.loads(zlib.decompress(row[0]))
                self.hits += 1
                return entry
            except Exception:  # written by another Python or bangfu: extract again
                pass
        self.misses += 1
        return None

    def put(self, key: str, entry: Entry) -> None:
        self.used.add(key)
        blob = zlib.compress(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?)", (key, blob))

    def keys(self) -> set[str]:
        return {key for (key,) in self._db.execute("SELECT key FROM entries")}

    def meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_meta(self, name: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def commit(self, prune: bool = False) -> None:
        """Save the entries put so far; with `prune`, drop those this build did not use (removed or changed files)."""
        if prune:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM used")
            self._db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((key,) for key in self.used))
            self._db.execute("DELETE FROM entries WHERE key NOT IN (SELECT key FROM used)")
        self._db.commit()

    def close(self) -> None:
        self._db.close()
