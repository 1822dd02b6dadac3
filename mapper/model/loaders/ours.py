"""Our own event files read back: JSON Lines, GeoJSON, GeoPackage, GeoParquet, FlatGeobuf and CSV.

Each format holds the whole record (:mod:`mapper.model.fields`) but for the losses
``docs/EXPORT.md`` lists. A flat table (CSV, FlatGeobuf) names a column as the field, or
by the field's ACLED name when the CSV puts it among ACLED's columns (``event_id_cnty``,
``fatalities``, ``notes``, ...); places and sources are the JSON of ``locations_json`` /
``sources_json``; GeoParquet nests them::

    >>> flat_event({"event_id_cnty": "ev-1", "doc_id": "d", "fatalities": "3", "approximate": "true",
    ...             "notes": "'-3 at the post", "locations_json": "[]", "sources_json": "[]"}).killed
    3
"""

from __future__ import annotations

import importlib
import json
import sqlite3

from mapper.exc import InputError
from mapper.model.events import Event, EventLocation, events_from_geodataframe
from mapper.model.fields import FIELDS, names_of_kind
from mapper.model.loaders import values as v
from mapper.model.source import SOURCE_KEYS, Source

__all__ = ["OwnRecord", "OwnGeoPackage", "OwnParquet", "OwnFlat", "flat_event", "is_own_flat"]

#: What the CSV writer puts before a text a spreadsheet would take for a formula.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_LOCATION_FIELDS = tuple(EventLocation.__dataclass_fields__)


def is_own_flat(columns) -> bool:
    """A flat table one of our writers made: ids, and places and sources as JSON."""
    names = set(columns)
    return {"doc_id", "locations_json", "sources_json"} <= names and bool({"event_id", "event_id_cnty"} & names)


def _column_of(name: str, row: dict) -> str | None:
    """The column holding field ``name``: its own name, else its single ACLED column."""
    if name in row:
        return name
    acled = FIELDS[name].acled
    return acled if acled and "," not in acled and acled in row else None


def _cell(kind: str, raw, strip_formula: bool):
    if kind == "str":
        text = "" if v.blank(raw) else str(raw)
        if strip_formula and text.startswith("'") and text[1:2] and text[1] in _FORMULA:
            text = text[1:]
        return text
    if kind == "date":
        return v.day(raw)
    if kind == "bool":
        return v.flag(raw) if isinstance(raw, str) else bool(raw) if not v.blank(raw) else False
    if kind == "float":
        return v.number(raw)
    return v.whole(raw, 2**31 - 1)


def flat_event(row: dict, *, strip_formula: bool = True) -> Event:
    """One event of a row of our CSV (text cells) or another flat table of ours."""
    record = {}
    for name, spec in FIELDS.items():
        column = _column_of(name, row) if spec.column else None
        if column is None:
            continue
        try:
            record[name] = _cell(spec.column, row[column], strip_formula)
        except ValueError as exc:
            raise ValueError(f"column {column!r}: {exc}") from None
    try:
        record["locations"] = json.loads(row.get("locations_json") or "[]")
        record["sources"] = json.loads(row.get("sources_json") or "[]")
    except json.JSONDecodeError as exc:
        raise ValueError(f"locations_json or sources_json is not JSON ({exc.msg})") from None
    if record.get("number_of_sources") is None:
        record["number_of_sources"] = 1
    return Event.from_dict(record)


class OwnRecord:
    """The event record as ``extract`` writes it: JSON Lines, or its GeoJSON (``export`` writes the same)."""

    name = "jsonl"
    description = "conflictmap's own JSON Lines or GeoJSON (the event record)"

    def accepts(self, probe) -> bool:
        """A record with an id and nested places or sources; or a ``.jsonl`` file that is no JSON (the codec says where)."""
        record = probe.first_record
        if record is None:
            return probe.container == "json" and not probe.head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))
        return bool({"event_id", "doc_id"} & set(record)) and bool({"locations", "sources"} & set(record))

    def load(self, probe, **options) -> list[Event]:
        from mapper.model.event_io import read_events

        return read_events(probe.path)


class OwnGeoPackage:
    """A GeoPackage of ``export --to gpkg`` or the event store (its events, places and sources layers)."""

    name = "gpkg"
    description = "conflictmap's GeoPackage (export, the event store)"

    def accepts(self, probe) -> bool:
        if not probe.head.startswith(b"SQLite format 3\x00"):
            return False
        try:
            conn = sqlite3.connect(f"{probe.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            finally:
                conn.close()
        except sqlite3.Error:
            return False
        return {"events", "event_locations", "sources"} <= tables

    def load(self, probe, **options) -> list[Event]:
        # The GeoPackage layout belongs to the exporter (mapper.render.export): named here, imported on use.
        reader = importlib.import_module("mapper.render.export.gpkg_read")
        return reader.read_events_gpkg(probe.path)


class OwnParquet:
    """GeoParquet of ``export --to parquet``: the record's columns, places and sources nested."""

    name = "parquet"
    description = "conflictmap's GeoParquet (places and sources nested)"

    def accepts(self, probe) -> bool:
        if not probe.head.startswith(b"PAR1"):
            return False
        import pyarrow.parquet as pq

        try:
            names = set(pq.read_schema(probe.path).names)
        except Exception:  # not readable: the table loader says why
            return False
        return {"event_id", "doc_id", "locations", "sources"} <= names

    def load(self, probe, **options) -> list[Event]:
        import pyarrow.parquet as pq

        table = pq.read_table(probe.path)
        rows = table.drop_columns([c for c in ("geometry",) if c in table.column_names]).to_pylist()
        events = []
        for i, row in enumerate(rows):
            try:
                events.append(_nested_event(row))
            except (ValueError, TypeError) as exc:
                raise InputError(probe.path, f"row {i + 1}: {exc}") from None
        return events


def _nested_event(row: dict) -> Event:
    record = {name: row.get(name) for name in FIELDS if FIELDS[name].column and name in row}
    for name in names_of_kind("text"):
        record[name] = record.get(name) or ""
    for name in names_of_kind("flag"):
        record[name] = bool(record.get(name))
    if record.get("number_of_sources") is None:
        record["number_of_sources"] = 1
    record["locations"] = [{k: loc.get(k) for k in _LOCATION_FIELDS} for loc in row.get("locations") or ()]
    record["sources"] = [_source(src) for src in row.get("sources") or ()]
    return Event.from_dict(record)


def _source(src: dict) -> Source:
    """A source from its nested struct (the ``sources`` layer's columns)."""
    values = {key: src.get(key) for key in SOURCE_KEYS}
    if values["published"] is not None and not isinstance(values["published"], str):
        values["published"] = values["published"].isoformat()
    if src.get("extra_json"):
        values.update(json.loads(src["extra_json"]))
    order = json.loads(src["record_keys"]) if src.get("record_keys") else list(values)
    return Source.from_dict({key: values.get(key) for key in order})


class OwnFlat:
    """A flat table one of our writers made: the CSV (ACLED's columns first, then ours) or FlatGeobuf."""

    name = "flat"
    description = "conflictmap's CSV or FlatGeobuf (places and sources as JSON columns)"

    def accepts(self, probe) -> bool:
        return probe.container in ("csv", "gis") and is_own_flat(probe.table.columns)

    def load(self, probe, **options) -> list[Event]:
        table = probe.table
        if table.frame is not None and "event_id" in table.columns:
            try:
                return events_from_geodataframe(table.frame)
            except (ValueError, TypeError, KeyError) as exc:
                raise InputError(probe.path, f"not a conflictmap events layer ({str(exc)[:120]})") from None
        events = []
        for i, row in enumerate(table.rows):
            try:
                events.append(flat_event(row, strip_formula=table.kind == "csv"))
            except (ValueError, TypeError) as exc:
                raise InputError(probe.path, f"{table.where(i)}: {exc}") from None
        return events
