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
from gazetteer.context import Context
from gazetteer.theatre import Claimant, MapView, Side, Theatre
from gazetteer.theatres import default_theatre, find_theatre, load_theatre
from gazetteer.index import PlaceIndex
from gazetteer.loaders import LoadReport
from gazetteer.normalize import fold, name_key
from gazetteer.place import Place, haversine_km
from gazetteer.resolver import Candidate, Gazetteer, Resolution

__all__ = [
    "KURSK_BORDER_THEATRE",
    "Candidate",
    "ConflictMapError",
    "Context",
    "Gazetteer",
    "LoadReport",
    "PlaceIndex",
    "Resolution",
    "Theatre",
    "Side",
    "Claimant",
    "MapView",
    "default_theatre",
    "find_theatre",
    "load_theatre",
    "fold",
    "name_key",
    "DataFileError",
    "DumpFormatError",
    "GazetteerError",
    "OnlineGeocoderError",
    "Place",
    "QueryError",
    "haversine_km",
]


def __getattr__(name: str):
    """``KURSK_BORDER_THEATRE`` (the default theatre) is read when first asked for."""
    if name == "KURSK_BORDER_THEATRE":
        return default_theatre()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
