"""GeoParquet 1.1: one row per event, nested places and sources, written with pyarrow.

Every field keeps its type (dates are ``date32``, counts ``int64`` with nulls,
``approximate`` a boolean), the event's own geometry is kept (Point for one
place, MultiPoint for several; WKB, EPSG:4326 as PROJJSON), and the places and
sources of each event are Arrow ``list<struct>`` columns, so nothing is lost::

    >>> write(events, "out/events.parquet")                    # doctest: +SKIP
    >>> geopandas.read_parquet("out/events.parquet").crs       # doctest: +SKIP
    <Geographic 2D CRS: EPSG:4326>

The table is written directly from the Arrow columns of
:func:`~mapper.export.tables.event_tables` (a million events in a few seconds);
the ``geo`` metadata follows https://geoparquet.org/releases/v1.1.0/.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa

from mapper.events import Event
from mapper.exc import OutputError
from mapper.export.files import atomic_gdal_path
from mapper.export.columns import nested_columns
from mapper.export.tables import EventTables, event_tables

__all__ = ["write", "geoparquet_table", "GEOPARQUET_VERSION"]

GEOPARQUET_VERSION = "1.1.0"


@lru_cache(maxsize=1)
def _crs_projjson() -> dict:
    from pyproj import CRS

    return CRS.from_epsg(4326).to_json_dict()


def _geometry_facts(tables: EventTables) -> tuple[list[str], list[float] | None]:
    """Geometry types present (from the number of places of each event) and the bounding box."""
    counts = tables.events.table["place_count"].to_numpy()
    types = [name for name, present in (("MultiPoint", (counts > 1).any()), ("Point", (counts == 1).any()))
             if present]
    loc = tables.event_locations.table
    located = np.asarray(loc["resolved"].to_numpy(zero_copy_only=False), dtype=bool)
    lon = np.asarray(loc["longitude"].to_numpy(zero_copy_only=False), dtype=float)
    lat = np.asarray(loc["latitude"].to_numpy(zero_copy_only=False), dtype=float)
    located &= np.isfinite(lon) & np.isfinite(lat)
    if not located.any():
        return types, None
    lon, lat = lon[located], lat[located]
    return types, [float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())]


def geoparquet_table(tables: EventTables) -> pa.Table:
    """The events table with ``locations``, ``sources`` and ``geometry`` columns and ``geo`` metadata."""
    table = tables.events.table
    for name, column in nested_columns(tables).items():
        table = table.append_column(name, column)
    table = table.append_column("geometry", tables.events_points)
    types, bbox = _geometry_facts(tables)
    column_meta = {"encoding": "WKB", "geometry_types": types, "crs": _crs_projjson()}
    if bbox is not None:
        column_meta["bbox"] = bbox
    geo = {"version": GEOPARQUET_VERSION, "primary_column": "geometry", "columns": {"geometry": column_meta}}
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"geo": json.dumps(geo).encode()})


def write(events: Sequence[Event], path: str | Path, *, index=..., tables: EventTables | None = None,
          compression: str = "zstd", **options) -> list[Path]:
    """Write ``events`` as GeoParquet at ``path`` (atomically); ``tables`` reuses prepared tables."""
    import pyarrow.parquet as pq

    path = Path(path)
    tables = tables or event_tables(events, index=index)
    table = geoparquet_table(tables)
    try:
        with atomic_gdal_path(path) as tmp:
            pq.write_table(table, tmp, compression=compression)
    except OSError as exc:
        raise OutputError(path, f"cannot write GeoParquet ({exc})") from None
    return [path]
