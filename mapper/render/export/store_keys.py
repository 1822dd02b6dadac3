"""The event store's lookup keys: which stored events a new one may merge with, found by index.

:func:`mapper.assemble.merge.merge_events` only ever joins two events that share a figure, are
dated within days of each other and name places within kilometres of each other (or a place in
common), and it finds them by filing each event under (figure, week, grid cell) and looking in
the neighbouring weeks and cells (:mod:`mapper.assemble.merge_candidates`), or as copies of one
report's claim (``merge._copy_key``). The store keeps those same filings in one SQLite table,
``conflictmap_store_keys`` (``key``, ``fid``: 64-bit hashes of the keys, and the ``events`` row),
so that a new event's partners are a few index look-ups away whatever the size of the store:

* ``filed``: the (figure, week, cell) keys :func:`~mapper.assemble.merge_candidates.candidate_pairs`
  files the event under, for every week of its span (an event spread over more weeks than the merge
  files it under: its first weeks, as the merge does, and a "long" week in which every probe also
  looks, so that it is found from either side);
* ``probe``: where a new event looks (the weeks and cells ``candidate_pairs`` looks in, and "long");
* the copy key, and one key per source (document, quote) for the "already stored" test.

A hash only points at candidates: each is then read and compared in full, so a collision costs a
read, never a wrong merge. The key set depends on the merge's grid and tolerances; their fingerprint
is stored with the keys (:data:`SCHEME_KEY`) and the keys are rebuilt when it changes::

    >>> import datetime
    >>> from mapper.model.events import Event, EventLocation
    >>> loc = EventLocation("Sudzha", "Sudzha", 51.19, 35.27, "RU", "", "", "id-sudzha", 1, True, "")
    >>> a = Event("ev-a", "doc-a", killed=3, event_date=datetime.date(2024, 12, 14), locations=(loc,))
    >>> b = a.with_updates(event_id="ev-b", doc_id="doc-b", event_date=datetime.date(2024, 12, 16))
    >>> bool(EventKeys.of(a).filed & EventKeys.of(b).probe)
    True
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence

from mapper.assemble import merge_candidates as grid
from mapper.assemble.merge import DATE_TOLERANCE_DAYS, PLACE_TOLERANCE_KM, _copy_key
from mapper.model.events import CATEGORIES, Event

__all__ = ["EventKeys", "KEY_TABLE", "DIRTY_KEY", "KEYED_KEY", "SCHEME_KEY", "key_of", "ensure_key_table", "has_current_keys",
           "insert_keys", "delete_keys", "fids_under", "source_key"]

KEY_TABLE = "conflictmap_store_keys"
#: Version of the key layout below; with the merge's grid and tolerances it makes the scheme fingerprint.
_LAYOUT = 1
_CHUNK = 900  # SQL variables per statement


def key_of(value) -> int:
    """A signed 64-bit hash of ``repr(value)`` (stable across processes, unlike ``hash``).

    >>> key_of(("dirty",)) == key_of(("dirty",)) and -2**63 <= key_of("x") < 2**63
    True
    """
    digest = hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


#: Marks events written with new content whose merge with another stored event is still due.
DIRTY_KEY = key_of(("dirty",))
#: Filed with the last ``events`` fid whose keys are in the table (rows other programs add come after it).
KEYED_KEY = key_of(("keyed",))
#: Present (with fid 0) when the keys were made by this scheme.
SCHEME_KEY = key_of(("scheme", _LAYOUT, grid._BANDS, grid._CELL_HEIGHT, grid._BAND_MARGIN, grid._WEEK_DAYS,
                     grid._MAX_WEEKS, DATE_TOLERANCE_DAYS, PLACE_TOLERANCE_KM, tuple(CATEGORIES)))
_LONG = "long"


def source_key(doc_id, quote) -> int:
    """The key of one source record (document, quote): how "already stored" is looked up."""
    return key_of(("s", doc_id, quote))


class EventKeys:
    """The keys one event is filed under (``stored``: ``filed``, its copy key and its ``sources``) and
    looks in (``lookup``: ``probe`` and its copy key), each set computed when first asked for."""

    __slots__ = ("event", "_grid")

    def __init__(self, event: Event):
        self.event = event
        self._grid = None

    @classmethod
    def of(cls, ev: Event) -> EventKeys:
        return cls(ev)

    def _parts(self):
        """``(figures, weeks filed, weeks probed, places filed, places probed)``."""
        if self._grid is None:
            ev = self.event
            figures = [(c, getattr(ev, c)) for c in CATEGORIES if getattr(ev, c) is not None]
            filed_places, probe_places = set(), set()
            if figures:
                for lon, lat in ev.points:
                    f, p = grid.grid_keys(lon, lat)
                    filed_places.update(f)
                    probe_places.update(p)
                ids = {loc.gazetteer_id or loc.mention.casefold() for loc in ev.locations if not loc.has_point}
                filed_places.update(ids)
                probe_places.update(ids)
            self._grid = (figures, *_weeks(ev), filed_places, probe_places)
        return self._grid

    @property
    def filed(self) -> frozenset[int]:
        figures, weeks, _, places, _ = self._parts()
        return frozenset(key_of(("g", fig, w, place)) for fig in figures for w in weeks for place in places)

    @property
    def probe(self) -> frozenset[int]:
        figures, _, weeks, _, places = self._parts()
        return frozenset(key_of(("g", fig, w, place)) for fig in figures for w in weeks for place in places)

    @property
    def copy(self) -> int:
        return key_of(("c", _copy_key(self.event)))

    @property
    def sources(self) -> frozenset[int]:
        return frozenset(source_key(s.doc_id, s.quote) for s in self.event.sources)

    @property
    def stored(self) -> frozenset[int]:
        return self.filed | self.sources | {self.copy}

    @property
    def lookup(self) -> frozenset[int]:
        return self.probe | {self.copy}


def _weeks(ev: Event) -> tuple[list, list]:
    """``(weeks filed under, weeks looked in)``: ``candidate_pairs``' weeks, every week of the span
    filed (a long event also under "long"), and "long" looked in by every event with a date."""
    if ev.event_date is None:
        return [None], [None]
    start = ev.event_date.toordinal()
    end = (ev.event_date_end or ev.event_date).toordinal()
    filed: list = list(range(start // grid._WEEK_DAYS, end // grid._WEEK_DAYS + 1))
    if len(filed) > grid._MAX_WEEKS:
        filed = [*filed[:grid._MAX_WEEKS], _LONG]
    probe: list = list(range((start - DATE_TOLERANCE_DAYS) // grid._WEEK_DAYS,
                             (end + DATE_TOLERANCE_DAYS) // grid._WEEK_DAYS + 1))
    return filed, [*probe, _LONG]


# -- the table ------------------------------------------------------------------------------------
def ensure_key_table(conn: sqlite3.Connection) -> bool:
    """Create the key table when missing; True when it was created (its keys are to be built)."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (KEY_TABLE,)).fetchone()
    if exists:
        return False
    conn.execute(f'CREATE TABLE "{KEY_TABLE}" (key INTEGER NOT NULL, fid INTEGER NOT NULL, '
                 "PRIMARY KEY (key, fid)) WITHOUT ROWID")
    return True


def has_current_keys(conn: sqlite3.Connection) -> bool:
    """True when the key table holds keys made by this scheme."""
    return conn.execute(f'SELECT 1 FROM "{KEY_TABLE}" WHERE key = ? AND fid = 0', (SCHEME_KEY,)).fetchone() is not None


def insert_keys(conn: sqlite3.Connection, rows: Iterable[tuple[int, int]]) -> None:
    """Add ``(key, fid)`` rows (present ones are kept)."""
    conn.executemany(f'INSERT OR IGNORE INTO "{KEY_TABLE}" (key, fid) VALUES (?, ?)', rows)


def delete_keys(conn: sqlite3.Connection, rows: Iterable[tuple[int, int]]) -> None:
    conn.executemany(f'DELETE FROM "{KEY_TABLE}" WHERE key = ? AND fid = ?', rows)


def fids_under(conn: sqlite3.Connection, keys: Iterable[int]) -> dict[int, set[int]]:
    """``key -> fids`` filed under each of ``keys`` (keys with none left out)."""
    keys = list(dict.fromkeys(keys))
    found: dict[int, set[int]] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start:start + _CHUNK]
        sql = f'SELECT key, fid FROM "{KEY_TABLE}" WHERE key IN ({", ".join("?" * len(chunk))})'
        for key, fid in conn.execute(sql, chunk):
            found.setdefault(key, set()).add(fid)
    return found


def chunks(values: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start:start + size]
