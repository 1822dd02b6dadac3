"""Rows into an existing GeoPackage through :mod:`sqlite3`, the way GDAL would write them.

The event store changes its GeoPackage inside one SQLite transaction, which
GDAL cannot join, so it writes rows itself. What that takes (OGC 12-128r18):

* geometry blobs: the ``GP`` header (version 0, little-endian, envelope
  ``[minx, maxx, miny, maxy]``, SRS id) followed by ISO WKB (:func:`gpkg_blob`);
* the R-tree triggers GDAL installed call ``ST_IsEmpty``, ``ST_MinX`` … which
  SQLite lacks: :func:`register_gpkg_functions` supplies them from the header;
* ``gpkg_contents`` extent and ``last_change``, and GDAL's ``gpkg_ogr_contents``
  feature counts, brought up to date (:func:`refresh_contents`).

::

    >>> import shapely
    >>> blob = gpkg_blob(shapely.to_wkb(shapely.Point(35.33, 51.1)))
    >>> blob[:2], envelope(blob)
    (b'GP', (35.33, 35.33, 51.1, 51.1))
"""

from __future__ import annotations

import sqlite3
import struct
from collections.abc import Iterable

import pyarrow as pa
import shapely

from mapper.render.export.tables import LAYER_COLUMNS, Layer

__all__ = ["gpkg_blob", "envelope", "register_gpkg_functions", "insert_layer", "refresh_contents", "extend_contents",
           "layer_bounds", "SRS_ID"]

SRS_ID = 4326
_HEADER = struct.Struct("<2sBBi")  # magic, version, flags, srs_id
_ENVELOPE = struct.Struct("<4d")
_FLAGS_LE_XY_ENVELOPE = 0b0000_0011  # bit 0: little endian; bits 1-3 = 1: envelope minx, maxx, miny, maxy
_EMPTY_FLAG = 0b0001_0000
_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_blob(wkb: bytes | None, srs_id: int = SRS_ID) -> bytes | None:
    """A GeoPackage geometry blob for ISO WKB (``None`` stays ``None``)."""
    if wkb is None:
        return None
    minx, miny, maxx, maxy = shapely.bounds(shapely.from_wkb(wkb)).tolist()
    return _HEADER.pack(b"GP", 0, _FLAGS_LE_XY_ENVELOPE, srs_id) + _ENVELOPE.pack(minx, maxx, miny, maxy) + wkb


def _parts(blob: bytes) -> tuple[int, int, bytes]:
    magic, _version, flags, _srs = _HEADER.unpack_from(blob)
    if magic != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    size = _ENVELOPE_SIZES[(flags >> 1) & 0b111]
    return flags, size, blob[_HEADER.size + size:]


def envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """``(minx, maxx, miny, maxy)`` of a blob: from its header, or computed from the WKB."""
    if blob is None:
        return None
    flags, size, wkb = _parts(blob)
    if flags & _EMPTY_FLAG:
        return None
    if size:
        byte_order = "<" if flags & 1 else ">"
        return struct.unpack_from(f"{byte_order}4d", blob, _HEADER.size)
    minx, miny, maxx, maxy = shapely.bounds(shapely.from_wkb(wkb)).tolist()
    return minx, maxx, miny, maxy


def register_gpkg_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions GDAL's R-tree triggers call, for a plain :mod:`sqlite3` connection."""
    def is_empty(blob):
        return None if blob is None else int(envelope(blob) is None)

    def bound(i):
        def f(blob):
            env = envelope(blob)
            return None if env is None else env[i]
        return f

    conn.create_function("ST_IsEmpty", 1, is_empty, deterministic=True)
    for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, bound(i), deterministic=True)


def _sql_value(kind: str, value):
    if value is None:
        return None
    if kind == "date":
        return value.isoformat()
    if kind == "bool":
        return int(value)
    if kind == "str":
        return value.replace("\x00", "")  # as GDAL would store it (C strings end at NUL)
    return value


def layer_rows(layer: Layer) -> Iterable[tuple]:
    """SQL-ready rows of a layer: ISO dates, 0/1 booleans, then the geometry blob (if any)."""
    spec = LAYER_COLUMNS[layer.name]
    columns = [[_sql_value(kind, v) for v in layer.table[name].to_pylist()] for name, kind in spec]
    if layer.geometry is not None:
        geometry = layer.geometry.to_pylist() if isinstance(layer.geometry, pa.Array) else list(layer.geometry)
        columns.append([gpkg_blob(g) for g in geometry])
    return zip(*columns)


def insert_layer(conn: sqlite3.Connection, layer: Layer) -> int:
    """Append the rows of ``layer`` to its table (created by GDAL); returns the number of rows."""
    names = [f'"{name}"' for name, _ in LAYER_COLUMNS[layer.name]]
    if layer.geometry is not None:
        names.append('"geom"')
    sql = f'INSERT INTO "{layer.name}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
    conn.executemany(sql, layer_rows(layer))
    return len(layer)


def refresh_contents(conn: sqlite3.Connection, tables: Iterable[str]) -> None:
    """Extent, ``last_change`` and feature count of each table, as GDAL leaves them on close."""
    geometry_tables = {r[0] for r in conn.execute("SELECT table_name FROM gpkg_geometry_columns")}
    has_ogr_contents = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='gpkg_ogr_contents'").fetchone()
    for table in tables:
        if table in geometry_tables:
            minx, maxx, miny, maxy = conn.execute(
                f'SELECT min(minx), max(maxx), min(miny), max(maxy) FROM "rtree_{table}_geom"').fetchone()
            conn.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                         (minx, miny, maxx, maxy, table))
        conn.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                     "WHERE table_name = ?", (table,))
        if has_ogr_contents:
            conn.execute(f'UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM "{table}") '
                         "WHERE lower(table_name) = lower(?)", (table,))


def layer_bounds(layer: Layer) -> tuple[float, float, float, float] | None:
    """``(minx, miny, maxx, maxy)`` of a layer's geometries (None when it has none)."""
    if layer.geometry is None or not len(layer):
        return None
    geoms = shapely.from_wkb(layer.geometry.to_numpy(zero_copy_only=False)
                             if isinstance(layer.geometry, pa.Array) else list(layer.geometry))
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if not len(geoms):
        return None
    return tuple(shapely.total_bounds(geoms).tolist())


def extend_contents(conn: sqlite3.Connection, table: str, bounds: tuple[float, float, float, float] | None) -> None:
    """``gpkg_contents`` after rows were added to ``table``: its extent grown to hold ``bounds``
    (an extent may be larger than the data, so rows removed leave it as it was) and ``last_change``
    now; without reading the table, unlike :func:`refresh_contents`. GDAL's triggers keep the
    feature count; a table without them gets it counted."""
    if bounds is not None:
        minx, miny, maxx, maxy = bounds
        conn.execute("UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?1), ?1), min_y = min(coalesce(min_y, ?2), ?2), "
                     "max_x = max(coalesce(max_x, ?3), ?3), max_y = max(coalesce(max_y, ?4), ?4) "
                     "WHERE table_name = ?5", (minx, miny, maxx, maxy, table))
    conn.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?",
                 (table,))
    triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
                            (f"trigger_insert_feature_count_{table}", f"trigger_delete_feature_count_{table}")).fetchone()[0]
    if triggers < 2 and conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='gpkg_ogr_contents'").fetchone():
        conn.execute(f'UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM "{table}") '
                     "WHERE lower(table_name) = lower(?)", (table,))
