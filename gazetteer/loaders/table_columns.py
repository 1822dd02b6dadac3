"""Which column of a settlement table holds what: given by the user or told from the header.

Roles are ``name``, ``lat``, ``lon`` (required unless the table has point geometries),
and optional ``alt_names``, ``admin1``, ``admin2``, ``population``, ``country`` and ``id``.
Extra name columns (``name_ru``, ``name:uk``, ...) add alternate names.

    >>> roles = match_columns(["\\ufeffTitle", "Y", "Lng", "Other names", "Pop."])
    >>> roles.columns["name"], roles.columns["lat"], roles.columns["lon"], roles.columns["alt_names"]
    ('\\ufeffTitle', 'Y', 'Lng', 'Other names')
    >>> match_columns(["Settlement title", "Latitude (deg)", "Longitude (deg)"]).missing()
    []
    >>> parse_mapping("name=settlement, lat=latitude_dd")
    {'name': 'settlement', 'lat': 'latitude_dd'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ROLES", "ColumnRoles", "match_columns", "parse_mapping", "split_names"]

#: Header spellings of each role (folded: lower case, separators as ``_``), most specific first.
ROLES: dict[str, tuple[str, ...]] = {
    "name": ("name", "name_en", "title", "settlement", "place_name", "placename", "toponym"),
    "lat": ("lat", "latitude", "latitude_dd", "lat_dd", "y", "ycoord", "y_coord"),
    "lon": ("lon", "lng", "long", "longitude", "longitude_dd", "lon_dd", "x", "xcoord", "x_coord"),
    "alt_names": ("alt_names", "alternate_names", "alternatenames", "alt_name", "alternative_names", "aliases",
                  "other_names", "variants", "names"),
    "admin1": ("admin1", "region", "oblast", "state", "province", "subject"),
    "admin2": ("admin2", "district", "raion", "rayon", "municipality", "county"),
    "population": ("population", "pop", "inhabitants"),
    "country": ("country_code", "country", "iso2", "cc", "iso_a2"),
    "id": ("id", "fid", "uid", "code", "osm_id", "geonameid"),
}
REQUIRED = ("name", "lat", "lon")
_EXTRA_NAME = re.compile(r"^(?:name|official_name|old_name|int_name)[_:]?[a-z]{2,3}$")
_SPLIT = re.compile(r"[|;,]")


def fold(header: str) -> str:
    """A header folded for matching: ``" Other names"`` -> ``"other_names"``."""
    text = header.lstrip("\ufeff").strip().casefold()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


@dataclass
class ColumnRoles:
    """``columns`` maps a role to its column; ``extra_names`` lists more name columns."""

    columns: dict[str, str] = field(default_factory=dict)
    extra_names: list[str] = field(default_factory=list)

    def missing(self, required: tuple[str, ...] = REQUIRED) -> list[str]:
        return [r for r in required if r not in self.columns]


def parse_mapping(text: str | dict | None) -> dict[str, str]:
    """``"name=title,lat=y"`` (or a dict) as ``{role: column}``; an unknown role raises ValueError."""
    if not text:
        return {}
    pairs = text.items() if isinstance(text, dict) else (
        part.split("=", 1) for part in str(text).split(",") if part.strip())
    mapping = {}
    for pair in pairs:
        if len(pair) != 2 or not str(pair[1]).strip():
            raise ValueError(f"column mapping wants ROLE=COLUMN, got {'='.join(pair)!r}")
        role, column = str(pair[0]).strip(), str(pair[1]).strip()
        if role not in ROLES:
            raise ValueError(f"unknown column role {role!r} (roles: {', '.join(ROLES)})")
        mapping[role] = column
    return mapping


def match_columns(header: list[str], mapping: dict[str, str] | None = None) -> ColumnRoles:
    """Assign the header's columns to roles: ``mapping`` first (by exact or folded name), then by spelling."""
    folded = {fold(h): h for h in reversed(header)}  # the first of two same-folding columns wins
    roles = ColumnRoles()
    for role, column in (mapping or {}).items():
        found = column if column in header else folded.get(fold(column))
        if found is None:
            raise ValueError(f"no column {column!r} for {role} (columns: {', '.join(h.lstrip(chr(0xFEFF)) for h in header)})")
        roles.columns[role] = found
    taken = set(roles.columns.values())
    for exact in (True, False):  # whole header first, then one word of it ("Settlement title", "Latitude (deg)")
        for role, spellings in ROLES.items():
            if role in roles.columns:
                continue
            column = next((c for s in spellings for f, c in folded.items()
                           if c not in taken and (f == s if exact else s in f.split("_"))), None)
            if column is not None:
                roles.columns[role] = column
                taken.add(column)
    roles.extra_names = [h for h in header if h not in taken and _EXTRA_NAME.match(fold(h))]
    return roles


def split_names(text: str) -> list[str]:
    """Alternate names separated by ``|``, ``;`` or ``,``.

        >>> split_names("Gujewo; Guevo,Гуево|")
        ['Gujewo', 'Guevo', 'Гуево']
    """
    return [n.strip() for n in _SPLIT.split(text or "") if n.strip()]
