"""Key figures of a set of events: figures by side and by claimant, never summed across either.

A defence ministry's 200 soldiers and a governor's 9 civilians are two rows, not "209 killed";
missing and captured stay in their own columns, apart from killed and wounded. Every claim is
counted once however many places it names: a claim of 30 killed or wounded at Plekhovo and
Martynovka adds 30 to its row, not 60. Ranges are UCDP-style low–high sums; a category's range
is the claim's own range when the claim gives only that category, otherwise its reported figure::

    >>> from mapper.model.events import Event
    >>> evs = [Event("a", "d1", killed=200, casualties_best=200, actor="Ukrainian forces", claimed_by="MoD"),
    ...        Event("b", "d1", killed=9, casualties_best=9, actor="Civilians", claimed_by="Governor"),
    ...        Event("c", "d1", wounded=10, casualties_low=8, casualties_best=10, casualties_high=12,
    ...              actor="Civilians", claimed_by="Governor")]
    >>> s = summarise(evs)
    >>> [(r.side, r.claimant, r.text("killed"), r.text("wounded")) for r in s.key_figures]
    [('Ukrainian forces', 'MoD', '200', '–'), ('Civilians', 'Governor', '9', '10 (8–12)')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.model.events import CATEGORIES, Event, Source, total_casualties
from mapper.render.briefing.periods import charted_period

__all__ = ["FigureRange", "KeyFigures", "BriefingSummary", "summarise", "distinct_reports", "format_period",
           "format_date", "event_total", "category_figures", "side_name", "CATEGORY_LABELS", "UNKNOWN_CLAIMANT",
           "UNKNOWN_SIDE", "source_key", "event_sources"]

CATEGORY_LABELS = {"killed": "Killed", "wounded": "Wounded", "missing": "Missing", "captured": "Captured",
                   "killed_or_wounded": "Killed or wounded (not split)"}
UNKNOWN_CLAIMANT = "Claimant not stated"
UNKNOWN_SIDE = "Side not stated"


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
class KeyFigures:
    """What one claimant reports of one side: each category's figure (only those given) and the claims."""

    side: str
    claimant: str
    claims: int
    categories: dict[str, FigureRange] = field(default_factory=dict)

    def text(self, category: str) -> str:
        """The category's figure with its range, or "–" when no claim of this row gives it."""
        figure = self.categories.get(category)
        return figure.range_text if figure else "–"


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
    #: one row per (side, claimant): never a figure summed across claimants or sides
    key_figures: tuple[KeyFigures, ...] = ()
    #: running totals given and left out of every figure (they sum many incidents over a period)
    running_totals: int = 0
    #: dates of the claims far from the bulk of the others (outside ``period_start``–``period_end``;
    #: see :mod:`mapper.render.briefing.periods`)
    period_outliers: tuple[dt.date, ...] = ()

    @property
    def period_text(self) -> str:
        return format_period(self.period_start, self.period_end) if self.period_start else "no dated claims"

    @property
    def outliers_text(self) -> str:
        """" (and 1 claim dated far outside it: 14 Dec 2023)", or "" when every dated claim is in the period."""
        days = self.period_outliers
        if not days:
            return ""
        shown = ", ".join(format_date(d) for d in days[:3]) + (f" and {len(days) - 3:,} more" if len(days) > 3 else "")
        return f" (and {len(days):,} claim{'s' * (len(days) != 1)} dated far outside it: {shown})"


def event_total(ev: Event) -> FigureRange:
    """All casualties of one claim (low, best, high), counted once."""
    best = ev.casualties_best if ev.casualties_best is not None else total_casualties(
        {c: getattr(ev, c) for c in CATEGORIES})
    low = ev.casualties_low if ev.casualties_low is not None else best
    high = ev.casualties_high if ev.casualties_high is not None else best
    return FigureRange(best, min(low, best), max(high, best), 1)


def category_figures(ev: Event) -> dict[str, FigureRange]:
    given = {c: getattr(ev, c) for c in CATEGORIES if getattr(ev, c) is not None}
    if len(given) == 1:  # the claim's range is this category's range
        (category, value), = given.items()
        total = event_total(ev)
        return {category: FigureRange(value, min(total.low, value), max(total.high, value), 1)}
    return {c: FigureRange(v, v, v, 1) for c, v in given.items()}


def source_key(source: Source, ev: Event) -> str:
    """One key per report: its URL, else its document id."""
    return (source.url or source.doc_id or ev.source_url or ev.doc_id or "").strip()


def side_name(actor: str | None, theatre: Theatre) -> str:
    """The side an actor stands for: the theatre's side (aliases folded), else the actor as written.

    >>> side_name("", default_theatre()), side_name("Civilians", default_theatre())
    ('Side not stated', 'Civilians')
    """
    return theatre.side_of(actor) or (actor or "").strip() or UNKNOWN_SIDE


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
    rows: dict[tuple[str, str], dict[str, FigureRange]] = {}
    claims: dict[tuple[str, str], int] = {}
    for ev in events:
        key = (side_name(ev.actor, theatre), (ev.claimed_by or "").strip() or UNKNOWN_CLAIMANT)
        figures = rows.setdefault(key, {})
        claims[key] = claims.get(key, 0) + 1
        for category, figure in category_figures(ev).items():
            figures[category] = figures.get(category, FigureRange()) + figure
    order = {s.name: i for i, s in enumerate(theatre.sides)}
    key_figures = sorted((KeyFigures(side, who, claims[side, who], {c: f[c] for c in CATEGORIES if c in f})
                          for (side, who), f in rows.items()),
                         key=lambda r: (r.side == UNKNOWN_SIDE, order.get(r.side, len(order)), r.side,
                                        r.claimant == UNKNOWN_CLAIMANT, -r.claims, r.claimant))
    start, end, outliers = _period(events)
    return BriefingSummary(
        theatre=theatre.name, claims=len(events), located=sum(ev.geometry is not None for ev in events),
        multi_place=sum(len(ev.points) > 1 for ev in events), reports=distinct_reports(events),
        claimants=len({who for _, who in rows} - {UNKNOWN_CLAIMANT}),
        period_start=start, period_end=end, period_outliers=outliers,
        undated=sum(ev.event_date is None for ev in events),
        generated=generated or dt.datetime.now(dt.timezone.utc).date(),
        key_figures=tuple(key_figures), running_totals=running_totals)


def _period(events: list[Event]) -> tuple[dt.date | None, dt.date | None, tuple[dt.date, ...]]:
    """First and last day of the claims in the bulk of the dated ones, and the dates of those far outside."""
    dated = [ev for ev in events if ev.event_date]
    if not dated:
        return None, None, ()
    period = charted_period([ev.event_date for ev in dated], [ev.published for ev in dated])
    kept = [ev for ev in dated if period.holds(ev.event_date)]
    return (min(ev.event_date for ev in kept), max(ev.event_date_end or ev.event_date for ev in kept),
            tuple(sorted(period.left_out)))


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
