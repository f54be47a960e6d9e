"""`bangfu ingest`: JSON Lines out, a summary table, exit 3 when inputs were skipped."""
from __future__ import annotations

import json

from click.testing import CliRunner

from graph.cli import cli

SIMP = "西安理工大学对口帮扶略阳县，培训乡村教师三十一人。"


def test_ingest_writes_jsonl_and_summary(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("略陽新聞\n" + SIMP + "\n编辑：张慧敏\n", encoding="utf-8")
    (tmp_path / "corpus" / "b.txt").write_bytes(SIMP.encode("gb18030"))
    out = tmp_path / "docs.jsonl"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "corpus"), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a.txt", "b.txt"]
    assert set(rows[0]) == {"id", "path", "meta", "text", "placeholders"}
    assert rows[0]["meta"]["editor"] == "张慧敏" and "编辑" not in rows[0]["text"]
    assert rows[1]["meta"]["encoding"] == "gb18030" and rows[1]["text"] == SIMP
    assert "documents read" in result.output and "2" in result.output


def test_ingest_exits_3_and_names_skipped_files(tmp_path):
    (tmp_path / "a.txt").write_text(SIMP, encoding="utf-8")
    (tmp_path / "07.bin").write_bytes(b"\x00\x01\x02\x03" * 10)
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "-o", str(tmp_path / "out.jsonl")],
                                catch_exceptions=False)
    assert result.exit_code == 3
    assert "skipped 07.bin: looks binary (NUL bytes), not text" in result.output
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_ingest_missing_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nope")], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'nope'} does not exist: give a folder of articles or article files"


def test_ingest_help_documents_exit_codes():
    result = CliRunner().invoke(cli, ["ingest", "--help"], catch_exceptions=False)
    assert "3 when some were skipped" in result.output and "Example: bangfu ingest" in result.output
