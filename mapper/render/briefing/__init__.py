"""Briefing slides: a 16:9 PowerPoint deck (and PDF) of events, with an offline situation map.

The API behind ``conflictmap brief``::

    >>> from mapper.model.event_io import read_events
    >>> result = write_briefing(read_events("events.geojson"), "briefing.pptx", pdf=True)   # doctest: +SKIP
    >>> result.pptx, result.map_png, result.pdf, result.slides                              # doctest: +SKIP
    (PosixPath('briefing.pptx'), PosixPath('situation_map.png'), PosixPath('briefing.pdf'), 9)

Slides: title (theatre, period, date generated, numbers of claims, reports and
claimants); situation map; key figures by side and by claimant (never a total across either;
missing and captured apart); running totals on slides of their own; events table over as many
slides as it needs; casualties over time (dated claims, over the period holding the bulk of
them) and by place (native charts; when several places carry claims), then a slide per place
group; sources grouped by outlet, each report once with its web address and date. The
speaker notes carry the quotes. Running totals (``cumulative`` events) are left off the map, the
events table, the charts and the key figures. The map is also written as ``situation_map.png``
beside the deck. PDF conversion uses LibreOffice where it is installed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper._internal.atomic import atomic_path
from mapper.model.events import Event
from mapper.exc import OutputError

__all__ = ["write_briefing", "BriefingResult", "MAP_FILE_NAME"]

MAP_FILE_NAME = "situation_map.png"


@dataclass
class BriefingResult:
    """What :func:`write_briefing` wrote."""

    pptx: Path
    map_png: Path
    pdf: Path | None
    slides: int
    events: int
    notes: list[str] = field(default_factory=list)
    #: Why the PDF was not written (LibreOffice missing or failing), when one was asked for; the deck still is.
    pdf_error: str | None = None
    #: True when LibreOffice is installed but the conversion failed (a failure to report, never a mere skip).
    pdf_failed: bool = False


def write_briefing(events: list[Event], path: str | Path, *, pdf: bool = False, map_png: str | Path | None = None,
                   title: str | None = None, theatre: Theatre | None = None,
                   generated: dt.date | None = None, tiles=None, index=None, labels: str = "en") -> BriefingResult:
    """Write the deck to ``path`` (and the map PNG, and with ``pdf=True`` a PDF beside the deck).

    ``map_png``: where the situation map goes (default ``situation_map.png`` beside the deck).
    ``title``: the title slide's title (default "Casualty claims: <theatre>").
    ``tiles``: an xyzservices provider name for web tiles under the map (opt-in, online only).
    ``index``: the gazetteer index for settlement labels (default: the user's offline index).
    ``labels``: the script of the map's place names, ``en`` (Latin), ``ru`` or ``uk``.
    Raises :class:`~mapper.exc.OutputError` when the deck or the map cannot be written. A PDF
    that cannot be made (no LibreOffice, a failed conversion) does not raise: the deck and map
    are written, ``pdf`` stays None and ``pdf_error`` says why (``pdf_failed`` is True when
    LibreOffice is there but failed). Every text of the events is cleaned first
    (:mod:`mapper.render.briefing.safetext`): control characters and lone surrogates never reach the deck.
    """
    from mapper.render.briefing.pdf import SofficeMissingError, convert_to_pdf, timeout_for
    from mapper.render.briefing.safetext import clean_events, clean_text
    from mapper.render.briefing.situation_map import save_situation_map
    from mapper.render.briefing.slides import build_deck
    from mapper.render.briefing.summary import summarise
    from mapper.render.totals import split_totals

    path = Path(path)
    if path.suffix.lower() != ".pptx":
        raise OutputError(path, "the deck must be a .pptx file")
    map_path = Path(map_png) if map_png else path.with_name(MAP_FILE_NAME)
    given = clean_events(events)  # no control characters or lone surrogates reach the fonts or the XML
    events, count = split_totals(given)  # running totals: not drawn nor summed as incidents, listed apart
    totals = [ev for ev in given if ev.cumulative]
    title = clean_text(title) if title else title
    theatre = theatre or default_theatre()
    summary = summarise(events, theatre=theatre, generated=generated, running_totals=count)
    drawn = save_situation_map(events, map_path, theatre=theatre, tiles=tiles, index=index, title=title,
                               generated=summary.generated, labels=labels)
    prs = build_deck(events, summary, map_png=map_path, title=title or f"Casualty claims: {summary.theatre}",
                     theatre=theatre, totals=totals)
    try:
        with atomic_path(path) as tmp:
            prs.save(str(tmp))
    except OSError as exc:
        raise OutputError(path, f"cannot write the deck ({exc.strerror or exc})") from None
    result = BriefingResult(path, map_path, None, len(prs.slides), len(given), list(drawn.notes))
    if pdf:
        try:
            result.pdf = convert_to_pdf(path, timeout=timeout_for(result.slides))
        except OutputError as exc:
            result.pdf_error = str(exc)
            result.pdf_failed = not isinstance(exc, SofficeMissingError)
    return result
