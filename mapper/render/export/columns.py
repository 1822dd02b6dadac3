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

from mapper.model.events import Event
from mapper.render.export.tables import EventTables

__all__ = ["json_columns", "nested_columns", "nested_list", "strip_nul", "NESTED_LINK_COLUMNS"]


def json_columns(events: Sequence[Event]) -> dict[str, list[str]]:
    """``locations_json`` / ``sources_json``: each event's places and sources as JSON text, for
    single-table formats without nested types (the same text as ``events_to_geodataframe``)."""
    locations = [json.dumps([loc.__dict__ for loc in ev.locations], ensure_ascii=False) for ev in events]
    sources = [json.dumps([src.to_dict() for src in ev.sources], ensure_ascii=False) for ev in events]
    return {"locations_json": locations, "sources_json": sources}


#: Columns of ``event_locations`` / ``sources`` that only link a row to its event: not in the nested values.
NESTED_LINK_COLUMNS = {"locations": ("event_id", "location_index", "places_in_event"),
                       "sources": ("event_id", "source_index")}


def nested_columns(tables: EventTables) -> dict[str, pa.Array]:
    """``locations`` / ``sources`` as Arrow list<struct> columns (one list per event), built from the
    ``event_locations`` and ``sources`` tables without a Python loop (for GeoParquet)."""
    return {"locations": nested_list(tables.event_locations.table, tables.location_counts, "locations"),
            "sources": nested_list(tables.sources.table, tables.source_counts, "sources")}


def nested_list(rows: pa.Table, counts: np.ndarray, name: str) -> pa.ListArray:
    """``rows`` (grouped by event, in event order) as one list<struct> per event; ``counts``: rows per event.

    >>> rows = pa.table({"event_id": ["a", "a", "c"], "source_index": [0, 1, 0], "doc_id": ["d1", "d2", "d3"]})
    >>> nested_list(rows, np.array([2, 0, 1]), "sources").to_pylist()
    [[{'doc_id': 'd1'}, {'doc_id': 'd2'}], [], [{'doc_id': 'd3'}]]
    """
    table = rows.drop_columns([c for c in NESTED_LINK_COLUMNS[name] if c in rows.column_names])
    struct = pa.StructArray.from_arrays([table[c].combine_chunks() for c in table.column_names],
                                        names=table.column_names)
    offsets = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), struct)


def strip_nul(table: pa.Table) -> pa.Table:
    """``table`` with U+0000 removed from its text columns.

    GDAL passes text to its drivers as C strings, which end at the first NUL: without this,
    a stray NUL in a report would silently cut the rest of the text in GeoPackage, FlatGeobuf
    and Shapefile output.
    """
    import pyarrow.compute as pc

    for i, fld in enumerate(table.schema):
        if pa.types.is_string(fld.type) and _may_hold_nul(table[i]) and \
                pc.any(pc.match_substring(table[i], "\x00")).as_py():
            table = table.set_column(i, fld, pc.replace_substring(table[i], "\x00", ""))
    return table


def _may_hold_nul(column: pa.ChunkedArray) -> bool:
    """False when no chunk's character data has a zero byte (UTF-8 has one only for U+0000).

    numpy's ``min`` over the raw bytes reads them once and allocates nothing, about ten times
    faster than Arrow's substring search; a zero byte anywhere in a buffer (even outside a
    sliced chunk's range) only sends the column to the exact search.

    >>> _may_hold_nul(pa.chunked_array([["a", None, "b"]])), _may_hold_nul(pa.chunked_array([["a\\x00"]]))
    (False, True)
    """
    for chunk in column.chunks:
        data = chunk.buffers()[2]
        if data is not None and data.size and np.frombuffer(data, dtype=np.uint8).min() == 0:
            return True
    return False
