"""What every engine shares: the :class:`Engine` protocol, the progress callback, the gazetteer of a theatre.

An engine turns report inputs (files, folders, ``-``) into events. Both built-in
engines (:mod:`mapper.engines.local`, :mod:`mapper.engines.dask_engine`) give the
same events, in the same order, with the same ids; another package adds one with
an entry point in the group ``conflictmap.engines`` (see ``docs/EXTENDING.md``)::

    >>> from mapper.engines.local import LOCAL
    >>> isinstance(LOCAL, Engine), LOCAL.name
    (True, 'local')
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import lru_cache
from typing import BinaryIO, Protocol, runtime_checkable

from gazetteer.context import Theatre
from mapper.exc import InputError
from mapper.model.events import Event

__all__ = ["Engine", "Progress", "gazetteer_for"]

#: ``progress(documents_done, documents_total)``, called as documents are extracted.
Progress = Callable[[int, int], None]


@runtime_checkable
class Engine(Protocol):
    """Where extraction runs. ``extract`` reads the inputs and returns their events (merged unless
    ``merge=False``); unreadable inputs go to ``errors`` (or the first is raised when it is ``None``).
    ``options`` are the engine's own (``scheduler``, ``workers``, ``partitions``, ``client`` for Dask);
    an engine ignores those it does not know."""

    name: str

    def extract(self, inputs: list, *, published: datetime.date | None, errors: list[InputError] | None,
                merge: bool, progress: Progress | None, stdin: BinaryIO | None, theatre: Theatre | None,
                **options) -> list[Event]:
        ...  # pragma: no cover


def gazetteer_for(theatre: Theatre | None):
    """The gazetteer of a theatre (default: ``Gazetteer.default()``), one per process and theatre."""
    from gazetteer import Gazetteer

    if theatre is None:
        return Gazetteer.default()
    return _theatre_gazetteer(theatre)


@lru_cache(maxsize=4)
def _theatre_gazetteer(theatre: Theatre):
    from gazetteer import Gazetteer
    from gazetteer.theatres import import_theatre_files

    base = Gazetteer.default()
    import_theatre_files(base.index, theatre)
    return Gazetteer(base.index, theatre=theatre)
