"""GDAL can read our GeoParquet through its ADBC driver with DuckDB, where DuckDB is installed.

Neither Debian's GDAL 3.6 nor the GDAL in pyogrio's wheels has the Parquet driver; the wheel's
GDAL (3.11+) has the ADBC driver, which can hand a query to DuckDB. DuckDB's Python wheel
carries the ADBC entry point (``duckdb_adbc_init``) in its extension module, so that file is the
``ADBC_DRIVER``. Two things are needed (docs/EXPORT.md): the ``ADBC:`` prefix on the path, and an
``SQL`` open option that turns the nested ``locations`` / ``sources`` lists into JSON text, for
which OGR has no field type. duckdb is not an install requirement: without it this test skips.
"""

from __future__ import annotations

import importlib.util
import json

import geopandas
import pyogrio
import pytest
from export_helpers import exported_sample, shared_sample_events


def duckdb_adbc_library() -> str | None:
    """The file of DuckDB's Python extension module (it exports ``duckdb_adbc_init``), or None."""
    if importlib.util.find_spec("duckdb") is None:
        return None
    for name in ("_duckdb", "duckdb.duckdb"):  # duckdb >= 1.4 / older wheels
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:
            continue
        if spec is not None and spec.origin and spec.origin.endswith((".so", ".pyd", ".dylib")):
            return spec.origin
    return None


@pytest.fixture(scope="module")
def library():
    found = duckdb_adbc_library()
    if found is None:
        pytest.skip("duckdb is not installed (optional: pip install duckdb)")
    if "ADBC" not in pyogrio.list_drivers():
        pytest.skip("this GDAL has no ADBC driver")
    return found


def test_gdal_reads_our_geoparquet_through_adbc_and_duckdb(library, gazetteer, index, tmp_path_factory):
    path = exported_sample(gazetteer, index, tmp_path_factory) / "events.parquet"
    events = shared_sample_events(gazetteer, index)
    sql = (f"SELECT * REPLACE (to_json(locations) AS locations, to_json(sources) AS sources) "
           f"FROM read_parquet('{path}')")
    info = pyogrio.read_info(f"ADBC:{path}", ADBC_DRIVER=library, SQL=sql)
    assert info["features"] == len(events) and info["crs"] == "EPSG:4326"
    frame = pyogrio.read_dataframe(f"ADBC:{path}", ADBC_DRIVER=library, SQL=sql)
    want = geopandas.read_parquet(path)
    assert list(frame.event_id) == [ev.event_id for ev in events]
    assert [g is None or g.equals_exact(w, 0) for g, w in zip(frame.geometry, want.geometry)] == [True] * len(events)
    assert [None if v != v else int(v) for v in frame.killed] == [ev.killed for ev in events]
    sources = [[(s["doc_id"], s["quote"]) for s in json.loads(v)] for v in frame.sources]  # as JSON text
    assert sources == [[(s.get("doc_id"), s.get("quote")) for s in ev.sources] for ev in events]
