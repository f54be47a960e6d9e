"""Walk a corpus (folders recursively, or a list of files) and yield a Document or a Skipped per file."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import BangfuError, InputError
from ..model import Document, Skipped
from .decode import decode
from .document import format_of, ingest_text

MAX_BYTES = 200 * 1024 * 1024  # larger than any article; beyond this a file is surely not one


def _walk(root: Path) -> Iterator[Path]:
    """Yield the files under `root` in sorted order, following symlinked folders once each."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            yield folder  # reported as unreadable by load_bytes
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue  # a symlink loop, or a folder reached twice
        seen.add((info.st_dev, info.st_ino))
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store) are not articles
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(path)
            else:
                yield path
        stack.extend(reversed(subfolders))


def _doc_id(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept as lone surrogates) become \\xNN escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _files(inputs: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    """Yield (file, id) for every input; the id is the POSIX path relative to the input folder."""
    for item in inputs:
        if item.is_dir():
            for path in sorted(_walk(item), key=lambda p: p.relative_to(item).as_posix()):
                yield path, _doc_id(path.relative_to(item).as_posix())
        else:
            yield item, _doc_id(item.name)


def load_bytes(path: Path, doc_id: str) -> bytes | Skipped:
    """Return the bytes of one file, or a Skipped saying why it cannot be read."""
    try:
        if path.is_dir():
            return Skipped(doc_id, "is a folder that cannot be listed (permission denied?)")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            return Skipped(doc_id, "is not a regular file (a pipe, socket or device)")
        size = info.st_size
        if size > MAX_BYTES:
            return Skipped(doc_id, f"too large for an article ({size // 2**20} MB)")
        return path.read_bytes()
    except PermissionError:
        return Skipped(doc_id, "cannot be read: permission denied")
    except FileNotFoundError:
        return Skipped(doc_id, "cannot be read: missing, or a broken symlink")
    except OSError as err:
        return Skipped(doc_id, f"cannot be read: {err.strerror or err}")


def ingest_bytes(path: Path, doc_id: str, data: bytes) -> Document | Skipped:
    """Decode and ingest the bytes read from `path`, or say why they cannot be ingested."""
    try:
        text, encoding = decode(data)
        return ingest_text(doc_id, text, format_of(path.suffix), path=path.as_posix(),
                           meta={"encoding": encoding})
    except BangfuError as err:
        return Skipped(doc_id, str(err))
    except (ValueError, LookupError, RecursionError) as err:  # a parser choking on one odd file
        return Skipped(doc_id, f"could not be processed ({type(err).__name__}: {err})")


def read_file(path: Path, doc_id: str) -> Document | Skipped:
    """Ingest one file, or say why it cannot be ingested."""
    data = load_bytes(path, doc_id)
    return data if isinstance(data, Skipped) else ingest_bytes(path, doc_id, data)


def _as_paths(inputs: str | os.PathLike | Sequence[str | os.PathLike]) -> list[Path]:
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    paths = [Path(item) for item in items]
    if not paths:
        raise InputError("no corpus given: name a folder or files to read")
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise InputError(f"{path} does not exist: give a folder of articles or article files")
    return paths


def corpus_files(inputs: str | os.PathLike | Sequence[str | os.PathLike]) -> Iterator[tuple[Path, str] | Skipped]:
    """Yield (file, id) for every file of the corpus in sorted order, or a Skipped for a repeated id.

    Raise InputError at once (before any file is listed) when an input does not exist.
    """
    return _unique(_as_paths(inputs))


def _unique(paths: list[Path]) -> Iterator[tuple[Path, str] | Skipped]:
    seen: set[str] = set()
    for path, doc_id in _files(paths):
        if doc_id in seen:
            yield Skipped(doc_id, f"has the same id as an earlier file ({path.as_posix()} is read once)")
            continue
        seen.add(doc_id)
        yield path, doc_id


def read_corpus(inputs: str | os.PathLike | Sequence[str | os.PathLike]) -> Iterator[Document | Skipped]:
    """Yield a Document or a Skipped for every file of the corpus, in sorted order; never stop early.

    Raise InputError at once (before any file is read) when an input does not exist.
    """
    return _read_all(corpus_files(inputs))


def _read_all(files: Iterator[tuple[Path, str] | Skipped]) -> Iterator[Document | Skipped]:
    for item in files:
        yield item if isinstance(item, Skipped) else read_file(*item)


def skip_message(skipped: Skipped) -> str:
    """Return the one-line message for a skipped input: 'skipped news/07.bin: looks binary ...'."""
    return f"skipped {skipped.path}: {skipped.reason}"
