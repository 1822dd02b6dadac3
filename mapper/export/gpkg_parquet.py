"""GeoParquet straight from an events GeoPackage, column by column: no Python ``Event`` objects.

An analyst converting a store of a million events does not need a million
Python objects: GDAL reads each layer of our GeoPackage layout
(:mod:`mapper.export.gpkg`, the event store) as Arrow columns
(``pyogrio.read_arrow``), the ``event_locations`` and ``sources`` rows are
nested under their event with Arrow compute, and each event's own geometry
(a Point for one place, a MultiPoint for several) is built from its places as
:mod:`mapper.export.tables` builds it — the stored MultiPoint is not read, just
as :func:`mapper.export.gpkg.read_events_gpkg` rebuilds events from their places.
The file has the schema :func:`mapper.export.parquet.write` gives and holds what
the GeoPackage holds: it equals the GeoParquet written from
``read_events_gpkg(source)``, which is the original events but for the
GeoPackage's one loss here (U+0000 removed from text)::

    >>> geopackage_to_geoparquet("store.gpkg", "out/events.parquet")   # doctest: +SKIP
    PosixPath('out/events.parquet')
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from mapper.exc import InputError
from mapper.export.columns import nested_list
from mapper.export.gpkg import open_readonly
from mapper.export.parquet import assemble, write_table
from mapper.export.schema import ARROW_TYPES, LAYER_COLUMNS
from mapper.export.tables import distinct_points
from mapper.export.wkb import point_sets_wkb

__all__ = ["geopackage_to_geoparquet", "geoparquet_table_from_gpkg"]


def _layer(path: Path, name: str) -> pa.Table:
    """A layer's attribute columns in :data:`LAYER_COLUMNS` order and types (missing ones null)."""
    import pyogrio

    try:
        _, table = pyogrio.read_arrow(path, layer=name, read_geometry=False)
    except Exception as exc:  # a missing layer or an unreadable file: GDAL's message names it
        raise InputError(path, f"not a conflictmap events GeoPackage ({str(exc).splitlines()[0][:120]})") from None
    columns = {}
    for col, kind in LAYER_COLUMNS[name]:
        wanted = ARROW_TYPES[kind]
        if col in table.column_names:
            values = table[col]
            columns[col] = values if values.type == wanted else values.cast(wanted)
        else:  # a column an older file lacks (the rebuild reads it as missing too)
            columns[col] = pa.nulls(table.num_rows, type=wanted)
    return pa.table(columns)


def _grouped(rows: pa.Table, event_ids: pa.Array, index_column: str) -> tuple[pa.Table, np.ndarray, np.ndarray]:
    """``rows`` ordered by their event's position in ``event_ids`` then by ``index_column``, the position
    of each row's event, and the number of rows per event. Rows of events not in ``event_ids`` are
    dropped, as the rebuild ignores them. Files written here are in that order already: no sort then."""
    position = pc.index_in(rows["event_id"], value_set=event_ids)
    if position.null_count:
        rows, position = rows.filter(pc.is_valid(position)), position.filter(pc.is_valid(position))
    owner = np.asarray(position.to_numpy(zero_copy_only=False), dtype=np.int64)
    index = np.asarray(rows[index_column].fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)
    step, index_step = np.diff(owner), np.diff(index)
    if not ((step > 0) | ((step == 0) & (index_step > 0))).all():
        order = np.lexsort((index, owner))
        rows, owner = rows.take(pa.array(order)), owner[order]
    return rows, owner, np.bincount(owner, minlength=len(event_ids)).astype(np.int64)


def _check_layout(path: Path) -> None:
    """Raise ``InputError`` unless ``path`` is a GeoPackage with our layers (as the rebuild checks)."""
    conn = open_readonly(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [name for name in ("gpkg_contents", "events", "event_locations", "sources") if name not in tables]
        if not missing and "event_id" not in {r[1] for r in conn.execute('PRAGMA table_info("events")')}:
            missing = ["events.event_id"]
    except sqlite3.Error as exc:
        raise InputError(path, f"cannot open GeoPackage ({exc})") from None
    finally:
        conn.close()
    if missing:
        raise InputError(path, f"not a conflictmap events GeoPackage: no {missing[0]!r}")


def geoparquet_table_from_gpkg(path: str | Path) -> pa.Table:
    """The table :func:`mapper.export.parquet.write` would write, read from an events GeoPackage."""
    path = Path(path)
    _check_layout(path)
    events = _layer(path, "events")
    event_ids = events["event_id"].combine_chunks()
    locations, owner, location_counts = _grouped(_layer(path, "event_locations"), event_ids, "location_index")
    sources, _, source_counts = _grouped(_layer(path, "sources"), event_ids, "source_index")
    located = (np.asarray(locations["resolved"].fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
               & np.asarray(locations["longitude"].is_valid()) & np.asarray(locations["latitude"].is_valid()))
    xs, ys, _, counts = distinct_points(locations["longitude"], locations["latitude"], located, owner, len(event_ids))
    nested = {"locations": nested_list(locations, location_counts, "locations"),
              "sources": nested_list(sources, source_counts, "sources")}
    return assemble(events, nested, point_sets_wkb(xs, ys, counts, single_as_point=True), locations)


def geopackage_to_geoparquet(source: str | Path, target: str | Path, *, compression: str = "zstd") -> Path:
    """Write the events of the GeoPackage ``source`` as GeoParquet at ``target`` (atomically)."""
    return write_table(geoparquet_table_from_gpkg(source), target, compression=compression)
