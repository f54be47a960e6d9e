"""bangfu never unpickles what it did not write: cached parts and the carried state are signed with a key kept
outside OUT, and a blob that is not signed by it reads as absent (the document is extracted again)."""
import pickle
import zlib

import pytest
from test_collect import _cold, _corpus

import graph.signing as signing
from building import build, outputs
from graph.cache import ExtractionCache
from graph.carry import STATE


class _Plant:
    """Unpickling this creates a file: what a pickle planted in a writable OUT could do."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return open, (self.path, "w")


@pytest.fixture
def fresh_key(tmp_path, monkeypatch):
    """Give the test its own key folder and forget the key of the session."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "keys"))
    signing._key.cache_clear()
    yield tmp_path / "keys" / "bangfu" / "key"
    signing._key.cache_clear()


def test_a_signed_blob_verifies_and_a_changed_one_does_not(fresh_key):
    signed = signing.sign(b"part")
    assert signing.verified(signed) == b"part"
    assert signing.verified(signed[:-1] + b"x") is None
    assert signing.verified(b"part") is None and signing.verified(None) is None
    assert fresh_key.stat().st_mode & 0o777 == 0o600


def test_the_key_is_kept_and_another_users_key_is_not_trusted(fresh_key, tmp_path, monkeypatch):
    signed = signing.sign(b"part")
    signing._key.cache_clear()
    assert signing.verified(signed) == b"part"  # read back from the key file
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other"))
    signing._key.cache_clear()
    assert signing.verified(signed) is None


def test_a_pickle_planted_in_the_cache_is_never_loaded(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    build(folder, tmp_path / "out")
    marker = tmp_path / "planted-code-ran"
    cache = ExtractionCache(tmp_path / "out")
    cache._db.execute("UPDATE documents SET part = ?", (zlib.compress(pickle.dumps(_Plant(marker))),))
    cache.commit()
    cache.close()
    (tmp_path / "out" / "current" / STATE).unlink()  # so the build reads every part from the cache
    (tmp_path / "out" / "graph.html").unlink()
    build(folder, tmp_path / "out")
    assert not marker.exists()
    assert outputs(tmp_path / "out") == _cold(folder, tmp_path / "cold")


def test_a_planted_state_is_never_loaded(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    build(folder, tmp_path / "out")
    marker = tmp_path / "planted-code-ran"
    (tmp_path / "out" / "current" / STATE).write_bytes(pickle.dumps(_Plant(marker)))
    (folder / "c.txt").write_text("陕西师范大学对口帮扶宁强县。", encoding="utf-8")
    build(folder, tmp_path / "out")
    assert not marker.exists()
    assert outputs(tmp_path / "out") == _cold(folder, tmp_path / "cold")
