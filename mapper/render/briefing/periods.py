"""The period a time chart covers: where the bulk of the dated claims lies, outliers left out and named.

One misdated claim (a year read wrongly, a past battle retold) must not stretch a chart of a
fortnight's fighting over twelve months of empty bins. The dated claims are cut into runs
wherever two consecutive dates lie further apart than :data:`GAP_DAYS`, or than twice the median
gap between consecutive dates when there are four or more (claims spread evenly over a year stay
one run); the run holding the most
claims is the bulk (a tie goes to the run whose claims lie nearest their reports' publication
dates, then to the latest). Runs at either end are left out while together they hold no more
than a tenth of the dated claims (at least one claim may always be left out); everything
between the first and last run kept is charted, gaps included. The slide names what was
left out. When nothing is far from the rest, the chart spans every dated claim::

    >>> import datetime as dt
    >>> days = [dt.date(2024, 12, d) for d in (10, 12, 14, 15)] + [dt.date(2023, 12, 14)]
    >>> period = charted_period(days)
    >>> period.start, period.end, period.left_out
    (datetime.date(2024, 12, 10), datetime.date(2024, 12, 15), [datetime.date(2023, 12, 14)])
    >>> charted_period([dt.date(2024, m, 1) for m in (1, 3, 5, 7)]).left_out
    []
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["ChartedPeriod", "charted_period", "GAP_DAYS", "OUTLIER_SHARE"]

#: Dates further apart than this (or than twice the median gap, with four claims or more) split the runs.
GAP_DAYS = 31
#: At most this share of the dated claims (and at least one claim) is left out as outliers.
OUTLIER_SHARE = 0.10


@dataclass
class ChartedPeriod:
    """The first and last day charted, and the dates of the claims left out (in the input's order)."""

    start: dt.date
    end: dt.date
    left_out: list[dt.date] = field(default_factory=list)

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def _day(value) -> dt.date | None:
    """A publication date as a date (a datetime's day; anything else: None)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _distance(run: list[int], dates: Sequence[dt.date], published: Sequence[dt.date | None]) -> float:
    """Mean days between the run's claims and their reports' publication (infinite when none is dated)."""
    gaps = [abs((day - dates[i]).days) for i in run if (day := _day(published[i])) is not None]
    return sum(gaps) / len(gaps) if gaps else float("inf")


def charted_period(dates: Sequence[dt.date], published: Sequence[dt.date | None] | None = None) -> ChartedPeriod:
    """The period to chart for claims dated ``dates`` (``published``: each claim's report date, for ties)."""
    if not dates:
        raise ValueError("no dated claims to chart")
    published = published if published is not None else [None] * len(dates)
    order = sorted(range(len(dates)), key=lambda i: dates[i])
    gaps = sorted((dates[b] - dates[a]).days for a, b in zip(order, order[1:]))
    limit = max(GAP_DAYS, 2 * gaps[len(gaps) // 2]) if len(dates) >= 4 else GAP_DAYS
    runs: list[list[int]] = [[order[0]]]
    for i in order[1:]:
        if (dates[i] - dates[runs[-1][-1]]).days > limit:
            runs.append([])
        runs[-1].append(i)
    bulk = max(range(len(runs)), key=lambda r: (len(runs[r]), -_distance(runs[r], dates, published), r))
    allowance = max(1, int(len(dates) * OUTLIER_SHARE))
    first, last, dropped = 0, len(runs) - 1, 0
    while first < bulk or last > bulk:
        left = len(runs[first]) if first < bulk else None
        right = len(runs[last]) if last > bulk else None
        take_left = right is None or (left is not None and left <= right)
        size = left if take_left else right
        if dropped + size > allowance:
            break
        dropped += size
        if take_left:
            first += 1
        else:
            last -= 1
    kept = {i for run in runs[first:last + 1] for i in run}
    return ChartedPeriod(dates[runs[first][0]], dates[runs[last][-1]],
                         [dates[i] for i in range(len(dates)) if i not in kept])
