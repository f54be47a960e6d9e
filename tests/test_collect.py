"""A rebuild that carries the previous state gives a cold build's outputs even when the corpus moves
under it: a file read differently by the scan and by the extraction, a cached entry that no longer reads
while its file cannot be read, a carried state that lost track of a document."""
import os
import time
from pathlib import Path

import graph.incremental
import graph.pipeline
from building import build, outputs
from graph.cache import ExtractionCache
from graph.model import Skipped

ARTICLES = {"a.txt": "西安理工大学对口帮扶略阳县。", "b.txt": "西北大学对口帮扶洛南县。"}


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    hour_ago = time.time_ns() - 3600 * 10**9
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        os.utime(folder / name, ns=(hour_ago, hour_ago))  # old enough for its stat to be trusted
    return folder


def _cold(folder: Path, out: Path) -> dict:
    build(folder, out, cache=False)
    return outputs(out)


def test_a_file_the_scan_saw_changed_and_the_extraction_saw_as_before_stays_in_the_graph(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "corpus")
    build(folder, tmp_path / "out")
    scan = graph.pipeline.scan

    def half_written(inputs, store):  # the scan read a.txt while it was being copied over itself
        return [graph.incremental.Source(s.path, s.doc_id, "0" * 64) if getattr(s, "doc_id", "") == "a.txt" else s
                for s in scan(inputs, store)]

    monkeypatch.setattr(graph.pipeline, "scan", half_written)
    report, _seen = build(folder, tmp_path / "out")
    assert report.carried == 1  # b.txt; a.txt was taken out of the state and must be put back
    assert outputs(tmp_path / "out") == _cold(folder, tmp_path / "cold")


def _unreadable(name: str, monkeypatch) -> None:
    load_bytes = graph.incremental.load_bytes

    def load(path, doc_id):
        return Skipped(doc_id, "cannot be read: permission denied") if doc_id == name else load_bytes(path, doc_id)

    monkeypatch.setattr(graph.incremental, "load_bytes", load)


def _damage(out: Path) -> None:
    cache = ExtractionCache(out)
    cache._db.execute("UPDATE documents SET line = ?, part = ?", (b"\xff\xfe not UTF-8", b"garbage"))
    cache.commit()
    cache.close()


def test_a_file_unreadable_after_the_scan_is_read_again_by_the_next_build_though_nothing_changed(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "corpus")
    build(folder, tmp_path / "out")
    _damage(tmp_path / "out")  # the scan knows a.txt's key from its stat; the build must read it again
    (tmp_path / "out" / "graph.html").unlink()
    with monkeypatch.context() as patch:
        _unreadable("a.txt", patch)
        first, _seen = build(folder, tmp_path / "out")
    assert [s.path for s in first.skipped] == ["a.txt"]
    second, _seen = build(folder, tmp_path / "out")  # no file changed since, and no output
    assert second.skipped == [] and second.processed == ["a.txt", "b.txt"]
    assert outputs(tmp_path / "out") == _cold(folder, tmp_path / "cold")


def test_a_carried_state_holding_a_document_the_build_skipped_is_not_carried_again(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "corpus")
    build(folder, tmp_path / "out")
    _damage(tmp_path / "out")
    (folder / "c.txt").write_text("陕西师范大学对口帮扶宁强县。", encoding="utf-8")
    with monkeypatch.context() as patch:
        _unreadable("a.txt", patch)  # its entry no longer reads and its file cannot be read: skipped
        build(folder, tmp_path / "out")
    (folder / "d.txt").write_text("西安交通大学对口帮扶镇巴县。", encoding="utf-8")
    report, _seen = build(folder, tmp_path / "out")
    assert report.processed == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert outputs(tmp_path / "out") == _cold(folder, tmp_path / "cold")
