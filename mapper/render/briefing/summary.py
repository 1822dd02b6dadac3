"""Key figures of a set of events: totals by category with ranges, claims by claimant, period covered.

Every claim is counted once, however many places it names: a claim of 30 killed or
wounded at Plekhovo and Martynovka adds 30, not 60. Ranges are UCDP-style low–high
sums; a category's range is the claim's own range when the claim gives only that
category, otherwise its reported figure::

    >>> from mapper.model.events import Event
    >>> evs = [Event("a", "d1", killed_or_wounded=30, casualties_low=30, casualties_best=30, casualties_high=30,
    ...              claimed_by="GUR"),
    ...        Event("b", "d1", wounded=10, casualties_low=8, casualties_best=10, casualties_high=12)]
    >>> s = summarise(evs)
    >>> s.categories["wounded"].range_text, s.total.range_text, s.claims
    ('10 (8–12)', '40 (38–42)', 2)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.model.events import CATEGORIES, Event, Source, total_casualties

__all__ = ["FigureRange", "ClaimantFigures", "BriefingSummary", "summarise", "distinct_reports", "format_period", "format_date",
           "event_total", "CATEGORY_LABELS", "UNKNOWN_CLAIMANT", "source_key", "source_label",
           "event_sources"]

CATEGORY_LABELS = {"killed": "Killed", "wounded": "Wounded", "missing": "Missing", "captured": "Captured",
                   "killed_or_wounded": "Killed or wounded (not split)"}
UNKNOWN_CLAIMANT = "Claimant not stated"


@dataclass(frozen=True)
class FigureRange:
    """A summed figure: best estimate, low–high range, and how many claims gave it."""

    best: int = 0
    low: int = 0
    high: int = 0
    claims: int = 0

    def __add__(self, other: "FigureRange") -> "FigureRange":
        return FigureRange(self.best + other.best, self.low + other.low, self.high + other.high,
                           self.claims + other.claims)

    @property
    def range_text(self) -> str:
        """``"30"`` or ``"10 (8–12)"`` when low and high differ from the best estimate."""
        if self.low == self.best == self.high:
            return f"{self.best:,}"
        return f"{self.best:,} ({self.low:,}–{self.high:,})"


@dataclass(frozen=True)
class ClaimantFigures:
    """What one claimant (``claimed_by``) reports: claims and all casualties with the range."""

    claimant: str
    figures: FigureRange


@dataclass(frozen=True)
class BriefingSummary:
    """Everything the title and key-figures slides say."""

    theatre: str
    claims: int
    located: int
    multi_place: int
    reports: int
    claimants: int
    period_start: dt.date | None
    period_end: dt.date | None
    undated: int
    generated: dt.date
    categories: dict[str, FigureRange] = field(default_factory=dict)
    total: FigureRange = FigureRange()
    by_claimant: tuple[ClaimantFigures, ...] = ()
    #: running totals given and left out of every figure (they sum many incidents over a period)
    running_totals: int = 0

    @property
    def period_text(self) -> str:
        return format_period(self.period_start, self.period_end) if self.period_start else "no dated claims"


def event_total(ev: Event) -> FigureRange:
    """All casualties of one claim (low, best, high), counted once."""
    best = ev.casualties_best if ev.casualties_best is not None else total_casualties(
        {c: getattr(ev, c) for c in CATEGORIES})
    low = ev.casualties_low if ev.casualties_low is not None else best
    high = ev.casualties_high if ev.casualties_high is not None else best
    return FigureRange(best, min(low, best), max(high, best), 1)


def _category_figures(ev: Event) -> dict[str, FigureRange]:
    given = {c: getattr(ev, c) for c in CATEGORIES if getattr(ev, c) is not None}
    if len(given) == 1:  # the claim's range is this category's range
        (category, value), = given.items()
        total = event_total(ev)
        return {category: FigureRange(value, min(total.low, value), max(total.high, value), 1)}
    return {c: FigureRange(v, v, v, 1) for c, v in given.items()}


def source_key(source: Source, ev: Event) -> str:
    """One key per report: its URL, else its document id."""
    return (source.url or source.doc_id or ev.source_url or ev.doc_id or "").strip()


def source_label(source: Source, ev: Event) -> str:
    """A readable name for a report: outlet name, else URL, else document id."""
    return (source.source_name or source.url or source.doc_id or ev.source_name
            or ev.source_url or ev.doc_id or "unnamed report").strip()


def distinct_reports(events: list[Event]) -> int:
    """How many distinct reports the events cite (merging has folded copies of one report into one source).

    >>> distinct_reports([Event("e1", "d1", sources=({"doc_id": "d1"},)), Event("e2", "d1")])
    1
    """
    return len({source_key(s, ev) for ev in events for s in event_sources(ev)} - {""})


def event_sources(ev: Event) -> list[Source]:
    """The event's sources; an event without any has its first report's fields as its one source."""
    return list(ev.sources) or [Source(ev.doc_id, ev.source_url, ev.source_name,
                                       ev.published.isoformat() if ev.published else None, ev.source_quote)]


def summarise(events: list[Event], *, theatre: Theatre | None = None,
              generated: dt.date | None = None, running_totals: int = 0) -> BriefingSummary:
    """The key figures of ``events`` (see the module docstring for the counting rules); ``theatre``
    defaults to the default theatre; ``running_totals``: how many were left out before."""
    theatre = theatre or default_theatre()
    categories = {c: FigureRange() for c in CATEGORIES}
    total = FigureRange()
    claimants: dict[str, FigureRange] = {}
    starts, ends = [], []
    for ev in events:
        for category, figure in _category_figures(ev).items():
            categories[category] += figure
        ev_total = event_total(ev)
        total += ev_total
        who = ev.claimed_by or UNKNOWN_CLAIMANT
        claimants[who] = claimants.get(who, FigureRange()) + ev_total
        if ev.event_date:
            starts.append(ev.event_date)
            ends.append(ev.event_date_end or ev.event_date)
    by_claimant = sorted((ClaimantFigures(k, v) for k, v in claimants.items()),
                         key=lambda c: (-c.figures.claims, -c.figures.best, c.claimant))
    return BriefingSummary(
        theatre=theatre.name, claims=len(events), located=sum(ev.geometry is not None for ev in events),
        multi_place=sum(len(ev.points) > 1 for ev in events), reports=distinct_reports(events),
        claimants=len(set(claimants) - {UNKNOWN_CLAIMANT}),
        period_start=min(starts, default=None), period_end=max(ends, default=None),
        undated=sum(ev.event_date is None for ev in events),
        generated=generated or dt.datetime.now(dt.timezone.utc).date(),
        categories=categories, total=total, by_claimant=tuple(by_claimant), running_totals=running_totals)


def format_date(day: dt.date) -> str:
    """``14 Dec 2024``.

    >>> format_date(dt.date(2024, 12, 4))
    '4 Dec 2024'
    """
    return f"{day.day} {day:%b %Y}"


def format_period(start: dt.date | None, end: dt.date | None) -> str:
    """A date range in as few words as it needs.

    >>> format_period(dt.date(2024, 12, 14), dt.date(2024, 12, 15))
    '14–15 Dec 2024'
    >>> format_period(dt.date(2024, 11, 30), dt.date(2024, 12, 2))
    '30 Nov – 2 Dec 2024'
    >>> format_period(dt.date(2024, 12, 14), None)
    '14 Dec 2024'
    """
    if start is None:
        return "undated"
    if end is None or end == start:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{format_date(start)} – {format_date(end)}"
