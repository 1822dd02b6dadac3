"""Shared fixtures: one gazetteer index built per test session, in a private cache dir.

The index is built from the bundled data exactly as a user's first run builds
it; ``CONFLICTMAP_CACHE_DIR`` points the CLI subprocesses at the same one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

_SESSION_CACHE = Path(tempfile.mkdtemp(prefix="conflictmap-test-cache-"))
os.environ["CONFLICTMAP_CACHE_DIR"] = str(_SESSION_CACHE)

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "data"


@pytest.fixture(scope="session")
def gazetteer():
    from gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def index(gazetteer):
    return gazetteer.index


@pytest.fixture
def index_copy(index, tmp_path):
    """A private copy of the session index, for tests that import into it."""
    from gazetteer import PlaceIndex

    target = tmp_path / "index.sqlite"
    shutil.copy(index.path, target)
    copy = PlaceIndex.open(target)
    yield copy
    copy.close()


def run_cli(*args: str, env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m mapper ARGS`` as a user would, capturing text output."""
    return subprocess.run(
        [sys.executable, "-m", "mapper", *args],
        capture_output=True, text=True, timeout=120, cwd=REPO, input=input,
        env={**os.environ, **(env or {})},
    )


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_CACHE, ignore_errors=True)
