"""CSV for spreadsheets, ACLED's column names first, then every field of ours.

The first columns (:data:`ACLED_COLUMNS`) carry ACLED's names, order and
conventions as far as our data supports them (the mapping and what is left
blank are in ``docs/EXPORT.md``); after them come all columns of the
``events`` layer, the places and sources as JSON, and the geometry as WKT::

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-3 killed"), neutralise("Sudzha")
    ('\\'=HYPERLINK("http://x")', "'-3 killed", 'Sudzha')

Text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe
(OWASP's advice against CSV injection); numbers and dates are never touched.
UTF-8 with a byte-order mark so Excel reads Cyrillic right; RFC 4180 quoting
and CRLF line ends between records; line breaks inside a text are written as LF.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import shapely

from mapper._internal.atomic import atomic_write
from mapper.model.events import Event
from mapper.render.export.columns import json_columns
from mapper.render.export.tables import LAYER_COLUMNS, EventTables, event_tables

__all__ = ["write", "ACLED_COLUMNS", "EXTRA_COLUMNS", "FORMULA_PREFIXES", "neutralise", "acled_fields"]

#: ACLED columns this file starts with, in ACLED's order.
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                 "actor1", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities")
#: Our columns after them: the ``events`` layer (the columns of it already above, such as latitude or
#: event_type, are not repeated), then places and sources as JSON and the geometry as WKT.
EXTRA_COLUMNS = tuple(c for c, _ in LAYER_COLUMNS["events"] if c not in ACLED_COLUMNS) \
    + ("locations_json", "sources_json", "geometry_wkt")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would take for a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _joined(values) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def acled_fields(ev: Event, *, latitude: float | None = ..., longitude: float | None = ...) -> dict:
    """The ACLED-named values of one event (see docs/EXPORT.md for each rule); ``latitude`` /
    ``longitude`` default to the event's representative point."""
    located = [loc for loc in ev.locations if loc.has_point]
    source_names = [s.source_name for s in ev.sources]
    return {
        "event_id_cnty": ev.event_id,
        "event_date": ev.event_date,
        "year": ev.event_date.year if ev.event_date else None,
        "time_precision": ev.date_precision,
        "event_type": ev.event_type,  # "" when the report gives no cause (see docs/EXPORT.md)
        "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor,      # the side whose casualties are claimed
        "admin1": _joined(loc.admin1 for loc in located),
        "admin2": _joined(loc.admin2 for loc in located),
        "location": _joined(loc.name for loc in located),
        "latitude": ev.latitude if latitude is ... else latitude,
        "longitude": ev.longitude if longitude is ... else longitude,
        "geo_precision": ev.geo_precision,
        "source": _joined([ev.claimed_by, *source_names, ev.source_name]),
        "notes": ev.source_quote,
        "fatalities": ev.killed,  # killed only; blank when the report gives no killed figure
    }


def _text_cell(value: str | None) -> str:
    if not value:
        return ""
    if "\x00" in value or "\r" in value:
        value = value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _cells(values: list, kind: str) -> list[str]:
    """One column as CSV text: text neutralised, ISO dates, decimal numbers, true/false; None is ''."""
    if kind == "str":
        return [_text_cell(v) for v in values]
    if kind == "date":
        return ["" if v is None else v.isoformat() for v in values]
    if kind == "bool":
        return ["" if v is None else ("true" if v else "false") for v in values]
    if kind == "float":
        return ["" if v is None else repr(v) for v in values]
    return ["" if v is None else str(v) for v in values]


def _acled_columns(events: Sequence[Event], table) -> dict[str, list[str]]:
    column = {name: table[name].to_pylist() for name in ("event_id", "event_date", "date_precision", "event_type",
                                                          "sub_event_type", "actor",
                                                          "latitude", "longitude", "geo_precision",
                                                          "source_quote", "killed")}
    derived = [(fields["admin1"], fields["admin2"], fields["location"], fields["source"]) for fields in
               (acled_fields(ev, latitude=None, longitude=None) for ev in events)]
    admin1, admin2, location, source = (list(c) for c in zip(*derived)) if derived else ([], [], [], [])
    return {
        "event_id_cnty": _cells(column["event_id"], "str"), "event_date": _cells(column["event_date"], "date"),
        "year": ["" if d is None else str(d.year) for d in column["event_date"]],
        "time_precision": _cells(column["date_precision"], "int"),
        "event_type": _cells(column["event_type"], "str"), "sub_event_type": _cells(column["sub_event_type"], "str"),
        "actor1": _cells(column["actor"], "str"), "admin1": _cells(admin1, "str"), "admin2": _cells(admin2, "str"),
        "location": _cells(location, "str"), "latitude": _cells(column["latitude"], "float"),
        "longitude": _cells(column["longitude"], "float"), "geo_precision": _cells(column["geo_precision"], "int"),
        "source": _cells(source, "str"), "notes": _cells(column["source_quote"], "str"),
        "fatalities": _cells(column["killed"], "int"),
    }


def write(events: Sequence[Event], path: str | Path, *, index=..., tables: EventTables | None = None,
          **options) -> list[Path]:
    """Write ``events`` as an ACLED-style CSV at ``path`` (atomically)."""
    path = Path(path)
    events = list(events)
    tables = tables or event_tables(events, index=None)
    table = tables.events.table
    kinds = dict(LAYER_COLUMNS["events"])
    columns = _acled_columns(events, table)
    for name in EXTRA_COLUMNS:
        if name in kinds:
            columns[name] = _cells(table[name].to_pylist(), kinds[name])
    for name, values in json_columns(events).items():
        columns[name] = values
    wkb = tables.events_points.to_numpy(zero_copy_only=False)
    wkt = shapely.to_wkt(shapely.from_wkb(wkb), rounding_precision=-1).tolist() if len(wkb) else []
    columns["geometry_wkt"] = ["" if w is None else w for w in wkt]
    with atomic_write(path, encoding="utf-8-sig") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow([*ACLED_COLUMNS, *EXTRA_COLUMNS])
        writer.writerows(zip(*(columns[name] for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS))))
    return [path]
