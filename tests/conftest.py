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

#: The headless-Chromium fixtures (``browser``, ``page``) of tests/browser.py, for every test module.
pytest_plugins = ["browser"]

_SESSION_CACHE = Path(tempfile.mkdtemp(prefix="conflictmap-test-cache-"))
os.environ["CONFLICTMAP_CACHE_DIR"] = str(_SESSION_CACHE)

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "tests" / "data"


@pytest.fixture(scope="session")
def gazetteer():
    from gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def seed_events(gazetteer):
    """The bundled sample's events, extracted once for every test that maps, exports or briefs them."""
    from mapper.extract.extractor import extract_events
    from mapper.ingest.documents import read_documents
    from mapper.pipeline import SAMPLE_PUBLISHED, SAMPLE_REPORT

    return extract_events(read_documents([SAMPLE_REPORT], published=SAMPLE_PUBLISHED), gazetteer=gazetteer)


@pytest.fixture(scope="session")
def index(gazetteer):
    return gazetteer.index


@pytest.fixture(scope="session")
def spotter(gazetteer):
    """One place-name spotter on the bundled gazetteer (the spotting tests compare with ``spotting.spotted``)."""
    from mapper.extract.toponyms import ToponymSpotter

    return ToponymSpotter(gazetteer)


@pytest.fixture(scope="session")
def geoparser(gazetteer):
    from mapper.extract.geoparse import Geoparser

    return Geoparser(gazetteer)


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


#: Tests that use one of these fixtures start what the marker names: ``-m "not browser and not
#: libreoffice and not dask"`` leaves them out (README, "Tests"). Others carry the marker explicitly.
_MARKER_OF_FIXTURE = {"browser": "browser", "page": "browser",          # a headless Chromium
                      "client": "dask",                                 # tests/mapper/engines: a LocalCluster
                      "sample_run": "libreoffice"}                      # `conflictmap run` with its PDF


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = getattr(item, "fixturenames", ())
        for marker in {m for fixture, m in _MARKER_OF_FIXTURE.items() if fixture in names}:
            item.add_marker(marker)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_CACHE, ignore_errors=True)
