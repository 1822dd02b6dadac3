"""Geocode place names from Python: the API behind ``conflictmap geocode``.

    >>> r = geocode("Vorozhba", context="a strike on Vorozhba in Sumy Oblast")   # doctest: +SKIP
    >>> (r.place.latitude, r.place.longitude)                                     # doctest: +SKIP
    (51.17139, 34.22806)
"""

from __future__ import annotations

from gazetteer import Gazetteer, Resolution

__all__ = ["geocode", "online_gazetteer"]


def geocode(name: str, *, context: str | None = None, country_codes: list[str] | None = None,
            gazetteer: Gazetteer | None = None) -> Resolution:
    """Resolve one place name with optional context text and country filter."""
    gaz = gazetteer or Gazetteer.default()
    return gaz.resolve(name, context or None, country_codes=country_codes)


def online_gazetteer(*, user_agent: str, url: str = "https://nominatim.openstreetmap.org",
                     timeout: float = 5.0, base: Gazetteer | None = None) -> Gazetteer:
    """The offline gazetteer ``base`` (default: the default one) with the opt-in Nominatim fallback attached.

    ``url`` is ``scheme://host[:port]`` of the Nominatim server (a bare host means https);
    ``ValueError`` in one line when it is not (:func:`gazetteer.online.check_server_url`).
    """
    from urllib.parse import urlsplit

    from gazetteer.online import OnlineGeocoder, check_server_url

    parts = urlsplit(check_server_url(url))
    online = OnlineGeocoder(user_agent=user_agent, domain=parts.netloc, scheme=parts.scheme or "https",
                            timeout=timeout)
    base = base or Gazetteer.default()
    return Gazetteer(base.index, theatre=base.theatre, online=online)
