"""Sign what bangfu pickles into OUT (each document's cached part, the carried state), so that it never
unpickles bytes it did not write itself.

Unpickling runs code the data names: a pickle planted in an output folder that others can write to would
run as the user who builds. Each blob carries an HMAC-SHA256 under a key kept outside OUT, in the user's
cache folder ($XDG_CACHE_HOME/bangfu/key or ~/.cache/bangfu/key, made once, readable by the user only).
A blob whose MAC does not match (planted, damaged, or made under another user's key) reads as absent:
the document is extracted again, the state built anew. Without a writable cache folder the key lives for
one process, so nothing signed by an earlier build is trusted.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from functools import cache
from pathlib import Path

KEY_BYTES = 32
MAC_BYTES = hashlib.sha256().digest_size


def key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "bangfu" / "key"


def _read_key(path: Path) -> bytes | None:
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


@cache
def _key() -> bytes:
    """Return this user's key, making it on first use; two builds starting at once agree on one."""
    path = key_path()
    if (key := _read_key(path)) is not None:
        return key
    key = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".key-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(key)
            os.link(temp, path)  # fails if another process made the key first: then use theirs
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
    except OSError:
        return key  # no cache folder to keep it in: this process's own key
    return _read_key(path) or key


def sign(blob: bytes) -> bytes:
    """Return the blob with its MAC in front."""
    return hmac.digest(_key(), blob, "sha256") + blob


def verified(signed: bytes | None) -> bytes | None:
    """Return the blob a `sign` made under this user's key; None for anything else."""
    if not signed or len(signed) < MAC_BYTES:
        return None
    mac, blob = signed[:MAC_BYTES], signed[MAC_BYTES:]
    return blob if hmac.compare_digest(mac, hmac.digest(_key(), blob, "sha256")) else None
