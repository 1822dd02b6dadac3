"""The event store: one GeoPackage that accumulates events across runs, shared safely by processes.

Each :meth:`EventStore.add` is one SQLite transaction opened with ``BEGIN
IMMEDIATE``: it takes the database's write lock first, then reads what is
stored, merges, and writes. A second writer waits for the lock (up to
``timeout`` seconds) and then sees the first one's events, so two processes
adding at once never lose or double an event. Readers (QGIS, ``ogrinfo``,
``conflictmap map store.gpkg``) always see a complete state::

    >>> store = EventStore("events_store.gpkg", index=None)   # doctest: +SKIP
    >>> store.add(events)                                     # doctest: +SKIP
    StoreUpdate(received=2, already_stored=0, added=2, merged=0, total=2)

Rules, the same as ``extract``'s (:func:`mapper.assemble.merge.merge_events`):

* an event whose ``event_id`` is stored, or whose every source (document and
  quote) is already recorded on a stored event, is already there: skipped;
* otherwise stored and new events are merged, so a new report of a stored event
  joins it: every source kept (without repeats), figures the most conservative;
* events that changed are rewritten, the others are left untouched.

The file is the GeoPackage of :mod:`mapper.render.export.gpkg` (same layers, created
by GDAL), so everything that reads an exported GeoPackage reads the store.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from mapper.model.events import Event, Source
from mapper.exc import InputError, OutputError
from mapper.render.export.gpkg import write_layers
from mapper.render.export.gpkg_read import is_geopackage
from mapper.render.export.gpkg_rows import insert_layer, refresh_contents, register_gpkg_functions
from mapper.render.export.rebuild import read_events_sqlite
from mapper.render.export.tables import event_tables, places_layer
from mapper.assemble.merge import merge_events

__all__ = ["EventStore", "StoreUpdate", "add_to_store", "DEFAULT_TIMEOUT"]

#: Seconds a writer waits for another one to finish.
DEFAULT_TIMEOUT = 600.0
_LAYERS = ("events", "event_locations", "places", "sources")


@dataclass(frozen=True)
class StoreUpdate:
    """What one :meth:`EventStore.add` did."""

    received: int
    already_stored: int
    added: int
    merged: int
    total: int


def _source_key(src: Source) -> tuple:
    return (src.doc_id, src.quote)


def _unique_sources(ev: Event) -> Event:
    seen: dict[str, Source] = {}
    for src in ev.sources:
        seen.setdefault(json.dumps(src.to_dict(), sort_keys=True, ensure_ascii=False, default=str), src)
    return ev if len(seen) == len(ev.sources) else replace(ev, sources=tuple(seen.values()))


class EventStore:
    """A GeoPackage of events that grows across runs. ``index``: the gazetteer for the ``places``
    layer (default: the user's index; ``None``: places as the events recorded them)."""

    def __init__(self, path: str | Path, *, timeout: float = DEFAULT_TIMEOUT, index=...):
        self.path = Path(path)
        self.timeout = timeout
        self.index = index

    # -- opening -------------------------------------------------------------
    def _create(self) -> None:
        """Create the empty store; when another process creates it first, theirs is kept."""
        if self.path.exists():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".gpkg", dir=self.path.parent)
        except OSError as exc:
            raise OutputError(self.path, f"cannot create the store here ({exc.strerror})") from None
        os.close(fd)
        tmp_path = Path(tmp)
        try:
            tmp_path.unlink()
            write_layers(event_tables([], index=None), tmp_path)
            conn = sqlite3.connect(tmp_path)
            try:
                with conn:
                    conn.execute('CREATE INDEX IF NOT EXISTS "events_event_id" ON "events" ("event_id")')
                    conn.execute('CREATE INDEX IF NOT EXISTS "event_locations_event_id" ON "event_locations" '
                                 '("event_id")')
                    conn.execute('CREATE INDEX IF NOT EXISTS "sources_event_id" ON "sources" ("event_id")')
            finally:
                conn.close()
            try:
                os.link(tmp_path, self.path)  # atomic, and never replaces a store made meanwhile
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links: rename, unless a store appeared meanwhile
                if not self.path.exists():
                    os.replace(tmp_path, self.path)
        except OutputError:
            raise
        except Exception as exc:
            raise OutputError(self.path, f"cannot create the store ({str(exc).splitlines()[0][:160]})") from None
        finally:
            tmp_path.unlink(missing_ok=True)

    def _connect(self, *, write: bool) -> sqlite3.Connection:
        if not self.path.is_file():
            raise InputError(self.path, "no such event store")
        if not is_geopackage(self.path):
            raise InputError(self.path, "not a GeoPackage (no SQLite header)")
        mode = "rw" if write else "ro"
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode={mode}", uri=True, timeout=self.timeout,
                               isolation_level=None)
        register_gpkg_functions(conn)
        return conn

    # -- reading -------------------------------------------------------------
    def events(self) -> list[Event]:
        """Every stored event, in the order it was stored."""
        conn = self._connect(write=False)
        try:
            return self._read(conn)
        finally:
            conn.close()

    def _read(self, conn: sqlite3.Connection) -> list[Event]:
        try:
            return read_events_sqlite(conn)
        except LookupError as exc:
            raise InputError(self.path, f"not an event store: {exc.args[0]}") from None

    # -- writing -------------------------------------------------------------
    def add(self, events: Iterable[Event]) -> StoreUpdate:
        """Add events in one transaction (see the module docstring for the rules)."""
        incoming = list(events)
        self._create()
        index = self._index()  # opened (or built) before the lock is taken, not while holding it
        conn = self._connect(write=True)
        try:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise OutputError(self.path, f"store is busy or locked ({exc})") from None
            try:
                update = self._add(conn, incoming, index)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise OutputError(self.path, f"cannot update the store ({str(exc).splitlines()[0][:160]})") from None
        finally:
            conn.close()
        return update

    def _index(self):
        if self.index is not ...:
            return self.index
        from gazetteer import PlaceIndex

        return PlaceIndex.open_default()

    def _add(self, conn: sqlite3.Connection, incoming: list[Event], index) -> StoreUpdate:
        stored = self._read(conn)
        known_ids = {ev.event_id for ev in stored}
        recorded = {_source_key(s) for ev in stored for s in ev.sources}
        fresh: list[Event] = []
        for ev in incoming:
            if ev.event_id in known_ids or (ev.sources and all(_source_key(s) in recorded for s in ev.sources)):
                continue
            known_ids.add(ev.event_id)
            fresh.append(ev)
        if not fresh:
            return StoreUpdate(len(incoming), len(incoming), 0, 0, len(stored))
        result = [_unique_sources(ev) for ev in merge_events(stored + fresh)]
        before = {ev.event_id: ev for ev in stored}
        changed = [ev for ev in result if before.get(ev.event_id) != ev]
        remaining = {ev.event_id for ev in result}
        gone = [eid for eid in before if eid not in remaining]            # folded into another event
        gone += [ev.event_id for ev in changed if ev.event_id in before]  # rewritten with new content
        self._delete(conn, gone)
        tables = event_tables(changed, index=None)
        for layer in (tables.events, tables.event_locations, tables.sources):
            insert_layer(conn, layer)
        conn.execute('DELETE FROM "places"')
        insert_layer(conn, places_layer(result, index=index))
        refresh_contents(conn, _LAYERS)
        added, merged = _tally(fresh, result)
        return StoreUpdate(len(incoming), len(incoming) - len(fresh), added, merged, len(result))

    @staticmethod
    def _delete(conn: sqlite3.Connection, event_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(event_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for table in ("events", "event_locations", "sources"):
                conn.execute(f'DELETE FROM "{table}" WHERE "event_id" IN ({marks})', chunk)


def _tally(fresh: list[Event], result: list[Event]) -> tuple[int, int]:
    """``(added, merged)``: new events stored as they came, and new events folded into another."""
    by_id = {ev.event_id: ev for ev in result}
    added = sum(1 for ev in fresh if by_id.get(ev.event_id) is not None
                and by_id[ev.event_id].sources == _unique_sources(ev).sources)
    return added, len(fresh) - added


def add_to_store(path: str | Path, events: Iterable[Event], *, timeout: float = DEFAULT_TIMEOUT,
                 index=...) -> StoreUpdate:
    """Add ``events`` to the store at ``path`` (created when missing); see :class:`EventStore`."""
    return EventStore(path, timeout=timeout, index=index).add(events)
