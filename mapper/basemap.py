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
from mapper.popups import escape_text

__all__ = ["base_layers", "BASE_CREDITS"]

BASE_CREDITS = ("Boundaries © OpenStreetMap contributors (ODbL); borders Made with Natural Earth; "
                "rivers GSHHG (LGPL); places from GeoNames (CC BY 4.0)")
_SIMPLIFY_DEG = 0.004


def _read(name: str, columns: list[str] | None = None):
    """A bundled boundary file, simplified and rounded for the page."""
    import shapely

    frame = read_boundary(name, columns)
    frame["geometry"] = shapely.set_precision(frame.geometry.simplify(_SIMPLIFY_DEG, preserve_topology=True).values,
                                              0.0001)
    return frame


@lru_cache(maxsize=1)
def _frames():
    import geopandas
    import pandas as pd

    border = _read("ne_ru_ua_border.geojson.gz", [])
    countries = _read("ne_admin0_ru_ua_by_theatre.geojson.gz", ["NAME"]).rename(columns={"NAME": "label"})
    ru_oblasts = _read("osm_ru_oblasts.geojson.gz", ["oblast"])
    ru_oblasts["label"] = ru_oblasts["oblast"] + " Oblast"
    ua_oblasts = _read("osm_ua_oblasts.geojson.gz", ["name:en"]).rename(columns={"name:en": "label"})
    oblasts = geopandas.GeoDataFrame(pd.concat([ru_oblasts[["label", "geometry"]], ua_oblasts[["label", "geometry"]]]),
                                     crs="EPSG:4326")
    district_files = ["osm_ru_kursk_districts.geojson.gz", "osm_ru_belgorod_districts.geojson.gz",
                      "osm_ru_bryansk_districts.geojson.gz"]
    parts = [_read(f, ["district"]).rename(columns={"district": "label"}) for f in district_files]
    parts += [_read(f, ["name:en"]).rename(columns={"name:en": "label"}) for f in
              ("osm_ua_sumska_raions.geojson.gz", "osm_ua_kharkivska_raions.geojson.gz",
               "osm_ua_chernihivska_raions.geojson.gz")]
    districts = geopandas.GeoDataFrame(pd.concat([p[["label", "geometry"]] for p in parts]), crs="EPSG:4326")
    rivers = _read("gshhg_rivers_theatre.geojson.gz", [])
    for frame in (countries, oblasts, districts):
        frame["label"] = frame["label"].fillna("").map(escape_text)
    return border, countries, oblasts, districts, rivers


def base_layers() -> list[tuple[str, object]]:
    """``(name, folium.FeatureGroup)`` pairs of the offline base geography, shown by default."""
    import folium

    border, countries, oblasts, districts, rivers = _frames()
    out = []
    group = folium.FeatureGroup(name="Border", show=True)
    folium.GeoJson(countries.to_json(), style_function=lambda f: {"color": "#999999", "weight": 0.5,
                   "fillColor": "#f4f1ea", "fillOpacity": 1.0}, tooltip=folium.GeoJsonTooltip(["label"], labels=False),
                   name="countries").add_to(group)
    folium.GeoJson(border.to_json(), style_function=lambda f: {"color": "#333333", "weight": 2.5,
                   "dashArray": "6 3"}).add_to(group)
    out.append(("Border", group))
    group = folium.FeatureGroup(name="Oblasts", show=True)
    folium.GeoJson(oblasts.to_json(), style_function=lambda f: {"color": "#666666", "weight": 1.2, "fill": False},
                   tooltip=folium.GeoJsonTooltip(["label"], labels=False)).add_to(group)
    for label, point in zip(oblasts["label"], oblasts.geometry.representative_point()):
        folium.Marker([point.y, point.x], icon=folium.DivIcon(
            html=f'<div class="cm-oblast-label">{label}</div>', class_name="cm-label")).add_to(group)
    out.append(("Oblasts", group))
    group = folium.FeatureGroup(name="Districts", show=False)
    folium.GeoJson(districts.to_json(), style_function=lambda f: {"color": "#aaaaaa", "weight": 0.6, "fill": False},
                   tooltip=folium.GeoJsonTooltip(["label"], labels=False)).add_to(group)
    out.append(("Districts", group))
    group = folium.FeatureGroup(name="Rivers", show=True)
    folium.GeoJson(rivers.to_json(), style_function=lambda f: {"color": "#6fa8dc", "weight": 1.0}).add_to(group)
    out.append(("Rivers", group))
    return out
