"""The situation map's locator inset and title block.

The inset is a small overview map in a corner of the situation map: the bundled Natural
Earth countries, the oblast outlines, the border, a few large cities from the offline
gazetteer, the theatre's box (dashed) and the main map's extent (a red box), so a reader
sees where the view lies. Everything comes from bundled data: nothing is fetched. The
corner is the first of top-left, bottom-right, top-right that holds no event symbol::

    >>> inset_extent((50.9, 34.6, 51.5, 36.1), (49.8, 32.9, 52.5, 38.6))
    (30.4, 47.3, 41.1, 55.0)
"""

from __future__ import annotations

import datetime as dt

__all__ = ["INSET_GID", "inset_extent", "draw_locator_inset", "draw_title_block", "title_lines"]

#: The ``gid`` of the inset axes and of its extent box.
INSET_GID = "locator-inset"
_MARGIN_DEG = 2.5
_INSET_W_IN, _INSET_H_IN = 1.9, 1.45
_CITY_POPULATION = 250_000
_MAX_CITIES = 7
#: (left, bottom) of the inset in axes fractions, for each corner, in order of preference.
_CORNERS = {"top-left": (0.01, -0.01), "bottom-right": (-0.01, 0.01), "top-right": (-0.075, -0.01)}


def inset_extent(view_bounds, theatre_bbox) -> tuple[float, float, float, float]:
    """``(west, south, east, north)`` in degrees of the inset: the theatre and the view, with a margin.

    ``view_bounds`` is ``(south, west, north, east)`` like ``theatre_bbox``.
    """
    south = min(view_bounds[0], theatre_bbox[0]) - _MARGIN_DEG
    west = min(view_bounds[1], theatre_bbox[1]) - _MARGIN_DEG
    north = max(view_bounds[2], theatre_bbox[2]) + _MARGIN_DEG
    east = max(view_bounds[3], theatre_bbox[3]) + _MARGIN_DEG
    return tuple(round(v, 6) for v in (west, south, east, north))


def _fit(bounds, aspect: float) -> tuple[float, float, float, float]:
    """``bounds`` cut down (about their centre) to the width:height ``aspect``: never beyond the data."""
    xmin, ymin, xmax, ymax = bounds
    w, h = xmax - xmin, ymax - ymin
    if w / h > aspect:
        w = h * aspect
    else:
        h = w / aspect
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def _corner(ax, symbols, size, taken: tuple[str, ...] = ()) -> tuple[float, float]:
    """Axes-fraction (left, bottom) of the first corner (not ``taken``) whose inset would cover no event symbol."""
    width, height = size
    spots = []
    for dx, dy in (xy for name, xy in _CORNERS.items() if name not in taken):
        left = dx if dx >= 0 else 1 - width + dx
        bottom = dy if dy >= 0 else 1 - height + dy
        spots.append((left, bottom))
    to_axes = ax.transAxes.inverted()
    for left, bottom in spots:
        covered = False
        for sym in symbols:
            x, y = to_axes.transform(ax.transData.transform((sym.x, sym.y)))
            if left - 0.03 <= x <= left + width + 0.03 and bottom - 0.03 <= y <= bottom + height + 0.03:
                covered = True
                break
        if not covered:
            return left, bottom
    return spots[0]


def draw_locator_inset(ax, frames: dict, crs: str, view, theatre, symbols, index=None, label=str,
                       taken: tuple[str, ...] = ()):
    """Draw the inset in a corner of ``ax``; return its axes (its ``gid`` is :data:`INSET_GID`).

    ``frames``: the base layers in ``crs`` (countries, oblasts, border); ``view``: the main
    map's ``(xmin, ymin, xmax, ymax)`` in ``crs``; ``symbols``: the drawn event symbols, kept clear;
    ``label``: turns a gazetteer place into its label (the map's script); ``taken``: corners
    ("bottom-right", ...) holding something else.
    """
    from matplotlib import patches
    from pyproj import Transformer
    from shapely.geometry import box

    fig = ax.figure
    frame = ax.get_window_extent()
    size = (_INSET_W_IN * fig.dpi / frame.width, _INSET_H_IN * fig.dpi / frame.height)
    left, bottom = _corner(ax, symbols, size, taken)
    inset = ax.inset_axes((left, bottom, *size), zorder=32)
    inset.set_gid(INSET_GID)
    to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    from_lonlat = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    corners = [to_lonlat.transform(x, y) for x in (view[0], view[2]) for y in (view[1], view[3])]
    view_deg = (min(c[1] for c in corners), min(c[0] for c in corners), max(c[1] for c in corners),
                max(c[0] for c in corners))
    west, south, east, north = inset_extent(view_deg, theatre.bbox)
    outline = [from_lonlat.transform(lon, lat) for lon, lat in ((west, south), (east, south), (east, north),
                                                                (west, north))]
    xs, ys = zip(*outline)
    # the bundled countries' own lon/lat extent, as the largest upright box inside it once projected
    # (its sides are slanted in the map's projection): nothing is drawn beyond the data
    d_west, d_south, d_east, d_north = frames["countries"].to_crs("EPSG:4326").total_bounds
    sw, nw, se, ne = (from_lonlat.transform(lon, lat) for lon, lat in ((d_west, d_south), (d_west, d_north),
                                                                      (d_east, d_south), (d_east, d_north)))
    data = (max(sw[0], nw[0]), max(sw[1], se[1]), min(se[0], ne[0]), min(nw[1], ne[1]))
    trim = (data[2] - data[0]) * 0.01
    data = (data[0] + trim, data[1] + trim, data[2] - trim, data[3] - trim)
    wanted = (max(min(xs), data[0]), max(min(ys), data[1]), min(max(xs), data[2]), min(max(ys), data[3]))
    extent = _fit(wanted, size[0] * frame.width / (size[1] * frame.height))
    clip = box(*extent)
    inset.set_facecolor("#e4e4e4")
    countries = frames["countries"].clip(clip)
    countries.plot(ax=inset, color="#f4f1ea", edgecolor="#9a958c", linewidth=0.4)
    frames["oblasts"].clip(clip).boundary.plot(ax=inset, color="#b8b2a8", linewidth=0.3)
    frames["border"].clip(clip).plot(ax=inset, color="#2b2b2b", linewidth=0.8)
    t_south, t_west, t_north, t_east = theatre.bbox
    t_corners = [from_lonlat.transform(lon, lat) for lon, lat in ((t_west, t_south), (t_east, t_north))]
    inset.add_patch(patches.Rectangle(t_corners[0], t_corners[1][0] - t_corners[0][0],
                                      t_corners[1][1] - t_corners[0][1], fill=False, edgecolor="#555555",
                                      linewidth=0.6, linestyle=(0, (3, 2))))
    inset.add_patch(patches.Rectangle((view[0], view[1]), view[2] - view[0], view[3] - view[1],
                                      facecolor="#c0392b33", edgecolor="#c0392b", linewidth=1.3,
                                      gid=INSET_GID, zorder=5))
    if index is not None:
        _cities(inset, index, (west, south, east, north), extent, from_lonlat, label)
    inset.set_xlim(extent[0], extent[2])
    inset.set_ylim(extent[1], extent[3])
    inset.set_aspect("equal", adjustable="box")
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel("")
    inset.set_ylabel("")
    for spine in inset.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.8)
    return inset


def _cities(inset, index, bounds, extent, from_lonlat, label) -> None:
    """The largest cities inside the inset, none too close to another one's label."""
    from matplotlib import patheffects

    west, south, east, north = bounds
    halo = [patheffects.withStroke(linewidth=1.6, foreground="white")]
    gap = (extent[2] - extent[0]) * 0.14
    chosen: list[tuple[float, float]] = []
    for place in sorted(index.within(south, west, north, east), key=lambda p: -p.population):
        if place.population < _CITY_POPULATION or len(chosen) >= _MAX_CITIES:
            break
        x, y = from_lonlat.transform(place.longitude, place.latitude)
        inside = extent[0] + gap / 3 < x < extent[2] - gap and extent[1] + gap / 4 < y < extent[3] - gap / 4
        name = label(place)
        if not name or not inside or any(abs(x - cx) < gap and abs(y - cy) < gap / 3 for cx, cy in chosen):
            continue
        chosen.append((x, y))
        inset.plot([x], [y], marker="o", markersize=2.2, color="#333333", zorder=6)
        inset.annotate(name, (x, y), xytext=(2, 1.5), textcoords="offset points", fontsize=5.5, color="#333333",
                       family="DejaVu Sans", zorder=6, path_effects=halo, annotation_clip=True)


def title_lines(theatre_name: str, start: dt.date | None, end: dt.date | None, generated: dt.date,
                title: str | None = None) -> tuple[str, str]:
    """The title block's two lines: the title, then the period and the "as of" date.

    >>> title_lines("Kursk border", dt.date(2024, 12, 14), None, dt.date(2025, 1, 2))
    ('Casualty claims: Kursk border', 'Claims dated 14 Dec 2024 · as of 2 Jan 2025')
    """
    from mapper.render.briefing.summary import format_date, format_period

    period = f"Claims dated {format_period(start, end)}" if start else "No dated claims"
    return title or f"Casualty claims: {theatre_name}", f"{period} · as of {format_date(generated)}"


def draw_title_block(fig, lines: tuple[str, str], *, top: float, height: float) -> list:
    """The title (left) and its dates (right) in the band ``top - height .. top`` (figure fractions)."""
    middle = top - height / 2
    head = fig.text(0.006, middle, lines[0], fontsize=13, fontweight="bold", va="center", ha="left",
                    family="DejaVu Sans", color="#1a1a1a", gid="map-title")
    sub = fig.text(0.994, middle, lines[1], fontsize=10, va="center", ha="right", family="DejaVu Sans",
                   color="#444444", gid="map-date")
    return [head, sub]
