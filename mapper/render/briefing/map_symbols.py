"""Event symbols on the situation map, drawn in a few batched matplotlib collections.

One symbol per claim, at the middle of its places, its area proportional to the best
casualty estimate, coloured by the side that suffered: a filled circle for a claim at a
named place (ACLED geo-precision 1), a ring for one near a place or across several
places (2), a dashed ring for one placed only in a region (3). A multi-place claim is
joined by thin lines to a small open circle at each of its places::

    >>> symbol_diameter(30, 30), symbol_diameter(3, 30) < symbol_diameter(30, 30)
    (38.0, True)
"""

from __future__ import annotations

from dataclasses import dataclass

from mapper.model.events import Event
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.render.web.popups import actor_colour

__all__ = ["Symbol", "symbol_diameter", "largest_diameter", "draw_events", "actor_key", "MAX_DIAMETER_PT"]

MAX_DIAMETER_PT = 38.0
MIN_DIAMETER_PT = 6.0


@dataclass(frozen=True)
class Symbol:
    """A drawn claim: centre in map units, diameter in points, its figure and places."""

    x: float
    y: float
    diameter: float
    best: int | None
    places: tuple[tuple[str, float, float], ...]  # (name, x, y) of each resolved place
    multi: bool


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


def draw_events(ax, events: list[Event], from_lonlat, *, largest: float, max_pt: float = MAX_DIAMETER_PT,
                theatre: Theatre | None = None) -> list[Symbol]:
    """Draw the located ``events`` on ``ax`` (map CRS via ``from_lonlat``); biggest first, so small ones stay on top."""
    from matplotlib.collections import LineCollection

    filled: list[tuple] = []
    rings: dict[str, list[tuple]] = {"-": [], "--": []}
    segments, segment_colours, place_points, place_colours = [], [], [], []
    symbols = []
    for ev in sorted(events, key=lambda e: -(e.casualties_best or 0)):
        colour = actor_colour(actor_key(ev.actor, theatre), theatre)
        d = symbol_diameter(ev.casualties_best, largest, max_pt)
        cx, cy = from_lonlat.transform(ev.longitude, ev.latitude)
        places = tuple((loc.name or loc.mention, *from_lonlat.transform(loc.longitude, loc.latitude))
                       for loc in ev.locations if loc.has_point)
        multi = len(ev.points) > 1
        if multi:
            for _, px, py in places:
                segments.append([(cx, cy), (px, py)])
                segment_colours.append(colour)
                place_points.append((px, py))
                place_colours.append(colour)
        if (ev.geo_precision or 1) == 1 and not multi:
            filled.append((cx, cy, d, colour))
        else:
            rings["--" if (ev.geo_precision or 1) >= 3 else "-"].append((cx, cy, d, colour))
        symbols.append(Symbol(cx, cy, d, ev.casualties_best, places, multi))
    if segments:
        ax.add_collection(LineCollection(segments, colors=segment_colours, linewidths=0.9, alpha=0.8, zorder=9))
        ax.scatter(*zip(*place_points), s=16, facecolors="white", edgecolors=place_colours, linewidths=1.2,
                   zorder=11)
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
