"""Helpers for build tests: a corpus copied from the samples and seeds, and a build's outputs as bytes."""
import shutil
from pathlib import Path

from graph.pipeline import OUTPUTS, run
from graph.resources import sample_corpus

SHARED_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def corpus(folder: Path, shared: bool = True) -> Path:
    """Copy the sample articles (and the shared seed articles) into `folder` and return it."""
    shutil.copytree(sample_corpus(), folder)
    if shared:
        shutil.copytree(SHARED_SEEDS, folder / "seeds")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    """Return every output file of a build, and the store's triples as sorted N-Triples."""
    import pyoxigraph as ox

    files = {name: (out / name).read_bytes() for name in OUTPUTS}
    store = ox.Store.read_only(str(out / "store"))
    dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    files["store"] = b"\n".join(sorted(dump.splitlines()))
    return files


def build(inputs, out: Path, **options) -> tuple[dict, list[str]]:
    """Build and return (report, the names the progress callback was given)."""
    seen: list[str] = []
    report = run(inputs, out, progress=seen.append, **options)
    return report, seen
