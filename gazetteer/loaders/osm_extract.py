"""Read settlements from an OpenStreetMap extract (``.osm.pbf`` or ``.osm`` XML).

GDAL's OSM driver (through pyogrio, with the ``osmconf.ini`` its wheels ship) gives the
``points`` layer: nodes tagged ``place=city|town|village|hamlet|locality`` with a name
become Places; ``name:ru``, ``name:uk``, ``name:en`` and ``population`` come out of the
driver's ``other_tags`` column, an hstore-like string parsed by :func:`parse_other_tags`.
Settlements mapped as areas (a closed way or a multipolygon relation with such a ``place``
tag) come from the ``multipolygons`` layer, placed at a point inside the polygon
(shapely's ``point_on_surface``); ``place`` is a column there with the shipped osmconf.ini
and is read from ``other_tags`` with one that leaves it out. An area with a name of a node
read from the same file, holding that node or within :data:`SAME_PLACE_KM` of it, is that
node's place: its names are added to the node's and it is not read twice.
Rows without a name, with another ``place`` value or an impossible coordinate are
skipped and counted. ``bbox=(south, west, north, east)`` keeps only the points inside it.

    >>> parse_other_tags('"name:en"=>"Sudzha","population"=>"5 000"')
    {'name:en': 'Sudzha', 'population': '5 000'}
    >>> places = list(read_osm_extract("kursk.osm.pbf", bbox=(50, 33, 53, 39)))   # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from gazetteer.exc import DataFileError, DumpFormatError
from gazetteer.loaders.report import LoadReport
from gazetteer.normalize import name_key
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


#: An area and a node of the same name this close (or the node inside the area) are one place.
SAME_PLACE_KM = 5.0


def read_osm_extract(path: str | Path, *, report: LoadReport | None = None,
                     bbox: tuple[float, float, float, float] | None = None, country: str = "") -> Iterator[Place]:
    """Stream settlement Places from the extract's ``points`` and ``multipolygons`` layers
    (``country``: ISO2 for rows without one)."""
    report = report if report is not None else LoadReport(str(path))
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, "no such file")
    nodes: list[Place] = []
    row = 0
    for row, made, _geometry in _layer(path, "points", bbox, country):
        if isinstance(made, str):
            report.skip(row, made)
        else:
            nodes.append(made)
    areas = []
    by_key: dict[str, list[int]] = {}  # a node's name keys -> its index in nodes
    for i, node in enumerate(nodes):
        for key in _keys(node):
            by_key.setdefault(key, []).append(i)
    for area_row, made, geometry in _layer(path, "multipolygons", bbox, country):
        if isinstance(made, str):
            report.skip(row + area_row, made)
            continue
        node = _same_node(made, geometry, nodes, by_key)
        if node is None:
            areas.append(made)
        else:  # the node stays the place; the area lends the names the node lacks
            known = {node[1].name, *node[1].alternate_names}
            extra = tuple(n for n in (made.name, *made.alternate_names) if n not in known)
            nodes[node[0]] = replace(node[1], alternate_names=node[1].alternate_names + extra,
                                     population=node[1].population or made.population)
            report.skip(row + area_row, f"same place as a node: {node[1].id}")
    for place in (*nodes, *areas):
        report.loaded += 1
        yield place


def _layer(path: Path, layer: str, bbox, country: str) -> Iterator[tuple[int, Place | str, object]]:
    """``(row, Place or the reason it is skipped, geometry)`` of one layer's settlement rows."""
    import pyogrio
    from shapely import from_wkb

    try:
        fields = {f for f in pyogrio.read_info(path, layer=layer)["fields"]}
        ids = [c for c in ("osm_id", "osm_way_id") if c in fields]
        tagged = "place" in fields  # else the place tag is one of other_tags
        values = ", ".join(f"'{v}'" for v in PLACE_CODES)
        options = {"layer": layer, "columns": [*ids, "name", *(["place"] if tagged else []), "other_tags"]}
        if tagged:
            options["where"] = f"place IN ({values})"
        if bbox is not None:
            south, west, north, east = bbox
            options["bbox"] = (west, south, east, north)
        _meta, _fids, geometries, columns = pyogrio.raw.read(path, **options)
    except Exception as exc:  # noqa: BLE001 - GDAL says why in its own words; name the file
        raise DumpFormatError(path, f"not a readable OpenStreetMap extract ({str(exc).splitlines()[0]})") from None
    for row, (values_, wkb) in enumerate(zip(zip(*columns), geometries), start=1):
        record = dict(zip(options["columns"], values_))
        tags = parse_other_tags(record.get("other_tags"))
        tags["name"] = record["name"] if isinstance(record.get("name"), str) else ""
        place = record["place"] if tagged else tags.get("place")
        if not tagged and place not in PLACE_CODES:
            continue  # not a settlement area: a building, a field, a boundary
        osm_id, kind = _osm_id(record, layer)
        try:
            geometry = from_wkb(wkb)
        except Exception:  # noqa: BLE001 - a damaged geometry is one skipped row
            geometry = None
        made = _place(osm_id, kind, place, tags, geometry, country)
        if isinstance(made, Place) and bbox is not None and not _inside(made, bbox):
            continue  # an area reaching into the box, its point outside it
        yield row, made, geometry


def _osm_id(record: dict, layer: str) -> tuple[str, str]:
    """The element's id and kind: a node, a closed way (``osm_way_id``) or a relation (``osm_id``)."""
    if layer == "points":
        return str(record.get("osm_id")), "node"
    if isinstance(record.get("osm_id"), str) and record["osm_id"]:
        return record["osm_id"], "relation"
    return str(record.get("osm_way_id")), "way"


def _inside(place: Place, bbox) -> bool:
    south, west, north, east = bbox
    return south <= place.latitude <= north and west <= place.longitude <= east


def _keys(place: Place) -> set[str]:
    return {name_key(n) for n in (place.name, *place.alternate_names)} - {""}


def _same_node(area: Place, geometry, nodes: list[Place], by_key: dict[str, list[int]]) -> tuple[int, Place] | None:
    """The node of the same name inside the area or within :data:`SAME_PLACE_KM` of its point
    (``by_key``: the nodes' indices by name key)."""
    from shapely import Point

    for i in sorted({i for key in _keys(area) for i in by_key.get(key, ())}):
        node = nodes[i]
        if area.distance_km(node) <= SAME_PLACE_KM or geometry.covers(Point(node.longitude, node.latitude)):
            return i, node
    return None


def _place(osm_id: str, kind: str, place, tags: dict[str, str], geometry, country: str) -> Place | str:
    """A Place, or the reason the row is skipped."""
    code = PLACE_CODES.get(place if isinstance(place, str) else "")
    if code is None:
        return f"not a settlement: place={place}"
    names = [n.strip() for t in _NAME_TAGS for n in tags.get(t, "").split(";")]
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        return "empty name"
    try:
        point = geometry if kind == "node" else geometry.point_on_surface()
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
        id=f"osm:{kind}/{osm_id}", name=names[0], latitude=lat, longitude=lon,
        feature_class="P", feature_code=code, country_code=iso,
        population=parse_population(tags.get("population")),
        source=OSM_EXTRACT_SOURCE, source_url=f"https://www.openstreetmap.org/{kind}/{osm_id}",
        alternate_names=tuple(names[1:]),
    )
