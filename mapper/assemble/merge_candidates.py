"""Which pairs of events are worth comparing for a merge, found without comparing all pairs.

Merged events agree on every figure they share, are dated within ``days`` of each other, and
name places within ``km`` of each other (or a place in common). Each event is filed under
(figure, week, grid cell), and (figure, week, place id) for places without coordinates; it then
looks only where a partner can be. Weeks and cells are at least twice the tolerance, so an event needs to look in just two
weeks (the one it is in and the nearer neighbour) and four cells (its own and the three
nearest), not in three weeks and nine cells::

    >>> import datetime
    >>> from mapper.model.events import Event, EventLocation
    >>> def at(doc, lat, lon, day):
    ...     loc = EventLocation(doc, doc, lat, lon, "RU", "", "", f"id-{doc}", 1, True, "")
    ...     return Event(f"ev-{doc}", doc, killed=3, event_date=datetime.date(2024, 12, day), locations=(loc,))
    >>> list(candidate_pairs([at("a", 51.10, 35.30, 14), at("b", 51.14, 35.41, 16), at("c", 51.9, 35.3, 14)],
    ...                      days=3, km=10))
    [(0, 1)]

Each key keeps its events per document and an event is paired only with other documents'
events, so work grows with the number of events and of pairs across documents, not with how many
claims of one document share a figure, a place and a week (a one-line report of 100,000 claims).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from mapper.model.events import CATEGORIES, Event

__all__ = ["candidate_pairs", "grid_keys", "MAX_KM"]

#: Latitude bands: (largest |latitude|, cell width in degrees of longitude). A cell is at least
#: 0.2° (22 km) high and, within its band, at least 24 km wide; beyond 73° a row is one cell.
_BANDS = ((56.0, 0.4), (73.0, 0.8), (90.0, 360.0))
_CELL_HEIGHT = 0.2
#: A point this close (in degrees of latitude, 11 km) to a band edge is filed in both bands.
_BAND_MARGIN = 0.1
#: The largest place tolerance the grid allows: half the smallest cell side (11 km) with a margin
#: for the difference between a great circle and a parallel.
MAX_KM = 10.0
#: Weeks of this many days: twice the largest date tolerance the cells are built for.
_WEEK_DAYS = 7
#: An event spread over more weeks is filed under its first ones only.
_MAX_WEEKS = 9


def _band(abs_lat: float) -> int:
    return 0 if abs_lat <= _BANDS[0][0] else 1 if abs_lat <= _BANDS[1][0] else 2


def grid_keys(lon: float, lat: float) -> tuple[list[tuple], list[tuple]]:
    """``(cells the point is filed in, cells it looks in)`` for one point.

    >>> grid_keys(35.33, 51.10)
    ([(0, 88, 255)], [(0, 88, 255), (0, 87, 255), (0, 88, 256), (0, 87, 256)])
    """
    abs_lat = abs(lat)
    own = _band(abs_lat)
    y_float = lat / _CELL_HEIGHT
    y = math.floor(y_float)
    dy = 1 if y_float - y >= 0.5 else -1
    x_float = lon / _BANDS[own][1]
    x = math.floor(x_float)
    dx = 1 if x_float - x >= 0.5 else -1
    probe = [(own, x, y), (own, x + dx, y), (own, x, y + dy), (own, x + dx, y + dy)]
    filed = [(own, x, y)]
    for edge, _ in _BANDS[:-1]:
        if abs(abs_lat - edge) <= _BAND_MARGIN:  # near a band edge: filed in the other band too
            other = _band(edge) if own != _band(edge) else _band(edge + 2 * _BAND_MARGIN)
            filed.append((other, math.floor(lon / _BANDS[other][1]), y))
    return filed, probe


def _weeks(ev: Event, days: int) -> tuple[range, range]:
    """``(weeks the event is filed under, weeks it looks in)``."""
    start = ev.event_date.toordinal()
    end = (ev.event_date_end or ev.event_date).toordinal()
    first = start // _WEEK_DAYS
    filed = range(first, min(end // _WEEK_DAYS, first + _MAX_WEEKS - 1) + 1)
    probe = range((start - days) // _WEEK_DAYS, (end + days) // _WEEK_DAYS + 1)
    return filed, probe


def candidate_pairs(events: Sequence[Event], *, days: int, km: float) -> Iterator[tuple[int, int]]:
    """Pairs of indices ``(i, j)``, ``i < j``, of events from different documents that may be the
    same: every pair within ``days`` and ``km`` that shares a figure is among them, each once."""
    if 2 * days >= _WEEK_DAYS or km > MAX_KM:
        raise ValueError(f"the grid is built for tolerances under {_WEEK_DAYS / 2} days and up to {MAX_KM} km")
    buckets: dict[tuple, dict[str, list[int]]] = {}  # key -> document -> its events, in index order
    probes = []
    for i, ev in enumerate(events):
        figures = [(c, getattr(ev, c)) for c in CATEGORIES if getattr(ev, c) is not None]
        if ev.event_date:
            weeks, probe_weeks = _weeks(ev, days)
        else:
            weeks = probe_weeks = (None,)
        filed_places, probe_places = set(), set()
        for lon, lat in ev.points:
            filed, probe = grid_keys(lon, lat)
            filed_places.update(filed)
            probe_places.update(probe)
        # A place without a point can only match by its id (the gazetteer's, else the mention as
        # written); places with points that share an id share a cell too.
        ids = {loc.gazetteer_id or loc.mention.casefold() for loc in ev.locations if not loc.has_point}
        filed_places.update(ids)
        probe_places.update(ids)
        probes.append((figures, probe_weeks, probe_places))
        for f in figures:
            for w in weeks:
                for place in filed_places:
                    buckets.setdefault((f, w, place), {}).setdefault(ev.doc_id, []).append(i)
    for j, (figures, probe_weeks, probe_places) in enumerate(probes):
        partners = _partners(buckets, events[j].doc_id, j, figures, probe_weeks, probe_places)
        yield from ((i, j) for i in sorted(partners))


def _partners(buckets: dict, doc: str, j: int, figures, probe_weeks, probe_places) -> set[int]:
    """Events before ``j`` of documents other than ``doc`` filed under a key event ``j`` looks in."""
    partners: set[int] = set()
    for f in figures:
        for w in probe_weeks:
            for place in probe_places:
                by_doc = buckets.get((f, w, place))
                if not by_doc:
                    continue
                for other, found in by_doc.items():
                    if other != doc:
                        # ``found`` is in index order: the events before ``j`` are a prefix of it
                        partners.update(found[:bisect_left(found, j)])
    return partners
