"""`bangfu build` over a corpus of bad inputs: it completes, and report.json accounts for every file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import EXIT_SKIPPED, cli

ROOT = Path(__file__).resolve().parents[1]
SIMP = "西安理工大学对口帮扶略阳县，培训乡村教师三十一人。该校还捐赠图书。\n"
TRAD = "西安理工大學對口幫扶略陽縣，培訓鄉村教師三十一人。該校還捐贈圖書。\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
FILLER = "今天天气很好，大家一起去公园散步，看到很多花开了。"


def make_hostile_corpus(root: Path) -> None:
    """Write every kind of bad input a scraped folder holds, beside a few good articles."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \r\n\t\n")
    (root / "random.bin").write_bytes(bytes(range(256)) * 16)
    (root / "image.txt").write_bytes(PNG + bytes(range(200)))
    # one 10 MB line with a sentence to find in the middle of it
    half = FILLER * (5_000_000 // len(FILLER.encode()))
    (root / "long line.txt").write_text(half + SIMP.strip() + half, encoding="utf-8")
    (root / "nested.html").write_text("<html><body>" + "<div>" * 5000 + f"<p>{SIMP}</p>" + "</div>" * 5000
                                      + "</body></html>", encoding="utf-8")
    (root / "mixed").mkdir()
    (root / "mixed" / "utf8.txt").write_text(SIMP, encoding="utf-8")
    (root / "mixed" / "gbk.txt").write_bytes(SIMP.encode("gbk"))
    (root / "mixed" / "big5.txt").write_bytes(TRAD.encode("big5"))
    (root / "mixed" / "utf16.txt").write_bytes(SIMP.encode("utf-16"))
    (root / "mixed" / "utf16le no bom.txt").write_bytes(SIMP.encode("utf-16-le"))
    (root / "中文 名称.txt").write_text(SIMP, encoding="utf-8")
    (root / "with space.md").write_text("# 略阳县教育帮扶\n\n" + SIMP, encoding="utf-8")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")  # what an unreadable file looks like to root
    secret = root / "secret.txt"
    secret.write_text(SIMP, encoding="utf-8")
    secret.chmod(0)  # skipped as unreadable for users; root reads it anyway (see test_ingest_reader)
    (root / "sub").mkdir()
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub" / "self").symlink_to(root / "sub" / "self")  # a link to itself: ELOOP on open
    (root / "x.txt").mkdir()  # a folder named like a file: its files are read, it is not
    (root / "x.txt" / "inner.txt").write_text(SIMP, encoding="utf-8")
    (root / "y.html").mkdir()  # empty: no input at all


def expected_inputs(root: Path) -> set[str]:
    """List every input file independently of bangfu: non-folder entries, symlinked folders not followed."""
    found = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found |= {(Path(folder) / name).relative_to(root).as_posix() for name in files if not name.startswith(".")}
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build the hostile corpus once; return (corpus, out, CLI result)."""
    base = tmp_path_factory.mktemp("hostile")
    make_hostile_corpus(base / "corpus")
    done = CliRunner().invoke(cli, ["build", str(base / "corpus"), "-o", str(base / "out")], catch_exceptions=False)
    yield base / "corpus", base / "out", done
    (base / "corpus" / "secret.txt").chmod(0o644)


def test_build_completes_and_exits_3_because_inputs_were_skipped(built):
    _corpus, out, done = built
    assert done.exit_code == EXIT_SKIPPED == 3, done.output
    for name in ("report.json", "graph.json", "graph.ttl", "graph.html", "graph.gexf", "extractions.jsonl"):
        assert (out / name).stat().st_size > 0, name
    assert (out / "store").is_dir()


def test_report_accounts_for_every_input_once(built):
    corpus, out, _done = built
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]
    processed = report["processed"]
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}
    assert len(processed) + len(report["skipped"]) == len(expected_inputs(corpus))
    assert set(processed) | set(skipped) == expected_inputs(corpus)
    assert not set(processed) & set(skipped)
    assert all(reason.strip() for reason in skipped.values())


def test_each_bad_input_has_its_reason_and_each_good_one_is_read(built):
    _corpus, out, _done = built
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}
    assert skipped["empty.txt"] == skipped["blank.txt"] == "empty file, no text"
    assert skipped["image.txt"] == "looks binary (a PNG image), not text"
    assert "binary" in skipped["random.bin"]
    assert skipped["dangling.txt"] == "cannot be read: missing, or a broken symlink"
    assert skipped["sub/self"].startswith("cannot be read")
    good = {"long line.txt", "nested.html", "mixed/utf8.txt", "mixed/gbk.txt", "mixed/big5.txt", "mixed/utf16.txt",
            "mixed/utf16le no bom.txt", "中文 名称.txt", "with space.md", "x.txt/inner.txt"}
    assert good <= set(report["processed"])
    records = {json.loads(line)["path"]: json.loads(line)
               for line in (out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()}
    for doc_id in good:  # every encoding, the deep page and the long line all yield the article's pairing
        names = {e["name"] for e in records[doc_id]["entities"]}
        assert {"西安理工大学", "略阳县"} <= names, (doc_id, names)


def test_cli_prints_one_line_per_skipped_input(built):
    _corpus, out, done = built
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]
    for item in report["skipped"]:
        assert f"skipped {item['path']}: {item['reason']}" in done.output


def test_a_clean_corpus_exits_0(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(SIMP, encoding="utf-8")
    done = CliRunner().invoke(cli, ["build", str(tmp_path / "corpus"), "-o", str(tmp_path / "out")],
                              catch_exceptions=False)
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize("depth", [300, 5000, 100_000])
def test_deeply_nested_html_keeps_its_text_and_drops_scripts(depth):
    from graph.ingest import ingest_text

    page = ("<html><head><script>var x = '脚本';</script></head><body>" + "<div>" * depth
            + "<p>西安理工大学对口帮扶略阳县。</p><nav>首页</nav><p>第二段</p>" + "</div>" * depth + "</body></html>")
    doc = ingest_text("deep.html", page, "html")
    assert doc.text == "西安理工大学对口帮扶略阳县。\n第二段"
    start, end = doc.original_span(0, 6)
    assert doc.original[start:end] == "西安理工大学"


def _build_in_subprocess(corpus: Path, out: Path, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", "build", str(corpus), "-o", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, env={**os.environ, "PYTHONUTF8": "1"})


def test_a_fifo_is_skipped_not_waited_on(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(SIMP, encoding="utf-8")
    os.mkfifo(tmp_path / "corpus" / "pipe.txt")
    done = _build_in_subprocess(tmp_path / "corpus", tmp_path / "out", timeout=15)
    assert done.returncode == EXIT_SKIPPED, done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["documents"]
    assert [s["path"] for s in report["skipped"]] == ["pipe.txt"]


def test_a_file_name_that_is_not_utf8_is_accounted_for(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / os.fsdecode(b"bad\xff\xfename.txt")).write_text(SIMP, encoding="utf-8")
    (tmp_path / "corpus" / "a.txt").write_text(SIMP, encoding="utf-8")
    done = _build_in_subprocess(tmp_path / "corpus", tmp_path / "out", timeout=120)
    assert done.returncode in (0, EXIT_SKIPPED), done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["documents"]
    assert len(report["processed"]) + len(report["skipped"]) == 2


def _extract_seconds(repeats: int) -> float:
    from graph.extract import extract
    from graph.ingest import ingest_text

    doc = ingest_text("dense.txt", "西安理工大学对口帮扶略阳县，培训教师31人；" * repeats)
    start = time.perf_counter()
    extract(doc)
    return time.perf_counter() - start


def test_extraction_time_grows_linearly_with_a_dense_line():
    _extract_seconds(100)  # load the gazetteer and dictionaries first
    small, large = _extract_seconds(750), _extract_seconds(3000)
    assert large < 8 * small, f"4x the text took {large / small:.0f}x the time ({small:.2f}s → {large:.2f}s)"
