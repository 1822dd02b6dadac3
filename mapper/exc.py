"""Errors of the mapper, all :class:`~gazetteer.exc.ConflictMapError` subclasses.

Each carries the file (or input) it concerns and a one-line reason::

    >>> str(InputError("report.txt", "empty file"))
    'report.txt: empty file'
"""

from __future__ import annotations

from gazetteer.exc import ConflictMapError

__all__ = ["ConflictMapError", "MapperError", "InputError", "OutputError"]


class MapperError(ConflictMapError):
    """Something went wrong turning reports into events or outputs."""


class InputError(MapperError):
    """An input (report file, events file, stdin) cannot be read; other inputs go on."""


class OutputError(MapperError):
    """An output file cannot be written; earlier outputs are left as they were."""
