"""What the situation map shows: its extent, and the places it leaves out.

The view is fitted to the claims' places in the theatre (padded, at least 60 km, widened to
the axes' shape), or to the theatre when no claim is placed in it. A place outside the
theatre (a misread name resolved in the Philippines) is neither drawn nor allowed to stretch
the view to the world: it is listed in a note on the map::

    >>> from gazetteer.theatre import Theatre
    >>> box = Theatre("T", (50.0, 35.0, 51.0, 36.0), frozenset(), frozenset())
    >>> split_by_theatre([], box)
    ([], [])
"""

from __future__ import annotations

from gazetteer.theatre import Theatre
from mapper.model.events import Event
from mapper.render.place_names import short_name

__all__ = ["fit_view", "split_by_theatre", "outside_note", "THEATRE_MARGIN"]

_MIN_SPAN_M = 60_000.0
_PAD = 0.18
#: Degrees beyond the theatre's box within which a place is still drawn.
THEATRE_MARGIN = 0.5
_MAX_OUTSIDE_LISTED = 4


def fit_view(events: list[Event], theatre: Theatre, aspect: float, tiles: bool):
    """The map CRS and its ``(xmin, ymin, xmax, ymax)`` view with the axes' aspect ratio."""
    import geopandas
    from shapely.geometry import MultiPoint, box

    points = [pt for ev in events for pt in ev.points]
    south, west, north, east = theatre.bbox
    area = MultiPoint(points).envelope if points else box(west, south, east, north)
    series = geopandas.GeoSeries([area], crs="EPSG:4326")
    crs = "EPSG:3857" if tiles else series.estimate_utm_crs().to_string()
    xmin, ymin, xmax, ymax = series.to_crs(crs).total_bounds
    span_x = max((xmax - xmin) * (1 + 2 * _PAD), _MIN_SPAN_M)
    span_y = max((ymax - ymin) * (1 + 2 * _PAD), _MIN_SPAN_M)
    if span_x / span_y < aspect:
        span_x = span_y * aspect
    else:
        span_y = span_x / aspect
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    return crs, (cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2)


def split_by_theatre(events: list[Event], theatre: Theatre) -> tuple[list[Event], list[str]]:
    """The events with only their places in the theatre (those with none left are dropped) and
    the places left out, each once, with the number of claims naming it.

    A claim's place far away (a misread name resolved in the Philippines) must neither be drawn
    nor stretch the map to the world: it is listed instead.
    """
    import dataclasses

    kept, outside = [], {}
    for ev in events:
        far = [loc for loc in ev.locations if loc.has_point and not theatre.contains_point(
            loc.latitude, loc.longitude, margin=THEATRE_MARGIN)]
        if not far:
            kept.append(ev)
            continue
        for loc in far:
            key = f"{short_name(loc.name or loc.mention)} ({loc.country_code or '?'}, {loc.latitude:.2f}, " \
                  f"{loc.longitude:.2f})"
            outside[key] = outside.get(key, 0) + 1
        near = tuple(loc for loc in ev.locations if loc not in far)
        if any(loc.has_point for loc in near):
            kept.append(dataclasses.replace(ev, locations=near))
    return kept, [key if n == 1 else f"{key} ×{n}" for key, n in outside.items()]


def outside_note(ax, theatre: Theatre, outside: list[str]):
    """A boxed note in the map's lower right naming the places not drawn."""
    from matplotlib.offsetbox import AnchoredText

    listed = "; ".join(outside[:_MAX_OUTSIDE_LISTED])
    if len(outside) > _MAX_OUTSIDE_LISTED:
        listed += f"; and {len(outside) - _MAX_OUTSIDE_LISTED} more"
    text = f"Not drawn, outside the theatre ({theatre.name}):\n{listed}"
    box = AnchoredText(text, loc="lower right", frameon=True, borderpad=0.6, pad=0.35,
                       prop={"fontsize": 8, "family": "DejaVu Sans", "color": "#5a1a1a"})
    box.patch.set(facecolor="white", edgecolor="#8a3a3a", alpha=0.92)
    box.set_zorder(31)
    ax.add_artist(box)
    return box
