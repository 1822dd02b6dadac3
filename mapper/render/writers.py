"""Every output behind one :class:`Writer` protocol: ``write(events, path, **options)``.

``conflictmap export`` and ``conflictmap run`` both look their outputs up in
:data:`WRITERS`: the GIS formats of :mod:`mapper.render.export`, the event
record as ``extract`` prints it, the web map and the briefing deck. Options a
writer does not use are ignored, so one call can pass ``title``, ``theatre``,
``tables``, ``index`` or ``pdf`` to any of them. Another package adds a writer
with an entry point in the group ``conflictmap.writers`` naming an object that
has ``name``, ``suffixes``, ``description`` and ``write`` (see ``docs/EXTENDING.md``)::

    >>> list(WRITERS.builtin)
    ['jsonl', 'gpkg', 'geojson', 'kml', 'kmz', 'fgb', 'parquet', 'csv', 'shp', 'ged', 'map', 'briefing']
    >>> WRITERS["map"].suffix
    '.html'
    >>> WRITERS["gpkg"].write(events, "out/events.gpkg", title="Kursk")   # doctest: +SKIP
    [PosixPath('out/events.gpkg')]

A writer returns the paths it wrote, the main one first, or a :class:`Written`
when it had to leave something out (the deck without its PDF).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from gazetteer.registry import Registry
from mapper.exc import ConflictMapError, OutputError
from mapper.model.events import Event

__all__ = ["Writer", "ModuleWriter", "Written", "WRITERS", "as_written", "collect", "run_writer", "suffix_of"]


@runtime_checkable
class Writer(Protocol):
    """An output: its name (``--to NAME``), file suffixes (the first names the file), a one-line
    description, and ``write(events, path, **options)`` returning the paths written (or a :class:`Written`)."""

    name: str
    suffixes: tuple[str, ...]
    description: str

    def write(self, events: Sequence[Event], path: Path, **options) -> "list[Path] | Written":
        ...  # pragma: no cover


@dataclass
class Written:
    """What a writer wrote, with what it left out on purpose (``skipped``: why) or failed to write."""

    paths: list[Path] = field(default_factory=list)
    skipped: str | None = None
    failed: ConflictMapError | None = None


def as_written(result: "list[Path] | Written") -> Written:
    """A writer's result as a :class:`Written`.

    >>> as_written([Path("a.kml")]).paths
    [PosixPath('a.kml')]
    """
    return result if isinstance(result, Written) else Written(list(result))


def run_writer(writer: Writer, events: Sequence[Event], target: Path, **options) -> Written:
    """Call one writer; its failure comes back in :attr:`Written.failed` instead of stopping the caller.

    A :class:`ConflictMapError` is kept as it is; an ``OSError`` (a third-party writer that does not
    wrap its own) becomes an :class:`OutputError` naming ``target``.

    >>> run_writer(WRITERS["csv"], [], Path("/proc/no/such/dir/events.csv")).failed is not None
    True
    """
    try:
        return as_written(writer.write(events, target, **options))
    except ConflictMapError as exc:
        return Written(failed=exc)
    except OSError as exc:
        return Written(failed=OutputError(target, exc.strerror or str(exc)))


def collect(written: Written, result) -> None:
    """Add one writer's outcome to a run's or an export's ``written``/``failed``/``skipped`` lists."""
    result.written.extend(written.paths)
    if written.failed is not None:  # written in part or not at all: a failure, reported even with -q
        result.failed.append(written.failed)
    if written.skipped:
        result.skipped.append(written.skipped)


def suffix_of(writer: Writer) -> str:
    """The suffix a writer's main file gets.

    >>> suffix_of(WRITERS["csv"])
    '.csv'
    """
    return writer.suffixes[0] if writer.suffixes else ""


@dataclass(frozen=True)
class ModuleWriter:
    """A writer whose ``write`` is a function of a module, imported on first use.

    ``tables``: the function takes prepared tables (``tables=``), so several formats share one build.
    """

    name: str
    suffixes: tuple[str, ...]
    module: str
    description: str
    function: str = "write"
    tables: bool = False

    @property
    def suffix(self) -> str:
        return suffix_of(self)

    @property
    def write(self):
        """``write(events, path, **options)`` of the module (imported on first use)."""
        return getattr(importlib.import_module(self.module), self.function)


def write_event_record(events: Sequence[Event], path: str | Path, **options) -> list[Path]:
    """The events as ``extract`` prints them: JSON Lines, or its GeoJSON document for a ``.geojson`` path."""
    from mapper.model.event_io import write_events

    write_events(list(events), path)
    return [Path(path)]


def write_web_map(events: Sequence[Event], path: str | Path, *, title: str | None = None, theatre=None,
                  offline: bool = True, labels: str | None = "en", **options) -> list[Path]:
    """The Leaflet map as one HTML file, by default with no external URL (see :mod:`mapper.render.web.webmap`);
    ``labels``: the script of its settlement labels (``en``, ``ru``, ``uk``; None: none)."""
    from mapper.render.web.webmap import write_map

    return [write_map(list(events), path, offline=offline, title=title or "Casualty claims", theatre=theatre,
                      labels=labels).path]


def write_deck(events: Sequence[Event], path: str | Path, *, pdf: bool = False, title: str | None = None,
               theatre=None, labels: str = "en", **options) -> "list[Path] | Written":
    """The briefing deck, its ``situation_map.png`` beside it, and with ``pdf`` its PDF.

    Without the PDF it asked for, the result says why: a skip (LibreOffice not
    installed) or a failure (the conversion failed, an :class:`OutputError`).
    """
    from mapper.render.briefing import write_briefing

    path = Path(path)
    extra = {"theatre": theatre} if theatre is not None else {}
    result = write_briefing(list(events), path, pdf=pdf, map_png=path.parent / "situation_map.png", title=title,
                            labels=labels or "en", **extra)
    written = [p for p in (result.map_png, result.pptx, result.pdf) if p is not None]
    if pdf and result.pdf is None and result.pdf_failed:
        return Written(written, failed=OutputError(path.with_suffix(".pdf"), result.pdf_error or "conversion failed"))
    if pdf and result.pdf is None and result.pdf_error:
        return Written(written, skipped=f"briefing.pdf: {result.pdf_error}")
    return written


def _is_writer(item: object) -> bool:
    return isinstance(item, Writer)


#: Every output by name: the built-ins below, then those of installed packages (``conflictmap.writers``).
WRITERS: Registry[Writer] = Registry("conflictmap.writers", "format", check=_is_writer)

_EXPORT = "mapper.render.export"
for _writer in (
    ModuleWriter("jsonl", (".jsonl", ".geojson"), __name__,
                 "the event record as extract prints it: JSON Lines (GeoJSON for a .geojson path)",
                 function="write_event_record"),
    ModuleWriter("gpkg", (".gpkg",), f"{_EXPORT}.gpkg",
                 "GeoPackage: events, event_locations, places and sources layers, real types, spatial index",
                 tables=True),
    ModuleWriter("geojson", (".geojson",), f"{_EXPORT}.geojson", "GeoJSON (RFC 7946), the full event record",
                 tables=True),
    ModuleWriter("kml", (".kml",), f"{_EXPORT}.kml", "KML for Google Earth: styled placemarks with time stamps",
                 tables=True),
    ModuleWriter("kmz", (".kmz",), f"{_EXPORT}.kml", "KMZ: the KML with its icons inside, for Google Earth offline",
                 tables=True, function="write_kmz"),
    ModuleWriter("fgb", (".fgb",), f"{_EXPORT}.flatgeobuf", "FlatGeobuf, rows in event order", tables=True),
    ModuleWriter("parquet", (".parquet",), f"{_EXPORT}.parquet", "GeoParquet 1.1 with nested places and sources",
                 tables=True),
    ModuleWriter("csv", (".csv",), f"{_EXPORT}.csv_acled", "CSV with ACLED's columns first, formula-safe",
                 tables=True),
    ModuleWriter("shp", (".shp", ".shx", ".dbf", ".prj", ".cpg"), f"{_EXPORT}.shapefile",
                 "Shapefile with a documented 10-character field map", tables=True),
    ModuleWriter("ged", (".ged.csv",), f"{_EXPORT}.csv_ged", "CSV with UCDP GED's columns (deaths by side)"),
    ModuleWriter("map", (".html",), __name__, "the interactive Leaflet map, one HTML file that works offline",
                 function="write_web_map"),
    ModuleWriter("briefing", (".pptx", ".png", ".pdf"), __name__,
                 "PowerPoint briefing with a situation map (PNG beside it; PDF with pdf=True and LibreOffice)",
                 function="write_deck"),
):
    WRITERS.register(_writer.name, _writer)
del _writer
