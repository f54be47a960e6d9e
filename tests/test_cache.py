"""Incremental builds: cached extractions are reused, invalidated by content or extractor changes, and a
cached build writes exactly what a cold build of the same corpus writes."""
import shutil
from pathlib import Path

import pytest

import graph.extract
from building import SHARED_SEEDS, build, corpus, outputs
from graph.cache import ExtractionCache, cache_key, extractor_fingerprint
from graph.model import Skipped
from graph.outcome import Packed, Processed, pack
from graph.rdf.fragments import fragment
from graph.resolve.parts import doc_part
from graphs import extraction


def test_key_depends_on_bytes_id_suffix_and_extractor_version(monkeypatch):
    key = cache_key(b"abc", "a.txt", ".txt")
    assert key == cache_key(b"abc", "a.txt", ".TXT")
    assert len({key, cache_key(b"abd", "a.txt", ".txt"), cache_key(b"abc", "b.txt", ".txt"),
                cache_key(b"abc", "a.txt", ".html")}) == 4
    monkeypatch.setattr(graph.extract, "EXTRACTOR_VERSION", "test-next")
    assert extractor_fingerprint().startswith("test-next:")
    assert cache_key(b"abc", "a.txt", ".txt") != key


def test_the_key_covers_the_code_that_writes_an_entry(monkeypatch):
    """An entry's JSON line is written by graph/files.py (`dumps`): change it and no line may stay cached."""
    import graph.cache

    hashed = []
    monkeypatch.setattr(graph.cache, "_hash_files", lambda _digest, files, _root: hashed.extend(files))
    graph.cache._inputs_digest.__wrapped__()
    package = graph.cache._PACKAGE
    assert {package / "files.py", package / "outcome.py", package / "rdf" / "fragments.py"} <= set(hashed)


def _processed(doc: str) -> Packed:
    part = doc_part(extraction(doc))
    return pack(Processed(part, f'{{"doc": "{doc}"}}', fragment(part)))


def test_entries_survive_closing_and_unused_ones_are_pruned(tmp_path):
    store = ExtractionCache(tmp_path)
    store.put("k1", _processed("a.txt"))
    store.put("k2", Skipped("b.bin", "binary"))
    store.commit()
    store.close()
    store = ExtractionCache(tmp_path)
    assert store.get("k1") == _processed("a.txt")
    unpacked = _processed("a.txt").unpack()
    assert store.texts("k1") == (unpacked.line, unpacked.fragment.turtle)
    assert store.get("k3") is None and store.texts("k3") is None
    store.commit(prune=True)  # this build used k1 (and asked for k3)
    assert store.keys() == {"k1"}


def test_an_entry_that_no_longer_reads_is_a_miss(tmp_path):
    store = ExtractionCache(tmp_path)
    store.put("k1", _processed("a.txt"))
    store._db.execute("UPDATE documents SET part = ?, line = ?", (b"garbage", b"\xff\xfe not UTF-8"))
    assert store.texts("k1") is None
    with pytest.raises(Exception):
        store.get("k1").unpack()


@pytest.fixture(scope="module")
def cold(tmp_path_factory, shared_seeds) -> tuple[Path, Path]:
    """A corpus of the samples and seeds, and its cold (uncached) build."""
    folder = corpus(tmp_path_factory.mktemp("cache") / "corpus")
    out = folder.parent / "cold"
    build(folder, out, cache=False)
    return folder, out


def test_rebuild_with_nothing_changed_keeps_the_outputs(cold, tmp_path):
    folder, reference = cold
    first, seen = build(folder, tmp_path / "out")
    assert not any(name.endswith(")") for name in seen)  # nothing cached yet: all extracted
    assert outputs(tmp_path / "out") == outputs(reference)
    mtime = (tmp_path / "out" / "graph.ttl").stat().st_mtime_ns
    again, seen = build(folder, tmp_path / "out")
    assert seen == [f"{doc} (unchanged)" for doc in first.processed]
    assert "ingest+extract" not in again.timings
    assert (again.processed, again.entities, again.relations) == (first.processed, first.entities, first.relations)
    assert (tmp_path / "out" / "graph.ttl").stat().st_mtime_ns == mtime
    assert outputs(tmp_path / "out") == outputs(reference)


def test_changed_output_is_rewritten_from_cached_extractions(cold, tmp_path):
    folder, reference = cold
    build(folder, tmp_path / "out")
    (tmp_path / "out" / "graph.html").write_text("edited by hand", encoding="utf-8")
    report, seen = build(folder, tmp_path / "out")
    assert seen == [f"{doc} (cached)" for doc in report.processed]
    assert outputs(tmp_path / "out") == outputs(reference)


def test_changed_file_is_extracted_again(cold, tmp_path):
    folder, _reference = cold
    copy = shutil.copytree(folder, tmp_path / "corpus")
    build(copy, tmp_path / "out")
    article = copy / "01_xaut_lueyang.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n西北大学对口帮扶洛南县。\n", encoding="utf-8")
    report, seen = build(copy, tmp_path / "out")
    assert [name for name in seen if not name.endswith("(cached)")] == ["01_xaut_lueyang.txt"]
    build(copy, tmp_path / "cold", cache=False)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "cold")


def test_new_extractor_version_extracts_everything_again(cold, tmp_path, monkeypatch):
    folder, reference = cold
    build(folder, tmp_path / "out")
    monkeypatch.setattr(graph.extract, "EXTRACTOR_VERSION", "test-next")
    report, seen = build(folder, tmp_path / "out")
    assert seen == report.processed  # none cached, none unchanged
    assert outputs(tmp_path / "out") == outputs(reference)
    assert len(ExtractionCache(tmp_path / "out").keys()) == len(report.processed)  # old entries pruned


def test_adding_and_removing_documents_gives_the_cold_result(tmp_path, shared_seeds):
    folder = corpus(tmp_path / "corpus", shared=False)
    build(folder, tmp_path / "out")
    added = sorted(SHARED_SEEDS.iterdir())[0]
    shutil.copy(added, folder / added.name)
    report, seen = build(folder, tmp_path / "out")
    assert [name for name in seen if not name.endswith("(cached)")] == [added.name]
    build(folder, tmp_path / "cold", cache=False)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "cold")
    (folder / "05_snnu_ningqiang.html").unlink()
    report, seen = build(folder, tmp_path / "out")
    assert "05_snnu_ningqiang.html" not in report.processed
    assert all(name.endswith("(cached)") for name in seen)
    shutil.rmtree(tmp_path / "cold")
    build(folder, tmp_path / "cold", cache=False)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "cold")


def test_skipped_files_stay_skipped_on_a_cached_rebuild(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("西安理工大学对口帮扶略阳县。", encoding="utf-8")
    (folder / "b.bin").write_bytes(bytes(range(256)) * 8)
    first, _ = build(folder, tmp_path / "out")
    (tmp_path / "out" / "graph.html").unlink()  # force a rebuild from the cache
    second, seen = build(folder, tmp_path / "out")
    assert seen == ["a.txt (cached)", "b.bin (cached)"]
    assert second.skipped == first.skipped and [s.path for s in second.skipped] == ["b.bin"]


def test_a_rebuild_carries_the_previous_state_and_changes_the_store_by_the_difference(tmp_path, shared_seeds):
    folder = corpus(tmp_path / "corpus")
    first, _seen = build(folder, tmp_path / "out")
    assert first.carried == 0
    article = folder / "01_xaut_lueyang.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n西北大学对口帮扶洛南县。\n", encoding="utf-8")
    removed = sorted(folder.glob("seeds/*"))[0]
    removed.unlink()
    (folder / "new.txt").write_text("西北大学对口帮扶洛南县。2023年，西北大学向洛南县中学捐赠图书。", encoding="utf-8")
    second, seen = build(folder, tmp_path / "out")
    assert second.carried == len(second.processed) - 2  # all but the changed and the new document
    assert sorted(name for name in seen if not name.endswith("(cached)")) == ["01_xaut_lueyang.txt", "new.txt"]
    build(folder, tmp_path / "cold", cache=False)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "cold")


def test_a_store_changed_by_hand_is_not_carried_over(tmp_path):
    from graph.rdf import query_out

    folder = corpus(tmp_path / "corpus", shared=False)
    build(folder, tmp_path / "out")
    query_out(tmp_path / "out", sparql='INSERT DATA { <urn:x> <urn:y> "z" }', allow_update=True)
    (folder / "new.txt").write_text("西北大学对口帮扶洛南县。", encoding="utf-8")
    report, _seen = build(folder, tmp_path / "out")
    assert report.carried == 0
    build(folder, tmp_path / "cold", cache=False)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "cold")


def _hashed_an_hour_after_its_change(tmp_path):
    """Write one article last changed an hour ago, scan it with a cache; return (folder, article, its source)."""
    import os
    import time

    from graph.incremental import scan

    folder = tmp_path / "corpus"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("西安理工大学对口帮扶略阳县。", encoding="utf-8")
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(article, ns=(hour_ago, hour_ago))
    store = ExtractionCache(tmp_path / "out")
    [source] = scan(folder, store)
    store.commit()
    return folder, article, source


def test_a_file_is_hashed_again_only_when_its_stat_changed(tmp_path):
    from graph.incremental import scan

    folder, article, source = _hashed_an_hour_after_its_change(tmp_path)
    again = ExtractionCache(tmp_path / "out")
    assert again.known_key(article, "a.txt") == source.key
    article.write_text("西安理工大学对口帮扶宁强县。", encoding="utf-8")  # same size, new mtime
    assert again.known_key(article, "a.txt") is None
    [changed] = scan(folder, again)
    assert changed.key != source.key


def test_a_file_changed_just_now_is_not_trusted_by_its_stat(tmp_path):
    from graph.incremental import scan

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("西安理工大学对口帮扶略阳县。", encoding="utf-8")
    store = ExtractionCache(tmp_path / "out")
    scan(folder, store)
    assert store.known_key(folder / "a.txt", "a.txt") is None


def test_a_file_whose_permissions_changed_is_read_again(tmp_path):
    """A cold build skips a file it cannot read; a rebuild must not take its key from the stat alone."""
    _folder, article, source = _hashed_an_hour_after_its_change(tmp_path)
    assert ExtractionCache(tmp_path / "out").known_key(article, "a.txt") == source.key
    article.chmod(0o200)  # size, mtime and inode unchanged
    assert ExtractionCache(tmp_path / "out").known_key(article, "a.txt") is None
