"""GeoParquet 1.1: one row per event, nested places and sources, written with pyarrow.

Every field keeps its type (dates are ``date32``, counts ``int64`` with nulls,
``approximate`` a boolean), the event's own geometry is kept (Point for one
place, MultiPoint for several; WKB, EPSG:4326 as PROJJSON), and the places and
sources of each event are Arrow ``list<struct>`` columns, so nothing is lost::

    >>> write(events, "out/events.parquet")                    # doctest: +SKIP
    >>> geopandas.read_parquet("out/events.parquet").crs       # doctest: +SKIP
    <Geographic 2D CRS: EPSG:4326>

The table is written directly from the Arrow columns of
:func:`~mapper.render.export.tables.event_tables` (a million events in a few seconds);
the ``geo`` metadata follows https://geoparquet.org/releases/v1.1.0/.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa

from mapper.model.events import Event
from mapper.exc import OutputError
from mapper.render.export.files import atomic_gdal_path
from mapper.render.export.columns import nested_columns
from mapper.render.export.tables import EventTables, event_tables

__all__ = ["write", "write_table", "geoparquet_table", "assemble", "geometry_facts", "GEOPARQUET_VERSION"]

GEOPARQUET_VERSION = "1.1.0"


@lru_cache(maxsize=1)
def _crs_projjson() -> dict:
    from pyproj import CRS

    return CRS.from_epsg(4326).to_json_dict()


def geometry_facts(place_count: pa.ChunkedArray | pa.Array,
                   locations: pa.Table) -> tuple[list[str], list[float] | None]:
    """Geometry types present (from the number of places of each event) and the bounding box of the
    resolved rows of ``locations`` (an ``event_locations`` table)."""
    counts = np.asarray(place_count.to_numpy(zero_copy_only=False))
    types = [name for name, present in (("MultiPoint", (counts > 1).any()), ("Point", (counts == 1).any()))
             if present]
    located = np.asarray(locations["resolved"].fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    lon = np.asarray(locations["longitude"].to_numpy(zero_copy_only=False), dtype=float)
    lat = np.asarray(locations["latitude"].to_numpy(zero_copy_only=False), dtype=float)
    located &= np.isfinite(lon) & np.isfinite(lat)
    if not located.any():
        return types, None
    lon, lat = lon[located], lat[located]
    return types, [float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())]


def assemble(events: pa.Table, nested: dict[str, pa.Array], geometry: pa.Array, locations: pa.Table) -> pa.Table:
    """The GeoParquet table: ``events`` columns, the nested ``locations`` / ``sources``, the events' own
    ``geometry`` (WKB) and the ``geo`` metadata (``locations``: the flat ``event_locations`` table)."""
    table = events
    for name in ("locations", "sources"):
        table = table.append_column(name, nested[name])
    table = table.append_column("geometry", geometry)
    types, bbox = geometry_facts(events["place_count"], locations)
    column_meta = {"encoding": "WKB", "geometry_types": types, "crs": _crs_projjson()}
    if bbox is not None:
        column_meta["bbox"] = bbox
    geo = {"version": GEOPARQUET_VERSION, "primary_column": "geometry", "columns": {"geometry": column_meta}}
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"geo": json.dumps(geo).encode()})


def geoparquet_table(tables: EventTables) -> pa.Table:
    """The events table with ``locations``, ``sources`` and ``geometry`` columns and ``geo`` metadata."""
    return assemble(tables.events.table, nested_columns(tables), tables.events_points, tables.event_locations.table)


def write_table(table: pa.Table, path: str | Path, *, compression: str = "zstd") -> Path:
    """Write a table made by :func:`assemble` at ``path`` (atomically)."""
    import pyarrow.parquet as pq

    path = Path(path)
    try:
        with atomic_gdal_path(path) as tmp:
            pq.write_table(table, tmp, compression=compression)
    except OSError as exc:
        raise OutputError(path, f"cannot write GeoParquet ({exc})") from None
    return path


def write(events: Sequence[Event], path: str | Path, *, index=..., tables: EventTables | None = None,
          compression: str = "zstd", **options) -> list[Path]:
    """Write ``events`` as GeoParquet at ``path`` (atomically); ``tables`` reuses prepared tables."""
    tables = tables or event_tables(events, index=index)
    return [write_table(geoparquet_table(tables), path, compression=compression)]
