"""Our GeoPackage layout read back: as Arrow columns (no Python objects per row), or as events.

GDAL reads each layer (``pyogrio.read_arrow``) in :data:`LAYER_COLUMNS` order and
types, and the ``event_locations`` and ``sources`` rows are put under their event
(by its position in ``events``, then by their index column) with Arrow compute and
numpy. :mod:`mapper.render.export.gpkg_parquet` nests them into GeoParquet;
:func:`mapper.render.export.rebuild.events_from_layers` makes ``Event`` objects of them::

    >>> layers = read_layers("store.gpkg")                  # doctest: +SKIP
    >>> layers.events.num_rows, layers.location_counts.sum() == layers.locations.num_rows   # doctest: +SKIP
    (1000000, True)
    >>> read_events_gpkg("out/events.gpkg") == events       # doctest: +SKIP
    True
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from mapper.model.events import Event
from mapper.exc import InputError
from mapper.render.export.rebuild import events_from_layers
from mapper.render.export.schema import ARROW_TYPES, LAYER_COLUMNS

__all__ = ["EventLayers", "read_layers", "read_events_gpkg", "is_geopackage", "open_readonly"]


@dataclass
class EventLayers:
    """The three layers of an events GeoPackage, location and source rows grouped by event.

    ``owner``: each location row's event position; ``*_counts``: rows per event;
    ``missing``: the columns of each layer the file lacks (null here; an older layout).
    """

    events: pa.Table
    locations: pa.Table
    owner: np.ndarray
    location_counts: np.ndarray
    sources: pa.Table
    source_counts: np.ndarray
    missing: dict[str, frozenset]


def read_layers(path: str | Path) -> EventLayers:
    """The layers of the events GeoPackage at ``path``; ``InputError`` when it is not one."""
    path = Path(path)
    _check_layout(path)
    missing = {}
    events, missing["events"] = _layer(path, "events")
    event_ids = events["event_id"].combine_chunks()
    locations, missing["event_locations"] = _layer(path, "event_locations")
    locations, owner, location_counts = _grouped(locations, event_ids, "location_index")
    sources, missing["sources"] = _layer(path, "sources")
    sources, _, source_counts = _grouped(sources, event_ids, "source_index")
    return EventLayers(events, locations, owner, location_counts, sources, source_counts, missing)


def _layer(path: Path, name: str) -> tuple[pa.Table, frozenset]:
    """A layer's attribute columns in :data:`LAYER_COLUMNS` order and types (missing ones null), and
    the names of the missing ones."""
    import pyogrio

    try:
        _, table = pyogrio.read_arrow(path, layer=name, read_geometry=False)
    except Exception as exc:  # a missing layer or an unreadable file: GDAL's message names it
        raise InputError(path, f"not a conflictmap events GeoPackage ({str(exc).splitlines()[0][:120]})") from None
    columns, missing = {}, set()
    for col, kind in LAYER_COLUMNS[name]:
        wanted = ARROW_TYPES[kind]
        if col in table.column_names:
            values = table[col]
            columns[col] = values if values.type == wanted else values.cast(wanted)
        else:  # a column an older file lacks (the rebuild reads it as missing too)
            columns[col] = pa.nulls(table.num_rows, type=wanted)
            missing.add(col)
    return pa.table(columns), frozenset(missing)


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


def is_geopackage(path: str | Path) -> bool:
    """True when ``path`` is an SQLite file (GeoPackages are), whatever its suffix."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only SQLite connection to the GeoPackage at ``path``; ``InputError`` (one line naming
    the file) when it is missing, not SQLite, or cannot be opened."""
    if not path.is_file():
        raise InputError(path, "no such file")
    if not is_geopackage(path):
        raise InputError(path, "not a GeoPackage (no SQLite header)")
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error as exc:
        raise InputError(path, f"cannot open GeoPackage ({exc})") from None


def read_events_gpkg(path: str | Path) -> list[Event]:
    """Full events from a GeoPackage written by :func:`mapper.render.export.gpkg.write` or an event store.

    GDAL reads the layers as Arrow columns (:func:`read_layers`), which are
    made into events column by column (:func:`mapper.render.export.rebuild.events_from_layers`).
    """
    path = Path(path)
    layers = read_layers(path)
    try:
        return events_from_layers(layers)
    except LookupError as exc:
        raise InputError(path, f"not a conflictmap events GeoPackage: {exc.args[0]}") from None
    except (ValueError, TypeError) as exc:
        raise InputError(path, f"unreadable events GeoPackage ({str(exc).splitlines()[0][:120]})") from None
