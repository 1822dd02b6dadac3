"""A geopy geocoder over the offline gazetteer: no network, same interface as Nominatim.

It answers from the bundled GeoNames, curated and OpenStreetMap data (plus any
dumps the user imported), so geopandas and geopy tooling work air-gapped::

    >>> import geopandas
    >>> from gazetteer.geocoder import OfflineGeocoder
    >>> df = geopandas.tools.geocode(["Sudzha", "Korenevo"], provider=OfflineGeocoder)  # doctest: +SKIP
    >>> df.geometry.y.round(2).tolist()                                                 # doctest: +SKIP
    [51.19, 51.4]

``geopy.extra.rate_limiter.RateLimiter`` wraps it like any other geocoder.
The ``raw`` of each :class:`geopy.location.Location` is the resolution record
(score, reason, alternatives, gazetteer id and source).
"""

from __future__ import annotations

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from gazetteer.context import Context
from gazetteer.resolver import Gazetteer

__all__ = ["OfflineGeocoder"]


class OfflineGeocoder(Geocoder):
    """Geocoder for place names of the conflict theatre (and world cities), offline.

    :param gazetteer: the :class:`~gazetteer.resolver.Gazetteer` to query;
        default :meth:`Gazetteer.default`.
    :param context: text or :class:`~gazetteer.context.Context` applied to every
        query (e.g. ``"Kursk region"``).
    :param country_codes: ISO codes a result must lie in.
    :param min_score: results scoring below this are returned as ``None``.

    Other keyword arguments are geopy's (``timeout``, ``user_agent``...) and
    are accepted for compatibility; nothing is sent anywhere.
    """

    def __init__(self, *, gazetteer: Gazetteer | None = None, context: Context | str | None = None,
                 country_codes: list[str] | None = None, min_score: float = 0.0, **kwargs):
        kwargs.setdefault("user_agent", "conflictmap-offline")
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or Gazetteer.default()
        self.context = context
        self.country_codes = country_codes
        self.min_score = min_score

    def geocode(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                context: Context | str | None = None, country_codes: list[str] | None = None):
        """Resolve a place name.

        :param query: the name, optionally followed by context after a comma
            (``"Vorozhba, Sumy Oblast"``).
        :param exactly_one: return one Location (or None) instead of a list
            of the best match and its alternatives.
        :param timeout: ignored (offline); kept for geopy compatibility.
        """
        res = self.gazetteer.resolve(str(query), context if context is not None else self.context,
                                     country_codes=country_codes or self.country_codes)
        if not res.resolved or res.score < self.min_score:
            return None if exactly_one else []
        raw = res.to_dict()
        best = Location(res.place.label, res.place.point, raw)
        if exactly_one:
            return best
        others = [Location(c.place.label, c.place.point, c.to_dict())
                  for c in res.alternatives if not c.contradiction]
        return [best, *others]

    def reverse(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL, max_km: float = 25.0):
        """The nearest settlement to ``(latitude, longitude)`` within ``max_km``."""
        lat, lon = _lat_lon(query)
        found = self.gazetteer.nearest(lat, lon, max_km=max_km, limit=1 if exactly_one else 5)
        locations = [Location(p.label, p.point, {**p.to_dict(), "distance_km": round(d, 3)}) for p, d in found]
        if exactly_one:
            return locations[0] if locations else None
        return locations


def _lat_lon(query) -> tuple[float, float]:
    if hasattr(query, "latitude"):
        return float(query.latitude), float(query.longitude)
    if isinstance(query, str):
        lat, lon = (float(x) for x in query.split(","))
        return lat, lon
    lat, lon = query
    return float(lat), float(lon)
