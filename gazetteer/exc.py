"""Errors raised by the gazetteer, and the root of the project's error hierarchy.

Every error a user can cause carries the file (or query) it concerns and a short
reason, so a command line can print it as one line with no traceback::

    >>> err = DumpFormatError("RU.txt", "not a GeoNames dump: 3 columns, expected 19")
    >>> str(err)
    'RU.txt: not a GeoNames dump: 3 columns, expected 19'

``mapper`` derives its own errors from :class:`ConflictMapError` too, so callers
catch one class for everything the tool reports.
"""

from __future__ import annotations

__all__ = [
    "ConflictMapError",
    "GazetteerError",
    "DataFileError",
    "DumpFormatError",
    "IndexError_",
    "QueryError",
    "OnlineGeocoderError",
]


class ConflictMapError(Exception):
    """Base class of every error the tool reports to its user.

    :param source: the file, query or URL the error concerns (may be empty).
    :param reason: one line saying what is wrong.
    """

    def __init__(self, source: str | object, reason: str):
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}" if self.source else reason)

    def __reduce__(self):
        """Pickled as its class, source and reason (a worker process can send it whole).

        >>> import pickle
        >>> pickle.loads(pickle.dumps(QueryError("", "empty query"))).reason
        'empty query'
        """
        return type(self), (self.source, self.reason), self.__dict__


class GazetteerError(ConflictMapError):
    """Something went wrong in the offline gazetteer."""


class DataFileError(GazetteerError):
    """A data file cannot be read at all (missing, unreadable, wrong kind)."""


class DumpFormatError(DataFileError):
    """A file is not in the format its loader expects (e.g. not a GeoNames dump)."""


class IndexError_(GazetteerError):
    """The persistent index cannot be built or opened."""


class QueryError(GazetteerError):
    """A geocoding query is unusable (empty, only punctuation, too long)."""


class OnlineGeocoderError(GazetteerError):
    """The opt-in online geocoder failed (network, rate limit, bad answer)."""
