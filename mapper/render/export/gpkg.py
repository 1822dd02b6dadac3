"""GeoPackage: four layers with real types, EPSG:4326 and an R-tree spatial index, written by GDAL.

* ``events`` — one MultiPoint row per event (a one-place claim is a MultiPoint of one
  point: GIS tools, ArcGIS above all, want one geometry type per layer);
* ``event_locations`` — one Point per place of each event, keyed by ``event_id``
  (unresolved places: a row with no geometry, ``resolved`` false and the reason);
* ``places`` — the gazetteer entries used, with their source and licence;
* ``sources`` — one row per report of each event (an attribute table).

::

    >>> write(events, "out/events.gpkg")                 # doctest: +SKIP

Reading it back is :mod:`mapper.render.export.gpkg_read` (this module only writes).
The file is GeoPackage 1.3, which GDAL 3.6's validator (Debian 12) accepts;
it appears under its final name only when complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mapper.model.events import Event
from mapper.exc import OutputError
from mapper.render.export.files import atomic_gdal_path, gdal_config
from mapper.render.export.columns import strip_nul
from mapper.render.export.tables import EventTables, Layer, event_tables

__all__ = ["write", "write_tables", "write_layers",
           "LAYER_DESCRIPTIONS", "GPKG_VERSION", "LAYER_ORDER", "EXPORT_PAGE_SIZE", "page_size_for"]

#: GeoPackage version written; 1.4 (the default of the GDAL in pyogrio's wheels) fails GDAL 3.6's validator.
GPKG_VERSION = "1.3"
LAYER_DESCRIPTIONS = {
    "events": "Casualty claims, one row per claim (MultiPoint when it names several places); "
              "figures are never repeated per place",
    "event_locations": "One point per place named by a claim, keyed by event_id; join to events for "
                       "the figures (unresolved places: no geometry)",
    "places": "Gazetteer entries the claims use, with the source of each coordinate",
    "sources": "Reports of each claim (doc_id, url, source name, publication date, quote), keyed by event_id",
}


def _write_layer(layer: Layer, path: Path, *, first: bool) -> None:
    import pyogrio

    options = {"layer_options": {"DESCRIPTION": LAYER_DESCRIPTIONS[layer.name], "FID": "fid"}}
    if first:
        options["dataset_options"] = {"VERSION": GPKG_VERSION}
    if layer.geometry_type:
        options["layer_options"].update(GEOMETRY_NAME="geom", SPATIAL_INDEX="YES")
        pyogrio.write_arrow(strip_nul(layer.arrow("geom")), path, layer=layer.name, driver="GPKG", geometry_name="geom",
                            geometry_type=layer.geometry_type, crs="EPSG:4326", append=not first, **options)
    else:
        pyogrio.write_arrow(strip_nul(layer.table), path, layer=layer.name, driver="GPKG", geometry_type=None,
                            append=not first, **options)


#: SQLite settings for a GeoPackage written under a temporary name: no rollback journal and no sync per
#: transaction (a failed write is thrown away whole; the finished file is synced once before its rename).
BULK_WRITE_CONFIG = {"OGR_SQLITE_JOURNAL": "OFF", "OGR_SQLITE_SYNCHRONOUS": "OFF", "OGR_SQLITE_CACHE": "512"}
#: SQLite page size of large exported files: 64 KiB pages made the 1M-event write 5-10 % faster and the
#: file 6 % smaller than SQLite's 4 KiB (benchmarks/EXPORT_RESULTS.md). The event store keeps 4 KiB:
#: it is changed in small transactions, each of which journals whole pages.
EXPORT_PAGE_SIZE = 65536
#: Every table, index and R-tree of the file takes at least one page: about 30 pages before any data.
_EMPTY_PAGES = 32
#: Bytes a typical event takes in the file (1.43 GB for 1M events, benchmarks/EXPORT_RESULTS.md).
_BYTES_PER_EVENT = 1400


def page_size_for(events: int) -> int:
    """The SQLite page size for a GeoPackage of ``events`` events: the largest (up to 64 KiB) whose
    pages for empty tables stay under 5 % of the data, so 2 events take 140 KB, not 2 MB, and a
    million still get 64 KiB pages.

    >>> page_size_for(2), page_size_for(10_000), page_size_for(1_000_000)
    (4096, 16384, 65536)
    """
    size = EXPORT_PAGE_SIZE
    while size > 4096 and _EMPTY_PAGES * size > 0.05 * _BYTES_PER_EVENT * events:
        size //= 2
    return size
#: Layers in file order (``events`` first: it is what a reader opening the file without a layer name gets).
LAYER_ORDER = ("events", "event_locations", "places", "sources")


def write_layers(tables: EventTables, path: str | Path, *, page_size: int | None = None) -> None:
    """Create a new GeoPackage at ``path`` holding the four layers (not atomic: see :func:`write_tables`).

    ``page_size``: SQLite page size of the new file (None: SQLite's default, 4 KiB).
    """
    path = Path(path)
    config = dict(BULK_WRITE_CONFIG)
    if page_size:
        config["OGR_SQLITE_PRAGMA"] = f"page_size={int(page_size)}"
    with gdal_config(**config):
        for i, name in enumerate(LAYER_ORDER):
            _write_layer(getattr(tables, name), path, first=i == 0)


def write_tables(tables: EventTables, path: str | Path) -> Path:
    """Write prepared tables as a GeoPackage at ``path`` (atomically)."""
    path = Path(path)
    try:
        with atomic_gdal_path(path) as tmp:
            write_layers(tables, tmp, page_size=page_size_for(len(tables.events)))
    except OutputError:
        raise
    except Exception as exc:  # GDAL errors (disk full, permissions) carry their own message
        raise OutputError(path, f"cannot write GeoPackage ({str(exc).splitlines()[0][:160]})") from None
    return path


def write(events: Sequence[Event], path: str | Path, *, index=..., tables: EventTables | None = None,
          **options) -> list[Path]:
    """Write ``events`` as a GeoPackage at ``path`` (atomically). ``index``: the gazetteer for the
    ``places`` layer (see :func:`~mapper.render.export.tables.event_tables`); ``tables`` reuses prepared tables."""
    return [write_tables(tables or event_tables(events, index=index), path)]
