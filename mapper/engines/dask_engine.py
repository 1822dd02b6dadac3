"""The Dask engine: partitions of the input files read and extracted on ``dask.distributed`` workers.

It cuts the input *files* (folders expanded, in the local engine's order) into
partitions and runs reading, geoparsing and extraction on the workers of a
cluster: a ``LocalCluster`` of one single-threaded process per core unless a
scheduler address is given. The client re-applies the document-id rule in input
order (ids repeated by different inputs get ``~2``, ``~3``), gathers the events
in input order and merges them. Standard input is read here and sent to a
worker. Each worker opens the gazetteer index once (``Gazetteer.default()``) and
keeps it, and sets its collector as the command line does (young collections
only) while it extracts.

    >>> events = DASK.extract(["tests/data/reports"], published=None, errors=[], merge=True, progress=None,
    ...                       stdin=None, theatre=None, workers=2)          # doctest: +SKIP

With a scheduler address (``scheduler="tcp://host:8786"``) the workers read the
inputs themselves, so they must see the same files at the same paths (a shared
file system; give absolute paths), and each builds the index in its own cache
directory the first time.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from gazetteer.context import Theatre
# The dask engine reads inputs as read_documents does, one input at a time, and gives the documents
# their final ids on the client: dated, read_input, report_files and unique_id are its steps.
from mapper.ingest.documents import Document, dated, read_documents, read_input, report_files, unique_id
from mapper.model.events import Event
from mapper.exc import InputError, MapperError
from mapper.extract.extractor import extract_events
from mapper.assemble.merge import merge_events
from mapper.engines.base import Progress, gazetteer_for
from mapper._internal.gc_pause import young_collections_only

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

__all__ = ["DaskEngine", "DASK", "default_workers", "prepare_workers", "PARTITIONS_PER_THREAD"]

#: Partitions per worker thread when ``partitions`` is not given: enough to keep every
#: worker busy to the end when reports differ in length, few enough that scheduling is cheap.
PARTITIONS_PER_THREAD = 16
_MAX_BYTES: int = read_documents.__kwdefaults__["max_bytes"]


def default_workers() -> int:
    """Worker processes of a local cluster: one per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass(frozen=True)
class DaskEngine:
    """Runs on a Dask cluster: ``scheduler`` (an address), ``workers`` (of a local cluster),
    ``partitions`` and ``client`` (an open ``distributed.Client``) are its options."""

    name: str = "dask"

    def extract(self, inputs: list, *, published, errors, merge: bool, progress: Progress | None, stdin,
                theatre, scheduler: str | None = None, workers: int | None = None, partitions: int | None = None,
                client: "Client | None" = None, telegram_channel=None, **options) -> list[Event]:
        """Events of ``inputs``. Raises :class:`~mapper.exc.MapperError` when the scheduler cannot be reached."""
        with _dask_client(scheduler, workers, client) as dask_client:
            return _extract_dask(dask_client, inputs, published=published, errors=errors, merge=merge,
                                 progress=progress, stdin=stdin, partitions=partitions, theatre=theatre,
                                 telegram_channel=telegram_channel)


# --- the plan -------------------------------------------------------------------------------------

#: What reading one input gives: a document, or the error naming it (errors pickle whole).
_Found = Union[Document, InputError]


@dataclass(frozen=True)
class _Files:
    """Input files one worker task reads."""

    paths: tuple[str, ...]


@dataclass(frozen=True)
class _Read:
    """What the client read itself (standard input, an empty name, errors met walking a folder)."""

    found: tuple[_Found, ...]


def _plan(inputs: list, *, published, stdin, partitions: int, channel=None) -> list[_Files | _Read]:
    """The inputs as runs of files for the workers and items read here, in input order."""
    steps: list[_Files | _Read | str] = []
    for item in inputs:
        if str(item) in ("-", ""):
            steps.append(_Read(tuple(_dated(found, published)
                                     for found in read_input(item, stdin, _MAX_BYTES, telegram_channel=channel))))
        elif Path(item).is_dir():
            walk_errors: list[InputError] = []
            files = report_files(Path(item), walk_errors)
            if walk_errors:
                steps.append(_Read(tuple(walk_errors)))
            steps.extend(str(f) for f in files)
            if not files and not walk_errors:
                steps.append(str(item))          # the worker reports "directory with no reports"
        else:
            steps.append(str(item))
    return _partition(steps, partitions)


def _partition(steps: list, partitions: int) -> list[_Files | _Read]:
    """Consecutive files cut into about ``partitions`` runs of similar size in bytes."""
    files = [s for s in steps if isinstance(s, str)]
    sizes = {path: _size(path) for path in files}
    target = max(1, sum(sizes.values()) // max(1, partitions))
    plan: list[_Files | _Read] = []
    run: list[str] = []
    run_bytes = 0
    for step in steps:
        if isinstance(step, str):
            run.append(step)
            run_bytes += sizes[step]
            if run_bytes >= target:
                plan.append(_Files(tuple(run)))
                run, run_bytes = [], 0
            continue
        if run:
            plan.append(_Files(tuple(run)))
            run, run_bytes = [], 0
        plan.append(step)
    if run:
        plan.append(_Files(tuple(run)))
    return plan


def _size(path: str) -> int:
    try:
        return max(1, os.stat(path).st_size)
    except OSError:
        return 1                                   # the worker reports why it cannot be read


def _dated(found: Document | InputError, published) -> _Found:
    """A document with its publication date as read_documents sets it, or the error as it is."""
    if isinstance(found, InputError):
        return found
    return dated(found, published)


# --- worker tasks ---------------------------------------------------------------------------------

def prepare_workers(client: "Client", theatre: Theatre | None = None) -> dict[str, str]:
    """Open (the first time: build) the gazetteer in every worker of ``client``; worker -> index path.

    The dask engine does this before its first task, so no task pays for it.
    """
    return client.run(_prepare_worker, theatre)


def _prepare_worker(theatre: Theatre | None = None) -> str:
    """Open this worker's gazetteer and toponym automaton; they stay open for its later tasks."""
    from mapper.extract.toponyms import ToponymSpotter

    gazetteer = gazetteer_for(theatre)
    ToponymSpotter(gazetteer)
    return str(gazetteer.index.path)


def _read_files(files: _Files, published, channel=None) -> list[_Found]:
    return [_dated(found, published) for path in files.paths
            for found in read_input(path, None, _MAX_BYTES, telegram_channel=channel)]


def _given_ids(found: Sequence[_Found]) -> list[str | InputError]:
    """The document ids as the inputs give them (errors kept in place): all the client needs."""
    return [f.id if isinstance(f, Document) else f for f in found]


def _extract_found(found: Sequence[_Found], ids: list[str], theatre=None) -> list[Event]:
    docs = [f for f in found if isinstance(f, Document)]
    with young_collections_only():  # the task is this worker's entry point: it sets the collector as main() does
        return extract_events([dataclasses.replace(d, id=i) for d, i in zip(docs, ids, strict=True)],
                              merge=False, gazetteer=gazetteer_for(theatre))


# --- the client -----------------------------------------------------------------------------------

@contextmanager
def _dask_client(scheduler: str | None, workers: int | None, client: "Client | None") -> Iterator["Client"]:
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            remote = Client(scheduler)     # waits distributed.comm.timeouts.connect
        except (OSError, TimeoutError) as exc:
            raise MapperError(scheduler, f"cannot reach the Dask scheduler ({exc})") from None
        with remote:
            yield remote
        return
    from gazetteer import PlaceIndex

    PlaceIndex.open_default().close()              # build the index once here, not in every worker
    cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
    with cluster, Client(cluster) as local:
        yield local


def _extract_dask(client: "Client", inputs: list, *, published, errors, merge: bool,
                  progress: Progress | None, stdin, partitions: int | None, theatre=None,
                  telegram_channel=None) -> list[Event]:
    from distributed import Future

    if theatre is not None:
        gazetteer_for(theatre)      # import its files here once, not in every worker at the same time
    prepare_workers(client, theatre)
    threads = sum(client.nthreads().values()) or 1
    plan = _plan(inputs, published=published, stdin=stdin, channel=telegram_channel,
                 partitions=partitions or PARTITIONS_PER_THREAD * threads)
    # 1. Workers read their files and keep the documents; the client fetches only the ids.
    found = [client.submit(_read_files, step, published, telegram_channel, pure=False) if isinstance(step, _Files)
             else list(step.found) for step in plan]
    given = [client.submit(_given_ids, part, pure=False) if isinstance(part, Future) else _given_ids(part)
             for part in found]
    # 2. In input order: final ids (read_documents' rule), errors, and each partition's extraction
    #    submitted as soon as its ids are known (it runs where its documents are).
    seen: dict[str, int] = {}
    extracted: list[Future] = []
    sizes: list[int] = []
    for part, ids_given in zip(found, given):
        ids = []
        for item in ids_given.result() if isinstance(ids_given, Future) else ids_given:
            if isinstance(item, str):
                ids.append(unique_id(item, seen))
            elif errors is None:
                client.cancel([f for f in found if isinstance(f, Future)] + extracted)
                raise item
            else:
                errors.append(item)
        if ids:
            extracted.append(client.submit(_extract_found, part, ids, theatre, pure=False))
            sizes.append(len(ids))
    del found, given                              # the workers keep documents only until extracted
    events = [event for events_of_part in _gather_as_completed(extracted, sizes, progress)
              for event in events_of_part]
    return merge_events(events) if merge else events


def _gather_as_completed(futures: list, sizes: list[int], progress: Progress | None) -> list[list[Event]]:
    """Each partition's events, in partition order, fetched as soon as it is done (so the client
    unpacks results while the workers still extract, instead of all at the end). Each future is
    dropped from ``futures`` once fetched, so the workers can forget it."""
    from distributed import as_completed

    position = {future.key: n for n, future in enumerate(futures)}
    results: list[list[Event]] = [[] for _ in futures]
    total, done = sum(sizes), 0
    if progress and not futures:
        progress(0, 0)
    for future, events in as_completed(futures, with_results=True):
        n = position[future.key]
        results[n] = events
        futures[n] = None                         # the worker may forget it now
        done += sizes[n]
        if progress:
            progress(done, total)
    return results


#: The Dask engine.
DASK = DaskEngine()
