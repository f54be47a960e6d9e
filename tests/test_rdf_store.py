import subprocess
import sys
from pathlib import Path

import pytest
from graphs import tiny_graph

from graph.errors import InputError, StoreLockedError
from graph.rdf.publish import publish
from graph.rdf import store as storing
from graph.rdf.store import lock, open_store

ROOT = Path(__file__).resolve().parents[1]


def test_open_store_without_a_build_says_what_to_run(tmp_path):
    with pytest.raises(InputError, match=r"no RDF store there .* run `bangfu build CORPUS -o"):
        open_store(tmp_path)


def test_store_opens_read_only(tmp_path):
    publish(tiny_graph(), tmp_path)
    store = open_store(tmp_path)
    assert len(store) > 50
    with pytest.raises(Exception, match="read-write"):
        store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_a_second_build_into_the_same_folder_fails_at_once(tmp_path):
    script = ("import sys\nfrom graph.rdf.store import lock\n"
              "try:\n    with lock(sys.argv[1]): pass\nexcept Exception as err:\n    print(err); sys.exit(3)\n")
    with lock(tmp_path) as path:
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 3
    assert done.stdout.strip() == (f"{tmp_path} is being built by another bangfu process (lock file {path}); "
                                   "wait for it or use another -o folder")
    with lock(tmp_path):  # released: free again
        pass


def test_lock_raises_store_locked_error_in_process(tmp_path):
    with lock(tmp_path):
        with pytest.raises(StoreLockedError):
            with lock(tmp_path):
                pass


def test_a_store_set_aside_by_a_killed_swap_is_put_back(tmp_path):
    publish(tiny_graph(), tmp_path)
    (tmp_path / "store").rename(tmp_path / ".store.old-killed")  # what a kill between the two renames leaves
    assert len(open_store(tmp_path)) > 50
    assert not list(tmp_path.glob(".store.old-*"))


def test_the_loader_loads_chunks_on_its_thread_and_keeps_their_order_of_arrival(tmp_path, monkeypatch):
    import pyoxigraph as ox

    monkeypatch.setattr(storing, "CHUNK", 100)  # a bulk load every line or two
    loader = storing.Loader(tmp_path)
    for i in range(300):
        loader.add(f'<urn:s{i}> <urn:p> "{i}" .\n')
    folder = loader.finish()
    assert folder.parent == tmp_path and folder.name.startswith(".store.new-")
    store = ox.Store.read_only(str(folder))
    assert len(store) == 300 and ox.Literal("299") in {q.object for q in store}


def test_a_sealed_loader_finishes_on_its_own_thread_before_finish_is_called(tmp_path):
    import pyoxigraph as ox

    loader = storing.Loader(tmp_path)
    loader.add('<urn:s> <urn:p> "last" .\n')  # less than a chunk: only sealing hands it over
    loader.seal()
    loader._thread.join(timeout=60)  # the build writes its other outputs meanwhile
    assert not loader._thread.is_alive()
    folder = loader.finish()
    loader.seal()  # a second seal, or finish, after the end changes nothing
    assert len(ox.Store.read_only(str(folder))) == 1


def test_a_load_that_fails_raises_in_the_build_and_leaves_no_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(storing, "CHUNK", 10)
    loader = storing.Loader(tmp_path)
    loader.add("<urn:s> <urn:p> <urn:o> .\n")
    with pytest.raises(SyntaxError):  # the broken line, then more: `add` must not block on a dead load
        for _ in range(50):
            loader.add("<urn:s> <urn:p> broken .\n")
        loader.finish()
    assert not list(tmp_path.iterdir())


def test_an_aborted_load_leaves_no_folder(tmp_path):
    loader = storing.Loader(tmp_path)
    loader.add("<urn:s> <urn:p> <urn:o> .\n")
    loader.abort()
    assert not list(tmp_path.iterdir())


def test_lines_added_after_the_loader_is_sealed_are_refused_not_lost(tmp_path):
    loader = storing.Loader(tmp_path)
    loader.add('<urn:s> <urn:p> "1" .\n')
    loader.seal()
    with pytest.raises(ValueError, match="sealed"):
        loader.add('<urn:s> <urn:p> "2" .\n')
    loader.abort()
