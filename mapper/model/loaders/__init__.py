"""Every events file behind one :class:`EventLoader` protocol: ``accepts(probe)`` and ``load(probe, **options)``.

``map``, ``brief``, ``export`` and :func:`load_events` look the loader of a file up in
:data:`LOADERS`, in order: our own formats (JSON Lines, GeoJSON, GeoPackage, GeoParquet,
CSV, FlatGeobuf), then ACLED and UCDP GED exports, then the loaders of installed packages
(entry points in the group ``conflictmap.event_loaders``, see ``docs/EXTENDING.md``), and
last any table or point layer with coordinates, its columns found from the headers or
given (``columns``: ``"date=Date,killed=Deaths,lat=Y,lon=X"``)::

    >>> list(LOADERS.builtin)
    ['jsonl', 'gpkg', 'parquet', 'flat', 'acled', 'ucdp_ged', 'table']
    >>> load_events("acled_export.csv")[0].doc_id             # doctest: +SKIP
    'ACLED:UKR123456'
    >>> load_events("deaths.csv", columns="date=Date,killed=Deaths,lat=Y,lon=X")   # doctest: +SKIP

A file no loader can read, a missing column or a bad cell is one :class:`~mapper.exc.InputError`
naming the file (and the row and column). ``kind`` forces a loader by name.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Protocol, runtime_checkable

from gazetteer.registry import Registry
from mapper.exc import InputError
from mapper.model.events import Event
from mapper.model.loaders.foreign import ACLED, TABLE, UCDP_GED, is_acled, is_ucdp_ged
from mapper.model.loaders.mapping import parse_columns
from mapper.model.loaders.ours import OwnFlat, OwnGeoPackage, OwnParquet, OwnRecord, is_own_flat
from mapper.model.loaders.rows import Schema, events_of_table
from mapper.model.loaders.tables import GIS_SUFFIXES, Table, head_of, read_table

__all__ = ["EventLoader", "Probe", "SchemaLoader", "LOADERS", "load_events", "loader_for", "parse_columns"]

#: Bytes of a file the loaders look at to tell its kind.
_HEAD = 65536


class Probe:
    """One file as the loaders see it: its path, first bytes, container and (read once) its table."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.head = head_of(self.path, _HEAD)
        if not self.head.strip():
            raise InputError(self.path, "empty file")

    @cached_property
    def container(self) -> str:
        """``sqlite``, ``parquet``, ``geojson``, ``json``, ``gis`` or ``csv``."""
        head, suffix = self.head, self.path.suffix.lower()
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"SQLite format 3\x00"):
            return "sqlite"
        if head.startswith(b"PAR1") or suffix == ".parquet":
            return "parquet"
        if text.startswith(b"{") and b'"FeatureCollection"' in head[:4096]:
            return "geojson"
        if text.startswith((b"{", b"[")) or suffix in (".jsonl", ".ndjson"):
            return "json"
        if head.startswith(b"fgb\x03") or suffix in GIS_SUFFIXES or text.startswith(b"<"):
            return "gis"
        return "csv"

    @cached_property
    def first_record(self) -> dict | None:
        """The first event record of a JSON Lines file, or the first feature's properties of a GeoJSON."""
        try:
            text = self.head.decode("utf-8-sig", errors="replace")
            if self.container == "json" and text.lstrip().startswith("{"):
                line = text.lstrip().split("\n", 1)[0]
                value = json.JSONDecoder().raw_decode(line)[0]
                return value if isinstance(value, dict) else None
            if self.container == "geojson":
                at = text.find('"properties"')
                if at < 0:
                    return None
                start = text.index("{", at)
                try:
                    value = json.JSONDecoder().raw_decode(text, start)[0]
                except ValueError:  # the first properties go on past the bytes read: read them all
                    if len(self.head) < _HEAD:
                        raise
                    value = json.JSONDecoder().raw_decode(_read_text(self.path), start)[0]
                return value if isinstance(value, dict) else None
        except (ValueError, IndexError):
            return None
        return None

    @cached_property
    def table(self) -> Table:
        """The file as one flat table (:func:`mapper.model.loaders.tables.read_table`)."""
        return read_table(self.path, self.head)


def _read_text(path: Path) -> str:
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        return f.read()


@runtime_checkable
class EventLoader(Protocol):
    """A reader of one kind of events file: its name (``--from NAME``), a one-line description,
    ``accepts(probe)`` (is the file of this kind?) and ``load(probe, *, columns=None)`` -> events."""

    name: str
    description: str

    def accepts(self, probe: Probe) -> bool:
        ...  # pragma: no cover

    def load(self, probe: Probe, **options) -> list[Event]:
        ...  # pragma: no cover


class SchemaLoader:
    """A loader for the tables of one :class:`~mapper.model.loaders.rows.Schema` (ACLED, UCDP GED, any)."""

    def __init__(self, schema: Schema, description: str, test=None):
        self.schema, self.name, self.description, self._test = schema, schema.name, description, test

    def accepts(self, probe: Probe) -> bool:
        if probe.container == "sqlite" and OwnGeoPackage().accepts(probe):
            return False
        table = probe.table
        return not is_own_flat(table.columns) and (self._test is None or self._test(table.columns))

    def load(self, probe: Probe, *, columns: str | dict | None = None, **options) -> list[Event]:
        try:
            given = parse_columns(columns)
        except ValueError as exc:
            raise InputError(probe.path, str(exc)) from None
        return events_of_table(probe.table, self.schema, given)


def _is_loader(item: object) -> bool:
    return isinstance(item, EventLoader)


#: Every events-file reader by name: the built-ins below, then those of installed packages.
LOADERS: Registry[EventLoader] = Registry("conflictmap.event_loaders", "event loader", check=_is_loader)
for _loader in (OwnRecord(), OwnGeoPackage(), OwnParquet(), OwnFlat(),
                SchemaLoader(ACLED, "ACLED export (CSV or any table with ACLED's columns)", is_acled),
                SchemaLoader(UCDP_GED, "UCDP GED export (CSV or any table with GED's columns)", is_ucdp_ged),
                SchemaLoader(TABLE, "any table or point layer with coordinates or a geometry; columns found "
                                    "from the headers or given with --columns")):
    LOADERS.register(_loader.name, _loader)
del _loader
#: The loader tried when no other accepts a file.
FALLBACK = "table"


def loader_for(probe: Probe, kind: str | None = None) -> EventLoader:
    """The loader named ``kind``, or the first of :data:`LOADERS` that accepts the file."""
    if kind:
        try:
            return LOADERS[kind]
        except KeyError as exc:
            raise InputError(probe.path, exc.args[0]) from None
    for name in LOADERS:
        if name != FALLBACK and LOADERS[name].accepts(probe):
            return LOADERS[name]
    return LOADERS[FALLBACK]


def load_events(path: str | Path, *, kind: str | None = None, columns: str | dict | None = None) -> list[Event]:
    """The events of any events file (see the module's text); ``InputError`` when it cannot be read.

    ``columns`` maps event fields to the file's columns (``"date=Date,killed=Deaths,lat=Y,lon=X"``);
    given, the file is read as a table with that mapping (our own formats need none).
    """
    probe = Probe(path)
    if columns and not kind:
        loader = next((LOADERS[n] for n in ("acled", "ucdp_ged") if LOADERS[n].accepts(probe)), LOADERS[FALLBACK])
    else:
        loader = loader_for(probe, kind)
    if columns and not isinstance(loader, SchemaLoader):
        return loader.load(probe)  # our own formats: nothing to map
    return loader.load(probe, columns=columns)
