"""The event store's ``places`` layer kept up to date from the events an update removes and writes.

``places`` has one row per gazetteer id that some stored event places, with ``events``, the number
of events naming it (as :func:`mapper.render.export.tables.places_layer` counts them). An update
changes only the counts of the ids its events name: a place no event names any more is deleted, a
place named for the first time is added (from the gazetteer, else as its event recorded it)::

    >>> from mapper.model.events import Event, EventLocation
    >>> loc = EventLocation("Sudzha", "Sudzha", 51.19, 35.27, "RU", "", "", "id-sudzha", 1, True, "")
    >>> sorted(located_ids(Event("ev-1", "d", killed=1, locations=(loc, loc))))
    ['id-sudzha']
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from mapper.model.events import Event
from mapper.render.export.gpkg_rows import extend_contents, insert_layer, layer_bounds
from mapper.render.export.schema import Layer
from mapper.render.export.tables import places_layer

__all__ = ["located_ids", "update_places"]


def located_ids(ev: Event) -> set[str]:
    """The gazetteer ids of the event's places that have a position (those ``places`` lists)."""
    return {loc.gazetteer_id for loc in ev.locations if loc.has_point and loc.gazetteer_id is not None}


def update_places(conn: sqlite3.Connection, removed: Sequence[Event], written: Sequence[Event], index) -> None:
    """Counts of the places ``removed`` and ``written`` events name, rows added and deleted."""
    delta: Counter[str] = Counter()
    for ev in removed:
        delta.subtract(located_ids(ev))
    for ev in written:
        delta.update(located_ids(ev))
    new: set[str] = set()
    for gid, change in delta.items():
        if change and conn.execute('UPDATE "places" SET "events" = coalesce("events", 0) + ? WHERE "gazetteer_id" = ?',
                                   (change, gid)).rowcount == 0:
            new.add(gid)
    touched = [gid for gid, change in delta.items() if change < 0]
    for start in range(0, len(touched), 900):
        chunk = touched[start:start + 900]
        conn.execute(f'DELETE FROM "places" WHERE "events" <= 0 AND "gazetteer_id" IN ({", ".join("?" * len(chunk))})',
                     chunk)
    new = {gid for gid in new if delta[gid] > 0}
    if new:
        layer = places_layer([ev for ev in written if located_ids(ev) & new], index=index)
        ids = layer.table["gazetteer_id"].to_pylist()
        keep = np.array([gid in new for gid in ids], dtype=bool)
        table = layer.table.filter(pa.array(keep))
        counts = pa.array([delta[gid] for gid in table["gazetteer_id"].to_pylist()], pa.int64())
        table = table.set_column(table.schema.get_field_index("events"), "events", counts)
        layer = Layer(layer.name, table, layer.geometry.filter(pa.array(keep)), layer.geometry_type)
        insert_layer(conn, layer)
        extend_contents(conn, "places", layer_bounds(layer))
    else:
        extend_contents(conn, "places", None)
