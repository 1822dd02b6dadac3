"""The :class:`Place` value object: one row of the gazetteer.

    >>> p = Place(id="geonames:486816", name="Sudzha", latitude=51.1976, longitude=35.2726,
    ...           feature_class="P", feature_code="PPL", country_code="RU",
    ...           admin1="Kursk Oblast", admin1_code="RU.41", population=6940,
    ...           source="GeoNames cities500 (CC BY 4.0)")
    >>> p.point
    (51.1976, 35.2726)
    >>> p.is_settlement
    True
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from enum import Enum

__all__ = ["Place", "MatchKind", "haversine_km", "farther_than_km", "within_km", "KM_PER_DEGREE"]


class MatchKind(str, Enum):
    """How a name matched a place, strictest first (the value is what JSON output carries).

    >>> MatchKind.FUZZY.value, MatchKind.FUZZY == "fuzzy", MatchKind.EXACT.placeable_at_point
    ('fuzzy', True, True)
    """

    #: the place's own name, as written (case, accents and apostrophes aside)
    EXACT = "exact"
    #: one of the place's alternate names in the data, as written
    VARIANT = "variant"
    #: a spelling the name key folds together with one of its names (another romanisation)
    TRANSLITERATION = "transliteration"
    #: an inflected Russian/Ukrainian form of one of its names ("у Ворожбі")
    INFLECTED = "inflected"
    #: a similar but different spelling (edit similarity on the name key)
    FUZZY = "fuzzy"
    #: found by the opt-in online geocoder
    ONLINE = "online"

    def __str__(self) -> str:
        return self.value

    @property
    def placeable_at_point(self) -> bool:
        """False for a fuzzy match: it never gets geo-precision 1."""
        return self is not MatchKind.FUZZY

#: Feature codes (GeoNames' own where they exist) for administrative areas.
ADMIN1_CODE = "ADM1"
ADMIN2_CODE = "ADM2"


@dataclass(frozen=True, slots=True, eq=False)
class Place:
    """A named place with a sourced coordinate.

    ``id`` is ``source:identifier`` (``geonames:486816``, ``curated:ru-kursk-plyokhovo``,
    ``osm:relation/3550971``, ``osm-boundary:ru-kursk-sudzhansky``). ``source`` names the
    data set and licence the coordinate comes from; ``source_url`` points at the page a
    curated row cites (the canonical article or data file) and ``read_from`` at the copy its
    coordinate was actually read from, when that differs. ``aliases`` holds ids of other rows that describe the
    same place (a GeoNames row folded into its curated twin).
    """

    id: str
    name: str
    latitude: float
    longitude: float
    feature_class: str = "P"
    feature_code: str = "PPL"
    country_code: str = ""
    admin1: str = ""
    admin2: str = ""
    admin1_code: str = ""
    population: int = 0
    source: str = ""
    source_url: str = ""
    alternate_names: tuple[str, ...] = field(default_factory=tuple)
    aliases: tuple[str, ...] = field(default_factory=tuple)
    coordinate_precision: str = ""
    read_from: str = ""

    def __eq__(self, other: object) -> bool:
        """Places are the same when their ids are (an id names one sourced row)."""
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def point(self) -> tuple[float, float]:
        """``(latitude, longitude)``, the order geopy uses."""
        return (self.latitude, self.longitude)

    @property
    def is_settlement(self) -> bool:
        return self.feature_class == "P"

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == ADMIN1_CODE

    @property
    def is_admin2(self) -> bool:
        return self.feature_code == ADMIN2_CODE

    @property
    def geo_precision(self) -> int:
        """ACLED geo-precision of a match on this place: 1 settlement, 2 district, 3 region."""
        if self.is_admin1:
            return 3
        if self.is_admin2 or self.feature_class == "A":
            return 2
        return 1

    @property
    def label(self) -> str:
        """Human label: ``"Sudzha, Kursk Oblast, RU"``."""
        parts = [self.name, self.admin1, self.country_code]
        return ", ".join(p for p in parts if p)

    def distance_km(self, other: "Place") -> float:
        return haversine_km(self.latitude, self.longitude, other.latitude, other.longitude)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["alternate_names"] = list(self.alternate_names)
        d["aliases"] = list(self.aliases)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Place":
        d = dict(d)
        d["alternate_names"] = tuple(d.get("alternate_names") or ())
        d["aliases"] = tuple(d.get("aliases") or ())
        return cls(**d)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(haversine_km(51.10, 35.33, 51.2389, 35.3664), 1)
    15.7
    """
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


#: Kilometres of great circle per degree of latitude are 111.2 or more (6371 km × π / 180): two points
#: farther apart in latitude than ``km / KM_PER_DEGREE`` degrees are farther apart than ``km``.
KM_PER_DEGREE = 111.0


def farther_than_km(a: Place, b: Place, km: float) -> bool:
    """Is ``b`` more than ``km`` from ``a`` (``a.distance_km(b) > km``)? Their latitudes alone often
    tell, without the trigonometry.

    >>> kursk = Place(id="k", name="Kursk", latitude=51.73, longitude=36.19)
    >>> sudzha = Place(id="s", name="Sudzha", latitude=51.19, longitude=35.27)
    >>> farther_than_km(kursk, sudzha, 50), farther_than_km(kursk, sudzha, 100)
    (True, False)
    """
    return abs(a.latitude - b.latitude) > km / KM_PER_DEGREE or a.distance_km(b) > km


def within_km(a: Place, b: Place, km: float) -> bool:
    """Is ``b`` at most ``km`` from ``a`` (``a.distance_km(b) <= km``)? Their latitudes alone may tell.

    >>> kursk = Place(id="k", name="Kursk", latitude=51.73, longitude=36.19)
    >>> within_km(kursk, Place(id="s", name="Sudzha", latitude=51.19, longitude=35.27), 100)
    True
    """
    return abs(a.latitude - b.latitude) <= km / KM_PER_DEGREE and a.distance_km(b) <= km
