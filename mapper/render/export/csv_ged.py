"""CSV in the columns of UCDP's Georeferenced Event Dataset (GED codebook 24.1), filled from the event.

One row per event, GED's column names and order (:data:`GED_COLUMNS`), then nothing of ours (the
``csv`` format carries every field). The rules are in ``docs/EXPORT.md``; the codes::

    >>> priogrid(50.25, 36.75), where_prec(3), date_prec(None, None, 2)
    (202034, 4, 3)
    >>> date_prec(dt.date(2025, 3, 1), dt.date(2025, 3, 4), 2), date_prec(dt.date(2025, 3, 1), dt.date(2025, 3, 1), 1)
    (2, 1)

Text cells are neutralised against formula injection as in the ``csv`` format; UTF-8 without a
byte-order mark unless ``excel=True``.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path

from mapper._internal.atomic import atomic_write
from mapper.model.codebooks import GED_COLUMNS
from mapper.model.events import Event
from mapper.model.loaders.actors import GED_GOVERNMENTS
from mapper.render.export.acled_codes import CIVILIANS, COUNTRIES
from mapper.render.export.csv_acled import neutralise

__all__ = ["write", "GED_COLUMNS", "GED_SIDES", "ged_fields", "priogrid", "where_prec", "date_prec"]

#: Our side -> the dyad side whose deaths it counts ("a": Russia and its ally, "b": Ukraine, "civilians").
GED_SIDES = {"Russian forces": "a", "North Korean forces": "a", "Ukrainian forces": "b", CIVILIANS: "civilians"}
#: The state-based conflict (type of violence 1) of the theatre, as UCDP names it.
CONFLICT = {"conflict_name": "Russia - Ukraine", "side_a": GED_GOVERNMENTS["Russian forces"],
            "side_b": GED_GOVERNMENTS["Ukrainian forces"],
            "dyad_name": f"{GED_GOVERNMENTS['Russian forces']} - {GED_GOVERNMENTS['Ukrainian forces']}",
            "gwnoa": 365, "gwnob": 369}
#: ISO alpha-2 -> Gleditsch-Ward country number (GED's ``country_id``).
GW_NUMBERS = {"UA": 369, "RU": 365, "BY": 370}


def priogrid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell (0.5 degree, numbered from the south-west corner) of a point."""
    return (math.floor((lat + 90) / 0.5)) * 720 + math.floor((lon + 180) / 0.5) + 1


def where_prec(geo_precision: int | None) -> int | None:
    """GED's place precision of ours: 1 the place, 2 near it (within 25 km), 3 a region -> 4 (admin 1)."""
    return {1: 1, 2: 2, 3: 4}.get(geo_precision) if geo_precision else None


def date_prec(start: dt.date | None, end: dt.date | None, precision: int | None) -> int | None:
    """GED's date precision: from the span when both days are known (1 a day, 2 up to 6, 3 a week,
    4 up to 30 days, 5 longer), else from ours (1 a day, 2 a week, 3 a month)."""
    if start and end and end >= start:
        days = (end - start).days + 1
        return 1 if days == 1 else 2 if days <= 6 else 3 if days == 7 else 4 if days <= 30 else 5
    return {1: 1, 2: 3, 3: 4}.get(precision) if precision else None


def ged_fields(ev: Event) -> dict:
    """The GED columns of one event (see docs/EXPORT.md)."""
    located = [loc for loc in ev.locations if loc.has_point]
    first = located[0] if located else None
    code = next((loc.country_code for loc in (*located, *ev.locations) if loc.country_code), None)
    country = COUNTRIES.get((code or "").upper())
    side = GED_SIDES.get(ev.actor)
    deaths = ev.killed or 0
    lat, lon = ev.latitude, ev.longitude
    end = ev.event_date_end or ev.event_date
    return {
        "id": ev.event_id, "relid": ev.event_id, "year": ev.event_date.year if ev.event_date else None,
        "active_year": "", "code_status": "", "type_of_violence": 1 if side else None,
        "conflict_dset_id": "", "conflict_new_id": "", "conflict_name": CONFLICT["conflict_name"] if side else "",
        "dyad_dset_id": "", "dyad_new_id": "", "dyad_name": CONFLICT["dyad_name"] if side else "",
        "side_a_dset_id": "", "side_a_new_id": "", "side_a": CONFLICT["side_a"] if side else "",
        "side_b_dset_id": "", "side_b_new_id": "", "side_b": CONFLICT["side_b"] if side else "",
        "number_of_sources": ev.number_of_sources,
        "source_article": ev.source_quote, "source_office": ev.source_name,
        "source_date": ev.published.isoformat() if ev.published else "", "source_headline": "",
        "source_original": ev.claimed_by,
        "where_prec": where_prec(ev.geo_precision),
        "where_coordinates": (first.name or "") if first else "",
        "where_description": "; ".join(dict.fromkeys(n for n in (loc.name or loc.mention for loc in ev.locations) if n)),
        "adm_1": (first.admin1 or "") if first else "", "adm_2": (first.admin2 or "") if first else "",
        "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon!r} {lat!r})" if lat is not None and lon is not None else "",
        "priogrid_gid": priogrid(lat, lon) if lat is not None and lon is not None else None,
        "country": country.name if country else "", "country_id": GW_NUMBERS.get((code or "").upper()),
        "region": country.region if country else "",
        "event_clarity": 2 if ev.cumulative else 1,
        "date_prec": date_prec(ev.event_date, end, ev.date_precision),
        "date_start": ev.event_date.isoformat() if ev.event_date else "", "date_end": end.isoformat() if end else "",
        "deaths_a": deaths if side == "a" else 0, "deaths_b": deaths if side == "b" else 0,
        "deaths_civilians": deaths if side == "civilians" else 0, "deaths_unknown": deaths if side is None else 0,
        "best": deaths, "high": deaths, "low": deaths,
        "gwnoa": CONFLICT["gwnoa"] if side else None, "gwnob": CONFLICT["gwnob"] if side else None,
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
    return repr(value) if isinstance(value, float) else str(value)


def write(events: Sequence[Event], path: str | Path, *, excel: bool = False, **options) -> list[Path]:
    """Write ``events`` as a UCDP GED-style CSV at ``path`` (atomically)."""
    path = Path(path)
    with atomic_write(path, encoding="utf-8-sig" if excel else "utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(GED_COLUMNS)
        for ev in events:
            row = ged_fields(ev)
            writer.writerow([_cell(row[name]) for name in GED_COLUMNS])
    return [path]
