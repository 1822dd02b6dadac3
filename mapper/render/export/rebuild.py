"""Full :class:`~mapper.model.events.Event` records back from the rows of the ``events`` /
``event_locations`` / ``sources`` tables (a GeoPackage written by :mod:`mapper.render.export.gpkg`
or the event store), the inverse of :func:`mapper.render.export.tables.event_tables`::

    >>> rows = [{"event_id": "ev-1", "doc_id": "d", "event_date": "2024-12-14", "approximate": 1}]
    >>> ev = events_from_rows(rows, [], [])[0]
    >>> ev.event_date, ev.approximate
    (datetime.date(2024, 12, 14), True)

:func:`events_from_rows` is the definition, one row at a time. A million events are read
column by column instead, with the same result: :func:`events_from_layers` from GDAL's Arrow
columns (``read_events_gpkg``), :func:`read_events_sqlite` from an open SQLite connection (the
event store, inside its transaction). Each converts a column's repeated values once and makes
the objects as :mod:`pickle` does, without ``__init__``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import MISSING
from functools import lru_cache
from itertools import accumulate, repeat
from operator import itemgetter
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from mapper.model.events import Event, EventLocation
from mapper.model.fields import names_of_kind
from mapper.model.source import Source
from mapper.render.export.tables import LAYER_COLUMNS, SOURCE_KEYS

if TYPE_CHECKING:
    from mapper.render.export.gpkg_read import EventLayers

__all__ = ["events_from_rows", "read_events_sqlite", "read_events_by_fid", "events_from_layers", "EVENT_FIELDS", "LOCATION_FIELDS"]

_KINDS = {name: dict(cols) for name, cols in LAYER_COLUMNS.items()}
#: Event fields held by the ``events`` table (locations and sources come from their own tables).
EVENT_FIELDS = tuple(f for f in Event.__dataclass_fields__ if f in _KINDS["events"])
LOCATION_FIELDS = tuple(EventLocation.__dataclass_fields__)
#: Text fields an event gets as "" when its file has no such column.
_EVENT_TEXT_FIELDS = names_of_kind("text")
#: The ``sources`` columns a source record is rebuilt from.
_SOURCE_FIELDS = (*SOURCE_KEYS, "extra_json", "record_keys")


def _value(kind: str, value):
    if value is None:
        return None
    if kind == "date":
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    return value


def events_from_rows(event_rows: Iterable[dict], location_rows: Iterable[dict],
                     source_rows: Iterable[dict]) -> list[Event]:
    """Events in the order of ``event_rows``; locations and sources sorted by their index columns."""
    kinds = _KINDS["events"]
    locations: dict[str, list] = {}
    for row in location_rows:
        loc_kinds = _KINDS["event_locations"]
        loc = EventLocation(**{f: _value(loc_kinds[f], row.get(f)) for f in LOCATION_FIELDS})
        locations.setdefault(row["event_id"], []).append((row.get("location_index") or 0, loc))
    sources: dict[str, list] = {}
    for row in source_rows:
        values = {key: row.get(key) for key in SOURCE_KEYS}
        published = _value("date", values["published"])
        values["published"] = published.isoformat() if published else None
        if row.get("extra_json"):
            values.update(json.loads(row["extra_json"]))
        keys = row.get("record_keys")
        order = json.loads(keys) if keys else list(values)
        src = Source.from_dict({key: values.get(key) for key in order})
        sources.setdefault(row["event_id"], []).append((row.get("source_index") or 0, src))
    events = []
    for row in event_rows:
        fields = {f: _value(kinds[f], row.get(f)) for f in EVENT_FIELDS if f in row}
        for text_field in _EVENT_TEXT_FIELDS:
            fields.setdefault(text_field, "")
        if fields.get("number_of_sources") is None:
            fields["number_of_sources"] = 1
        eid = fields["event_id"]
        fields["locations"] = tuple(loc for _, loc in sorted(locations.get(eid, ()), key=lambda p: p[0]))
        fields["sources"] = tuple(src for _, src in sorted(sources.get(eid, ()), key=lambda p: p[0]))
        events.append(Event(**fields))
    return events


def _columns(conn: sqlite3.Connection, table: str, kinds: dict[str, str], *, where: tuple[str, list] | None = None,
             extra: tuple[str, ...] = ()) -> dict[str, list]:
    """The table's columns among ``kinds`` in fid order, each converted as :func:`_value` converts one
    value (once per distinct value: columns repeat a lot); columns the table lacks are left out.
    ``where``: ``(column, values)``, only the rows whose column holds one of the values; ``extra``:
    more columns, as stored."""
    present = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
    wanted = [c for c in kinds if c in present] + list(extra)
    select = f'SELECT {", ".join(chr(34) + c + chr(34) for c in wanted)} FROM "{table}"'
    if where is None:
        rows = conn.execute(f"{select} ORDER BY fid").fetchall()
    else:
        column, values = where
        rows = []
        for start in range(0, len(values), 900):
            chunk = list(values[start:start + 900])
            rows += conn.execute(f'{select} WHERE "{column}" IN ({", ".join("?" * len(chunk))})', chunk).fetchall()
        if "fid" not in wanted:
            raise ValueError("rows read by a filter need the fid column (extra=('fid',))")
        rows.sort(key=itemgetter(wanted.index("fid")))
    columns = dict(zip(wanted, map(list, zip(*rows)))) if rows else {c: [] for c in wanted}
    for name, values in columns.items():
        if name in kinds and kinds[name] != "str":
            converted = {v: _value(kinds[name], v) for v in set(values)}
            columns[name] = list(map(converted.__getitem__, values))
    return columns


def read_events_sqlite(conn: sqlite3.Connection) -> list[Event]:
    """Every event of a conflictmap GeoPackage open on ``conn``, in stored (fid) order.

    The same events as :func:`events_from_rows` over the three tables' rows, built column by
    column. Raises ``LookupError`` naming the missing table or column when the file does not
    have the layout (``events`` with ``event_id``; ``event_locations``; ``sources``).
    """
    _check_sqlite_layout(conn)
    columns = _columns(conn, "events", {f: _KINDS["events"][f] for f in EVENT_FIELDS})
    return _assembled(conn, columns, None)


def read_events_by_fid(conn: sqlite3.Connection, fids) -> list[tuple[int, Event]]:
    """``(fid, event)`` of the ``events`` rows whose fid is among ``fids``, in fid order (absent fids
    are left out): the same events :func:`read_events_sqlite` gives for those rows, read through the
    indexes on ``fid`` and ``event_id`` (the event store reads its merge candidates so)."""
    _check_sqlite_layout(conn)
    columns = _columns(conn, "events", {f: _KINDS["events"][f] for f in EVENT_FIELDS},
                       where=("fid", sorted(set(fids))), extra=("fid",))
    row_fids = columns.pop("fid")
    return list(zip(row_fids, _assembled(conn, columns, list(dict.fromkeys(columns["event_id"])))))


def _check_sqlite_layout(conn: sqlite3.Connection) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for needed in ("events", "event_locations", "sources"):
        if needed not in tables:
            raise LookupError(f"no {needed!r} layer")
    if "event_id" not in {r[1] for r in conn.execute('PRAGMA table_info("events")')}:
        raise LookupError("the 'events' layer has no event_id column")


def _assembled(conn: sqlite3.Connection, columns: dict[str, list], event_ids: list | None) -> list[Event]:
    """Events of the ``events`` columns with their locations and sources (all rows, or only those of
    ``event_ids``)."""
    where = None if event_ids is None else ("event_id", event_ids)
    extra = () if event_ids is None else ("fid",)
    rows = _columns(conn, "event_locations", _KINDS["event_locations"], where=where, extra=extra)
    locations = _by_event_id(rows, _location_objects(rows, len(rows["event_id"])), "location_index")
    rows = _columns(conn, "sources", _KINDS["sources"], where=where, extra=extra)
    sources = _by_event_id(rows, _source_records(rows, len(rows["event_id"])), "source_index")
    empty: tuple = ()
    return _event_objects(columns, [locations.get(eid, empty) for eid in columns["event_id"]],
                          [sources.get(eid, empty) for eid in columns["event_id"]])


def events_from_layers(layers: EventLayers) -> list[Event]:
    """The events of a GeoPackage read as Arrow columns (:func:`mapper.render.export.gpkg_read.read_layers`):
    the same events as :func:`read_events_sqlite` gives for the file."""
    def columns(table, names, missing) -> dict[str, list]:
        return {name: _pylist(table[name]) for name in names if name not in missing}

    rows = layers.locations
    locations = _split(_location_objects(columns(rows, LOCATION_FIELDS, layers.missing["event_locations"]),
                                         rows.num_rows), layers.location_counts)
    rows = layers.sources
    sources = _split(_source_records(columns(rows, _SOURCE_FIELDS, layers.missing["sources"]), rows.num_rows),
                     layers.source_counts)
    return _event_objects(columns(layers.events, EVENT_FIELDS, layers.missing["events"]), locations, sources)


def _pylist(column: pa.ChunkedArray) -> list:
    """``column.to_pylist()``; a column of few distinct values converts each once and shares the objects
    (place names, sides, dates repeat: faster, and one ``str`` instead of a million equal ones).

    >>> _pylist(pa.chunked_array([["a", None, "a"] * 1000])) == ["a", None, "a"] * 1000
    True
    """
    if len(column) >= 1024 and not pa.types.is_integer(column.type) and not pa.types.is_boolean(column.type):
        encoded = pc.dictionary_encode(column).combine_chunks()
        if len(encoded.dictionary) <= len(column) // 4:
            distinct = encoded.dictionary.to_pylist()
            distinct.append(None)
            indices = encoded.indices.fill_null(len(distinct) - 1).to_numpy()
            return list(map(distinct.__getitem__, indices.tolist()))
    return column.to_pylist()


#: Event fields in declaration order (an instance's ``__dict__`` lists them so, as ``__init__`` sets them).
_EVENT_ORDER = tuple(Event.__dataclass_fields__)


def _event_objects(columns: dict[str, list], locations: list[tuple], sources: list[tuple]) -> list[Event]:
    """Events from typed columns (fields a file lacks are absent: they take the defaults
    :func:`events_from_rows` gives) and each event's locations and sources."""
    if "number_of_sources" in columns:
        columns["number_of_sources"] = [1 if v is None else v for v in columns["number_of_sources"]]
    absent = [f for f in EVENT_FIELDS if f not in columns and Event.__dataclass_fields__[f].default is MISSING]
    if absent:  # a field without a default (doc_id): Event(...) could not be made either
        raise LookupError(f"the 'events' layer has no {absent[0]} column")
    defaults = {f: "" if f in _EVENT_TEXT_FIELDS else Event.__dataclass_fields__[f].default for f in EVENT_FIELDS}
    lists = {**columns, "locations": locations, "sources": sources}
    values = [lists[f] if f in lists else repeat(defaults[f]) for f in _EVENT_ORDER]
    return [_made(Event, zip(_EVENT_ORDER, row)) for row in zip(*values)]


def _made(cls, items):
    """An instance of the frozen dataclass ``cls`` with its fields set from ``items`` (every field, in
    declaration order), made as :mod:`pickle` restores one: ``__init__`` would cost more than all the
    rest for a million events."""
    obj = object.__new__(cls)
    obj.__dict__.update(items)
    return obj


def _location_objects(columns: dict[str, list], n: int) -> list[EventLocation]:
    fields = [columns.get(f) or repeat(None, n) for f in LOCATION_FIELDS]
    return [_made(EventLocation, zip(LOCATION_FIELDS, row)) for row in zip(*fields)]


def _source_records(columns: dict[str, list], n: int) -> list[Source]:
    get = lambda key: columns.get(key) or repeat(None, n)  # noqa: E731
    records = []
    for doc, url, name, day, quote, extra, keys in zip(get("doc_id"), get("url"), get("source_name"),
                                                       get("published"), get("quote"), get("extra_json"),
                                                       get("record_keys")):
        published = day.isoformat() if day else None
        order = _key_order(keys) if keys else None
        if not extra and (order is None or order == SOURCE_KEYS):  # a record as extract writes it
            records.append(_made(Source, zip(_SOURCE_ORDER, (doc, url, name, published, quote, (), SOURCE_KEYS))))
            continue
        values = {"doc_id": doc, "url": url, "source_name": name, "published": published, "quote": quote}
        if extra:
            values.update(json.loads(extra))
        records.append(Source.from_dict({key: values.get(key) for key in (order or values)}))
    return records


#: Source fields in declaration order.
_SOURCE_ORDER = tuple(Source.__dataclass_fields__)


@lru_cache(maxsize=1024)
def _key_order(keys: str) -> tuple:
    return tuple(json.loads(keys))


def _by_event_id(columns: dict[str, list], values: list, index_column: str) -> dict[str, tuple]:
    """``event_id -> tuple of values`` in the order of the index column within each event."""
    groups: dict[str, list] = {}
    index = columns.get(index_column) or repeat(0)
    for key, i, value in zip(columns["event_id"], index, values):
        groups.setdefault(key, []).append((i or 0, value))
    return {key: tuple(v for _, v in (pairs if all(a[0] < b[0] for a, b in zip(pairs, pairs[1:]))
                                      else sorted(pairs, key=itemgetter(0))))
            for key, pairs in groups.items()}


def _split(values: list, counts) -> list[tuple]:
    """``values`` (grouped by event, in order) cut into one tuple per event of ``counts[i]`` values."""
    ends = accumulate(counts.tolist())
    start = 0
    out = []
    for end in ends:
        out.append(tuple(values[start:end]))
        start = end
    return out
