"""GeoParquet straight from an events GeoPackage, column by column: no Python ``Event`` objects.

An analyst converting a store of a million events does not need a million
Python objects: GDAL reads each layer of our GeoPackage layout
(:mod:`mapper.render.export.gpkg`, the event store) as Arrow columns
(``pyogrio.read_arrow``), the ``event_locations`` and ``sources`` rows are
nested under their event with Arrow compute, and each event's own geometry
(a Point for one place, a MultiPoint for several) is built from its places as
:mod:`mapper.render.export.tables` builds it — the stored MultiPoint is not read, just
as :func:`mapper.render.export.gpkg_read.read_events_gpkg` rebuilds events from their places.
The file has the schema :func:`mapper.render.export.parquet.write` gives and holds what
the GeoPackage holds: it equals the GeoParquet written from
``read_events_gpkg(source)``, which is the original events but for the
GeoPackage's one loss here (U+0000 removed from text)::

    >>> geopackage_to_geoparquet("store.gpkg", "out/events.parquet")   # doctest: +SKIP
    PosixPath('out/events.parquet')
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa

from mapper.render.export.columns import nested_list
from mapper.render.export.gpkg_read import read_layers
from mapper.render.export.parquet import assemble, write_table
from mapper.render.export.tables import distinct_points
from mapper.render.export.wkb import point_sets_wkb

__all__ = ["geopackage_to_geoparquet", "geoparquet_table_from_gpkg"]


def geoparquet_table_from_gpkg(path: str | Path) -> pa.Table:
    """The table :func:`mapper.render.export.parquet.write` would write, read from an events GeoPackage."""
    layers = read_layers(path)
    events, locations, owner, sources = layers.events, layers.locations, layers.owner, layers.sources
    location_counts, source_counts = layers.location_counts, layers.source_counts
    located = (np.asarray(locations["resolved"].fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
               & np.asarray(locations["longitude"].is_valid()) & np.asarray(locations["latitude"].is_valid()))
    xs, ys, _, counts = distinct_points(locations["longitude"], locations["latitude"], located, owner, events.num_rows)
    nested = {"locations": nested_list(locations, location_counts, "locations"),
              "sources": nested_list(sources, source_counts, "sources")}
    return assemble(events, nested, point_sets_wkb(xs, ys, counts, single_as_point=True), locations)


def geopackage_to_geoparquet(source: str | Path, target: str | Path, *, compression: str = "zstd") -> Path:
    """Write the events of the GeoPackage ``source`` as GeoParquet at ``target`` (atomically)."""
    return write_table(geoparquet_table_from_gpkg(source), target, compression=compression)
