"""GIS export: events to GeoPackage, GeoJSON, KML, FlatGeobuf, GeoParquet, CSV and Shapefile.

Every exporter is a :class:`~mapper.render.writers.Writer` of
:data:`~mapper.render.writers.WRITERS` with one signature,
``write(events, path, **options) -> list[Path]`` (the files written, the main
one first); :data:`EXPORTERS` lists the GIS formats. :func:`export_events`
writes several formats into a folder from one shared set of tables; it takes
any writer of the registry (the web map, the deck, a plugin's format) too. Each
file appears under its final name only when complete::

    >>> list(EXPORTERS)
    ['gpkg', 'geojson', 'kml', 'fgb', 'parquet', 'csv', 'shp']
    >>> EXPORTERS["gpkg"].suffix
    '.gpkg'
    >>> result = export_events(events, "out/", formats=["gpkg", "kml"])    # doctest: +SKIP
    >>> [p.name for p in result.written]                                    # doctest: +SKIP
    ['events.gpkg', 'events.kml']

What each format holds and loses is in ``docs/EXPORT.md``. :func:`read_any_events`
reads events back from the files ``map``, ``export`` and ``brief`` accept: every format
written here, ACLED and UCDP GED exports, and any point table (:mod:`mapper.model.loaders`).
:func:`export_file` exports such a file; from a GeoPackage it writes GeoParquet
column by column, without making Python ``Event`` objects
(:mod:`mapper.render.export.gpkg_parquet`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mapper.model.events import Event
from mapper.exc import ConflictMapError, InputError, OutputError
from mapper.render.writers import WRITERS, ModuleWriter, as_written, collect, run_writer, suffix_of

__all__ = ["Exporter", "EXPORTERS", "FORMATS", "DEFAULT_FORMATS", "ExportResult", "export_events", "export_file",
           "write_format", "read_any_events", "parse_formats"]

#: A GIS format's writer (name, suffixes, module, description), as registered in :data:`~mapper.render.writers.WRITERS`.
Exporter = ModuleWriter
#: The GIS formats, in the order ``export`` lists them.
EXPORTERS: dict[str, ModuleWriter] = {name: WRITERS.builtin[name]
                                      for name in ("gpkg", "geojson", "kml", "fgb", "parquet", "csv", "shp")}
FORMATS = tuple(EXPORTERS)
#: What ``conflictmap export`` writes without ``--to`` (Shapefile only on request: it loses the most).
DEFAULT_FORMATS = ("gpkg", "geojson", "kml", "fgb", "parquet", "csv")
_ALIASES = {"geopackage": "gpkg", "json": "geojson", "flatgeobuf": "fgb", "geoparquet": "parquet",
            "shapefile": "shp", "html": "map", "pptx": "briefing"}


def parse_formats(text: str | Iterable[str]) -> list[str]:
    """``"gpkg,kml"`` (or a list) as names of :data:`~mapper.render.writers.WRITERS`, in order, without repeats.

    >>> parse_formats("GPKG, kml,geojson,kml")
    ['gpkg', 'kml', 'geojson']
    >>> parse_formats("xls")                                     # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: unknown format 'xls' (choose from briefing, csv, fgb, ged, geojson, gpkg, jsonl, kml, kmz, map, ...)
    """
    items = text.split(",") if isinstance(text, str) else list(text)
    out: list[str] = []
    for item in items:
        name = item.strip().lower().lstrip(".")
        if not name:
            continue
        name = _ALIASES.get(name, name)
        if name not in WRITERS:
            raise ValueError(f"unknown format {item.strip()!r} (choose from {', '.join(sorted(WRITERS))})")
        if name not in out:
            out.append(name)
    if not out:
        raise ValueError("no format given")
    return out


def write_format(events: Sequence[Event], path: str | Path, fmt: str, **options) -> list[Path]:
    """Write ``events`` to ``path`` in format ``fmt`` (a name of :data:`~mapper.render.writers.WRITERS`)."""
    if fmt not in WRITERS:
        raise OutputError(path, f"unknown format {fmt!r}")
    return as_written(WRITERS[fmt].write(list(events), Path(path), **options)).paths


@dataclass
class ExportResult:
    """Files written, and the error of each format that could not be written."""

    written: list[Path] = field(default_factory=list)
    failed: list[ConflictMapError] = field(default_factory=list)
    #: What a writer left out on purpose, and why (the deck's PDF without LibreOffice).
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def export_events(events: Sequence[Event], directory: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, *,
                  name: str = "events", index=..., title: str = "Casualty claims", **options) -> ExportResult:
    """Write ``directory/<name>.<suffix>`` for each format; one that fails does not stop the others.

    ``index`` is the gazetteer for the GeoPackage's ``places`` layer (default: the user's index).
    ``options`` go to every writer (``theatre``, ``pdf``); ``title`` names the KML document, the map
    and the deck.
    """
    from mapper.render.export.tables import event_tables

    events = list(events)
    directory = Path(directory)
    chosen = parse_formats(formats) if isinstance(formats, str) else parse_formats(list(formats))
    writers = {fmt: WRITERS[fmt] for fmt in chosen}
    result = ExportResult()
    tables = None
    if any(_takes_tables(w) for w in writers.values()):
        tables = event_tables(events, index=index if "gpkg" in chosen else None)
    for fmt, writer in writers.items():
        target = directory / f"{name}{suffix_of(writer)}"
        extra = {"tables": tables} if _takes_tables(writer) else {}
        if fmt not in WRITERS.builtin:  # the built-ins make their folder as they write atomically
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                result.failed.append(OutputError(target, exc.strerror or str(exc)))
                continue
        collect(run_writer(writer, events, target, title=title, **extra, **options), result)
    return result


def _takes_tables(writer) -> bool:
    return getattr(writer, "tables", False) is True


def export_file(path: str | Path, directory: str | Path, formats: Iterable[str] = DEFAULT_FORMATS, *,
                name: str = "events", index=..., title: str = "Casualty claims",
                events: Sequence[Event] | None = None, theatre=None, kind: str | None = None,
                columns: str | dict | None = None, excel: bool = False) -> ExportResult:
    """:func:`export_events` for the events of the file ``path`` (``events``: already read from it).

    ``excel``: the CSV gets a byte-order mark (passed to the writers only when set).

    When ``path`` is a GeoPackage, GeoParquet is made from its layers directly
    (:func:`~mapper.render.export.gpkg_parquet.geopackage_to_geoparquet`: same file, no Python objects);
    the events are read only if another format needs them. Raises ``InputError`` when ``path``
    cannot be read.
    """
    from mapper.render.export.gpkg_read import is_geopackage
    from mapper.render.export.gpkg_parquet import geopackage_to_geoparquet

    path, directory = Path(path), Path(directory)
    chosen = parse_formats(formats) if isinstance(formats, str) else parse_formats(list(formats))
    columnar = {"parquet"} & set(chosen) if events is None and is_geopackage(path) and not (kind or columns) \
        and _own_geopackage(path) else set()
    rest = [fmt for fmt in chosen if fmt not in columnar]
    result = ExportResult()
    if rest:
        if events is None:
            events = read_any_events(path, kind=kind, columns=columns)
        result = export_events(events, directory, rest, name=name,
                               index=index, title=title, theatre=theatre, **({"excel": True} if excel else {}))
    for fmt in columnar:
        target = directory / f"{name}{suffix_of(WRITERS[fmt])}"
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
        later = {f"{name}{suffix_of(WRITERS[f])}" for f in chosen[chosen.index(fmt) + 1:]}
        at = next((i for i, p in enumerate(result.written) if p.name in later), len(result.written))
        result.written.insert(at, written)  # in the order of ``formats``, as export_events lists them
    return result


def _own_geopackage(path: Path) -> bool:
    from mapper.model.loaders import LOADERS, Probe

    try:
        return LOADERS["gpkg"].accepts(Probe(path))
    except InputError:
        return False


def read_any_events(path: str | Path, *, kind: str | None = None, columns: str | dict | None = None) -> list[Event]:
    """Events from any events file (:func:`mapper.model.loaders.load_events`): ours (JSON Lines, GeoJSON,
    GeoPackage, GeoParquet, CSV, FlatGeobuf), ACLED and UCDP GED exports, any point table (``columns``)."""
    from mapper.model.loaders import load_events

    return load_events(path, kind=kind, columns=columns)
