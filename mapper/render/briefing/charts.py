"""Native PowerPoint charts: casualties over time and by place, stacked by the side that suffered.

The charts are python-pptx chart objects (editable in PowerPoint, data in the deck), not
pictures. Each claim adds its best estimate once: a claim naming several places appears
under those places together ("Plyokhovo + Martynovka"), never once per village::

    >>> import datetime as dt
    >>> from mapper.model.events import Event
    >>> evs = [Event("a", "d", event_date=dt.date(2024, 12, 14), killed=5, casualties_best=5, actor="Civilians"),
    ...        Event("b", "d", event_date=dt.date(2024, 12, 16), wounded=2, casualties_best=2, actor="Civilians")]
    >>> series = casualties_by_date(evs)
    >>> series.categories, series.values
    (['14 Dec', '15 Dec', '16 Dec'], {'Civilians': [5, 0, 2]})
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Pt

from mapper.render.briefing.summary import event_total
from mapper.render.briefing.template import DECK_FONT, Box
from mapper.render.briefing.textfit import fit_lines
from mapper.render.briefing.wording import place_group
from mapper.model.events import Event
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.render.web.popups import actor_colour

__all__ = ["ChartSeries", "casualties_by_date", "casualties_by_place", "add_chart", "OTHER_SIDE"]

OTHER_SIDE = "Other / not stated"
_DAILY_MAX_DAYS = 45
_WEEKLY_MAX_DAYS = 45 * 7
_PLACE_LABEL_PT = 10


@dataclass
class ChartSeries:
    """Categories (x axis), one list of values per side, and what a category stands for."""

    categories: list[str]
    values: dict[str, list[int]] = field(default_factory=dict)
    unit: str = "day"
    left_out: int = 0  # claims not in the chart (undated, or beyond the places shown)

    @property
    def empty(self) -> bool:
        return not self.categories or not any(any(v) for v in self.values.values())


def _side(actor: str, theatre: Theatre) -> str:
    return theatre.side_of(actor) or OTHER_SIDE


def _sides(events: list[Event], theatre: Theatre) -> list[str]:
    sides = {_side(ev.actor, theatre) for ev in events}
    return sorted(sides, key=lambda s: (s == OTHER_SIDE, s))


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
    """Best estimates summed by day (by week or month for long periods), every bin shown; one series
    per side of ``theatre`` (default: the default theatre) named, then the others together."""
    theatre = theatre or default_theatre()
    dated = [ev for ev in events if ev.event_date]
    if not dated:
        return ChartSeries([], {}, left_out=len(events))
    first, last = min(ev.event_date for ev in dated), max(ev.event_date for ev in dated)
    span = (last - first).days + 1
    unit = "day" if span <= _DAILY_MAX_DAYS else "week" if span <= _WEEKLY_MAX_DAYS else "month"
    bins = []
    day = _bin(first, unit)
    while day <= last:
        bins.append(day)
        day = _next(day, unit)
    index = {b: i for i, b in enumerate(bins)}
    values = {side: [0] * len(bins) for side in _sides(dated, theatre)}
    for ev in dated:
        values[_side(ev.actor, theatre)][index[_bin(ev.event_date, unit)]] += event_total(ev).best
    years = first.year != last.year
    return ChartSeries([_label(b, unit, years) for b in bins], values, unit, len(events) - len(dated))


def casualties_by_place(events: list[Event], *, top: int = 12, theatre: Theatre | None = None) -> ChartSeries:
    """Best estimates by place (multi-place claims under their places together), the largest ``top``;
    series by side as for :func:`casualties_by_date`."""
    theatre = theatre or default_theatre()
    totals: dict[str, dict[str, int]] = {}
    for ev in events:
        group = totals.setdefault(place_group(ev), {})
        side = _side(ev.actor, theatre)
        group[side] = group.get(side, 0) + event_total(ev).best
    ranked = sorted(totals.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    shown, rest = ranked[:top], ranked[top:]
    if rest:
        other: dict[str, int] = {}
        for _, by_side in rest:
            for side, value in by_side.items():
                other[side] = other.get(side, 0) + value
        shown.append((f"{len(rest)} other places", other))
    sides = _sides(events, theatre)
    labels = [" ".join(fit_lines(name, _PLACE_LABEL_PT, 200, max_lines=1)) for name, _ in shown]
    return ChartSeries(labels, {s: [by_side.get(s, 0) for _, by_side in shown] for s in sides}, "place")


def add_chart(slide, box: Box, series: ChartSeries, *, horizontal: bool = False, theatre: Theatre | None = None):
    """A stacked column (or bar) chart of ``series`` in ``box``; sides in their map colours (``theatre``'s)."""
    data = CategoryChartData()
    data.categories = series.categories
    for side, values in series.values.items():
        data.add_series(side, values)
    kind = XL_CHART_TYPE.BAR_STACKED if horizontal else XL_CHART_TYPE.COLUMN_STACKED
    chart = slide.shapes.add_chart(kind, box.left, box.top, box.width, box.height, data).chart
    chart.font.name = DECK_FONT
    chart.font.size = Pt(11)
    chart.has_title = False
    chart.has_legend = len(series.values) > 0
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.gap_width = 200 if len(series.categories) <= 3 else 40 if horizontal else 60
    plot.overlap = 100
    for plotted, side in zip(plot.series, series.values):
        plotted.format.fill.solid()
        plotted.format.fill.fore_color.rgb = RGBColor.from_string(actor_colour("" if side == OTHER_SIDE else side, theatre)[1:])
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
