"""Oblast and district polygons: name the admin1/admin2 of a point, and give regions a place.

The polygons come from OpenStreetMap (ODbL) for the theatre oblasts — Kursk,
Belgorod and Bryansk districts, all Ukrainian oblasts, and the raions of Sumy,
Kharkiv and Chernihiv oblasts::

    >>> areas = AdminAreas.load(admin_codes)                     # doctest: +SKIP
    >>> areas.locate(51.19, 35.27, "RU")                          # doctest: +SKIP
    (AdminArea(code='RU.41', name='Kursk Oblast', ...), AdminArea(name='Sudzhansky District', ...))

Each area also becomes a :class:`~gazetteer.place.Place` (feature ``ADM1`` or
``ADM2``) at OSM's polygon point-on-surface, so "Kursk region" or "Sudzhansky
district" resolve with ACLED geo-precision 3 or 2. Region words are generated
from the names: "Kursk Oblast" → "Kursk region"; "Курська область" → "Курщина".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer import lang
from gazetteer.loaders.admin_codes import AdminCode
from gazetteer.normalize import name_key
from gazetteer.paths import BOUNDARIES_DIR
from gazetteer.place import ADMIN1_CODE, ADMIN2_CODE, Place

__all__ = ["AdminArea", "AdminAreas", "region_words", "read_boundary"]

BOUNDARY_SOURCE = "OpenStreetMap (ODbL) boundary polygon, point on surface"
_RU_OBLAST_FILE = "osm_ru_oblasts.geojson.gz"
_RU_DISTRICT_FILES = {
    "Kursk": "osm_ru_kursk_districts.geojson.gz",
    "Belgorod": "osm_ru_belgorod_districts.geojson.gz",
    "Bryansk": "osm_ru_bryansk_districts.geojson.gz",
}
_UA_OBLAST_FILE = "osm_ua_oblasts.geojson.gz"
_UA_RAION_FILES = ("osm_ua_sumska_raions.geojson.gz", "osm_ua_kharkivska_raions.geojson.gz",
                   "osm_ua_chernihivska_raions.geojson.gz")
_LANGUAGES = lang.languages()
#: Endings of oblast adjectives ("Курська"), dropped to make the oblast noun ("Курщина").
_ADJ_ENDING = re.compile("(" + "|".join(e for la in _LANGUAGES for e in la.oblast_adjective_endings) + ")$")
_OBLAST_NOUNS = tuple(noun for la in _LANGUAGES for noun in la.oblast_nouns)
#: Last words of official oblast names: "Oblast", "область".
_OBLAST_NAME_WORDS = lang.admin_words(lang.Use.NAME, lang.Level.OBLAST)


@dataclass(frozen=True)
class AdminArea:
    """An oblast (level 1) or district/raion (level 2) with its polygon."""

    code: str
    level: int
    country_code: str
    name: str
    names: tuple[str, ...]
    geometry: object = field(repr=False, compare=False)
    parent_code: str = ""
    source_id: str = ""

    def to_place(self, parent_name: str = "") -> Place:
        """The area as a Place; only names that say what they are ("Sumy Oblast",
        "Сумщина", never a bare "Sumy") are kept, so a city is not taken for its oblast."""
        point = self.geometry.representative_point()
        return Place(
            id=f"osm-boundary:{self.source_id or self.code}",
            name=self.name,
            latitude=round(point.y, 5),
            longitude=round(point.x, 5),
            feature_class="A",
            feature_code=ADMIN1_CODE if self.level == 1 else ADMIN2_CODE,
            country_code=self.country_code,
            admin1=self.name if self.level == 1 else parent_name,
            admin2=self.name if self.level == 2 else "",
            admin1_code=self.code if self.level == 1 else self.parent_code,
            source=BOUNDARY_SOURCE,
            alternate_names=tuple(n for n in self.names if n != self.name and _says_area(n)),
        )


def region_words(names: Iterable[str]) -> list[str]:
    """Everyday words for an oblast: "Kursk region", "Kursk province", "Курщина".

    >>> sorted(region_words(["Kursk Oblast", "Курська область"]))
    ['Kursk province', 'Kursk region', 'Курщина']
    >>> sorted(region_words(["Белгородская область"]))
    ['Белгородчина', 'Белгородщина']
    """
    out: list[str] = []
    for name in names:
        words = name.split()
        if len(words) == 2 and words[1].casefold() in _OBLAST_NAME_WORDS:
            first = words[0]
            if first.isascii():
                out += [f"{first} region", f"{first} province"]
            else:
                stem = _ADJ_ENDING.sub("", first.casefold())
                if stem != first.casefold():
                    out += [stem[:1].upper() + stem[1:] + noun.suffix for noun in _OBLAST_NOUNS
                            if not noun.after or stem.endswith(tuple(noun.after))]
    return [w for w in dict.fromkeys(out) if w not in names]


def read_boundary(file_name: str, columns: list[str] | None = None):
    """A boundary file as a GeoDataFrame: a bundled name (gzipped GeoJSON in ``data/boundaries``)
    or a path to any vector file GDAL reads."""
    import pyogrio

    path = Path(file_name) if "/" in str(file_name) else BOUNDARIES_DIR / file_name
    source = f"/vsigzip/{path}" if path.suffix == ".gz" else str(path)
    if columns is not None:
        present = set(pyogrio.read_info(source)["fields"])
        columns = [c for c in columns if c in present]
    return pyogrio.read_dataframe(source, columns=columns)


def _match_code(name: str, codes: Iterable[AdminCode]) -> AdminCode | None:
    key = name_key(name)
    for code in codes:
        if any(name_key(n) == key for n in (code.name, *code.alternate_names)):
            return code
    return None


@dataclass
class AdminAreas:
    """All bundled admin polygons, with a spatial index for point lookups."""

    areas: list[AdminArea]

    def __post_init__(self) -> None:
        from shapely import STRtree

        self._tree = STRtree([a.geometry for a in self.areas])
        self._by_code = {a.code: a for a in self.areas}

    @classmethod
    def load(cls, admin_codes: Mapping[str, AdminCode]) -> "AdminAreas":
        """Read the bundled polygons and tie them to GeoNames admin codes where possible."""
        areas: list[AdminArea] = []
        ru_admin1 = [c for c in admin_codes.values() if c.level == 1 and c.country_code == "RU"]
        ua_by_iso = {c.iso: c for c in admin_codes.values() if c.level == 1 and c.country_code == "UA"}
        for row in read_boundary(_RU_OBLAST_FILE).itertuples():
            stem = name_key(row.oblast)
            code = next(c for c in ru_admin1 if name_key(c.name).startswith(stem))
            english = f"{row.oblast} Oblast"
            names = (english, code.name, *code.alternate_names)
            areas.append(AdminArea(code.code, 1, "RU", english, _with_region_words(names), row.geometry,
                                   source_id=f"ru-{row.oblast.casefold()}"))
            admin2 = [c for c in admin_codes.values() if c.level == 2 and c.code.startswith(code.code + ".")]
            for drow in read_boundary(_RU_DISTRICT_FILES[row.oblast]).itertuples():
                match = _match_code(drow.district, admin2)
                name = match.english_name if match else drow.district
                names = (name, drow.district, *(match.alternate_names if match else ()))
                areas.append(AdminArea(match.code if match else f"{code.code}.?{drow.district}", 2, "RU",
                                       name, tuple(dict.fromkeys(names)), drow.geometry, parent_code=code.code,
                                       source_id=f"ru-{row.oblast.casefold()}-{name_key(drow.district)}"))
        for record in read_boundary(_UA_OBLAST_FILE).to_dict("records"):
            iso = record.get("iso3166-2") or ""
            code = ua_by_iso.get(iso)
            english = record.get("name:en") or (code.english_name if code else record["name"])
            names = [english, record.get("name"), record.get("name:uk"), record.get("name:ru")]
            if code:
                names += [code.name, *code.alternate_names]
            names = tuple(dict.fromkeys(n for n in names if n))
            areas.append(AdminArea(code.code if code else iso, 1, "UA", english, _with_region_words(names),
                                   record["geometry"], source_id=f"ua-{iso}"))
        for file_name in _UA_RAION_FILES:
            for record in read_boundary(file_name).to_dict("records"):
                parent = _ua_parent(record, ua_by_iso)
                names = tuple(dict.fromkeys(
                    n for n in (record.get("name:en"), record.get("name"), record.get("name:uk"),
                                record.get("name:ru")) if n))
                code = f"{parent}.{record.get('katotth') or names[0]}"
                areas.append(AdminArea(code, 2, "UA", names[0], names, record["geometry"],
                                       parent_code=parent, source_id=f"ua-{record.get('katotth') or names[0]}"))
        return cls(areas)

    def by_code(self, code: str) -> AdminArea | None:
        return self._by_code.get(code)

    def locate(self, lat: float, lon: float, country_code: str = "") -> tuple[AdminArea | None, AdminArea | None]:
        """The admin1 and admin2 areas holding a point (of the same country, when given)."""
        from shapely import Point

        point = Point(lon, lat)
        admin1 = admin2 = None
        for i in self._tree.query(point, predicate="intersects"):
            area = self.areas[int(i)]
            if country_code and area.country_code != country_code:
                continue
            if area.level == 1:
                admin1 = area
            else:
                admin2 = area
        return admin1, admin2

    def places(self) -> list[Place]:
        """Every area as a Place (ADM1 / ADM2) at its polygon's point on surface.

        Russian urban okrugs that GeoNames has no district code for (Kursk city,
        Lgov) are left out: the city itself is the place."""
        names = {a.code: a.name for a in self.areas if a.level == 1}
        return [a.to_place(names.get(a.parent_code, "")) for a in self.areas if "?" not in a.code]


def _says_area(name: str) -> bool:
    key = name_key(name)
    return key.endswith((" oblast", " raion")) or name.casefold().endswith(tuple(n.suffix for n in _OBLAST_NOUNS))


def _with_region_words(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*names, *region_words(names))))


def _ua_parent(record: dict, ua_by_iso: Mapping[str, AdminCode]) -> str:
    for rel in record.get("@relations") or []:
        tags = rel.get("reltags", {}) if isinstance(rel, dict) else {}
        iso = tags.get("ISO3166-2")
        if iso and iso in ua_by_iso:
            return ua_by_iso[iso].code
    return "UA"
