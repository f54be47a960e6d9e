"""Killed and concurrent builds: the previous outputs stay whole, the store opens, the next build completes."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.pipeline import OUTPUTS
from graph.rdf.query import run_query

ROOT = Path(__file__).resolve().parents[1]
COUNTIES = ("略阳县", "宁强县", "镇巴县", "勉县", "留坝县", "佛坪县", "西乡县", "城固县", "洋县", "南郑区", "环县",
            "华池县", "合水县", "镇原县", "台江县", "雷山县", "丹寨县", "榕江县")
HELPERS = ("西安理工大学", "陕西师范大学", "西北大学", "长安大学", "浙江大学", "北京师范大学", "西安交通大学",
           "西北工业大学", "兰州大学", "贵州大学")
ACTS = ("对口帮扶{county}，为当地学校捐赠图书{n}册。", "与{county}教育局签订帮扶协议，培训乡村教师{n}人。",
        "组织{n}名志愿者赴{county}支教一学期。")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def generate_corpus(folder: Path, documents: int) -> Path:
    """Write `documents` short articles pairing helpers with counties, deterministically."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        sentences = []
        for j in range(8):
            helper, county = HELPERS[(i + j) % len(HELPERS)], COUNTIES[(i * 7 + j) % len(COUNTIES)]
            sentences.append(helper + ACTS[(i + j) % len(ACTS)].format(county=county, n=10 + (i * j) % 90))
        title = f"{HELPERS[i % len(HELPERS)]}教育帮扶工作纪实之{i}"
        (folder / f"{i // 100:02d}" / f"{i:04d}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{i // 100:02d}" / f"{i:04d}.txt").write_text(title + "\n\n" + "\n".join(sentences) + "\n",
                                                               encoding="utf-8")
    return folder


def _command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "graph", "build", str(corpus), "-o", str(out)]


def _build(corpus: Path, out: Path) -> subprocess.CompletedProcess:
    done = subprocess.run(_command(corpus, out), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def _triples(out: Path) -> int:
    return int(run_query(out, COUNT).rows[0][0])


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Two corpora, each built once into its own folder: (base, corpus a, corpus b, seconds b took)."""
    base = tmp_path_factory.mktemp("interrupt")
    a, b = generate_corpus(base / "a", 20), generate_corpus(base / "b", 300)
    _build(a, base / "ref-a")
    start = time.perf_counter()
    _build(b, base / "ref-b")
    return base, a, b, time.perf_counter() - start


def _fresh_out(base: Path, name: str) -> Path:
    """Return a copy of corpus a's build: the "previous outputs" a killed build must leave intact."""
    out = base / name
    shutil.copytree(base / "ref-a", out, symlinks=True)
    return out


def _replaced(path: Path, inode: int) -> bool:
    try:
        return path.stat().st_ino != inode
    except FileNotFoundError:
        return False


@pytest.mark.slow
@pytest.mark.parametrize("fraction", [0.1, 0.35])
def test_a_build_killed_while_extracting_leaves_the_previous_outputs(builds, fraction):
    base, _a, b, seconds = builds
    out = _fresh_out(base, f"killed-{fraction}")
    before, triples = _outputs(out), _triples(out)
    first_output = (out / OUTPUTS[0]).stat().st_ino
    child = subprocess.Popen(_command(b, out), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + fraction * seconds
    while time.monotonic() < deadline and child.poll() is None and not _replaced(out / OUTPUTS[0], first_output):
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert not _replaced(out / OUTPUTS[0], first_output), "the kill came too late: the build was writing"
    assert _outputs(out) == before  # byte for byte
    assert _triples(out) == triples  # the store opens and answers
    _build(b, out)  # the next build completes, and equals a build that was never interrupted
    assert _outputs(out) == _outputs(base / "ref-b")


@pytest.mark.slow
def test_a_build_killed_while_writing_leaves_each_output_whole_and_the_store_open(builds):
    base, _a, b, _seconds = builds
    out = _fresh_out(base, "killed-writing")
    old, new = _outputs(out), _outputs(base / "ref-b")
    first_output = (out / OUTPUTS[0]).stat().st_ino
    child = subprocess.Popen(_command(b, out), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while child.poll() is None and not _replaced(out / OUTPUTS[0], first_output):
        time.sleep(0.002)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    for name, data in _outputs(out).items():  # each file is the old build's or the new one's, never torn
        assert data in (old[name], new[name]), name
    assert _triples(out) > 0
    _build(b, out)
    assert _outputs(out) == new
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")], "temporary files left by the kill"


def _writing(out: Path) -> bool:
    """True once the running build has written a file into its new generation folder."""
    current = os.readlink(out / "current").rsplit("/", 1)[-1]
    return any(any(g.iterdir()) for g in (out / ".generations").iterdir() if g.name != current)


@pytest.mark.slow
@pytest.mark.parametrize("pause", [0.0, 0.5, 2.0])
def test_a_build_killed_while_writing_leaves_one_whole_build(builds, pause):
    """Killed at any point of the writing, OUT holds the previous build or the new one, never a mix."""
    base, _a, b, _seconds = builds
    out = _fresh_out(base, f"killed-mix-{pause}")
    before, new = _outputs(out), _outputs(base / "ref-b")
    child = subprocess.Popen(_command(b, out), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while child.poll() is None and not _writing(out):
        time.sleep(0.002)
    time.sleep(pause)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert _outputs(out) in (before, new)
    assert _triples(out) > 0
    _build(b, out)  # the next build clears the killed one's folder and completes
    assert _outputs(out) == new
    assert [g.name for g in (out / ".generations").iterdir()] == [os.readlink(out / "current").rsplit("/", 1)[-1]]


def _locked(path: Path) -> bool:
    """Tell whether some process holds a lock on `path` (Linux /proc/locks, without touching the lock)."""
    inode = f":{path.stat().st_ino} "
    return any(inode in line for line in Path("/proc/locks").read_text().splitlines())


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads the lock table of Linux")
def test_a_second_build_into_the_same_folder_fails_at_once_and_corrupts_nothing(builds):
    base, a, b, _seconds = builds
    out = _fresh_out(base, "concurrent")
    first = subprocess.Popen(_command(b, out), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not _locked(out / ".bangfu.lock"):
            assert first.poll() is None and time.monotonic() < deadline, "the first build never took the lock"
            time.sleep(0.01)
        start = time.perf_counter()
        second = subprocess.run(_command(a, out), cwd=ROOT, capture_output=True, text=True, timeout=60)
        elapsed = time.perf_counter() - start
        assert first.poll() is None, "the first build ended before the second started; make corpus b larger"
    finally:
        _stdout, stderr = first.communicate(timeout=300)
    assert second.returncode == 1
    assert second.stderr == (f"Error: {out} is being built by another bangfu process (lock file "
                             f"{out / '.bangfu.lock'}); wait for it or use another -o folder\n")
    assert elapsed < 10, f"the second build waited {elapsed:.1f}s instead of failing at once"
    assert first.returncode == 0, stderr
    assert _outputs(out) == _outputs(base / "ref-b")  # the first build's outputs, untouched by the second
