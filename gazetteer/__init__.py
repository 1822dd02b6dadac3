"""Offline gazetteer for the conflict-event mapper.

Load sourced place data, normalise names across scripts and spellings, keep a
persistent index and resolve names with context::

    >>> from gazetteer import Gazetteer
    >>> gaz = Gazetteer.default()                     # doctest: +SKIP
    >>> gaz.resolve("Pliekhovo").place.label          # doctest: +SKIP
    'Plyokhovo, Kursk Oblast, RU'

This package never imports ``mapper``.
"""

from gazetteer.exc import (
    ConflictMapError,
    DataFileError,
    DumpFormatError,
    GazetteerError,
    OnlineGeocoderError,
    QueryError,
)
from gazetteer.place import Place, haversine_km

__all__ = [
    "ConflictMapError",
    "DataFileError",
    "DumpFormatError",
    "GazetteerError",
    "OnlineGeocoderError",
    "Place",
    "QueryError",
    "haversine_km",
]
