"""GIS export: events to GeoPackage, GeoJSON, KML, FlatGeobuf, GeoParquet, CSV and Shapefile.

Every exporter has one signature, ``write(events, path, **options) -> list[Path]``
(the files written, the main one first), and is listed in :data:`EXPORTERS`;
:func:`export_events` writes several formats into a folder from one shared set of
tables. Each file appears under its final name only when complete::

    >>> sorted(EXPORTERS)
    ['csv', 'fgb', 'geojson', 'gpkg', 'kml', 'parquet', 'shp']
    >>> EXPORTERS["gpkg"].suffix
    '.gpkg'
    >>> result = export_events(events, "out/", formats=["gpkg", "kml"])    # doctest: +SKIP
    >>> [p.name for p in result.written]                                    # doctest: +SKIP
    ['events.gpkg', 'events.kml']

What each format holds and loses is in ``docs/EXPORT.md``. :func:`read_any_events`
reads events back from the files ``map``, ``export`` and ``brief`` accept: JSON
Lines, GeoJSON, and GeoPackages written here or by the event store.
:func:`export_file` exports such a file; from a GeoPackage it writes GeoParquet
column by column, without making Python ``Event`` objects
(:mod:`mapper.render.export.gpkg_parquet`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mapper.model.events import Event
from mapper.exc import ConflictMapError, InputError, OutputError

__all__ = ["Exporter", "EXPORTERS", "FORMATS", "DEFAULT_FORMATS", "ExportResult", "export_events", "export_file",
           "write_format", "read_any_events", "parse_formats"]


@dataclass(frozen=True)
class Exporter:
    """One output format: its name on the command line, file suffix, module and a one-line description."""

    name: str
    suffix: str
    module: str
    description: str

    @property
    def write(self) -> Callable[..., list[Path]]:
        """``write(events, path, **options) -> list[Path]`` of the format's module (imported on first use)."""
        return importlib.import_module(self.module).write


EXPORTERS: dict[str, Exporter] = {e.name: e for e in (
    Exporter("gpkg", ".gpkg", "mapper.render.export.gpkg",
             "GeoPackage: events, event_locations, places and sources layers, real types, spatial index"),
    Exporter("geojson", ".geojson", "mapper.render.export.geojson", "GeoJSON (RFC 7946), the full event record"),
    Exporter("kml", ".kml", "mapper.render.export.kml", "KML for Google Earth: styled placemarks with time stamps"),
    Exporter("fgb", ".fgb", "mapper.render.export.flatgeobuf", "FlatGeobuf, rows in event order"),
    Exporter("parquet", ".parquet", "mapper.render.export.parquet", "GeoParquet 1.1 with nested places and sources"),
    Exporter("csv", ".csv", "mapper.render.export.csv_acled", "CSV with ACLED's columns first, formula-safe"),
    Exporter("shp", ".shp", "mapper.render.export.shapefile", "Shapefile with a documented 10-character field map"),
)}
FORMATS = tuple(EXPORTERS)
#: What ``conflictmap export`` writes without ``--to`` (Shapefile only on request: it loses the most).
DEFAULT_FORMATS = ("gpkg", "geojson", "kml", "fgb", "parquet", "csv")
#: Formats whose writer takes prepared tables (``tables=``), so several formats share one build.
_TABLE_FORMATS = {"gpkg", "fgb", "parquet", "csv", "shp", "kml", "geojson"}
_ALIASES = {"geopackage": "gpkg", "json": "geojson", "flatgeobuf": "fgb", "geoparquet": "parquet",
            "shapefile": "shp"}


def parse_formats(text: str | Iterable[str]) -> list[str]:
    """``"gpkg,kml"`` (or a list) as known format names, in order, without repeats.

    >>> parse_formats("GPKG, kml,geojson,kml")
    ['gpkg', 'kml', 'geojson']
    >>> parse_formats("xls")
    Traceback (most recent call last):
    ValueError: unknown format 'xls' (choose from csv, fgb, geojson, gpkg, kml, parquet, shp)
    """
    items = text.split(",") if isinstance(text, str) else list(text)
    out: list[str] = []
    for item in items:
        name = item.strip().lower().lstrip(".")
        if not name:
            continue
        name = _ALIASES.get(name, name)
        if name not in EXPORTERS:
            raise ValueError(f"unknown format {item.strip()!r} (choose from {', '.join(sorted(EXPORTERS))})")
        if name not in out:
            out.append(name)
    if not out:
        raise ValueError("no format given")
    return out


def write_format(events: Sequence[Event], path: str | Path, fmt: str, **options) -> list[Path]:
    """Write ``events`` to ``path`` in format ``fmt`` (a name of :data:`EXPORTERS`)."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise OutputError(path, f"unknown format {fmt!r}") from None
    return exporter.write(list(events), Path(path), **options)


@dataclass
class ExportResult:
    """Files written, and the error of each format that could not be written."""

    written: list[Path] = field(default_factory=list)
    failed: list[ConflictMapError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def export_events(events: Sequence[Event], directory: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, *,
                  name: str = "events", index=..., title: str = "Casualty claims", theatre=None) -> ExportResult:
    """Write ``directory/<name>.<suffix>`` for each format; one that fails does not stop the others.

    ``index`` is the gazetteer for the GeoPackage's ``places`` layer (default: the user's index).
    ``theatre``: a :class:`~gazetteer.theatre.Theatre` whose side colours KML uses (default: the default).
    """
    from mapper.render.export.tables import event_tables

    events = list(events)
    directory = Path(directory)
    chosen = parse_formats(formats) if isinstance(formats, str) else parse_formats(list(formats))
    result = ExportResult()
    tables = None
    if _TABLE_FORMATS & set(chosen):
        tables = event_tables(events, index=index if "gpkg" in chosen else None)
    for fmt in chosen:
        exporter = EXPORTERS[fmt]
        target = directory / f"{name}{exporter.suffix}"
        options = {"tables": tables} if fmt in _TABLE_FORMATS else {}
        if fmt == "kml":
            options["title"] = title
            options["theatre"] = theatre
        try:
            result.written.extend(exporter.write(events, target, **options))
        except ConflictMapError as exc:
            result.failed.append(exc)
        except OSError as exc:
            result.failed.append(OutputError(target, exc.strerror or str(exc)))
    return result


def export_file(path: str | Path, directory: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, *,
                name: str = "events", index=..., title: str = "Casualty claims",
                events: Sequence[Event] | None = None, theatre=None) -> ExportResult:
    """:func:`export_events` for the events of the file ``path`` (``events``: already read from it).

    When ``path`` is a GeoPackage, GeoParquet is made from its layers directly
    (:func:`~mapper.render.export.gpkg_parquet.geopackage_to_geoparquet`: same file, no Python objects);
    the events are read only if another format needs them. Raises ``InputError`` when ``path``
    cannot be read.
    """
    from mapper.render.export.gpkg_read import is_geopackage
    from mapper.render.export.gpkg_parquet import geopackage_to_geoparquet

    path, directory = Path(path), Path(directory)
    chosen = parse_formats(formats) if isinstance(formats, str) else parse_formats(list(formats))
    columnar = {"parquet"} & set(chosen) if events is None and is_geopackage(path) else set()
    rest = [fmt for fmt in chosen if fmt not in columnar]
    result = ExportResult()
    if rest:
        result = export_events(read_any_events(path) if events is None else events, directory, rest, name=name,
                               index=index, title=title, theatre=theatre)
    for fmt in columnar:
        target = directory / f"{name}{EXPORTERS[fmt].suffix}"
        try:
            written = geopackage_to_geoparquet(path, target)
        except InputError:
            raise
        except ConflictMapError as exc:
            result.failed.append(exc)
            continue
        except OSError as exc:
            result.failed.append(OutputError(target, exc.strerror or str(exc)))
            continue
        later = {f"{name}{EXPORTERS[f].suffix}" for f in chosen[chosen.index(fmt) + 1:]}
        at = next((i for i, p in enumerate(result.written) if p.name in later), len(result.written))
        result.written.insert(at, written)  # in the order of ``formats``, as export_events lists them
    return result


def read_any_events(path: str | Path) -> list[Event]:
    """Events from JSON Lines, GeoJSON (``extract``) or a GeoPackage (``export`` / the event store)."""
    from mapper.model.event_io import read_events
    from mapper.render.export.gpkg_read import is_geopackage, read_events_gpkg

    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder, not an events file")
    if path.suffix.lower() == ".gpkg" or is_geopackage(path):
        return read_events_gpkg(path)
    return read_events(path)
