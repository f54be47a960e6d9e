"""The Oxigraph store on disk (OUT/store): build it beside the old one, swap it in, open it, lock it.

A build loads into OUT/.store.new-*, then renames OUT/store to OUT/.store.old-* and the new folder to
OUT/store. A build killed at any point leaves either the old or the new store in place; a store left
aside by a kill between the two renames is put back by the next open or build (`recover`).
"""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

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


def build_store(out_dir: str | Path, *batches: bytes | IO[bytes]) -> Path:
    """Load batches of N-Triples (bytes or binary files) into a fresh store folder inside OUT; return its path
    (not yet swapped in)."""
    import pyoxigraph as ox

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=out, prefix=f".{STORE}.new-"))
    folder.chmod(0o755)  # mkdtemp makes it private; a server run by another user must read it
    try:
        store = ox.Store(str(folder))
        for batch in batches:  # the bulk loader holds a whole batch in memory: ~0.8 GB per million triples
            store.bulk_load(batch, format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # pyoxigraph closes the database when the Store is freed (no cycles: no gc pass needed)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


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
