"""Geocode place names from Python: the API behind ``conflictmap geocode``.

    >>> r = geocode("Vorozhba", context="a strike on Vorozhba in Sumy Oblast")   # doctest: +SKIP
    >>> (r.place.latitude, r.place.longitude)                                     # doctest: +SKIP
    (51.17139, 34.22806)
"""

from __future__ import annotations

from gazetteer import Gazetteer, Resolution

__all__ = ["geocode"]


def geocode(name: str, *, context: str | None = None, country_codes: list[str] | None = None,
            gazetteer: Gazetteer | None = None) -> Resolution:
    """Resolve one place name with optional context text and country filter."""
    gaz = gazetteer or Gazetteer.default()
    return gaz.resolve(name, context or None, country_codes=country_codes)
