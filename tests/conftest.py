import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # tests/graphs.py and other test helpers
SHARED = HERE.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared_seeds() -> Path:
    """The five real articles in ../shared/corpus/seeds (CI has them beside the repo)."""
    path = SHARED / "corpus" / "seeds"
    if not path.is_dir():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the repository")
    return path
