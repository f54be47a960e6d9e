"""The Oxigraph store on disk (OUT/store): build it beside the old one, swap it in, open it, lock it.

A build loads into OUT/.store.new-*, then renames OUT/store to OUT/.store.old-* and the new folder to
OUT/store. A build killed at any point leaves either the old or the new store in place; a store left
aside by a kill between the two renames is put back by the next open or build (`recover`).
"""
from __future__ import annotations

import queue
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError, StoreLockedError

STORE = "store"
LOCK = ".bangfu.lock"


@contextmanager
def lock(out_dir: str | Path) -> Iterator[Path]:
    """Hold OUT's build lock for the block; fail at once if another process holds it."""
    from filelock import FileLock, Timeout

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK
    file_lock = FileLock(str(path))
    try:
        file_lock.acquire(timeout=0)
    except Timeout:
        raise StoreLockedError(f"{out} is being built by another bangfu process (lock file {path}); "
                               "wait for it or use another -o folder") from None
    try:
        yield path
    finally:
        file_lock.release()


def _set_aside(out: Path) -> list[Path]:
    return sorted(out.glob(f".{STORE}.old-*"))


def recover(out_dir: str | Path) -> None:
    """Put back a store set aside by a build killed between its two renames (call it holding the lock)."""
    out = Path(out_dir)
    aside = _set_aside(out)
    if aside and not (out / STORE).exists():
        aside[-1].rename(out / STORE)
        aside = aside[:-1]
    for stale in aside:
        shutil.rmtree(stale, ignore_errors=True)


CHUNK = 32 << 20  # characters of N-Triples per bulk load: ~200,000 triples. Oxigraph's memory grows with the
# load; its CPU time does not fall past this (the 50 MB benchmark's 1M triples: 5.4 s of CPU in 8 MB chunks,
# 4.2 s in 32 MB ones, 5.3 s in one load), and on two cores that CPU is taken from the extraction workers


class Loader:
    """A fresh store folder inside OUT, bulk-loaded on a thread from N-Triples handed to it as a build makes
    them, so that loading overlaps the extraction instead of following it.

    `add` keeps text until it holds a chunk, then queues it; the thread loads each chunk with Oxigraph's bulk
    loader, which releases the GIL, and compacts the store once at the end. At most two chunks wait, so a slow load holds the build back rather than
    filling memory. `finish` loads the rest and returns the folder (not yet swapped in); `abort`, or a failed
    load, removes it.
    """

    def __init__(self, out_dir: str | Path):
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(dir=out, prefix=f".{STORE}.new-"))
        self.folder.chmod(0o755)  # mkdtemp makes it private; a server run by another user must read it
        self._pending: list[str] = []
        self._size = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._sealed = False  # the end of the input is queued
        self._thread = threading.Thread(target=self._load, name="bangfu-store-load", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        import pyoxigraph as ox

        store = None
        try:
            store = ox.Store(str(self.folder))
        except BaseException as err:  # noqa: BLE001 - handed to the build thread by `finish`
            self._error = err
        while (chunk := self._queue.get()) is not None:
            if self._error is None:  # after a failure, keep taking chunks so `add` never blocks
                try:
                    store.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES)
                except BaseException as err:  # noqa: BLE001
                    self._error = err
        if store is not None:
            try:
                if self._error is None:
                    # One compaction of the files the chunks left: lookups then read one sorted run instead
                    # of one per chunk (by-programme on 1M triples: 72-90 ms to 45-56 ms; 0.6 s at 50 MB).
                    store.optimize()
                    store.flush()
            except BaseException as err:  # noqa: BLE001
                self._error = err
            del store  # pyoxigraph closes the database when the Store is freed (no cycles: no gc pass needed)

    def add(self, text: str) -> None:
        """Take N-Triples lines (whole lines) to load."""
        if self._sealed:
            raise ValueError("the store loader is sealed: add every line before seal()")
        self._pending.append(text)
        self._size += len(text)
        if self._size >= CHUNK:
            self._send()

    def _send(self) -> None:
        if self._error is not None:
            self.abort()
            raise self._error
        if self._pending:
            self._queue.put("".join(self._pending).encode("utf-8"))
            self._pending, self._size = [], 0

    def seal(self) -> None:
        """Hand over what is left and let the thread finish loading (and compacting) while the build goes on."""
        if self._thread.is_alive() and not self._sealed:
            self._send()
            self._queue.put(None)
            self._sealed = True

    def finish(self) -> Path:
        """Seal, wait for the thread and return the loaded folder; raise what the load raised."""
        self.seal()
        self._stop()
        if self._error is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise self._error
        return self.folder

    def abort(self) -> None:
        """Stop loading and remove the folder."""
        self._pending, self._size = [], 0
        self._stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stop(self) -> None:
        if self._thread.is_alive():
            if not self._sealed:
                self._queue.put(None)
                self._sealed = True
            self._thread.join()


def build_store(out_dir: str | Path, *texts: str | bytes) -> Path:
    """Load N-Triples texts into a fresh store folder inside OUT; return its path (not yet swapped in)."""
    loader = Loader(out_dir)
    try:
        for text in texts:
            loader.add(text if isinstance(text, str) else text.decode("utf-8"))
        return loader.finish()
    except BaseException:
        loader.abort()
        raise


def update_store(out_dir: str | Path, previous: Path, removed: Iterable[str], added: Iterable[str]) -> Path:
    """Copy the store at `previous` into a fresh folder inside OUT and change it: remove the triples of the
    N-Triples texts `removed`, then add those of `added`; return the folder (not yet swapped in).

    The copy is a RocksDB checkpoint: hard links to the previous store's immutable files, so it costs
    nothing whatever the store's size, and the previous store is never written to. A checkpoint of a store
    opened read-only leaves out writes that only its write-ahead log holds: `previous` must have been flushed
    (bangfu's builds flush; a SPARQL update changes the store's files, and the pipeline then loads anew).
    """
    import pyoxigraph as ox

    out = Path(out_dir)
    folder = Path(tempfile.mkdtemp(dir=out, prefix=f".{STORE}.new-"))
    folder.rmdir()  # backup() makes the folder itself
    try:
        source = ox.Store.read_only(str(previous))
        source.backup(str(folder))
        del source
        store = ox.Store(str(folder))
        for text in removed:
            for triple in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
                store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))
        added_text = "".join(added)
        if added_text:  # one load: each call costs a flush of new files, whatever its size
            store.bulk_load(added_text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # pyoxigraph closes the database when the Store is freed (no cycles: no gc pass needed)
        folder.chmod(0o755)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def swap_in(out_dir: str | Path, folder: Path) -> Path:
    """Make `folder` OUT/store with two renames; remove the store it replaces."""
    out = Path(out_dir)
    target = out / STORE
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(dir=out, prefix=f".{STORE}.old-"))
        old.rmdir()
        target.rename(old)
    folder.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    for stale in out.glob(f".{STORE}.new-*"):  # left by builds that were killed
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)
    return target


def store_path(out_dir: str | Path) -> Path:
    """Return OUT/store, recovering it if needed; InputError when there is none."""
    out = Path(out_dir)
    path = out / STORE
    if not path.exists() and _set_aside(out):
        try:  # only when no build is running: a build sets its old store aside on purpose
            with lock(out):
                recover(out)
        except StoreLockedError:
            pass
    if not path.is_dir():
        raise InputError(f"{out}: no RDF store there ({path} is missing); run `bangfu build CORPUS -o {out}` first")
    return path


def open_store(out_dir: str | Path, writable: bool = False):
    """Open OUT/store: read-only unless `writable` (hold `lock(out_dir)` while writing)."""
    import pyoxigraph as ox

    path = store_path(out_dir)
    try:
        return ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
    except OSError as err:
        raise InputError(f"{path}: cannot open the RDF store ({err}); rebuild it with `bangfu build`") from None
