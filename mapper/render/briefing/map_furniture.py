"""Scale bar, north arrow and legend for a map drawn in a projected CRS.

The scale bar measures ground distance on the ellipsoid (pyproj ``Geod``) at the bar's
own position, so it is right in any projection: UTM, or Web Mercator where a map unit
is much shorter than a metre at 51° N. The north arrow points to true north at the
map's centre (grid north and true north differ away from a UTM zone's meridian)::

    >>> nice_length(37_000)
    20000
    >>> nice_length(8_600)
    5000
    >>> size_steps(3000)
    [3000, 500, 100]
"""

from __future__ import annotations

import math

__all__ = ["nice_length", "size_steps", "draw_scale_bar", "draw_north_arrow", "size_legend", "stack_legends"]


def nice_length(limit_m: float) -> int:
    """The largest 1, 2 or 5 × 10ⁿ metres not above ``limit_m``."""
    exponent = 10 ** int(math.floor(math.log10(max(limit_m, 1.0))))
    for step in (5, 2, 1):
        if step * exponent <= limit_m:
            return int(step * exponent)
    return int(exponent)


def size_steps(largest: float) -> list[int]:
    """Up to three round casualty figures for the size legend, largest first."""
    largest = max(1, int(round(largest)))
    steps = [largest]
    for target in (largest / 6, largest / 30):
        nice = nice_length(target) if target >= 1 else 0
        if nice >= 1 and nice < steps[-1] and (not steps or nice * 2 <= steps[-1]):
            steps.append(nice)
    return steps


def _km_text(metres: int) -> str:
    return f"{metres / 1000:g} km"


def draw_scale_bar(ax, to_lonlat, from_lonlat, *, fraction: float = 0.22, pos=(0.035, 0.045)) -> tuple[int, list]:
    """A two-segment scale bar at ``pos`` (axes fraction); returns its ground length in metres and its artists.

    ``to_lonlat`` / ``from_lonlat`` are pyproj transformers between the map CRS and EPSG:4326.
    """
    from matplotlib import patches, patheffects
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    x_min, x_max = ax.get_xlim()
    y_min, y_max = ax.get_ylim()
    x0 = x_min + pos[0] * (x_max - x_min)
    y0 = y_min + pos[1] * (y_max - y_min)
    lon, lat = to_lonlat.transform(x0, y0)
    # ground metres per map unit, measured eastwards from the bar's start
    probe_lon, probe_lat, _ = geod.fwd(lon, lat, 90.0, 10_000.0)
    probe_x, _ = from_lonlat.transform(probe_lon, probe_lat)
    units_per_metre = (probe_x - x0) / 10_000.0
    length = nice_length(fraction * (x_max - x_min) / units_per_metre)
    bar = length * units_per_metre
    height = (y_max - y_min) * 0.012
    artists = []
    for i, colour in enumerate(("#222222", "#ffffff")):
        artists.append(ax.add_patch(patches.Rectangle((x0 + i * bar / 2, y0), bar / 2, height, facecolor=colour,
                                                      edgecolor="#222222", linewidth=0.8, zorder=30)))
    halo = [patheffects.withStroke(linewidth=2.5, foreground="white")]
    for x, text in ((x0, "0"), (x0 + bar / 2, f"{length / 2000:g}"), (x0 + bar, _km_text(length))):
        artists.append(ax.text(x, y0 + height * 1.6, text, ha="center", va="bottom", fontsize=8, zorder=30,
                               path_effects=halo, family="DejaVu Sans"))
    return length, artists


def draw_north_arrow(ax, to_lonlat, from_lonlat, *, pos=(0.965, 0.86), length: float = 0.08) -> tuple[float, list]:
    """An arrow to true north at ``pos`` (axes fraction); returns its angle from grid north (degrees) and artists."""
    from matplotlib import patheffects

    cx = sum(ax.get_xlim()) / 2
    cy = sum(ax.get_ylim()) / 2
    lon, lat = to_lonlat.transform(cx, cy)
    nx, ny = from_lonlat.transform(lon, min(lat + 0.1, 89.9))
    angle = math.degrees(math.atan2(nx - cx, ny - cy))  # clockwise from grid north
    # axes fractions are not square: turn the direction into display units first
    bbox = ax.get_window_extent()
    dx_px, dy_px = math.sin(math.radians(angle)), math.cos(math.radians(angle))
    tip = (pos[0] + length * dx_px * bbox.height / bbox.width, pos[1] + length * dy_px)
    arrow = ax.annotate("", xy=tip, xytext=pos, xycoords="axes fraction", zorder=30,
                        arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.45", "color": "#222222",
                                    "linewidth": 1.6})
    letter = ax.annotate("N", xy=tip, xycoords="axes fraction", xytext=(0, 3), textcoords="offset points",
                         ha="center", va="bottom", fontsize=11, fontweight="bold", zorder=30, family="DejaVu Sans",
                         path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])
    return angle, [arrow, letter]


def size_legend(title: str, values: list[int], diameters: list[float], *, fontsize: float = 8.5):
    """Nested circles of the symbol sizes, bottom-aligned, each with its figure: a compact size key."""
    from matplotlib import patches
    from matplotlib.lines import Line2D
    from matplotlib.offsetbox import DrawingArea, TextArea, VPacker
    from matplotlib.text import Text

    largest = max(diameters)
    pairs = sorted(zip(values, diameters), key=lambda vd: -vd[1])
    label_ys, y = [], float("inf")
    for _, d in pairs:  # each figure at its circle's top, pushed down to clear the one above
        y = min(d, y - (fontsize + 1.5))
        label_ys.append(y)
    lift = max(0.0, fontsize / 2 - min(label_ys)) + 1
    area = DrawingArea(largest + 60, largest + lift + 1)
    label_x = largest + 12
    for (value, d), label_y in zip(pairs, label_ys):
        area.add_artist(patches.Circle((largest / 2, d / 2 + lift), d / 2, facecolor="#d9d9d9",
                                       edgecolor="#555555", linewidth=0.8))
        area.add_artist(Line2D([largest / 2, largest + 2, label_x - 2], [d + lift, label_y + lift, label_y + lift],
                               color="#555555", linewidth=0.6))
        area.add_artist(Text(label_x, label_y + lift, f"{value:,}", fontsize=fontsize, va="center", ha="left",
                             family="DejaVu Sans"))
    heading = TextArea(title, textprops={"fontsize": fontsize + 0.5, "fontweight": "bold", "family": "DejaVu Sans"})
    return VPacker(children=[heading, area], align="left", pad=0, sep=6)


def stack_legends(ax, sections: list, *, fontsize: float = 8.5) -> list:
    """Legends with titles, one under another from the top of ``ax`` (an axes with its axis off).

    A section is ``(title, handles, labels)`` for a matplotlib legend, or an
    :class:`~matplotlib.offsetbox.OffsetBox` (such as :func:`size_legend`) placed as it is.
    """
    from matplotlib.offsetbox import AnchoredOffsetbox

    renderer = ax.figure.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    top = 1.0
    placed = []
    for section in sections:
        if isinstance(section, tuple):
            title, handles, labels = section
            if not handles:
                continue
            item = ax.legend(handles, labels, title=title, loc="upper left", bbox_to_anchor=(0.0, top),
                             frameon=False, fontsize=fontsize, title_fontsize=fontsize + 0.5, alignment="left",
                             borderaxespad=0.0, handletextpad=0.6, labelspacing=0.55, borderpad=0.2,
                             handlelength=2.2, scatteryoffsets=[0.5])
            item.get_title().set_fontweight("bold")
        else:
            item = AnchoredOffsetbox("upper left", child=section, bbox_to_anchor=(0.0, top),
                                     bbox_transform=ax.transAxes, frameon=False, borderpad=0.0, pad=0.2)
        ax.add_artist(item)
        placed.append(item)
        height = item.get_window_extent(renderer).height / axes_box.height
        top -= height + 0.035
    return placed
