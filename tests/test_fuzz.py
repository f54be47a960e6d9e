"""A short bounded fuzz run over ingest (tools/fuzz_ingest.py; longer runs: see its docstring and README)."""
from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _fuzzer():
    spec = importlib.util.spec_from_file_location("fuzz_ingest", ROOT / "tools" / "fuzz_ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fuzz_ingest = _fuzzer()


def test_a_few_seconds_of_mutated_inputs_break_nothing():
    count = fuzz_ingest.fuzz(seconds=4, seed=20261126)
    assert count > 200  # the run did real work, not one slow input


def test_a_second_of_mutated_inputs_through_extract_breaks_nothing():
    assert fuzz_ingest.fuzz(seconds=1.5, seed=7, with_extract=True) > 20


@pytest.mark.parametrize("data", [
    b"<div>" * 5000 + b"<p>\xe8\xa5\xbf\xe5\xae\x89</p><![- x",  # stdlib HTML parser asserted on "<![-"
    "汉中市略阳".encode("utf-8"),  # a short county name ending the text: IndexError in extract
    b"\xff\xfe" + "略阳".encode("utf-16-le"),
    b"<div>" * 100_000,
])
def test_inputs_the_fuzzer_found(data):
    fuzz_ingest.check(data, with_extract=True)


def test_mutations_are_deterministic_for_a_seed():
    pool = fuzz_ingest.seeds()
    one, two = random.Random(5), random.Random(5)
    assert [fuzz_ingest.mutate(one, d) for d in pool] == [fuzz_ingest.mutate(two, d) for d in pool]


def test_the_documented_command_runs(tmp_path):
    done = subprocess.run([sys.executable, "tools/fuzz_ingest.py", "--seconds", "1", "--crashes", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.rstrip().endswith("inputs in 1s, no failure")
