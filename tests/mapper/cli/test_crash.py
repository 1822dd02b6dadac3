"""`conflictmap run` killed with SIGKILL at random moments never leaves a broken output behind.

One complete run writes every artefact; then each trial starts the run again into the same folder
and kills it after a random delay. Every file under its final name must still be complete (the
earlier one or the new one), since each is written to a temporary file and renamed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

TRIALS = 20


def _complete(path: Path) -> None:
    """Raise if ``path`` is not a whole file of its kind."""
    name = path.name
    if name.endswith(".jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    elif name.endswith(".geojson"):
        assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    elif name.endswith((".gpkg", ".fgb")):
        import pyogrio

        pyogrio.read_dataframe(path, layer="events" if name.endswith(".gpkg") else None)
    elif name.endswith(".parquet"):
        import geopandas

        geopandas.read_parquet(path)
    elif name.endswith(".kml"):
        from lxml import etree

        etree.parse(str(path))
    elif name.endswith(".kmz"):
        from lxml import etree

        with zipfile.ZipFile(path) as archive:
            etree.fromstring(archive.read("doc.kml"))
    elif name.endswith(".csv"):
        import csv

        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert rows and len({len(r) for r in rows}) == 1
    elif name.endswith(".html"):
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    elif name.endswith(".png"):
        from PIL import Image

        with Image.open(path) as im:
            im.load()
    elif name.endswith(".pptx"):
        from pptx import Presentation

        assert len(Presentation(str(path)).slides) > 0
    elif name.endswith(".pdf"):
        assert path.read_bytes().rstrip().endswith(b"%%EOF")
    else:
        raise AssertionError(f"unexpected output {name}")
    if name.endswith((".pptx",)):
        assert zipfile.is_zipfile(path)


def _run(out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "mapper", "run", "-o", str(out), "--no-pdf", "--quiet"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_only_complete_outputs(tmp_path):
    out = tmp_path / "outputs"
    t0 = time.perf_counter()
    first = _run(out)
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    full_run = time.perf_counter() - t0
    finals = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert {"events.jsonl", "events.geojson", "events.gpkg", "map.html", "briefing.pptx"} <= set(finals)
    rng = random.Random(20261125)
    killed = attempts = 0
    window = full_run
    while killed < TRIALS and attempts < 2 * TRIALS:
        attempts += 1
        started = time.perf_counter()
        proc = _run(out)
        time.sleep(rng.uniform(0.05, 0.9 * window))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        else:  # finished before the kill: aim earlier next time
            window = min(window, time.perf_counter() - started)
        proc.wait(timeout=60)
        proc.stderr.close()
        present = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
        assert present == finals                      # nothing lost, nothing half-named
        for name in present:
            _complete(out / name)
    assert killed == TRIALS                           # 20 runs really died mid-run
