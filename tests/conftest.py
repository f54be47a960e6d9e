import os
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # tests/graphs.py and other test helpers
SHARED = HERE.parent.parent / "shared"
# graph/signing.py keeps its key in the user's cache folder: the tests (and the builds they start) use their own
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bangfu-tests-cache-")


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    """The five real articles in ../shared/corpus/seeds (CI has them beside the repo)."""
    path = SHARED / "corpus" / "seeds"
    if not path.is_dir():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the repository")
    return path
