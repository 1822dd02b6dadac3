"""Read a settlement table: CSV, TSV, GeoPackage or GeoJSON with a name and a point per row.

Columns are told from the header (``name``/``title``, ``lat``/``latitude``/``y``,
``lon``/``lng``/``longitude``/``x``, alternate names separated by ``|``, ``;`` or ``,``,
admin, population, country) or given as ``columns={"name": "settlement", ...}``.
GeoPackage and GeoJSON rows take their point geometry (reprojected to WGS 84) when
they have one. A byte-order mark is ignored; rows with no name or an unparsable or
impossible coordinate are skipped and counted. Every place keeps the file as its source.

    >>> places = list(read_settlement_table("villages.csv", country="RU"))   # doctest: +SKIP
    >>> parse_coordinate(" 51,0947 "), parse_coordinate("east")
    (51.0947, None)
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from pathlib import Path

from gazetteer.exc import DataFileError, DumpFormatError
from gazetteer.loaders.report import LoadReport
from gazetteer.loaders.sniff import readable_lines
from gazetteer.loaders.table_columns import ColumnRoles, match_columns, parse_mapping, split_names
from gazetteer.place import Place

__all__ = ["read_settlement_table", "parse_coordinate", "TABLE_SUFFIXES", "GIS_SUFFIXES"]

GIS_SUFFIXES = (".gpkg", ".geojson", ".json", ".fgb", ".shp")
TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".gz", *GIS_SUFFIXES)
_DELIMITERS = "\t;,"
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_coordinate(text) -> float | None:
    """A decimal degree from a cell (a decimal comma is read), None when it is not one."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text) if math.isfinite(text) else None
    text = str(text or "").strip()
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def read_settlement_table(path: str | Path, *, report: LoadReport | None = None, columns=None,
                          bbox: tuple[float, float, float, float] | None = None, country: str = "",
                          source: str = "", layer: str | None = None) -> Iterator[Place]:
    """Stream Places from the table; ``columns`` maps roles to columns (``"name=title,lat=y"`` or a dict)."""
    report = report if report is not None else LoadReport(str(path))
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, "no such file" if not path.exists() else "is not a file")
    try:
        mapping = parse_mapping(columns)
    except ValueError as exc:
        raise DumpFormatError(path, str(exc)) from None
    label = source or f"settlement table {path.name}"
    rows = _gis_rows(path, layer) if path.suffix.lower() in GIS_SUFFIXES else _text_rows(path, report)
    roles: ColumnRoles | None = None
    for line_no, header, row in rows:
        if roles is None:
            try:
                roles = match_columns(header, mapping)
            except ValueError as exc:
                raise DumpFormatError(path, str(exc)) from None
            missing = roles.missing(("name",) if "__point__" in header else ("name", "lat", "lon"))
            if missing:
                raise DumpFormatError(path, f"settlement table lacks a column for: {', '.join(missing)} "
                                      f"(columns: {', '.join(h.lstrip(chr(0xFEFF)) for h in header)})")
        made = _place(row, roles, line_no, path, label, country)
        if isinstance(made, str):
            report.skip(line_no, made)
        elif bbox is None or _inside(made, bbox):
            report.loaded += 1
            yield made


def _inside(place: Place, bbox: tuple[float, float, float, float]) -> bool:
    south, west, north, east = bbox
    return south <= place.latitude <= north and west <= place.longitude <= east


def _text_rows(path: Path, report: LoadReport) -> Iterator[tuple[int, list[str], dict]]:
    header: list[str] | None = None
    delimiter = ","
    for line_no, text in readable_lines(path, report):
        if header is None:
            text = text.lstrip("\ufeff")
            delimiter = max(_DELIMITERS, key=text.count)
            header = next(csv.reader([text], delimiter=delimiter))
            continue
        try:
            cells = next(csv.reader([text], delimiter=delimiter))
        except csv.Error as exc:
            report.skip(line_no, f"unreadable row: {exc}")
            continue
        if len(cells) != len(header):
            report.skip(line_no, f"wrong column count: {len(cells)}, expected {len(header)}")
            continue
        yield line_no, header, dict(zip(header, cells))
    if header is None:
        raise DumpFormatError(path, "empty file or no readable rows")


def _gis_rows(path: Path, layer: str | None) -> Iterator[tuple[int, list[str], dict]]:
    """Rows of a GIS file, each with ``__point__`` = ``(lon, lat)`` in WGS 84 or None."""
    import pyogrio
    from shapely import from_wkb, get_type_id

    try:
        meta, _fids, geometries, fields = pyogrio.raw.read(path, layer=layer)
    except Exception as exc:  # noqa: BLE001 - GDAL says why in its own words; name the file
        raise DumpFormatError(path, f"not a readable GIS table ({str(exc).splitlines()[0]})") from None
    header = [str(n) for n in meta["fields"]] + ["__point__"]
    points = _to_wgs84([from_wkb(g) if g is not None else None for g in geometries], meta.get("crs"), get_type_id)
    for i, point in enumerate(points):
        row = {name: values[i] for name, values in zip(header, fields)}
        row["__point__"] = point
        yield i + 1, header, row


def _to_wgs84(geoms: list, crs: str | None, get_type_id) -> list[tuple[float, float] | None]:
    """``(lon, lat)`` of each point geometry (None for other kinds), reprojected from ``crs``."""
    points = [(g.x, g.y) if g is not None and get_type_id(g) == 0 and not g.is_empty else None for g in geoms]
    if crs and crs.upper() not in ("EPSG:4326", "OGC:CRS84"):
        from pyproj import CRS, Transformer

        if not CRS.from_user_input(crs).equals(CRS.from_epsg(4326), ignore_axis_order=True):
            transform = Transformer.from_crs(crs, 4326, always_xy=True).transform
            points = [transform(*p) if p else None for p in points]
    return points


def _place(row: dict, roles: ColumnRoles, line_no: int, path: Path, label: str, country: str) -> Place | str:
    """A Place from one row, or the reason it is skipped."""
    col = roles.columns

    def cell(role: str) -> str:
        value = row.get(col[role]) if role in col else None
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()

    name = cell("name")
    if not name:
        return "empty name"
    point = row.get("__point__")
    if "lat" in col and "lon" in col and (cell("lat") or cell("lon") or point is None):
        lat, lon = parse_coordinate(row.get(col["lat"])), parse_coordinate(row.get(col["lon"]))
        if lat is None or lon is None:
            return f"coordinates not numbers: {cell('lat')!r}, {cell('lon')!r}"
    elif point is not None:
        lon, lat = point
    else:
        return "no point geometry"
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        return f"latitude out of range: {lat}"
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        return f"longitude out of range: {lon}"
    names = [*split_names(cell("alt_names")), *(str(row.get(c) or "").strip() for c in roles.extra_names)]
    alternates = tuple(n for n in dict.fromkeys(names) if n and n != name and n.casefold() != "nan")
    population = parse_coordinate(cell("population"))
    iso = cell("country").upper()
    row_id = cell("id") or str(line_no)
    return Place(
        id=f"table:{path.stem}/{row_id}", name=name, latitude=lat, longitude=lon,
        feature_class="P", feature_code="PPL",
        country_code=iso if len(iso) == 2 and iso.isalpha() else country.upper(),
        admin1_code=f"?{cell('admin1')}" if cell("admin1") else "", admin2=cell("admin2"),
        population=int(population) if population is not None and 0 <= population < 1e9 else 0,
        source=label, alternate_names=alternates,
    )
