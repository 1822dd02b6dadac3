"""Native PowerPoint charts: killed and wounded claimed over time and by place, one series per side and claimant.

The charts are python-pptx chart objects (editable in PowerPoint, data in the deck), not
pictures. Columns are clustered, never stacked: no bar adds two sides or two claimants. A
series is one side as one claimant tells it ("North Korean forces, per GUR"); missing and
captured are not charted (they are in the key figures). Each claim adds its killed and wounded
once: a claim naming several places appears under those places together ("Plyokhovo +
Martynovka"), never once per village. Only dated claims are charted, over the period holding
the bulk of them (:mod:`mapper.render.briefing.periods`); the others are counted for a note::

    >>> import datetime as dt
    >>> from mapper.model.events import CATEGORIES, Event
    >>> evs = [Event("a", "d", event_date=dt.date(2024, 12, 14), killed=5, casualties_best=5, actor="Civilians"),
    ...        Event("b", "d", event_date=dt.date(2024, 12, 16), wounded=2, missing=1, casualties_best=3,
    ...              actor="Civilians"),
    ...        Event("c", "d", killed=4, casualties_best=4, actor="Civilians")]
    >>> series = casualties_by_date(evs)
    >>> series.categories, series.values, series.undated
    (['14 Dec', '15 Dec', '16 Dec'], {'Civilians': [5, 0, 2]}, 1)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Pt

from mapper.render.briefing.periods import charted_period
from mapper.render.briefing.summary import event_total, side_name
from mapper.render.briefing.template import DECK_FONT, Box
from mapper.render.briefing.textfit import fit_lines
from mapper.render.briefing.wording import place_group
from mapper.model.events import CATEGORIES, Event
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.render.web.popups import actor_colour

__all__ = ["ChartSeries", "casualties_by_date", "casualties_by_place", "place_groups", "add_chart", "series_label",
           "charted_figure", "MAX_SERIES"]

_DAILY_MAX_DAYS = 45
_WEEKLY_MAX_DAYS = 45 * 7
_PLACE_LABEL_PT = 10
#: At most this many series (side and claimant) in a chart, the largest; the others are counted in a note.
MAX_SERIES = 6


@dataclass
class ChartSeries:
    """Categories (x axis), one list of values per series (a side as one claimant tells it), and notes."""

    categories: list[str]
    values: dict[str, list[int]] = field(default_factory=dict)
    unit: str = "day"
    #: the side of each series (for its colour)
    sides: dict[str, str] = field(default_factory=dict)
    undated: int = 0  # claims without a date (not in a time chart)
    outliers: list[dt.date] = field(default_factory=list)  # dated claims outside the period charted
    period: tuple[dt.date, dt.date] | None = None
    other_series: int = 0  # series beyond :data:`MAX_SERIES`, not charted
    other_places: int = 0  # place groups beyond the largest shown (not charted)
    unplaced: int = 0  # claims with no place (not in a place chart)

    @property
    def empty(self) -> bool:
        return not self.categories or not any(any(v) for v in self.values.values())


def charted_figure(ev: Event) -> int:
    """The killed and wounded of a claim (best estimate when it gives no category; missing and captured not).

    >>> charted_figure(Event("a", "d", killed=3, missing=2)), charted_figure(Event("b", "d", casualties_best=7))
    (3, 7)
    """
    given = [getattr(ev, c) for c in CATEGORIES if getattr(ev, c) is not None]
    if not given:
        return event_total(ev).best
    return sum(getattr(ev, c) or 0 for c in ("killed", "wounded", "killed_or_wounded"))


def series_label(ev: Event, theatre: Theatre) -> tuple[str, str]:
    """The series a claim belongs to and its side: ``("North Korean forces, per GUR", "North Korean forces")``."""
    side = side_name(ev.actor, theatre)
    who = " ".join((ev.claimed_by or "").split())
    return (f"{side}, per {who}" if who else side), side


def _series(events: list[Event], theatre: Theatre, key) -> tuple[dict[str, dict], dict[str, str], int]:
    """Totals by series and by ``key(ev)``; the series kept (the largest :data:`MAX_SERIES`) and how many not."""
    totals: dict[str, dict] = {}
    sides: dict[str, str] = {}
    for ev in events:
        value = charted_figure(ev)
        if not value:
            continue
        label, side = series_label(ev, theatre)
        sides[label] = side
        by_key = totals.setdefault(label, {})
        k = key(ev)
        by_key[k] = by_key.get(k, 0) + value
    order = {s.name: i for i, s in enumerate(theatre.sides)}
    ranked = sorted(totals, key=lambda s: (-sum(totals[s].values()), s))
    kept = sorted(ranked[:MAX_SERIES], key=lambda s: (order.get(sides[s], len(order)), sides[s], s))
    return {s: totals[s] for s in kept}, {s: sides[s] for s in kept}, len(ranked) - len(kept)
def _bin(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day + dt.timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def _label(day: dt.date, unit: str, years: bool) -> str:
    if unit == "month":
        return f"{day:%b %Y}"
    text = f"{day.day} {day:%b}" + (f" {day:%y}" if years else "")
    return f"w/c {text}" if unit == "week" else text


def casualties_by_date(events: list[Event], *, theatre: Theatre | None = None) -> ChartSeries:
    """Killed and wounded by day (by week or month for long periods) over the period holding the bulk of
    the dated claims, every bin shown; one series per side and claimant of ``theatre`` (default: the
    default theatre)."""
    theatre = theatre or default_theatre()
    shown, undated, outliers, period = _charted(events)
    if period is None:
        return ChartSeries([], {}, undated=undated)
    first, last = period
    span = (last - first).days + 1
    unit = "day" if span <= _DAILY_MAX_DAYS else "week" if span <= _WEEKLY_MAX_DAYS else "month"
    bins = []
    day = _bin(first, unit)
    while day <= last:
        bins.append(day)
        day = _next(day, unit)
    index = {b: i for i, b in enumerate(bins)}
    totals, sides, others = _series(shown, theatre, lambda ev: index[_bin(ev.event_date, unit)])
    values = {s: [by_bin.get(i, 0) for i in range(len(bins))] for s, by_bin in totals.items()}
    years = first.year != last.year
    return ChartSeries([_label(b, unit, years) for b in bins], values, unit, sides, undated, outliers, period, others)


def place_groups(events: list[Event]) -> list[tuple[str, list[Event]]]:
    """The placed claims by place group (a multi-place claim under its places together), most claims first."""
    groups: dict[str, list[Event]] = {}
    for ev in events:
        if ev.points:
            groups.setdefault(place_group(ev), []).append(ev)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), -sum(event_total(e).best for e in kv[1]), kv[0]))


def _charted(events: list[Event]) -> tuple[list[Event], int, list[dt.date], tuple[dt.date, dt.date] | None]:
    """The dated claims in the period holding the bulk of them; how many undated; the outliers' dates."""
    dated = [ev for ev in events if ev.event_date]
    if not dated:
        return [], len(events), [], None
    period = charted_period([ev.event_date for ev in dated], [ev.published for ev in dated])
    return ([ev for ev in dated if period.holds(ev.event_date)], len(events) - len(dated), sorted(period.left_out),
            (period.start, period.end))


def casualties_by_place(events: list[Event], *, top: int = 12, theatre: Theatre | None = None) -> ChartSeries:
    """Killed and wounded by place group, the ``top`` groups with the most claims (the others counted
    in ``other_places``, not charted: one bar adding hundreds of places would dwarf the rest), over the dated claims charted over time; series as for :func:`casualties_by_date`. Empty when fewer
    than two places carry claims: one bar says nothing the key figures do not."""
    theatre = theatre or default_theatre()
    charted, undated, outliers, period = _charted(events)
    groups = place_groups(charted)
    unplaced = sum(not ev.points for ev in charted)
    if len(groups) < 2:
        return ChartSeries([], {}, "place", undated=undated, outliers=outliers, unplaced=unplaced)
    names = [name for name, _ in groups[:top]]
    rest = len(groups) - len(names)
    where = {id(ev): i for i, (_, evs) in enumerate(groups[:top]) for ev in evs}
    placed = [ev for _, evs in groups[:top] for ev in evs]
    totals, sides, others = _series(placed, theatre, lambda ev: where[id(ev)])
    labels = [" ".join(fit_lines(name, _PLACE_LABEL_PT, 200, max_lines=1)) for name in names]
    values = {s: [by.get(i, 0) for i in range(len(names))] for s, by in totals.items()}
    return ChartSeries(labels, values, "place", sides, undated, outliers, period, other_series=others,
                       other_places=rest, unplaced=unplaced)


def _shade(colour: str, step: int) -> RGBColor:
    """The side's colour, lighter for each further claimant of the same side."""
    mix = min(0.6, 0.3 * step)
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return RGBColor(*(round(v + (255 - v) * mix) for v in (r, g, b)))


def add_chart(slide, box: Box, series: ChartSeries, *, horizontal: bool = False, theatre: Theatre | None = None):
    """A clustered column (or bar) chart of ``series`` in ``box``; sides in their map colours (``theatre``'s)."""
    data = CategoryChartData()
    data.categories = series.categories
    for side, values in series.values.items():
        data.add_series(side, values)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    chart = slide.shapes.add_chart(kind, box.left, box.top, box.width, box.height, data).chart
    chart.font.name = DECK_FONT
    chart.font.size = Pt(11)
    chart.has_title = False
    chart.has_legend = len(series.values) > 0
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(10)
    plot = chart.plots[0]
    plot.gap_width = 200 if len(series.categories) <= 3 else 40 if horizontal else 60
    plot.overlap = 0
    seen: dict[str, int] = {}
    for plotted, label in zip(plot.series, series.values):
        side = series.sides.get(label, label)
        plotted.format.fill.solid()
        plotted.format.fill.fore_color.rgb = _shade(actor_colour(side, theatre), seen.get(side, 0))
        seen[side] = seen.get(side, 0) + 1
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    value_axis.tick_labels.number_format = "#,##0"
    value_axis.tick_labels.number_format_is_linked = False
    category_axis = chart.category_axis
    category_axis.tick_labels.font.size = Pt(_PLACE_LABEL_PT if horizontal else 10)
    if horizontal:
        category_axis.reverse_order = True  # largest at the top
    return chart
