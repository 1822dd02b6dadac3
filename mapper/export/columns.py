"""Other shapes of the event columns, for formats that need them.

* :func:`json_columns` — places and sources as JSON text, for single-table formats
  without nested types (FlatGeobuf, CSV);
* :func:`nested_columns` — the same as Arrow ``list<struct>`` columns (GeoParquet);
* :func:`strip_nul` — text without U+0000, for everything GDAL writes.

::

    >>> import pyarrow as pa
    >>> strip_nul(pa.table({"quote": ["a\\x00b", None]}))["quote"].to_pylist()
    ['ab', None]
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from mapper.events import Event
from mapper.export.tables import EventTables, gc_paused

__all__ = ["json_columns", "nested_columns", "strip_nul"]


def json_columns(events: Sequence[Event]) -> dict[str, list[str]]:
    """``locations_json`` / ``sources_json``: each event's places and sources as JSON text, for
    single-table formats without nested types (the same text as ``events_to_geodataframe``)."""
    with gc_paused():
        locations = [json.dumps([loc.__dict__ for loc in ev.locations], ensure_ascii=False) for ev in events]
        sources = [json.dumps(list(ev.sources), ensure_ascii=False) for ev in events]
    return {"locations_json": locations, "sources_json": sources}


def nested_columns(tables: EventTables) -> dict[str, pa.Array]:
    """``locations`` / ``sources`` as Arrow list<struct> columns (one list per event), built from the
    ``event_locations`` and ``sources`` tables without a Python loop (for GeoParquet)."""
    out = {}
    for name, layer, counts, drop in (
            ("locations", tables.event_locations, tables.location_counts,
             ("event_id", "location_index", "places_in_event")),
            ("sources", tables.sources, tables.source_counts, ("event_id", "source_index"))):
        table = layer.table.drop_columns(list(drop))
        struct = pa.StructArray.from_arrays([table[c].combine_chunks() for c in table.column_names],
                                            names=table.column_names)
        offsets = np.zeros(len(counts) + 1, dtype=np.int32)
        np.cumsum(counts, out=offsets[1:])
        out[name] = pa.ListArray.from_arrays(pa.array(offsets), struct)
    return out


def strip_nul(table: pa.Table) -> pa.Table:
    """``table`` with U+0000 removed from its text columns.

    GDAL passes text to its drivers as C strings, which end at the first NUL: without this,
    a stray NUL in a report would silently cut the rest of the text in GeoPackage, FlatGeobuf
    and Shapefile output.
    """
    import pyarrow.compute as pc

    for i, fld in enumerate(table.schema):
        if pa.types.is_string(fld.type) and pc.any(pc.match_substring(table[i], "\x00")).as_py():
            table = table.set_column(i, fld, pc.replace_substring(table[i], "\x00", ""))
    return table
