"""Read settlements from an OpenStreetMap extract (``.osm.pbf`` or ``.osm`` XML).

GDAL's OSM driver (through pyogrio, with the ``osmconf.ini`` its wheels ship) gives the
``points`` layer: nodes tagged ``place=city|town|village|hamlet|locality`` with a name
become Places; ``name:ru``, ``name:uk``, ``name:en`` and ``population`` come out of the
driver's ``other_tags`` column, an hstore-like string parsed by :func:`parse_other_tags`.
Nodes without a name, with another ``place`` value or an impossible coordinate are
skipped and counted. ``bbox=(south, west, north, east)`` keeps only the points inside it.

    >>> parse_other_tags('"name:en"=>"Sudzha","population"=>"5 000"')
    {'name:en': 'Sudzha', 'population': '5 000'}
    >>> places = list(read_osm_extract("kursk.osm.pbf", bbox=(50, 33, 53, 39)))   # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

from gazetteer.exc import DataFileError, DumpFormatError
from gazetteer.loaders.report import LoadReport
from gazetteer.place import Place

__all__ = ["read_osm_extract", "parse_other_tags", "parse_population", "OSM_EXTRACT_SOURCE", "PLACE_CODES"]

OSM_EXTRACT_SOURCE = "OpenStreetMap extract (ODbL)"
#: OSM ``place`` values read, with the GeoNames feature code each becomes.
PLACE_CODES = {"city": "PPLA2", "town": "PPL", "village": "PPL", "hamlet": "PPL", "locality": "PPLL"}
_NAME_TAGS = ("name:en", "name", "name:ru", "name:uk", "int_name", "old_name", "alt_name")
_COUNTRY_TAGS = ("is_in:country_code", "ISO3166-1:alpha2", "addr:country")
_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(.)")


def parse_other_tags(text: str | None) -> dict[str, str]:
    """The ``"key"=>"value",...`` string of GDAL's OSM driver as a dict (escapes undone).

    Anything that is not a well-formed pair is ignored, never evaluated:

        >>> parse_other_tags('"a"=>"x \\\\"y\\\\"",junk,"b"=>"1"')
        {'a': 'x "y"', 'b': '1'}
        >>> parse_other_tags(None)
        {}
    """
    if not isinstance(text, str) or not text:
        return {}
    return {_ESCAPE.sub(r"\1", k): _ESCAPE.sub(r"\1", v) for k, v in _PAIR.findall(text)}


def parse_population(text: str | None) -> int:
    """OSM's ``population`` tag as a whole number, 0 when it is not one.

        >>> parse_population("1 200"), parse_population("~300"), parse_population("many")
        (1200, 0, 0)
    """
    digits = (text or "").replace(" ", "").replace("\u00a0", "").replace(",", "")
    return int(digits) if digits.isdigit() and len(digits) < 10 else 0


def read_osm_extract(path: str | Path, *, report: LoadReport | None = None,
                     bbox: tuple[float, float, float, float] | None = None, country: str = "") -> Iterator[Place]:
    """Stream settlement Places from the extract's ``points`` layer (``country``: ISO2 for rows without one)."""
    import pyogrio
    from shapely import from_wkb

    report = report if report is not None else LoadReport(str(path))
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, "no such file")
    values = ", ".join(f"'{v}'" for v in PLACE_CODES)
    options = {"layer": "points", "columns": ["osm_id", "name", "place", "other_tags"],
               "where": f"place IN ({values})"}
    if bbox is not None:
        south, west, north, east = bbox
        options["bbox"] = (west, south, east, north)
    try:
        _meta, _fids, geometries, fields = pyogrio.raw.read(path, **options)
    except Exception as exc:  # noqa: BLE001 - GDAL says why in its own words; name the file
        raise DumpFormatError(path, f"not a readable OpenStreetMap extract ({str(exc).splitlines()[0]})") from None
    for row, (osm_id, name, place, other, wkb) in enumerate(zip(*fields, geometries), start=1):
        tags = parse_other_tags(other)
        tags["name"] = name if isinstance(name, str) else ""
        made = _place(osm_id, place, tags, wkb, from_wkb, country)
        if isinstance(made, str):
            report.skip(row, made)
            continue
        report.loaded += 1
        yield made


def _place(osm_id, place, tags: dict[str, str], wkb, from_wkb, country: str) -> Place | str:
    """A Place, or the reason the row is skipped."""
    code = PLACE_CODES.get(place if isinstance(place, str) else "")
    if code is None:
        return f"not a settlement: place={place}"
    names = [n.strip() for t in _NAME_TAGS for n in tags.get(t, "").split(";")]
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        return "empty name"
    try:
        point = from_wkb(wkb)
        lon, lat = point.x, point.y
    except Exception:  # noqa: BLE001 - a damaged geometry is one skipped row
        return "no point geometry"
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        return f"latitude out of range: {lat}"
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        return f"longitude out of range: {lon}"
    iso = next((tags[t].strip().upper() for t in _COUNTRY_TAGS
                if len(tags.get(t, "").strip()) == 2 and tags[t].strip().isalpha()), country.upper())
    return Place(
        id=f"osm:node/{osm_id}", name=names[0], latitude=lat, longitude=lon,
        feature_class="P", feature_code=code, country_code=iso,
        population=parse_population(tags.get("population")),
        source=OSM_EXTRACT_SOURCE, source_url=f"https://www.openstreetmap.org/node/{osm_id}",
        alternate_names=tuple(names[1:]),
    )
