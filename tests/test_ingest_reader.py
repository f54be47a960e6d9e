"""Reading a corpus: every encoding and format, and inputs that must be skipped without stopping the batch."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.ingest import Document, Skipped, read_corpus, skip_message

TRAD = "西安理工大學對口幫扶略陽縣，培訓鄉村教師三十一人。\n該校還捐贈圖書。"
SIMP = "西安理工大学对口帮扶略阳县，培训乡村教师三十一人。\n该校还捐赠图书。"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _read(folder: Path) -> dict[str, Document | Skipped]:
    return {item.path if isinstance(item, Skipped) else item.id: item for item in read_corpus(folder)}


@pytest.mark.parametrize("encoding, data, text", [
    ("utf-8", SIMP.encode("utf-8"), SIMP),
    ("utf-8-bom", SIMP.encode("utf-8-sig"), SIMP),
    ("gb18030", SIMP.encode("gb18030"), SIMP),
    ("gbk", TRAD.encode("gbk"), TRAD),
    ("big5", TRAD.encode("big5"), TRAD),
    ("utf-16", TRAD.encode("utf-16"), TRAD),
    ("utf-16-le", SIMP.encode("utf-16-le"), SIMP),
])
def test_every_encoding_decodes_to_the_same_simplified_text(tmp_path, encoding, data, text):
    (tmp_path / "a.txt").write_bytes(data)
    doc = _read(tmp_path)["a.txt"]
    assert isinstance(doc, Document), doc
    assert doc.original.lstrip("\ufeff").replace("\r", "") == text
    assert doc.text == SIMP
    assert doc.meta["script"] == ("traditional" if text == TRAD else "simplified")


def test_formats_md_html_htm(tmp_path):
    (tmp_path / "a.md").write_text("# 略阳县教育帮扶\n\n**西安理工大学**对口帮扶[略阳县](https://example.org)。\n",
                                   encoding="utf-8")
    html = ("<html><head><title>西安理工大学帮扶略阳</title><script>var x='脚本不要';</script></head><body>"
            "<nav><a href='/'>首页</a> <a>汉中新闻</a></nav><article><h1>西安理工大学帮扶略阳</h1>"
            "<p>西安理工大学对口帮扶略阳县，为三个贫困村学校捐赠体育器材，培训全县体育教师三十一人。</p>"
            "<p>学校还组织三十一名学生参加科技夏令营，并捐赠价值十五万元的图书。</p></article>"
            "<footer>版权所有</footer></body></html>")
    (tmp_path / "b.html").write_text(html, encoding="utf-8")
    (tmp_path / "c.htm").write_bytes(html.replace("<head>", "<head><meta charset='gbk'>").encode("gbk"))
    docs = _read(tmp_path)
    assert docs["a.md"].text.startswith("略阳县教育帮扶\n\n西安理工大学对口帮扶略阳县。")
    assert docs["a.md"].meta["format"] == "md"
    for name in ("b.html", "c.htm"):
        doc = docs[name]
        assert isinstance(doc, Document), doc
        assert "西安理工大学对口帮扶略阳县" in doc.text
        assert "脚本不要" not in doc.text and "var x" not in doc.text and "版权所有" not in doc.text
        assert doc.meta["format"] == "html" and doc.meta["title"] == "西安理工大学帮扶略阳"
        assert doc.original.count("西安理工大学对口帮扶略阳县") == 1  # original is the extracted text


def test_bad_inputs_are_skipped_with_reasons_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "nul.bin").write_bytes(b"abc\x00\x01\x02" * 100)
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text(SIMP, encoding="utf-8")
    (tmp_path / "z.txt").write_text(SIMP, encoding="utf-8")
    docs = _read(tmp_path)
    assert docs["empty.txt"].reason == "empty file, no text"
    assert docs["image.txt"].reason == "looks binary (a PNG image), not text"
    assert skip_message(docs["nul.bin"]) == "skipped nul.bin: looks binary (NUL bytes), not text"
    assert docs["folder.txt/inner.txt"].text == SIMP
    assert docs["z.txt"].text == SIMP


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file_is_skipped(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SIMP, encoding="utf-8")
    secret.chmod(0)
    try:
        assert _read(tmp_path)["secret.txt"].reason == "cannot be read: permission denied"
    finally:
        secret.chmod(0o644)


def test_symlink_loops_and_broken_links_do_not_hang(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(SIMP, encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    docs = _read(tmp_path)
    assert docs["sub/a.txt"].text == SIMP
    assert docs["dangling.txt"].reason == "cannot be read: missing, or a broken symlink"
    assert len([key for key in docs if key.endswith("a.txt")]) == 1


def test_ids_are_sorted_relative_posix_paths(tmp_path):
    for name in ("b/2.txt", "a/1.txt", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(SIMP, encoding="utf-8")
    assert [doc.id for doc in read_corpus(tmp_path)] == ["a/1.txt", "b/2.txt", "c.txt"]
    assert [doc.id for doc in read_corpus([tmp_path / "c.txt", str(tmp_path / "a" / "1.txt")])] == ["c.txt", "1.txt"]


def test_missing_input_is_an_error_before_reading(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_corpus(tmp_path / "nope")


def test_ten_megabyte_single_line_is_fast(tmp_path):
    line = "西安理工大学对口帮扶略阳县，培训教师31人；近年來(lái)捐赠图书。 "
    data = (line * (10_000_000 // len(line.encode()) + 1)).encode()[:10_000_000]
    data = data[:len(data.decode("utf-8", "ignore").encode())]
    (tmp_path / "big.txt").write_bytes(data)
    start = time.perf_counter()
    (doc,) = read_corpus(tmp_path)
    elapsed = time.perf_counter() - start
    assert isinstance(doc, Document)
    assert "(lái)" not in doc.text and "近年来捐赠" in doc.text
    assert len(doc.starts) == len(doc.text)
    assert elapsed < 15, f"10 MB took {elapsed:.1f}s"
