"""The persistent place index: SQLite in the user's cache directory.

Building it parses the bundled data once (a few seconds); later runs open it in
milliseconds. It is rebuilt by itself when the bundled files or the index
layout change, and files the user imported are imported again then::

    >>> index = PlaceIndex.open_default()                 # doctest: +SKIP
    >>> [p.name for p in index.lookup(name_key("Sudzha"))] # doctest: +SKIP
    ['Sudzha']
    >>> index.import_file("RU.zip").summary()             # doctest: +SKIP
    'RU.zip: 366842 rows loaded, 0 skipped'

One table holds places (as JSON), one their name keys, one the aliases of
folded duplicates, one the sources with their load reports.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from gazetteer.exc import IndexError_
from gazetteer.loaders import LoadReport, detect_kind
from gazetteer.paths import BUNDLED_SOURCES, DATA_DIR, cache_dir
from gazetteer.place import Place

__all__ = ["PlaceIndex", "SCHEMA_VERSION", "INDEX_FILE_NAME"]

_log = logging.getLogger(__name__)

#: Bump when the layout or the meaning of keys changes; old indexes rebuild.
SCHEMA_VERSION = "2"
INDEX_FILE_NAME = "gazetteer-index.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS places (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, country TEXT, feature_class TEXT,
    lat REAL, lon REAL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, place INTEGER NOT NULL, UNIQUE (key, place));
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS places_lat ON places (lat);
CREATE TABLE IF NOT EXISTS aliases (alias TEXT PRIMARY KEY, place INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY, kind TEXT, bundled INTEGER, loaded INTEGER, skipped INTEGER,
    summary TEXT, imported_at TEXT, options TEXT);
"""


#: Modules whose code or data decides what goes into the index (names are normalised with the
#: language resources of ``lang/``); a change rebuilds it.
_BUILD_MODULES = ("normalize.py", "build.py", "boundaries.py", "index.py", "place.py", "loaders", "lang")


def _build_files() -> list[Path]:
    """The source files of :data:`_BUILD_MODULES` (language resources included), in a fixed order."""
    package = Path(__file__).resolve().parent
    return [path for name in _BUILD_MODULES
            for path in (sorted((package / name).rglob("*.py")) if (package / name).is_dir() else [package / name])]


def bundle_fingerprint() -> str:
    """Schema version, a hash of the code that builds the index, and the bundled files' stats."""
    digest = hashlib.sha256()
    for path in _build_files():
        digest.update(path.read_bytes())
    parts = [SCHEMA_VERSION, digest.hexdigest()[:16]]
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file():
            st = path.stat()
            parts.append(f"{path.relative_to(DATA_DIR)}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def _options_of(text: str | None) -> dict | None:
    """Loader options stored with an imported file (JSON), None when there are none or they are unreadable."""
    try:
        options = json.loads(text) if text else None
    except ValueError:
        return None
    return options if isinstance(options, dict) else None


class PlaceIndex:
    """A SQLite-backed index of Places by name key.

    Use :meth:`open_default` (or :meth:`open` with a path) to get a ready
    index; ``lookup`` and ``get`` are the read side, ``import_file`` the write side.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path = path
        self._db = connection
        self._place_cache: dict[int, Place] = {}
        #: Goes up with every import, so caches built from the keys know they are stale.
        self.version = 0
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)

    # -- opening -----------------------------------------------------------
    @classmethod
    def open_default(cls, *, rebuild: bool = False) -> "PlaceIndex":
        """Open (building when needed) the index in :func:`~gazetteer.paths.cache_dir`."""
        return cls.open(cache_dir() / INDEX_FILE_NAME, rebuild=rebuild)

    @classmethod
    def open(cls, path: str | Path, *, rebuild: bool = False) -> "PlaceIndex":
        """Open the index at ``path``; build it if it is missing, stale or ``rebuild``."""
        path = Path(path)
        fingerprint = bundle_fingerprint()
        if not rebuild and path.exists():
            try:
                db = sqlite3.connect(path, check_same_thread=False)
                row = db.execute("SELECT v FROM meta WHERE k='fingerprint'").fetchone()
                if row and row[0] == fingerprint:
                    return cls(path, db)
                db.close()
            except sqlite3.DatabaseError:
                pass
        return cls._build(path, fingerprint)

    @classmethod
    def _build(cls, path: Path, fingerprint: str) -> "PlaceIndex":
        from gazetteer.build import IndexBuilder

        previous_imports = cls._user_sources(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexError_(path.parent, f"cannot create the index directory ({exc.strerror})") from None
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp, check_same_thread=False)
        db.executescript(_SCHEMA)
        index = cls(tmp, db)
        builder = IndexBuilder(index)
        for place in builder.admin_places():
            index._insert(place)
        for kind, name in BUNDLED_SOURCES:
            index._import(DATA_DIR / name, kind, builder, bundled=True)
        for src, kind, options in previous_imports:
            if Path(src).exists():
                index._reimport(Path(src), kind, builder, options)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('built_at', ?)", (time.strftime("%Y-%m-%dT%H:%M:%S"),))
        db.commit()
        db.close()
        os.replace(tmp, path)
        return cls(path, sqlite3.connect(path, check_same_thread=False))

    def _reimport(self, path: Path, kind: str | None, builder, options: dict | None = None) -> None:
        """Import a user's file again while rebuilding; one that no longer loads is dropped with a
        warning naming it, and none of its rows stay (a savepoint rolls back what it had added)."""
        self._db.execute("SAVEPOINT reimport")
        try:
            self._import(path, kind or detect_kind(path), builder, bundled=False, options=options)
        except Exception as exc:  # noqa: BLE001 - a rebuild never fails for a user's file; it is named instead
            self._db.execute("ROLLBACK TO reimport")
            self._place_cache.clear()
            self.lookup.cache_clear()
            _log.warning("gazetteer: dropped %s from the rebuilt index: it no longer loads (%s)", path, exc)
        finally:
            self._db.execute("RELEASE reimport")

    @staticmethod
    def _user_sources(path: Path) -> list[tuple[str, str | None, dict | None]]:
        """``(path, kind, options)`` of each file the user imported, in import order (as they were imported)."""
        if not path.exists():
            return []
        try:
            with sqlite3.connect(path) as db:
                columns = {r[1] for r in db.execute("PRAGMA table_info(sources)")}
                extra = "options" if "options" in columns else "NULL"  # an index of schema 1 had none
                rows = list(db.execute(f"SELECT path, kind, {extra} FROM sources WHERE bundled=0 ORDER BY imported_at"))
        except sqlite3.DatabaseError:
            return []
        return [(src, kind, _options_of(text)) for src, kind, text in rows]

    def close(self) -> None:
        self._db.close()

    # -- reading -----------------------------------------------------------
    def _place(self, rowid: int, data: str | None = None) -> Place:
        place = self._place_cache.get(rowid)
        if place is None:
            if data is None:
                data = self._db.execute("SELECT data FROM places WHERE rowid=?", (rowid,)).fetchone()[0]
            place = Place.from_dict(json.loads(data))
            self._place_cache[rowid] = place
        return place

    def _lookup(self, key: str) -> tuple[Place, ...]:
        rows = self._db.execute(
            "SELECT p.rowid, p.data FROM names n JOIN places p ON p.rowid = n.place WHERE n.key = ?", (key,)
        ).fetchall()
        return tuple(self._place(rowid, data) for rowid, data in rows)

    def get(self, place_id: str) -> Place | None:
        """A place by its id or by the id of a row folded into it."""
        row = self._db.execute("SELECT rowid FROM places WHERE id=?", (place_id,)).fetchone()
        if row is None:
            row = self._db.execute("SELECT place FROM aliases WHERE alias=?", (place_id,)).fetchone()
        return self._place(row[0]) if row else None

    def within(self, south: float, west: float, north: float, east: float,
               feature_class: str = "P") -> list[Place]:
        """Places of a feature class inside a bounding box."""
        rows = self._db.execute(
            "SELECT rowid, data FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
            "AND feature_class = ?", (south, north, west, east, feature_class)).fetchall()
        return [self._place(rowid, data) for rowid, data in rows]

    def keys(self) -> list[str]:
        """Every distinct name key (for fuzzy matching and text spotting)."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT key FROM names")]

    def places(self) -> Iterator[Place]:
        for rowid, data in self._db.execute("SELECT rowid, data FROM places"):
            yield self._place(rowid, data)

    def info(self) -> dict:
        """Where the index lives, when it was built, its counts and sources."""
        db = self._db
        meta = dict(db.execute("SELECT k, v FROM meta"))
        by_source = dict(db.execute(
            "SELECT json_extract(data, '$.source'), count(*) FROM places GROUP BY 1 ORDER BY 2 DESC"))
        sources = [dict(zip(("path", "kind", "bundled", "loaded", "skipped", "summary", "imported_at", "options"), r))
                   for r in db.execute("SELECT * FROM sources ORDER BY bundled DESC, imported_at")]
        for src in sources:
            if src["bundled"]:
                src["path"] = f"(bundled) {Path(src['path']).name}"
        return {
            "index_path": str(self.path),
            "built_at": meta.get("built_at", ""),
            "schema_version": SCHEMA_VERSION,
            "places": db.execute("SELECT count(*) FROM places").fetchone()[0],
            "name_keys": db.execute("SELECT count(DISTINCT key) FROM names").fetchone()[0],
            "aliases": db.execute("SELECT count(*) FROM aliases").fetchone()[0],
            "places_by_source": by_source,
            "sources": sources,
        }

    # -- writing -----------------------------------------------------------
    def import_file(self, path: str | Path, *, kind: str | None = None, options: dict | None = None) -> LoadReport:
        """Add a user's file (GeoNames dump, alternateNames, curated or OSM TSV, OSM extract, settlement table).

        ``options`` are the loader's keyword arguments (``bbox``, ``country``, ``columns``, ...).
        The file is remembered, with its kind and options, and imported again whenever the index is rebuilt.
        Malformed rows are skipped and counted in the returned report. A file
        is imported whole or not at all: if reading it fails part way (a
        damaged archive), none of its rows stay in the index.
        """
        from gazetteer.build import IndexBuilder

        path = Path(path).resolve()
        kind = kind or detect_kind(path)
        try:
            report = self._import(path, kind, IndexBuilder(self), bundled=False, options=options)
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise
        finally:  # lookups made while the rows were in the transaction must not outlive it
            self.lookup.cache_clear()
            self._place_cache.clear()
        self.version += 1
        return report

    def _import(self, path: Path, kind: str, builder, *, bundled: bool, options: dict | None = None) -> LoadReport:
        report = builder.import_file(path, kind, options)
        self._db.execute(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (str(path), kind, int(bundled), report.loaded, report.n_skipped, report.summary(),
             time.strftime("%Y-%m-%dT%H:%M:%S"), json.dumps(options, ensure_ascii=False) if options else None),
        )
        return report

    def _insert(self, place: Place, keys: Iterable[str] | None = None) -> int:
        from gazetteer.build import place_keys

        cur = self._db.execute(
            "INSERT INTO places (id, country, feature_class, lat, lon, data) VALUES (?, ?, ?, ?, ?, ?)",
            (place.id, place.country_code, place.feature_class, place.latitude, place.longitude, place.to_json()),
        )
        rowid = cur.lastrowid
        self._db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)",
                             ((k, rowid) for k in (keys if keys is not None else place_keys(place))))
        return rowid

    def _update(self, rowid: int, place: Place, new_keys: Iterable[str], alias: str | None) -> None:
        self._db.execute("UPDATE places SET data=? WHERE rowid=?", (place.to_json(), rowid))
        self._db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", ((k, rowid) for k in new_keys))
        if alias:
            self._db.execute("INSERT OR IGNORE INTO aliases VALUES (?, ?)", (alias, rowid))
        self._place_cache.pop(rowid, None)

    def _rowid_of(self, place_id: str) -> int | None:
        row = self._db.execute("SELECT rowid FROM places WHERE id=?", (place_id,)).fetchone()
        if row is None:
            row = self._db.execute("SELECT place FROM aliases WHERE alias=?", (place_id,)).fetchone()
        return row[0] if row else None

    def _nearby_same_key(self, key: str, country: str, feature_class: str) -> list[tuple[int, Place]]:
        rows = self._db.execute(
            "SELECT p.rowid, p.data FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE n.key = ? AND p.country = ? AND p.feature_class = ?", (key, country, feature_class)
        ).fetchall()
        return [(rowid, self._place(rowid, data)) for rowid, data in rows]
