"""Conflict-event mapper: reports in, mapped casualty events out.

``mapper`` builds on the offline :mod:`gazetteer` (never the reverse). The
command line (``conflictmap``) is a thin layer over these functions, which a
notebook can call directly::

    >>> from mapper.geocoding import geocode
    >>> geocode("Pliekhovo").place.label      # doctest: +SKIP
    'Plyokhovo, Kursk Oblast, RU'
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
