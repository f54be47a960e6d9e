"""Parallel builds: results in input order, and the same outputs byte for byte whatever the workers."""
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from building import build, corpus, outputs
from graph.cli import cli
from graph.errors import InputError
from graph.parallel import batched, ordered_map, ordered_window, started_pool


def test_batched_keeps_every_item_in_order():
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


def test_ordered_window_yields_in_submission_order_even_when_later_batches_finish_first():
    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    results = ordered_window(lambda chunk: Done([x * 10 for x in reversed(chunk)][::-1]), range(20), window=3,
                             batch=4)
    assert list(results) == [x * 10 for x in range(20)]


def test_ordered_map_on_two_processes_keeps_the_order():
    items = [-i if i % 3 else i for i in range(200)]
    assert list(ordered_map(abs, items, workers=2)) == [abs(i) for i in items]


def _mark_started() -> None:
    """A worker initializer that leaves a file named after its process."""
    Path(os.environ["BANGFU_TEST_MARKS"], str(os.getpid())).touch()


def test_a_started_pool_runs_its_initializers_before_any_work_is_given(tmp_path, monkeypatch):
    monkeypatch.setenv("BANGFU_TEST_MARKS", str(tmp_path))
    with started_pool(2, _mark_started) as pool:
        deadline = time.monotonic() + 60
        while len(list(tmp_path.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(list(tmp_path.iterdir())) == 2  # both workers up while this process did something else
        assert list(ordered_map(abs, [-1, 2, -3], workers=2, pool=pool)) == [1, 2, 3]
        assert list(ordered_map(abs, [-4], workers=2, pool=pool)) == [4]  # the pool stays open for more
    assert len(list(tmp_path.iterdir())) == 2  # and no other worker was started


def test_ordered_map_with_one_worker_is_lazy():
    seen = []
    results = ordered_map(seen.append, iter([1, 2, 3]), workers=1)
    next(results)
    assert seen == [1]


@pytest.fixture(scope="module")
def single(tmp_path_factory, shared_seeds) -> tuple[Path, Path]:
    folder = corpus(tmp_path_factory.mktemp("parallel") / "corpus")
    out = folder.parent / "one"
    build(folder, out, workers=1, cache=False)
    return folder, out


def test_two_workers_write_byte_identical_outputs(single):
    folder, one = single
    report, seen = build(folder, folder.parent / "two", workers=2, cache=False)
    assert outputs(folder.parent / "two") == outputs(one)
    assert len(report.processed) == 13 and not report.skipped
    assert sorted(seen) == sorted(report.processed)


def test_skipped_files_are_reported_in_order_by_any_number_of_workers(single, tmp_path):
    folder, _one = single
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_text("西安理工大学对口帮扶略阳县。", encoding="utf-8")
    (bad / "b.bin").write_bytes(bytes(range(256)) * 8)
    (bad / "c.txt").write_text("杭州市西湖区与台江县结对帮扶。", encoding="utf-8")
    one, _ = build(bad, tmp_path / "one", workers=1, cache=False)
    two, _ = build(bad, tmp_path / "two", workers=2, cache=False)
    assert one.processed == two.processed == ["a.txt", "c.txt"]
    assert [s.path for s in two.skipped] == ["b.bin"] and two.skipped == one.skipped
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_scheduler_needs_the_dask_engine(tmp_path):
    with pytest.raises(InputError, match="--scheduler needs --engine dask"):
        build(tmp_path, tmp_path / "out", scheduler="tcp://127.0.0.1:8786")


def test_build_command_takes_workers(single, tmp_path):
    folder, one = single
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out"), "--workers", "2",
                                      "--no-cache"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert outputs(tmp_path / "out") == outputs(one)
    assert not (tmp_path / "out" / "cache").exists()
