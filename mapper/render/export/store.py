"""The event store: one GeoPackage that accumulates events across runs, shared safely by processes.

Each :meth:`EventStore.add` is one SQLite transaction opened with ``BEGIN
IMMEDIATE``: it takes the database's write lock first, then reads what it needs,
merges, and writes. A second writer waits for the lock (up to ``timeout``
seconds) and then sees the first one's events, so two processes adding at once
never lose or double an event. Readers (QGIS, ``ogrinfo``, ``conflictmap map
store.gpkg``) always see a complete state::

    >>> store = EventStore("events_store.gpkg", index=None)   # doctest: +SKIP
    >>> store.add(events)                                     # doctest: +SKIP
    StoreUpdate(received=2, already_stored=0, added=2, merged=0, total=2)

Rules, the same as ``extract``'s (:func:`mapper.assemble.merge.merge_events`):

* an event whose ``event_id`` is stored, or whose every source (document and
  quote) is already recorded on a stored event, is already there: skipped;
* otherwise stored and new events are merged, so a new report of a stored event
  joins it: every source kept (without repeats), figures the most conservative;
* events that changed are rewritten, the others are left untouched.

The store gives what ``merge_events(stored + new)`` gives, without reading the stored events: the
ones a new event may merge with are looked up by index (:mod:`mapper.render.export.store_keys`:
figure, week and grid cell, as the merge files them), read, and merged with the new ones; only
changed rows are rewritten, and the ``places`` counts and ``gpkg_contents`` extents are brought up
to date from those rows. Adding N events costs in proportion to N and their partners, not to
the size of the store. A new store is written in one go by GDAL (as ``export`` writes a GeoPackage).

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
from mapper.render.export.files import fsync_file
from mapper.render.export.gpkg import write_layers
from mapper.render.export.gpkg_read import is_geopackage
from mapper.render.export.gpkg_rows import extend_contents, insert_layer, layer_bounds, register_gpkg_functions
from mapper.render.export.rebuild import read_events_by_fid, read_events_sqlite
from mapper.render.export.store_keys import (DIRTY_KEY, KEY_TABLE, KEYED_KEY, SCHEME_KEY, EventKeys, chunks, delete_keys,
                                             ensure_key_table, fids_under, has_current_keys, insert_keys,
                                             source_key)
from mapper.render.export.tables import event_tables
from mapper.render.export.store_places import update_places
from mapper.assemble.merge import merge_events, same_event

__all__ = ["EventStore", "StoreUpdate", "add_to_store", "DEFAULT_TIMEOUT"]

#: Seconds a writer waits for another one to finish.
DEFAULT_TIMEOUT = 600.0
_LAYERS = ("events", "event_locations", "places", "sources")
#: Indexes the store reads by (GDAL makes none but the R-trees); added to stores that lack them.
_INDEXES = (("events_event_id", "events", "event_id"), ("event_locations_event_id", "event_locations", "event_id"),
            ("sources_event_id", "sources", "event_id"), ("places_gazetteer_id", "places", "gazetteer_id"))


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
    def _create(self, events: Sequence[Event] = (), index=None) -> StoreUpdate | None:
        """Create the store holding ``events`` (merged as :meth:`add` would), written in one go by GDAL.
        Returns what was stored, or None when the store already existed (another process made it first)."""
        if self.path.exists():
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".gpkg", dir=self.path.parent)
        except OSError as exc:
            raise OutputError(self.path, f"cannot create the store here ({exc.strerror})") from None
        os.close(fd)
        tmp_path = Path(tmp)
        try:
            tmp_path.unlink()
            first: dict[str, Event] = {}
            for ev in events:
                first.setdefault(ev.event_id, ev)
            fresh = list(first.values())
            result = [_unique_sources(ev) for ev in merge_events(fresh)]
            write_layers(event_tables(result, index=index), tmp_path)
            conn = sqlite3.connect(tmp_path, isolation_level=None)
            register_gpkg_functions(conn)
            try:  # a file under a temporary name: no journal, one sync (below) before it is linked into place
                for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -262144"):
                    conn.execute(f"PRAGMA {pragma}")
                conn.execute("BEGIN")
                self._prepare(conn, build=False)
                fids = [fid for (fid,) in conn.execute("SELECT fid FROM events ORDER BY fid")]
                written = list(zip(fids, result))
                insert_keys(conn, _sorted_keys(written))
                self._mark_dirty(conn, written, _combined(written, fresh))
                _mark_keyed(conn)
                conn.execute("COMMIT")
            finally:
                conn.close()
            fsync_file(tmp_path)
            try:
                os.link(tmp_path, self.path)  # atomic, and never replaces a store made meanwhile
            except FileExistsError:
                return None
            except OSError:  # a file system without hard links: rename, unless a store appeared meanwhile
                if self.path.exists():
                    return None
                os.replace(tmp_path, self.path)
        except OutputError:
            raise
        except Exception as exc:
            raise OutputError(self.path, f"cannot create the store ({str(exc).splitlines()[0][:160]})") from None
        finally:
            tmp_path.unlink(missing_ok=True)
        added, merged = _tally(fresh, result)
        return StoreUpdate(len(events), len(events) - len(fresh), added, merged, len(result))

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

    def _read_fids(self, conn: sqlite3.Connection, fids: Iterable[int]) -> list[tuple[int, Event]]:
        try:
            return read_events_by_fid(conn, fids)
        except LookupError as exc:
            raise InputError(self.path, f"not an event store: {exc.args[0]}") from None

    # -- writing -------------------------------------------------------------
    def add(self, events: Iterable[Event]) -> StoreUpdate:
        """Add events in one transaction (see the module docstring for the rules)."""
        incoming = list(events)
        index = self._index()  # opened (or built) before the lock is taken, not while holding it
        created = self._create(incoming, index)
        if created is not None:
            return created
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

    def _prepare(self, conn: sqlite3.Connection, *, build: bool = True) -> None:
        """Indexes and lookup keys, added to a store written without them (an earlier version's): its
        keys are built from every event, and every event is due for a merge (as that version did).
        ``build=False``: the keys are left to the caller."""
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for name, table, column in _INDEXES:
            if table in tables:
                conn.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}")')
        if not ensure_key_table(conn) and has_current_keys(conn):
            self._key_rows_of_others(conn)
            return
        if not build:
            insert_keys(conn, [(SCHEME_KEY, 0)])
            return
        conn.execute(f'DELETE FROM "{KEY_TABLE}"')
        stored = self._read(conn)
        fids = [fid for (fid,) in conn.execute("SELECT fid FROM events ORDER BY fid")]
        insert_keys(conn, ((k, fid) for fid, ev in zip(fids, stored) for k in (*EventKeys.of(ev).stored, DIRTY_KEY)))
        insert_keys(conn, [(SCHEME_KEY, 0)])
        _mark_keyed(conn)

    def _key_rows_of_others(self, conn: sqlite3.Connection) -> None:
        """Events another program appended since the last update (QGIS, ``ogr2ogr -append``): keyed, and
        due for a merge. (fids only grow: GDAL makes the fid column AUTOINCREMENT.)"""
        keyed = conn.execute(f'SELECT max(fid) FROM "{KEY_TABLE}" WHERE key = ?', (KEYED_KEY,)).fetchone()[0] or 0
        newer = [fid for (fid,) in conn.execute('SELECT fid FROM "events" WHERE fid > ?', (keyed,))]
        if newer:
            insert_keys(conn, ((k, fid) for fid, ev in self._read_fids(conn, newer)
                               for k in (*EventKeys.of(ev).stored, DIRTY_KEY)))
            _mark_keyed(conn)

    def _add(self, conn: sqlite3.Connection, incoming: list[Event], index) -> StoreUpdate:
        self._prepare(conn)
        fresh = self._not_stored(conn, incoming)
        if not fresh:
            return StoreUpdate(len(incoming), len(incoming), 0, 0, _count(conn))
        dirty = fids_under(conn, [DIRTY_KEY]).get(DIRTY_KEY, set())
        seeds = self._read_fids(conn, dirty)
        probes = {k for ev in fresh for k in EventKeys.of(ev).lookup}
        probes.update(k for _, ev in seeds for k in EventKeys.of(ev).lookup)
        partners = set().union(dirty, *fids_under(conn, probes).values())
        stored = self._read_fids(conn, partners - dirty) + seeds
        stored.sort(key=lambda pair: pair[0])
        result = [_unique_sources(ev) for ev in merge_events([ev for _, ev in stored] + fresh)]
        before = {ev.event_id: (fid, ev) for fid, ev in stored}
        changed = [ev for ev in result if ev.event_id not in before or before[ev.event_id][1] != ev]
        remaining = {ev.event_id for ev in result}
        gone = [eid for eid in before if eid not in remaining]            # folded into another event
        gone += [ev.event_id for ev in changed if ev.event_id in before]  # rewritten with new content
        removed = [before[eid] for eid in dict.fromkeys(gone)]
        self._delete(conn, [eid for eid in dict.fromkeys(gone)])
        delete_keys(conn, ((k, fid) for fid, ev in removed for k in EventKeys.of(ev).stored))
        conn.execute(f'DELETE FROM "{KEY_TABLE}" WHERE key = ?', (DIRTY_KEY,))
        tables = event_tables(changed, index=None)
        for layer in (tables.events, tables.event_locations, tables.sources):
            insert_layer(conn, layer)
            extend_contents(conn, layer.name, layer_bounds(layer))
        written = self._fids_of(conn, changed)
        insert_keys(conn, ((k, fid) for fid, ev in written for k in EventKeys.of(ev).stored))
        update_places(conn, [ev for _, ev in removed], changed, index)
        self._mark_dirty(conn, written, _combined(written, fresh))
        _mark_keyed(conn)
        added, merged = _tally(fresh, result)
        return StoreUpdate(len(incoming), len(incoming) - len(fresh), added, merged, _count(conn))

    def _not_stored(self, conn: sqlite3.Connection, incoming: list[Event]) -> list[Event]:
        """The events of ``incoming`` not already stored (by id, or every source recorded), first of each id."""
        ids = list(dict.fromkeys(ev.event_id for ev in incoming))
        known_ids: set[str] = set()
        for chunk in chunks(ids):
            marks = ", ".join("?" * len(chunk))
            known_ids.update(r[0] for r in conn.execute(f'SELECT event_id FROM "events" WHERE event_id IN ({marks})',
                                                        list(chunk)))
        keys = {source_key(*_source_key(s)) for ev in incoming for s in ev.sources}
        holders = set().union(*fids_under(conn, keys).values()) if keys else set()
        recorded: set[tuple] = set()
        for chunk in chunks(sorted(holders)):
            marks = ", ".join("?" * len(chunk))
            recorded.update(conn.execute(
                'SELECT s."doc_id", s."quote" FROM "sources" s JOIN "events" e ON s."event_id" = e."event_id" '
                f"WHERE e.fid IN ({marks})", list(chunk)))
        fresh: list[Event] = []
        for ev in incoming:
            if ev.event_id in known_ids or (ev.sources and all(_source_key(s) in recorded for s in ev.sources)):
                continue
            known_ids.add(ev.event_id)
            fresh.append(ev)
        return fresh

    @staticmethod
    def _fids_of(conn: sqlite3.Connection, events: list[Event]) -> list[tuple[int, Event]]:
        """``(fid, event)`` of events just written (in the order given)."""
        fid_of: dict[str, int] = {}
        for chunk in chunks([ev.event_id for ev in events]):
            marks = ", ".join("?" * len(chunk))
            fid_of.update((eid, fid) for fid, eid in conn.execute(
                f'SELECT fid, event_id FROM "events" WHERE event_id IN ({marks})', list(chunk)))
        return [(fid_of[ev.event_id], ev) for ev in events]

    def _mark_dirty(self, conn: sqlite3.Connection, written: list[tuple[int, Event]],
                    combined: list[tuple[int, Event]]) -> None:
        """Mark for the next update the stored events a merged event written now would merge with: the
        next ``merge_events(stored + new)`` joins them (``merge_events`` compares the events it is
        given, not what their merge became). Each side of such a pair becomes a merge seed."""
        if not combined:
            return
        in_memory = dict(written)
        partners: dict[int, set[int]] = {}
        for fid, ev in combined:
            found = set().union(*fids_under(conn, EventKeys.of(ev).lookup).values()) - {fid}
            partners[fid] = found
        unread = set().union(*partners.values()) - in_memory.keys()
        in_memory.update(self._read_fids(conn, unread))
        marked: set[int] = set()
        for fid, ev in combined:
            for other in partners[fid]:
                if other in in_memory and same_event(in_memory[other], ev):
                    marked.update((fid, other))
        insert_keys(conn, ((DIRTY_KEY, fid) for fid in sorted(marked)))

    @staticmethod
    def _delete(conn: sqlite3.Connection, event_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(event_ids))
        for chunk in chunks(ids, 500):
            marks = ", ".join("?" * len(chunk))
            for table in ("events", "event_locations", "sources"):
                conn.execute(f'DELETE FROM "{table}" WHERE "event_id" IN ({marks})', list(chunk))


def _sorted_keys(written: list[tuple[int, Event]]) -> Iterable[tuple[int, int]]:
    """``(key, fid)`` of every written event, in key order (a B-tree fills fastest in order)."""
    import numpy as np

    keys, fids = [], []
    for fid, ev in written:
        stored = EventKeys.of(ev).stored
        keys.extend(stored)
        fids.extend([fid] * len(stored))
    keys_array, fids_array = np.array(keys, dtype=np.int64), np.array(fids, dtype=np.int64)
    del keys, fids
    order = np.lexsort((fids_array, keys_array))
    return zip(keys_array[order].tolist(), fids_array[order].tolist())


def _mark_keyed(conn: sqlite3.Connection) -> None:
    """Record the last ``events`` fid that has its keys."""
    conn.execute(f'DELETE FROM "{KEY_TABLE}" WHERE key = ?', (KEYED_KEY,))
    last = conn.execute('SELECT max(fid) FROM "events"').fetchone()[0] or 0
    insert_keys(conn, [(KEYED_KEY, last)])


def _combined(written: list[tuple[int, Event]], fresh: list[Event]) -> list[tuple[int, Event]]:
    """The written events that are merges (not a new event stored as it came)."""
    as_came = {ev.event_id: _unique_sources(ev) for ev in fresh}
    return [(fid, ev) for fid, ev in written if as_came.get(ev.event_id) != ev]


def _count(conn: sqlite3.Connection) -> int:
    """Events stored: GDAL's feature count (kept by its triggers), else counted."""
    try:
        row = conn.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE lower(table_name) = 'events'").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is not None and row[0] is not None:
        return int(row[0])
    return conn.execute('SELECT count(*) FROM "events"').fetchone()[0]


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
