"""GeoParquet made column by column from an events GeoPackage (no Python events) is the GeoParquet
written from the events that GeoPackage holds; and the GeoPackage's SQLite settings for speed."""

from __future__ import annotations

import sqlite3

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import run_cli
from export_helpers import exported_sample, shared_sample_events
from test_export_roundtrip import without_nul

from mapper.exc import InputError
from mapper.render.export import export_file, read_any_events, write_format
from mapper.render.export import gpkg as gpkg_module
from mapper.render.export.gpkg import EXPORT_PAGE_SIZE, page_size_for
from mapper.render.export.gpkg_parquet import geopackage_to_geoparquet, geoparquet_table_from_gpkg
from mapper.render.export.gpkg_read import _grouped
from mapper.render.export.parquet import geoparquet_table
from mapper.render.export.store import add_to_store
from mapper.render.export.tables import event_tables


@pytest.fixture(scope="module")
def events(gazetteer, index):
    return shared_sample_events(gazetteer, index)


@pytest.fixture(scope="module")
def exported(gazetteer, index, tmp_path_factory):
    return exported_sample(gazetteer, index, tmp_path_factory)


def _from_events(events) -> pa.Table:
    return geoparquet_table(event_tables(events, index=None))


def same(a: pa.Table, b: pa.Table) -> bool:
    """Equal columns, types and ``geo`` metadata (a Parquet file read back adds field-level metadata)."""
    return a.equals(b) and a.schema.metadata == b.schema.metadata


def test_geoparquet_from_geopackage_equals_geoparquet_from_its_events(exported, events):
    table = geoparquet_table_from_gpkg(exported / "events.gpkg")
    assert table.equals(_from_events(read_any_events(exported / "events.gpkg")), check_metadata=True)
    # and so the events as written, but for the GeoPackage's one loss here (NUL removed)
    assert table.equals(_from_events([without_nul(ev) for ev in events]), check_metadata=True)
    kinds = {f.name: f.type for f in table.schema}
    assert kinds["geometry"] == pa.binary() and pa.types.is_list(kinds["locations"])


def test_geoparquet_from_an_event_store_after_a_merge(events, tmp_path):
    store = tmp_path / "store.gpkg"
    add_to_store(store, events[:4], index=None)
    add_to_store(store, events[2:], index=None)  # overlaps: some stored events are rewritten at the end
    target = geopackage_to_geoparquet(store, tmp_path / "store.parquet")
    stored = read_any_events(store)
    assert same(pq.read_table(target), _from_events(stored))


def test_rows_out_of_event_order_are_grouped_like_the_rebuild():
    rows = pa.table({"event_id": ["b", "a", "b", "x", "a"], "source_index": [1, 0, 0, 0, 1], "n": [1, 2, 3, 4, 5]})
    grouped, owner, counts = _grouped(rows, pa.array(["a", "b", "c"]), "source_index")
    assert grouped["n"].to_pylist() == [2, 5, 3, 1] and owner.tolist() == [0, 0, 1, 1]  # "x" is no event's
    assert counts.tolist() == [2, 2, 0]


def test_export_file_takes_the_columnar_path_and_keeps_the_format_order(exported, events, tmp_path, monkeypatch):
    import mapper.render.export as export

    def no_objects(path):
        raise AssertionError("GeoParquet alone must not read Python events")

    monkeypatch.setattr(export, "read_any_events", no_objects)
    result = export_file(exported / "events.gpkg", tmp_path / "a", "parquet")
    assert result.ok and [p.name for p in result.written] == ["events.parquet"]
    monkeypatch.undo()
    result = export_file(exported / "events.gpkg", tmp_path / "b", "csv,parquet,kml", index=None)
    assert result.ok and [p.name for p in result.written] == ["events.csv", "events.parquet", "events.kml"]
    with pytest.raises(InputError, match="no such file"):
        export_file(tmp_path / "missing.gpkg", tmp_path / "c", "parquet")


def test_cli_converts_a_geopackage_to_geoparquet(exported, tmp_path):
    run = run_cli("export", str(exported / "events.gpkg"), "--to", "parquet", "-o", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert same(pq.read_table(tmp_path / "events.parquet"), geoparquet_table_from_gpkg(exported / "events.gpkg"))
    bad = tmp_path / "not-ours.gpkg"
    sqlite3.connect(bad).execute("CREATE TABLE t (x)").connection.close()
    run = run_cli("export", str(bad), "--to", "parquet", "-o", str(tmp_path / "out"))
    assert run.returncode == 1 and str(bad) in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_geopackage_pages_suit_the_data_and_the_store_keeps_small_ones(exported, events, tmp_path, monkeypatch):
    def page_size(path):
        with sqlite3.connect(path) as db:
            return db.execute("PRAGMA page_size").fetchone()[0]

    assert page_size(exported / "events.gpkg") == 4096  # a few events: small pages, a small file
    write_format(events[:2], tmp_path / "two.gpkg", "gpkg", index=None)
    assert (tmp_path / "two.gpkg").stat().st_size < 200_000  # was 1.97 MB with 64 KiB pages
    assert page_size_for(1_000_000) == EXPORT_PAGE_SIZE == 65536  # a million: large pages, as benchmarked
    monkeypatch.setattr(gpkg_module, "_BYTES_PER_EVENT", 10**9)   # as if 2 events were a million
    write_format(events[:2], tmp_path / "large.gpkg", "gpkg", index=None)
    assert page_size(tmp_path / "large.gpkg") == 65536
    add_to_store(tmp_path / "store.gpkg", events[:2], index=None)
    assert page_size(tmp_path / "store.gpkg") == 4096  # small transactions journal whole pages
    write_format(events[:1], tmp_path / "one.gpkg", "gpkg", index=None)
    assert read_any_events(tmp_path / "one.gpkg") == [without_nul(events[0])]
