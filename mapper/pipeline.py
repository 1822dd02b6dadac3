"""The whole job in one call: reports in, every artefact out. ``conflictmap run`` calls this.

    >>> result = run_pipeline(output_dir="outputs")                 # doctest: +SKIP
    >>> [p.name for p in result.written]                            # doctest: +SKIP
    ['events.geojson', 'events.jsonl', 'map.html', 'events.gpkg', ...]

With no inputs it runs on the bundled sample report (the seed article). Each
output is written atomically and on its own: when one cannot be written the
others still are, and the reason is kept in :attr:`RunResult.failed`. Files of
an earlier run are replaced only by complete new ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.context import Theatre
from mapper.model.events import CATEGORIES, Event
from mapper.exc import ConflictMapError
from mapper.ingest.events_files import split_inputs
from mapper.ingest.telegram_export import Channels
from mapper._internal.gc_pause import young_collections_only
from mapper.render.briefing.summary import distinct_reports
from mapper.render.totals import running_totals_note, split_totals
from mapper.render.writers import WRITERS, collect, run_writer

__all__ = ["run_pipeline", "RunResult", "SAMPLE_REPORT", "SAMPLE_PUBLISHED", "summarise", "OUTPUT_NAMES"]

SAMPLE_REPORT = Path(__file__).resolve().parent / "samples" / "seed_article_kursk_nk_casualties.txt"
#: The seed article's publication date (Monday 16 December 2024; see ``mapper/samples/README.md``).
SAMPLE_PUBLISHED = dt.date(2024, 12, 16)

#: Every artefact ``run`` writes, in the order it writes them.
OUTPUT_NAMES = ("events.jsonl", "events.geojson", "events.gpkg", "events.kml", "events.kmz", "events.csv", "events.parquet",
                "map.html", "situation_map.png", "briefing.pptx", "briefing.pdf")
#: ``(file name, writer)`` of each output, in order; every writer is one of :data:`~mapper.render.writers.WRITERS`.
_OUTPUTS = (("events.jsonl", "jsonl"), ("events.geojson", "jsonl"), ("events.gpkg", "gpkg"), ("events.kml", "kml"),
            ("events.kmz", "kmz"), ("events.csv", "csv"), ("events.parquet", "parquet"), ("map.html", "map"), ("briefing.pptx", "briefing"))
#: The run's options each writer takes (the other GIS files keep their own defaults; KML keeps its title).
_OPTIONS = {"map": ("pdf", "theatre", "title", "labels"), "briefing": ("pdf", "theatre", "title", "labels"),
            "kml": ("theatre",), "kmz": ("theatre",)}


@dataclass
class RunResult:
    """What one run read, found and wrote."""

    documents: int = 0
    events: list[Event] = field(default_factory=list)
    errors: list[ConflictMapError] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    failed: list[ConflictMapError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: the theatre the run resolved places in (its box is checked in the summary)
    theatre: Theatre | None = None
    #: events read as they are from events files among the inputs
    events_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failed

    @property
    def unresolved(self) -> list[tuple[str, str]]:
        """``(mention, reason)`` of every place of a claim that stayed unresolved, without repeats."""
        seen: dict[tuple[str, str], None] = {}
        for ev in self.events:
            for loc in ev.locations:
                if not loc.resolved:
                    seen[(loc.mention, loc.reason)] = None
        return list(seen)


@young_collections_only()  # the entry point sets the collector for the whole run (library calls leave it)
def run_pipeline(inputs: Sequence[str | Path] | None = None, output_dir: str | Path = "outputs", *,
                 published: dt.date | None = None, engine: str = "local", scheduler: str | None = None,
                 workers: int | None = None, pdf: bool = True, progress: bool = False,
                 stdin=None, title: str | None = None, theatre: Theatre | str | Path | None = None,
                 telegram_channel: Channels = None, labels: str = "en") -> RunResult:
    """Read, geoparse, extract and merge, then write every artefact of :data:`OUTPUT_NAMES` to ``output_dir``.

    ``inputs`` are report files, folders or ``"-"``; none means the bundled
    sample. Unreadable inputs land in :attr:`RunResult.errors` and the rest
    is processed. ``pdf=False`` skips the LibreOffice conversion. ``theatre``:
    a :class:`~gazetteer.theatre.Theatre`, a TOML file or a bundled theatre's name (see
    :mod:`gazetteer.theatres`); default :func:`~gazetteer.theatres.default_theatre`. An events file
    among the inputs (ACLED, UCDP GED, GeoJSON, any point table, our own; :mod:`mapper.ingest.events_files`)
    is not read as a report: its events are mapped as they are, after those of the reports.
    ``telegram_channel``: the public username of Telegram exports' channels (``--telegram-channel``).
    ``labels``: the script of the maps' place names, ``en`` (Latin), ``ru`` or ``uk``.
    """
    if isinstance(theatre, (str, Path)):
        from gazetteer.theatres import find_theatre

        theatre = find_theatre(theatre)
    if not inputs:
        inputs, published = [SAMPLE_REPORT], published or SAMPLE_PUBLISHED
    out = Path(output_dir)
    result = RunResult(theatre=theatre)
    inputs, given = split_inputs(inputs, result.errors)
    result.events, result.documents = _extract(inputs, result.errors, published=published, engine=engine,
                                               scheduler=scheduler, workers=workers, progress=progress, stdin=stdin,
                                               theatre=theatre, telegram_channel=telegram_channel) if inputs else ([], 0)
    result.events, result.events_read = [*result.events, *given], len(given)
    if result.errors and not result.documents and not given:
        return result  # every input failed: the outputs of an earlier run stay as they were
    options = {"pdf": pdf, "theatre": theatre, "title": title, "labels": labels}
    for name, fmt in _OUTPUTS:
        collect(run_writer(WRITERS[fmt], result.events, out / name,
                           **{k: options[k] for k in _OPTIONS.get(fmt, ())}), result)
    return result


def _extract(inputs, errors: list, *, published, engine: str, scheduler, workers, progress: bool,
             stdin, theatre: Theatre | None, telegram_channel: Channels = None) -> tuple[list[Event], int]:
    """Events of the inputs and how many documents were read (a progress bar on request)."""
    from mapper.engines.runner import extract_inputs

    read, bar = 0, None

    def report(done: int, total: int) -> None:
        nonlocal read, bar
        read = total
        if progress:
            if bar is None:
                from tqdm import tqdm

                bar = tqdm(total=total, unit="report", desc="reports", leave=False)
            bar.update(done - bar.n)

    try:
        events = extract_inputs(inputs, engine=engine, scheduler=scheduler, workers=workers, published=published,
                                errors=errors, progress=report, stdin=stdin, theatre=theatre,
                                telegram_channel=telegram_channel)
    finally:
        if bar is not None:
            bar.close()
    return events, read


def summarise(result: RunResult) -> list[str]:
    """The lines ``conflictmap run`` prints: reports read, distinct reports the events cite (copies of one
    report count once, as in the briefing's "from N reports"), events, casualties by side and claimant with
    each category apart (no sum across them), unresolved places, files."""
    lines = [f"reports read: {result.documents}" + (f" ({len(result.errors)} failed)" if result.errors else ""),
             f"distinct reports behind the events: {distinct_reports(result.events)}",
             f"events: {len(result.events)}" + (f" ({result.events_read} read from events files)"
                                                 if result.events_read else "")]
    incidents, totals = split_totals(result.events)  # a running total is neither mapped nor added
    # by side and claimant, each category apart: never one sum across claimants, sides or categories
    groups: dict[tuple[str, str], list[Event]] = {}
    for ev in incidents:
        groups.setdefault((ev.actor or "side not stated", ev.claimed_by or "claimant not stated"), []).append(ev)
    for (side, claimant), evs in groups.items():
        figures = [f"{cat.replace('_', ' ')} {sum(vals)}" for cat in CATEGORIES
                   if (vals := [getattr(ev, cat) for ev in evs if getattr(ev, cat) is not None])]
        if figures:
            lines.append(f"  {side}, per {claimant}: {', '.join(figures)} in {len(evs)} claim(s)")
    if totals:
        lines.append(f"  {running_totals_note(totals, verb='not mapped nor added to these figures')} "
                     "(in the events files)")
    if result.unresolved:
        lines.append("unresolved places:")
        lines += [f"  {mention}: {reason}" for mention, reason in result.unresolved]
    lines += outside_theatre(result.events, result.theatre)
    lines.append("written:")
    lines += [f"  {p}" for p in result.written]
    lines += [f"skipped {s}" for s in result.skipped]
    return lines


def outside_theatre(events: Sequence[Event], theatre: Theatre | None = None) -> list[str]:
    """Summary lines naming every event point outside the theatre's box (none when all are inside).

    >>> from mapper.model.events import Event, EventLocation
    >>> from gazetteer.theatre import Theatre
    >>> t = Theatre("Test", (50.0, 35.0, 51.0, 36.0), frozenset({"RU"}), frozenset())
    >>> far = EventLocation("Paris", "Paris", 48.85, 2.35, "FR", "", "", "geonames:2988507", 1, True, "")
    >>> outside_theatre([Event("e1", "d1", killed=2, locations=(far,))], t)
    ['event points outside the Test theatre box: 1 event(s)', '  e1 (d1): Paris (48.85, 2.35)']
    """
    if theatre is None:
        from gazetteer.theatres import default_theatre

        theatre = default_theatre()
    lines = []
    for ev in events:
        points = [(loc.latitude, loc.longitude, loc.name or loc.mention) for loc in ev.locations if loc.has_point]
        far = [f"{name} ({lat:.2f}, {lon:.2f})" for lat, lon, name in points
               if not theatre.contains_point(lat, lon)]
        if far:
            lines.append(f"  {ev.event_id} ({ev.doc_id}): {', '.join(far)}")
    if lines:
        lines.insert(0, f"event points outside the {theatre.name} theatre box: {len(lines)} event(s)")
    return lines
