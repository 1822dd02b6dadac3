"""Events files among report inputs: a table of events is not prose.

An ACLED or UCDP GED export, a GeoJSON, GeoPackage or any point table, or our own events JSON
Lines, given where reports are read, would be read as text (ACLED's "Air/drone strike" tried as a
place). :func:`events_file_kind` tells such a file from a report by its content (the event
loaders' registry, :mod:`mapper.model.loaders`, decides what kind it is): the report readers refuse
it in one line (:func:`refusal`), and ``conflictmap run`` maps its events as they are
(:func:`split_inputs`)::

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> table = folder / "acled_export.csv"
    >>> _ = table.write_text("event_id_cnty,event_date,latitude,longitude,fatalities,sub_event_type\\n"
    ...                      "UKR1,2024-12-14,50.9,34.8,2,Air/drone strike\\n", encoding="utf-8")
    >>> report = folder / "report.txt"
    >>> _ = report.write_text("Two people were killed in Sumy.", encoding="utf-8")
    >>> events_file_kind(table), events_file_kind(report)
    ('acled', None)
    >>> errors = []
    >>> reports, events = split_inputs([str(table), str(report)], errors)
    >>> [pathlib.Path(r).name for r in reports], [(ev.event_id, ev.killed) for ev in events], errors
    (['report.txt'], [('UKR1', 2)], [])
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from mapper.exc import InputError
from mapper.model.events import Event
from mapper.model.loaders import LOADERS, Probe, loader_for

__all__ = ["events_file_kind", "refusal", "split_inputs", "TABLE_SUFFIXES", "REPORT_SUFFIXES"]

#: Suffixes of files that are always read as reports (text, Markdown, web pages).
REPORT_SUFFIXES = frozenset({".txt", ".md", ".text", ".html", ".htm", ".xhtml"})
#: Suffixes of tables and GIS layers: never prose, whatever their content.
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".psv", ".gpkg", ".geojson", ".geojsonl", ".geojsons", ".fgb",
                            ".shp", ".dbf", ".kml", ".gml", ".gpx", ".parquet", ".geoparquet", ".sqlite"})
#: Containers (``Probe.container``) that are never a report, whatever the file's name.
_NEVER_PROSE = frozenset({"sqlite", "parquet", "geojson"})
#: Fields of a JSON record that make it an event record (ours or another tool's) rather than a report.
_EVENT_KEYS = frozenset({"event_id", "event_id_cnty", "fatalities", "killed", "locations", "date_start",
                         "deaths_a", "best"})
_REPORT_KEYS = frozenset({"text", "body", "content", "message"})


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def events_file_kind(path: str | Path) -> str | None:
    """The event loader's name (``acled``, ``ucdp_ged``, ``jsonl``, ``gpkg``, ``table``, ...) when the file
    at ``path`` is an events file, else None (a report, standard input, a folder, or no such file)."""
    if str(path) in ("-", ""):
        return None
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in REPORT_SUFFIXES or not _is_regular(path):
        return None
    if suffix == ".json":
        from mapper.ingest.telegram_export import is_export_file

        if is_export_file(path):
            return None
    try:
        probe = Probe(path)
        container = probe.container
        if container == "json" and suffix not in TABLE_SUFFIXES:
            record = probe.first_record              # JSON Lines: event records, or reports ({id, text, ...})
            if record is None or (_REPORT_KEYS & set(record)) or not (_EVENT_KEYS & set(record)):
                return None
        elif not (container in _NEVER_PROSE or suffix in TABLE_SUFFIXES or probe.head.startswith(b"fgb\x03")):
            return None                              # text (or a page) with no table's name: a report
        return loader_for(probe).name
    except (InputError, OSError, ValueError):
        # A table or GIS file that cannot be read is still no report: the events reader says why.
        return "table" if suffix in TABLE_SUFFIXES else None


def refusal(path: str | Path, kind: str) -> InputError:
    """The one line a report reader gives for an events file.

    >>> str(refusal("acled_export.csv", "acled"))
    'acled_export.csv: an events file (ACLED export), not a report: give the file itself to `conflictmap run`, `map`, `brief` or `export`'
    """
    try:
        what = LOADERS[kind].description.split(";")[0].split(" (")[0]
    except KeyError:
        what = kind
    return InputError(path, f"an events file ({what}), not a report: give the file itself to `conflictmap run`, "
                            "`map`, `brief` or `export`")


def split_inputs(inputs: Sequence[str | Path], errors: list[InputError]) -> tuple[list, list[Event]]:
    """``(report inputs, events)``: the events of each events file among ``inputs`` (their loaders'
    events, in input order), and the other inputs as given. An events file that cannot be read is one
    error in ``errors``; the other inputs are still read."""
    from mapper.model.loaders import load_events

    reports: list = []
    events: list[Event] = []
    for item in inputs:
        kind = events_file_kind(item)
        if kind is None:
            reports.append(item)
            continue
        try:
            events.extend(load_events(item, kind=kind))
        except InputError as exc:
            errors.append(exc)
    return reports, events
