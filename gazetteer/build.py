"""Fill the index: name the admin areas of each place and fold duplicates together.

The same village often arrives from several sources (the curated table, GeoNames,
OSM, then a user's full GeoNames dump). A row whose id is already known, or
that shares a name key with a place of the same country and kind within
:data:`MERGE_RADIUS_KM`, is folded into the place loaded first: its names are
added, its id kept as an alias, the first row's coordinate and source kept.
Load order puts the curated table first, so its sourced coordinates win::

    >>> builder = IndexBuilder(index)              # doctest: +SKIP
    >>> builder.import_file(Path("RU.zip"), "geonames").summary()   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from gazetteer.boundaries import AdminAreas
from gazetteer.exc import DumpFormatError
from gazetteer.loaders import LOADERS, AdminCode, LoadReport, read_admin_codes, read_alternate_names
from gazetteer.normalize import name_key
from gazetteer.paths import ADMIN_CODES_FILE
from gazetteer.place import Place

__all__ = ["IndexBuilder", "place_keys", "MERGE_RADIUS_KM"]

MERGE_RADIUS_KM = 5.0
#: A row with no country of its own gets none from the (simplified) polygons this near the border.
BORDER_MARGIN_KM = 3.0
BORDER_FILE = "ne_ru_ua_border.geojson.gz"
BORDER_CRS = "EPSG:32636"
#: The polygons only cover the theatre; skip the spatial test elsewhere.
_POLYGON_BBOX = (44.0, 22.0, 56.5, 41.5)  # south, west, north, east


def place_keys(place: Place) -> set[str]:
    """Name keys of a place: its name and every alternate name."""
    keys = {name_key(n) for n in (place.name, *place.alternate_names)}
    return {k for k in keys if len(k) >= 2}


@lru_cache(maxsize=1)
def _border_line():
    """The Russia–Ukraine border in metres (UTM 36N, the theatre's zone) and the transformer to it."""
    from pyproj import Transformer
    import numpy as np
    from shapely import transform

    from gazetteer.boundaries import read_boundary

    to_utm = Transformer.from_crs(4326, BORDER_CRS, always_xy=True)
    line = read_boundary(BORDER_FILE).geometry.union_all()
    return transform(line, lambda xy: np.column_stack(to_utm.transform(xy[:, 0], xy[:, 1]))), to_utm


def _near_border(lat: float, lon: float) -> bool:
    """Within :data:`BORDER_MARGIN_KM` of the Russia–Ukraine border.

        >>> _near_border(51.2233, 35.0702), _near_border(51.3512, 35.2511)
        (True, False)
    """
    from shapely import Point

    line, to_utm = _border_line()
    return line.distance(Point(*to_utm.transform(lon, lat))) < BORDER_MARGIN_KM * 1000


@lru_cache(maxsize=1)
def admin_codes() -> dict[str, AdminCode]:
    return {c.code: c for c in read_admin_codes(ADMIN_CODES_FILE)}


@lru_cache(maxsize=1)
def admin_areas() -> AdminAreas:
    return AdminAreas.load(admin_codes())


class IndexBuilder:
    """Writes Places into a :class:`~gazetteer.index.PlaceIndex`, enriched and de-duplicated."""

    def __init__(self, index):
        self.index = index
        self.codes = admin_codes()
        self.areas = admin_areas()

    def admin_places(self) -> list[Place]:
        """Oblasts and districts with polygons, as places of precision 3 and 2."""
        return self.areas.places()

    def import_file(self, path: Path, kind: str, options: dict | None = None) -> LoadReport:
        """Load one file with the loader of its kind; ``options`` are that loader's keyword arguments."""
        report = LoadReport(str(path))
        if kind == "alternate_names":
            self._import_alternate_names(path, report)
        elif kind in LOADERS:
            for place in LOADERS[kind](path, report=report, **(options or {})):
                self.add(self.enrich(place))
        else:
            raise DumpFormatError(path, f"cannot import a {kind.replace('_', ' ')} file into the gazetteer")
        return report

    # -- enrichment -----------------------------------------------------------
    def enrich(self, place: Place) -> Place:
        """Fill admin1 code and names, and admin2 from the polygons (and the country, for a row without one)."""
        if not place.country_code and place.is_settlement:
            country = self._country_at(place)
            if not country:  # outside the polygons or too near the border to tell: no admin area guessed
                hint = place.admin1_code[1:] if place.admin1_code.startswith("?") else ""
                return replace(place, admin1_code="", admin1=place.admin1 or hint)
            place = replace(place, country_code=country)
        code = place.admin1_code
        if code.startswith("?"):
            code = self._admin1_by_name(code[1:], place.country_code)
        admin1 = admin2 = ""
        south, west, north, east = _POLYGON_BBOX
        if place.is_settlement and south <= place.latitude <= north and west <= place.longitude <= east:
            area1, area2 = self.areas.locate(place.latitude, place.longitude, place.country_code)
            if area1 is not None and not code:
                code = area1.code
            if area2 is not None and area2.parent_code == code:
                admin2 = area2.name
        if code:
            area = self.areas.by_code(code)
            admin1 = area.name if area else (self.codes[code].english_name if code in self.codes else "")
        return replace(
            place,
            admin1_code=code,
            admin1=place.admin1 or admin1,
            admin2=place.admin2 or admin2,
        )

    def _country_at(self, place: Place) -> str:
        """The country of the admin1 polygon holding the place; "" outside them, or within
        :data:`BORDER_MARGIN_KM` of the Russia–Ukraine border (the polygons are simplified)."""
        south, west, north, east = _POLYGON_BBOX
        if not (south <= place.latitude <= north and west <= place.longitude <= east):
            return ""
        if _near_border(place.latitude, place.longitude):
            return ""
        area1, _area2 = self.areas.locate(place.latitude, place.longitude)
        return area1.country_code if area1 is not None else ""

    def _admin1_by_name(self, oblast: str, country: str) -> str:
        stem = name_key(oblast)
        if len(stem) < 3:  # "" or one letter would be the start of every oblast's name
            return ""
        for code in self.codes.values():
            if code.level == 1 and code.country_code == country:
                names = (code.name, code.english_name, *code.alternate_names)
                if any(name_key(n).startswith(stem) for n in names):
                    return code.code
        return ""

    # -- de-duplication ---------------------------------------------------------
    def add(self, place: Place) -> None:
        index = self.index
        rowid = index._rowid_of(place.id)
        if rowid is not None:
            self._merge(rowid, index._place(rowid), place, alias=None)
            return
        key = name_key(place.name)
        best = None
        for rowid, other in index._nearby_same_key(key, place.country_code, place.feature_class):
            d = other.distance_km(place)
            if d <= MERGE_RADIUS_KM and (best is None or d < best[0]):
                best = (d, rowid, other)
        if best is not None:
            self._merge(best[1], best[2], place, alias=place.id)
        else:
            index._insert(place)

    def _merge(self, rowid: int, kept: Place, new: Place, alias: str | None) -> None:
        known = {kept.name, *kept.alternate_names}
        added = tuple(n for n in (new.name, *new.alternate_names) if n not in known)
        merged = replace(
            kept,
            alternate_names=kept.alternate_names + added,
            aliases=kept.aliases + ((alias,) if alias and alias not in kept.aliases else ()),
            population=kept.population or new.population,
            admin1=kept.admin1 or new.admin1,
            admin1_code=kept.admin1_code or new.admin1_code,
            admin2=kept.admin2 or new.admin2,
        )
        new_keys = {name_key(n) for n in added}
        self.index._update(rowid, merged, {k for k in new_keys if len(k) >= 2}, alias)

    def _import_alternate_names(self, path: Path, report: LoadReport) -> None:
        index = self.index
        pending: dict[int, list[str]] = {}
        for place_id, name in read_alternate_names(path, report=report):
            rowid = index._rowid_of(place_id)
            if rowid is not None:
                pending.setdefault(rowid, []).append(name)
        for rowid, names in pending.items():
            place = index._place(rowid)
            extra = tuple(n for n in dict.fromkeys(names) if n != place.name and n not in place.alternate_names)
            if extra:
                index._update(rowid, replace(place, alternate_names=place.alternate_names + extra),
                              {k for k in map(name_key, extra) if len(k) >= 2}, alias=None)
