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
UTF-8 without a byte-order mark (``excel=True``: with one, so Excel reads Cyrillic right); RFC 4180 quoting
and CRLF line ends between records; line breaks inside a text are written as LF.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from collections.abc import Sequence
from pathlib import Path

import shapely

from mapper._internal.atomic import atomic_write
from mapper.model.codebooks import ACLED_COLUMNS
from mapper.model.events import Event
from mapper.model.loaders.actors import side_of_acled
from mapper.render.export.acled_codes import CIVILIANS, COUNTRIES, DISORDER_TYPES, acled_actor, actor_kind, interaction
from mapper.render.export.columns import json_columns
from mapper.render.export.tables import LAYER_COLUMNS, EventTables, event_tables

__all__ = ["write", "ACLED_COLUMNS", "EXTRA_COLUMNS", "FORMULA_PREFIXES", "neutralise", "acled_fields"]

#: Our columns after ACLED's: the ``events`` layer (those of it already among ACLED's, such as latitude or
#: event_type, are not repeated), then places and sources as JSON and the geometry as WKT.
EXTRA_COLUMNS = tuple(c for c, _ in LAYER_COLUMNS["events"] if c not in ACLED_COLUMNS) \
    + ("locations_json", "sources_json", "geometry_wkt")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
#: ``tags`` of a running total (``cumulative``): its fatalities sum many incidents, not one event.
CUMULATIVE_TAG = "cumulative total"
#: ACLED's ``source_scale`` of social media, given when every report of the event is a Telegram post.
NEW_MEDIA = "New media"
_TELEGRAM_LINK = re.compile(r"https?://(?:www\.)?(?:t|telegram)\.me/", re.I)
#: ACLED's coding an event read from an ACLED export keeps (its source record holds the row's columns).
_KEPT_ACTORS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
                "civilian_targeting")
_KEPT_PLACE = ("admin3", "source_scale")


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would take for a formula."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _joined(values) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _timestamp(published: dt.date | None, now: int) -> int:
    """Unix time of the first report's publication (00:00 UTC that day), else of the writing (``now``)."""
    if published is None:
        return now
    return int(dt.datetime(published.year, published.month, published.day, tzinfo=dt.timezone.utc).timestamp())


def acled_fields(ev: Event, *, latitude: float | None = ..., longitude: float | None = ...,
                 now: int | None = None) -> dict:
    """The ACLED columns of one event, in ACLED's order (see docs/EXPORT.md for each rule).

    ``latitude`` / ``longitude`` default to the event's representative point; ``now`` is the Unix
    time of writing, the ``timestamp`` of an event with no publication date.

    >>> from mapper.model.events import EventLocation
    >>> here = EventLocation("Sumy", "Sumy", 50.9, 34.8, "UA", "Sumy", "Sumy", None, 1, True, "")
    >>> row = acled_fields(Event("e1", "d1", actor="Civilians", locations=(here,), source_name="Outlet"), now=0)
    >>> row["actor1"], row["civilian_targeting"], row["iso"], row["fatalities"], row["source"]
    ('Civilians (Ukraine)', 'Civilian targeting', 804, 0, 'Outlet')
    """
    located = [loc for loc in ev.locations if loc.has_point]
    first = located[0] if located else None  # ACLED codes a place it located
    code = next((loc.country_code for loc in (*located, *ev.locations) if loc.country_code), None)
    country = COUNTRIES.get((code or "").upper())
    kind1 = actor_kind(ev.actor)
    notes = (ev.source_quote + (f" (claimed by {ev.claimed_by})" if ev.claimed_by else "")).strip()
    row = {
        "event_id_cnty": f"{country.iso3}{ev.event_id}" if country and not ev.event_id.startswith(country.iso3)
        else ev.event_id,  # an ACLED id read back has its prefix already
        "event_date": ev.event_date,
        "year": ev.event_date.year if ev.event_date else None,
        "time_precision": ev.date_precision,  # already ACLED's 1-3; empty when unknown
        "disorder_type": DISORDER_TYPES.get(ev.event_type, ""),
        "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type,
        "actor1": acled_actor(ev.actor, code) if ev.actor else "",  # the side whose casualties are claimed
        "assoc_actor_1": "",
        "inter1": kind1,
        "actor2": "",  # the record names no attacker (docs/EXPORT.md)
        "assoc_actor_2": "",
        "inter2": "",
        "interaction": interaction(kind1, ""),
        "civilian_targeting": "Civilian targeting" if ev.actor == CIVILIANS else "",
        "iso": country.iso if country else None,
        "region": country.region if country else "",
        "country": country.name if country else "",
        "admin1": (first.admin1 or "") if first else "",
        "admin2": (first.admin2 or "") if first else "",
        "admin3": "",
        "location": (first.name or "") if first else "",
        "latitude": ev.latitude if latitude is ... else latitude,
        "longitude": ev.longitude if longitude is ... else longitude,
        "geo_precision": ev.geo_precision,
        "source": _joined([ev.source_name, *(s.source_name for s in ev.sources)]),  # outlets, not claimants
        "source_scale": NEW_MEDIA if ev.sources and all(map(_is_telegram, ev.sources)) else "",
        "notes": notes,
        "fatalities": ev.killed or 0,
        "tags": CUMULATIVE_TAG if ev.cumulative else "",
        "timestamp": _timestamp(ev.published, int(time.time()) if now is None else now),
    }
    row.update(_acled_coding(ev))
    return row


def _is_telegram(source) -> bool:
    """A post of a Telegram channel: read from a Telegram export, or its link is a ``t.me`` one."""
    return (source.doc_id or "").startswith("telegram-") or bool(_TELEGRAM_LINK.match(source.url or ""))


def _acled_coding(ev: Event) -> dict:
    """What an event read from an ACLED export keeps of ACLED's own coding, written back as it was: its
    actors (when the event's side is still the one the row gave), ``admin3`` and ``source_scale``."""
    for src in ev.sources:
        if not src.extra:
            continue
        row = dict(src.extra)
        if row.get("origin") != "ACLED":
            continue
        kept = {name: str(row[name]) for name in _KEPT_PLACE if row.get(name) not in (None, "")}
        if ev.actor and ev.actor in {side_of_acled(str(row.get(n) or "")) for n in ("actor1", "actor2")}:
            kept.update({name: str(row.get(name) or "") for name in _KEPT_ACTORS})
        return kept
    return {}


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


def _acled_columns(events: Sequence[Event], table, now: int) -> dict[str, list[str]]:
    lat, lon = table["latitude"].to_pylist(), table["longitude"].to_pylist()
    rows = [acled_fields(ev, latitude=la, longitude=lo, now=now) for ev, la, lo in zip(events, lat, lon)]
    kinds = {"event_date": "date", "latitude": "float", "longitude": "float"}
    return {name: _cells([row[name] for row in rows], kinds.get(name, "str" if name not in _NUMBERS else "int"))
            for name in ACLED_COLUMNS}


_NUMBERS = frozenset({"year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"})


def write(events: Sequence[Event], path: str | Path, *, index=..., tables: EventTables | None = None,
          excel: bool = False, now: int | None = None, **options) -> list[Path]:
    """Write ``events`` as an ACLED-style CSV at ``path`` (atomically).

    UTF-8 without a byte-order mark; ``excel=True`` adds one (Excel then reads Cyrillic right).
    ``now``: the Unix time of writing (default: the clock), ``timestamp`` of an unpublished event.
    """
    path = Path(path)
    events = list(events)
    tables = tables or event_tables(events, index=None)
    table = tables.events.table
    kinds = dict(LAYER_COLUMNS["events"])
    columns = _acled_columns(events, table, int(time.time()) if now is None else now)
    for name in EXTRA_COLUMNS:
        if name in kinds:
            columns[name] = _cells(table[name].to_pylist(), kinds[name])
    for name, values in json_columns(events).items():
        columns[name] = values
    wkb = tables.events_points.to_numpy(zero_copy_only=False)
    wkt = shapely.to_wkt(shapely.from_wkb(wkb), rounding_precision=-1).tolist() if len(wkb) else []
    columns["geometry_wkt"] = ["" if w is None else w for w in wkt]
    with atomic_write(path, encoding="utf-8-sig" if excel else "utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow([*ACLED_COLUMNS, *EXTRA_COLUMNS])
        writer.writerows(zip(*(columns[name] for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS))))
    return [path]
