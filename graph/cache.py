"""Incremental builds: what each document yields kept under OUT/cache, keyed by what it depends on.

An entry holds the document's graph part, its extractions.jsonl line and its RDF fragment (graph/outcome.py).
Its key hashes the file's bytes, its id and suffix, EXTRACTOR_VERSION, and the shipped data and code that
compute the entry (lexicons, gazetteer, graph/ingest, graph/extract, graph/resolve, the graph/rdf modules a
fragment is made by, model.py, outcome.py, files.py, work.py); change any of them and the document is
extracted again. The entries live in one SQLite file, so a build commits them once rather than writing
thousands of small files, and a killed build leaves the previous cache usable.
"""
from __future__ import annotations

import hashlib
import os
import time
import sqlite3
from functools import cache
from pathlib import Path
from typing import Iterable

from . import extract as _extract
from .model import Skipped
from .outcome import Outcome, Packed, text
from .resources import ontology, seed
from .signing import sign, verified

FOLDER = "cache"
DATABASE = "extractions.sqlite"
_PACKAGE = Path(__file__).resolve().parent
# A file changed within this long before it was hashed may change again within its mtime's granularity
# (git's "racy clean" problem): hash it again next time rather than trust its stat.
RACY_NS = 2_000_000_000
_RDF = ("fragments.py", "ntriples.py", "terms.py", "triples.py", "turtle.py")  # what a fragment is made by


def _hash_files(digest, files: Iterable[Path], root: Path) -> None:
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


@cache
def _inputs_digest() -> str:
    """Hash the shipped lexicons and gazetteer and the source of ingest and extraction (once per process)."""
    digest = hashlib.sha256()
    for folder in (seed("lexicons"), seed("gazetteer")):
        _hash_files(digest, (p for p in folder.rglob("*") if p.is_file()), folder.parent)
    # what a cached outcome is computed by: ingest, extraction, the document's graph part and RDF fragment,
    # the JSON line (files.py `dumps`) and the unit of work that joins them (work.py)
    _hash_files(digest, [*(_PACKAGE / "ingest").glob("*.py"), *(_PACKAGE / "extract").glob("*.py"),
                         *(_PACKAGE / "resolve").glob("*.py"), _PACKAGE / "model.py", _PACKAGE / "outcome.py",
                         _PACKAGE / "files.py", _PACKAGE / "work.py",
                         *(_PACKAGE / "rdf" / name for name in _RDF)], _PACKAGE)
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
    """The documents of one output folder by key: put an outcome, read back the parts of it a build needs,
    commit, and forget the entries a build did not use.

    Each field of a packed outcome is stored on its own, as the worker compressed it, so a rebuild reads
    only the text it writes out (the JSON line and the Turtle fragment) for documents that did not change.
    """

    def __init__(self, out_dir: str | Path):
        folder = Path(out_dir) / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / DATABASE)
        self._db.execute("DROP TABLE IF EXISTS entries")  # the layout of bangfu 0.1's cache
        self._db.execute("CREATE TABLE IF NOT EXISTS documents (key TEXT PRIMARY KEY, skipped TEXT, part BLOB, "
                         "line BLOB, ntriples BLOB, turtle BLOB)")
        self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stat TEXT NOT NULL, "
                         "key TEXT NOT NULL)")
        self.used: set[str] = set()
        self._files: dict[str, tuple[str, str]] | None = None

    def known_key(self, path: Path, doc_id: str) -> str | None:
        """Return the key hashed for this file when its size, mtime, ctime and inode have not changed since."""
        if self._files is None:
            self._files = {p: (st, k) for p, st, k in self._db.execute("SELECT path, stat, key FROM files")}
        known = self._files.get(str(path))
        stat = _stat_of(path, doc_id)
        return known[1] if known is not None and stat is not None and known[0] == stat[0] else None

    def remember_key(self, path: Path, doc_id: str, key: str) -> None:
        """Remember the key of a file just hashed, unless it changed too recently to trust its mtime."""
        stat = _stat_of(path, doc_id)
        if stat is not None and time.time_ns() - stat[1] > RACY_NS:
            self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (str(path), stat[0], key))

    def put(self, key: str, outcome: Outcome) -> None:
        self.used.add(key)
        if isinstance(outcome, Skipped):
            row = (key, f"{outcome.path}\0{outcome.reason}", None, None, None, None)
        else:
            row = (key, None, sign(outcome.part), outcome.line, outcome.ntriples, outcome.turtle)
        self._db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)", row)

    def _row(self, key: str, columns: str) -> tuple | None:
        self.used.add(key)
        return self._db.execute(f"SELECT skipped, {columns} FROM documents WHERE key = ?", (key,)).fetchone()

    def get(self, key: str) -> Outcome | None:
        """Return the packed outcome, its Skipped, or None when there is none or its part is not signed by
        this user's key (graph/signing.py: the part is a pickle)."""
        row = self._row(key, "part, line, ntriples, turtle")
        if row is None or row[0] is not None:
            return None if row is None else Skipped(*row[0].split("\0", 1))
        part = verified(row[1])
        return None if part is None else Packed(part, *row[2:])

    def texts(self, key: str) -> tuple[str, str] | Skipped | None:
        """Return (JSON line, Turtle fragment) of a processed document, its Skipped, or None (also when
        the entry no longer reads)."""
        row = self._row(key, "line, turtle")
        try:
            if row is None or row[0] is not None:
                return None if row is None else Skipped(*row[0].split("\0", 1))
            return text(row[1]), text(row[2])
        except Exception:  # damaged, or written by another bangfu: extract again
            return None

    def keys(self) -> set[str]:
        return {key for (key,) in self._db.execute("SELECT key FROM documents")}

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
            self._db.execute("DELETE FROM documents WHERE key NOT IN (SELECT key FROM used)")
            self._db.execute("DELETE FROM files WHERE key NOT IN (SELECT key FROM used)")
        self._db.commit()

    def close(self) -> None:
        self._db.close()


def _stat_of(path: Path, doc_id: str) -> tuple[str, int] | None:
    """Describe a file as a rebuild may trust it (id, size, mtime, inode, the extractor's fingerprint, and
    its ctime, which a change of permissions moves: a file the build can no longer read is read and
    skipped), with its mtime; None when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    fields = (doc_id, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, extractor_fingerprint())
    return "\0".join(map(str, fields)), st.st_mtime_ns
