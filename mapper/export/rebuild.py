"""Full :class:`~mapper.events.Event` records back from the rows of the ``events`` /
``event_locations`` / ``sources`` tables (a GeoPackage written by :mod:`mapper.export.gpkg`
or the event store), the inverse of :func:`mapper.export.tables.event_tables`::

    >>> rows = [{"event_id": "ev-1", "doc_id": "d", "event_date": "2024-12-14", "approximate": 1}]
    >>> ev = events_from_rows(rows, [], [])[0]
    >>> ev.event_date, ev.approximate
    (datetime.date(2024, 12, 14), True)
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable

from mapper.events import Event, EventLocation
from mapper.export.tables import LAYER_COLUMNS, SOURCE_KEYS

__all__ = ["events_from_rows", "read_events_sqlite", "EVENT_FIELDS", "LOCATION_FIELDS"]

_KINDS = {name: dict(cols) for name, cols in LAYER_COLUMNS.items()}
#: Event fields held by the ``events`` table (locations and sources come from their own tables).
EVENT_FIELDS = tuple(f for f in Event.__dataclass_fields__ if f in _KINDS["events"])
LOCATION_FIELDS = tuple(EventLocation.__dataclass_fields__)


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
        src = {key: values.get(key) for key in order}
        sources.setdefault(row["event_id"], []).append((row.get("source_index") or 0, src))
    events = []
    for row in event_rows:
        fields = {f: _value(kinds[f], row.get(f)) for f in EVENT_FIELDS if f in row}
        for text_field in ("date_text", "qualifier", "actor", "claimed_by", "location_note", "source_url",
                           "source_name", "source_quote"):
            fields.setdefault(text_field, "")
        if fields.get("number_of_sources") is None:
            fields["number_of_sources"] = 1
        eid = fields["event_id"]
        fields["locations"] = tuple(loc for _, loc in sorted(locations.get(eid, ()), key=lambda p: p[0]))
        fields["sources"] = tuple(src for _, src in sorted(sources.get(eid, ()), key=lambda p: p[0]))
        events.append(Event(**fields))
    return events


def _rows(conn: sqlite3.Connection, table: str, order: str) -> list[dict]:
    present = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
    wanted = [c for c, _ in LAYER_COLUMNS[table] if c in present]
    cur = conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in wanted)} FROM "{table}" ORDER BY {order}')
    return [dict(zip(wanted, r)) for r in cur]


def read_events_sqlite(conn: sqlite3.Connection) -> list[Event]:
    """Every event of a conflictmap GeoPackage open on ``conn``, in stored (fid) order.

    Raises ``LookupError`` naming the missing table or column when the file does not
    have the layout (``events`` with ``event_id``; ``event_locations``; ``sources``).
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for needed in ("events", "event_locations", "sources"):
        if needed not in tables:
            raise LookupError(f"no {needed!r} layer")
    if "event_id" not in {r[1] for r in conn.execute('PRAGMA table_info("events")')}:
        raise LookupError("the 'events' layer has no event_id column")
    return events_from_rows(_rows(conn, "events", "fid"),
                            _rows(conn, "event_locations", '"event_id", "location_index"'),
                            _rows(conn, "sources", '"event_id", "source_index"'))
