"""Event symbols on the situation map, drawn in a few batched matplotlib collections.

A symbol at each place of a claim, its area proportional to the best casualty estimate,
coloured by the side that suffered: a filled circle for a claim at a named place (ACLED
geo-precision 1), a ring for one near a place or across several places (2), a dashed ring
for one placed only in a region (3). A multi-place claim has its ring at each of its places,
joined by a thin line — never one symbol between them, where nothing was claimed::

    >>> symbol_diameter(30, 30), symbol_diameter(3, 30) < symbol_diameter(30, 30)
    (38.0, True)
"""

from __future__ import annotations

from dataclasses import dataclass

from mapper.model.events import Event
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.render.web.popups import actor_colour

__all__ = ["Symbol", "symbol_diameter", "largest_diameter", "draw_events", "spanning_segments", "actor_key",
           "MAX_DIAMETER_PT", "JOIN_GID"]

#: The ``gid`` of the lines joining the places of a multi-place claim.
JOIN_GID = "claim-join"

MAX_DIAMETER_PT = 38.0
MIN_DIAMETER_PT = 6.0


@dataclass(frozen=True)
class Symbol:
    """A drawn claim: centre in map units, diameter in points, its figure and places."""

    x: float
    y: float
    diameter: float
    best: int | None
    places: tuple[tuple[str, float, float], ...]  # (name, x, y) of the place it stands at
    multi: bool  # one of several places of one claim
    event_id: str = ""
    first: bool = True  # the claim's first (or only) symbol: the one that carries its figure


def symbol_diameter(value: float | None, largest: float, max_pt: float = MAX_DIAMETER_PT) -> float:
    """Diameter in points: area proportional to ``value``, ``max_pt`` for the largest."""
    if not value or not largest:
        return MIN_DIAMETER_PT
    return max(MIN_DIAMETER_PT, max_pt * (value / largest) ** 0.5)


def largest_diameter(count: int) -> float:
    """The largest symbol for a map of ``count`` claims: smaller when there are many, so they stay apart."""
    return MAX_DIAMETER_PT if count <= 50 else 28.0 if count <= 500 else 22.0


def actor_key(actor: str, theatre: Theatre | None = None) -> str:
    """The actor's colour key: the side of ``theatre`` (default: the default theatre) it names, else ""
    (other / not stated).

    >>> actor_key("Civilians"), actor_key("Wagner Group")
    ('Civilians', '')
    """
    return (theatre or default_theatre()).side_of(actor)


def spanning_segments(points: list[tuple[float, float]]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The shortest set of straight segments joining every point (a minimum spanning tree, Prim's method).

    >>> spanning_segments([(0, 0), (10, 0), (1, 0)])
    [((0, 0), (1, 0)), ((1, 0), (10, 0))]
    """
    if len(points) < 2:
        return []
    joined, left, segments = [points[0]], list(points[1:]), []
    while left:
        a, b = min(((a, b) for a in joined for b in left), key=lambda ab: (ab[0][0] - ab[1][0]) ** 2
                   + (ab[0][1] - ab[1][1]) ** 2)
        segments.append((a, b))
        joined.append(b)
        left.remove(b)
    return segments


def draw_events(ax, events: list[Event], from_lonlat, *, largest: float, max_pt: float = MAX_DIAMETER_PT,
                theatre: Theatre | None = None) -> list[Symbol]:
    """Draw the located ``events`` on ``ax`` (map CRS via ``from_lonlat``); biggest first, so small ones stay on top.

    A claim with one place is one symbol there; a claim over several places is a ring at each of
    them, joined by a thin line (never one symbol between them, where nothing was claimed). Only the
    first of those rings is :attr:`Symbol.first` (the one that carries the figure).
    """
    from matplotlib.collections import LineCollection

    filled: list[tuple] = []
    rings: dict[str, list[tuple]] = {"-": [], "--": []}
    segments, segment_colours = [], []
    symbols = []
    for ev in sorted(events, key=lambda e: -(e.casualties_best or 0)):
        colour = actor_colour(actor_key(ev.actor, theatre), theatre)
        d = symbol_diameter(ev.casualties_best, largest, max_pt)
        places, seen = [], set()
        for loc in ev.locations:
            if loc.has_point and (loc.longitude, loc.latitude) not in seen:
                seen.add((loc.longitude, loc.latitude))
                places.append((loc.name or loc.mention, *from_lonlat.transform(loc.longitude, loc.latitude)))
        multi = len(places) > 1
        for a, b in spanning_segments([(x, y) for _, x, y in places]):
            segments.append([a, b])
            segment_colours.append(colour)
        for i, (name, x, y) in enumerate(places):
            if (ev.geo_precision or 1) == 1 and not multi:
                filled.append((x, y, d, colour))
            else:
                rings["--" if (ev.geo_precision or 1) >= 3 else "-"].append((x, y, d, colour))
            symbols.append(Symbol(x, y, d, ev.casualties_best, ((name, x, y),), multi, ev.event_id, i == 0))
    if segments:
        ax.add_collection(LineCollection(segments, colors=segment_colours, linewidths=1.1, alpha=0.9, zorder=9,
                                         gid=JOIN_GID))
    if filled:
        x, y, d, c = zip(*filled)
        ax.scatter(x, y, s=[v ** 2 for v in d], c=list(c), alpha=0.75, edgecolors="white", linewidths=0.8, zorder=10)
    for style, items in rings.items():
        if items:
            x, y, d, c = zip(*items)
            sizes = [v ** 2 for v in d]
            ax.scatter(x, y, s=sizes, c=list(c), alpha=0.18, edgecolors="none", zorder=10)
            ax.scatter(x, y, s=sizes, facecolors="none", edgecolors=list(c), linewidths=2.0, linestyles=style,
                       zorder=10.5)
    return symbols
