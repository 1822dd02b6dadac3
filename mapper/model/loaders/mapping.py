"""Which column of another tool's table holds which part of an event: given, or found from the headers.

The targets are the flat fields of the record (:data:`mapper.model.fields.FIELDS`, by their own
names, their Shapefile names and their ACLED names) and the parts of a place (``location``,
``admin1``, ``admin2``, ``country_code``, ``latitude``, ``longitude``). A mapping given on the
command line uses the short names too (``date``, ``lat``, ``lon``, ``place``, ``side``, ``quote``,
``source``, ``url``, ``id``); the headers of a file are matched whatever their case, spaces or
hyphens::

    >>> parse_columns("date=Date, killed=Deaths,lat=Y,lon=X")
    {'event_date': 'Date', 'killed': 'Deaths', 'latitude': 'Y', 'longitude': 'X'}
    >>> detect(["Place", "Deaths", "Lat", "Lng", "Notes"])
    {'killed': 'Deaths', 'source_quote': 'Notes', 'location': 'Place', 'latitude': 'Lat', 'longitude': 'Lng'}
    >>> parse_columns("deaths=Deaths")
    Traceback (most recent call last):
    ValueError: --columns: unknown key 'deaths' (choose from the event fields (killed, wounded, event_date, ...) or date, end, lat, lon, place, side, quote, source, url, id, country, admin1, admin2)
"""

from __future__ import annotations

import re
from functools import lru_cache

from mapper.model.fields import DERIVED, FIELDS

__all__ = ["TARGETS", "PLACE_TARGETS", "ALIASES", "parse_columns", "detect", "normalised"]

#: Parts of a place a table may give, besides the record's flat fields.
PLACE_TARGETS = ("location", "admin1", "admin2", "country_code", "latitude", "longitude")
#: Short names for ``--columns``.
ALIASES = {"date": "event_date", "end": "event_date_end", "date_end": "event_date_end", "lat": "latitude",
           "lon": "longitude", "lng": "longitude", "place": "location", "side": "actor", "quote": "source_quote",
           "notes": "source_quote", "source": "source_name", "outlet": "source_name", "url": "source_url",
           "id": "event_id", "country": "country_code"}
_SHORT = "date, end, lat, lon, place, side, quote, source, url, id, country, admin1, admin2"
#: Header spellings of other tools and people, beside the field names (normalised: lower case, ``_``).
_SYNONYMS = {
    "event_id": ("id", "uid", "event_id_cnty", "eventid"),
    "event_date": ("date", "day", "date_start", "start_date", "event_day"),
    "event_date_end": ("date_end", "end_date"),
    "date_precision": ("time_precision", "date_prec"),
    "killed": ("deaths", "dead", "fatalities", "killed_count", "number_killed", "fatality"),
    "wounded": ("injured", "injuries", "wounded_count"),
    "captured": ("prisoners", "captives"),
    "killed_or_wounded": ("casualties",),
    "actor": ("side", "actor1"),
    "claimed_by": ("claimant",),
    "source_name": ("source", "outlet", "publisher", "source_office"),
    "source_url": ("url", "link", "source_link"),
    "source_quote": ("notes", "quote", "description", "text", "summary"),
    "published": ("publication_date", "date_published"),
    "location": ("location_names", "locations", "place", "place_name", "location_name", "locality", "settlement", "town", "city", "village",
                 "name", "where_coordinates"),
    "admin1": ("region", "province", "oblast", "state", "adm_1", "adm1"),
    "admin2": ("district", "raion", "county", "adm_2", "adm2"),
    "country_code": ("iso2", "iso_a2", "country_iso2"),
    "latitude": ("lat", "y", "lat_dd", "lat_y"),
    "longitude": ("lon", "lng", "long", "x", "lon_dd", "lon_x"),
}


@lru_cache(maxsize=4096)
def normalised(header: str) -> str:
    """A header as it is matched: lower case, spaces and hyphens as ``_``, no BOM.

    >>> normalised("\\ufeff Event Date ")
    'event_date'
    """
    return re.sub(r"[\s\-]+", "_", header.replace("\ufeff", "").strip().lower())


def _field_spellings() -> dict[str, tuple[str, ...]]:
    """Target -> its spellings: the field's name, Shapefile name and (single) ACLED column, then synonyms."""
    out: dict[str, list[str]] = {}
    acled_users: dict[str, int] = {}
    for f in FIELDS.values():
        if f.acled and "," not in f.acled:
            acled_users[f.acled] = acled_users.get(f.acled, 0) + 1
    for f in FIELDS.values():
        if f.column is None:
            continue
        names = [f.name]
        if f.shapefile and f.shapefile != f.name:
            names.append(f.shapefile)
        if f.acled and "," not in f.acled and acled_users[f.acled] == 1 and f.acled != f.name:
            names.append(f.acled)
        out[f.name] = names
    for name in PLACE_TARGETS:
        derived = DERIVED.get(name)
        out[name] = [name] + ([derived.shapefile] if derived and derived.shapefile not in (None, name) else [])
    for target, names in _SYNONYMS.items():
        out.setdefault(target, [target]).extend(n for n in names if n not in out[target])
    return {k: tuple(v) for k, v in out.items()}


#: Target -> the header spellings that name it, best first.
TARGETS: dict[str, tuple[str, ...]] = _field_spellings()


def parse_columns(text: str | dict | None) -> dict[str, str]:
    """``"key=Column,..."`` (or a dict) as ``{target: column}``; an unknown key is a ``ValueError``."""
    if not text:
        return {}
    pairs = text.items() if isinstance(text, dict) else (
        item.split("=", 1) if "=" in item else (item, "") for item in text.split(",") if item.strip())
    out = {}
    for key, column in pairs:
        key = normalised(key)
        target = ALIASES.get(key, key)
        if target not in TARGETS:
            raise ValueError(f"--columns: unknown key {key!r} (choose from the event fields (killed, wounded, "
                             f"event_date, ...) or {_SHORT})")
        if not column.strip():
            raise ValueError(f"--columns: no column given for {key!r} (write {key}=COLUMN)")
        out[target] = column.strip()
    return out


def detect(columns: list[str], given: dict[str, str] | None = None) -> dict[str, str]:
    """``{target: column}`` for the headers of a table: the ``given`` mapping first, then each other
    target's first spelling found among the headers (a header is used once)."""
    found = dict(given or {})
    used = set(found.values())
    by_name: dict[str, str] = {}
    for column in columns:
        by_name.setdefault(normalised(column), column)
    for target, spellings in TARGETS.items():
        if target in found:
            continue
        for spelling in spellings:
            column = by_name.get(spelling)
            if column is not None and column not in used:
                found[target] = column
                used.add(column)
                break
    return found
