"""Where the work runs: reports in, merged events out, on this process or over a Dask cluster.

:func:`extract_inputs` is what ``conflictmap run`` calls. It looks the engine up
in :data:`ENGINES`: ``"local"`` (:mod:`mapper.engines.local`), ``"dask"``
(:mod:`mapper.engines.dask_engine`), or one an installed package registers in
the entry-point group ``conflictmap.engines``. Both built-in engines give the
same events, in the same order, with the same ids:

    >>> list(ENGINES.builtin)
    ['local', 'dask']
    >>> errors = []
    >>> events = extract_inputs(["tests/data/reports"], engine="dask", workers=2,
    ...                         errors=errors)                      # doctest: +SKIP
    >>> events == extract_inputs(["tests/data/reports"])            # doctest: +SKIP
    True
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from gazetteer.context import Theatre
from gazetteer.registry import Registry
from mapper.engines.base import Engine, Progress, gazetteer_for
from mapper.engines.dask_engine import DASK, default_workers, prepare_workers
from mapper.engines.local import LOCAL
from mapper.exc import InputError
from mapper.ingest.telegram_export import Channels
from mapper.model.events import Event

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

__all__ = ["ENGINES", "Engine", "Progress", "extract_inputs", "default_workers", "prepare_workers", "gazetteer_for"]


def _is_engine(item: object) -> bool:
    return isinstance(item, Engine)


#: Engines by name (the CLI's ``--engine`` choices): the built-ins, then those of ``conflictmap.engines``.
ENGINES: Registry[Engine] = Registry("conflictmap.engines", "engine", check=_is_engine)
ENGINES.register(LOCAL.name, LOCAL)
ENGINES.register(DASK.name, DASK)


def extract_inputs(inputs: Iterable[str | Path], *, engine: str = "local", scheduler: str | None = None,
                   workers: int | None = None, published: datetime.date | None = None,
                   errors: list[InputError] | None = None, merge: bool = True,
                   progress: Progress | None = None, stdin: BinaryIO | None = None,
                   partitions: int | None = None, client: "Client | None" = None,
                   theatre: Theatre | None = None, telegram_channel: Channels = None) -> list[Event]:
    """Events of report files, folders and ``-`` (stdin), merged unless ``merge=False``.

    :param engine: a name of :data:`ENGINES`: ``"local"`` (this process) or ``"dask"`` (partitions on Dask workers).
    :param scheduler: address of a running Dask scheduler (``tcp://host:8786``); without
        it the dask engine starts a ``LocalCluster`` for the call and closes it after.
    :param workers: worker processes of that local cluster (default: one per core; unused
        with a scheduler or a client).
    :param published: publication date for every report (the CLI's ``--published``).
    :param errors: unreadable inputs are appended here as :class:`~mapper.exc.InputError`,
        in input order, and the others go on; with ``None`` the first one is raised.
    :param progress: called with ``(documents done, documents total)``.
    :param stdin: where ``-`` reads from (default ``sys.stdin.buffer``).
    :param partitions: how many partitions the dask engine cuts the files into
        (default: 16 per worker thread, at most one per file).
    :param client: an open ``distributed.Client`` to use instead of ``scheduler`` / ``workers``.
    :param theatre: the theatre of operations the gazetteer ranks by (default: the built-in one);
        its gazetteer files are imported into the index first.
    :param telegram_channel: the public username of Telegram exports' channels, for their ``t.me`` links
        (:func:`~mapper.ingest.telegram_export.channel_option`).
    :raises MapperError: the scheduler cannot be reached.
    :raises ValueError: no engine of that name.
    """
    try:
        runner = ENGINES[engine]
    except KeyError:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}") from None
    return runner.extract(list(inputs), published=published, errors=errors, merge=merge, progress=progress,
                          stdin=stdin, theatre=theatre, scheduler=scheduler, workers=workers, partitions=partitions,
                          client=client, telegram_channel=telegram_channel)
