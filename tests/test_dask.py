"""--engine dask: ingest and extraction on a dask.distributed cluster give the local build's outputs."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from building import build, corpus, outputs
from graph.cli import cli
from graph.dask_engine import dask_map
from graph.errors import BangfuError

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as local:
        yield local


@pytest.fixture(scope="module")
def local(tmp_path_factory, shared_seeds) -> tuple[Path, Path]:
    folder = corpus(tmp_path_factory.mktemp("dask") / "corpus")
    build(folder, folder.parent / "local", cache=False)
    return folder, folder.parent / "local"


def test_dask_map_keeps_the_order(cluster):
    items = [-i for i in range(100)]
    assert list(dask_map(abs, items, scheduler=cluster.scheduler_address)) == list(range(100))


def test_dask_map_of_nothing_starts_no_cluster():
    assert list(dask_map(abs, [], scheduler="tcp://127.0.0.1:1")) == []  # the address is never dialled


def test_build_on_a_two_worker_cluster_is_byte_identical(cluster, local, tmp_path):
    folder, reference = local
    report, _seen = build(folder, tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address,
                          cache=False)
    assert len(report.processed) == 13
    assert outputs(tmp_path / "out") == outputs(reference)


def test_build_command_starts_its_own_local_cluster(local, tmp_path):
    folder, reference = local
    result = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out"), "--engine", "dask",
                                      "--workers", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert outputs(tmp_path / "out") == outputs(reference)


def test_unreachable_scheduler_is_a_clean_error():
    with pytest.raises(BangfuError, match="cannot reach the dask scheduler at tcp://127.0.0.1:9"):
        list(dask_map(abs, [1], scheduler="tcp://127.0.0.1:9", connect_timeout=1))
