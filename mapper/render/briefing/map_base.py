"""The situation map's base layers, from the data bundled with the gazetteer, and their area names.

Natural Earth countries and border, OpenStreetMap oblasts and districts, GSHHG rivers, read
once and lightly simplified (about 100 m), then projected to the map's CRS (cached). Area
names (countries, oblasts) are written in the map's label script: the language resources'
country names, the boundary files' ``name:ru``/``name:uk`` and the gazetteer's oblast
names::

    >>> sorted(base_frames())
    ['border', 'countries', 'districts', 'oblasts', 'rivers']
"""

from __future__ import annotations

from functools import lru_cache

from gazetteer.boundaries import read_boundary
from mapper.render.briefing.labels import Label, LabelPlacer
from mapper.render.place_names import country_label, oblast_label

__all__ = ["COLOURS", "base_frames", "projected", "draw_base", "area_labels", "oblast_names"]

COLOURS = {"land": "#f4f1ea", "outside": "#e4e4e4", "border": "#2b2b2b", "oblast": "#6b6b6b",
           "district": "#b0aca4", "river": "#7fb2dc", "settlement": "#444444"}
_ISO2 = {"UKR": "UA", "RUS": "RU", "BLR": "BY"}


@lru_cache(maxsize=1)
def base_frames():
    """The bundled base layers in EPSG:4326, lightly simplified (about 100 m)."""
    import geopandas
    import pandas as pd

    def read(name, columns=None, label=None):
        frame = read_boundary(name, columns)
        frame["geometry"] = frame.geometry.simplify(0.001, preserve_topology=True)
        frame["label"] = frame[label].fillna("") if label else ""
        for script in ("ru", "uk"):
            frame[script] = frame[f"name:{script}"].fillna("") if f"name:{script}" in frame else ""
        if "name:uk" not in frame and "name" in frame and "name:en" in frame:  # a Ukrainian file's own name
            frame["uk"] = frame["name"].fillna("")
        return frame[["label", "ru", "uk", "geometry"]]

    countries = read("ne_admin0_ru_ua_by_theatre.geojson.gz", ["NAME", "ADM0_A3"], "NAME")
    countries["code"] = read_boundary("ne_admin0_ru_ua_by_theatre.geojson.gz", ["ADM0_A3"])["ADM0_A3"].map(
        _ISO2).fillna("")
    border = read("ne_ru_ua_border.geojson.gz", [])
    ru = read("osm_ru_oblasts.geojson.gz", ["oblast"], "oblast")
    ru["label"] = ru["label"] + " Oblast"
    ru["ru"] = ru["uk"] = ""  # Russia's oblasts: their Cyrillic names come from the gazetteer (oblast_names)
    ua = read("osm_ua_oblasts.geojson.gz", ["name", "name:en", "name:ru", "name:uk"], "name:en")
    oblasts = pd.concat([ru, ua])
    districts = pd.concat([read(f, ["district"]) for f in ("osm_ru_kursk_districts.geojson.gz",
                                                           "osm_ru_belgorod_districts.geojson.gz",
                                                           "osm_ru_bryansk_districts.geojson.gz")]
                          + [read(f, ["name"]) for f in ("osm_ua_sumska_raions.geojson.gz",
                                                         "osm_ua_kharkivska_raions.geojson.gz",
                                                         "osm_ua_chernihivska_raions.geojson.gz")])
    rivers = read("gshhg_rivers_theatre.geojson.gz", [])
    rivers = rivers[rivers.geom_type.isin(["LineString", "MultiLineString"])]
    frames = {"countries": countries, "border": border, "oblasts": oblasts, "districts": districts,
              "rivers": rivers}
    return {k: geopandas.GeoDataFrame(v, geometry="geometry", crs="EPSG:4326") for k, v in frames.items()}

@lru_cache(maxsize=4)
def projected(crs: str):
    """The base layers in ``crs``."""
    return {name: frame.to_crs(crs) for name, frame in base_frames().items()}


def draw_base(ax, crs: str, view, *, tiled: bool) -> None:
    frames = projected(crs)
    ax.set_facecolor(COLOURS["outside"])
    if not tiled:
        frames["countries"].plot(ax=ax, color=COLOURS["land"], edgecolor="none", zorder=1)
    frames["districts"].boundary.plot(ax=ax, color=COLOURS["district"], linewidth=0.45, zorder=2)
    frames["rivers"].plot(ax=ax, color=COLOURS["river"], linewidth=0.9, zorder=3)
    frames["oblasts"].boundary.plot(ax=ax, color=COLOURS["oblast"], linewidth=1.0, zorder=4)
    frames["border"].plot(ax=ax, color=COLOURS["border"], linewidth=2.2, linestyle=(0, (6, 2.5)), zorder=5)


def area_labels(placer: LabelPlacer, crs: str, view, script: str = "en", index=None) -> None:
    """Country and oblast names in ``script`` at a point of their part in view (left out when the
    name is not known in that script)."""
    from shapely.geometry import box

    frame = box(*view)
    shrink = box(view[0] + (view[2] - view[0]) * 0.1, view[1] + (view[3] - view[1]) * 0.1,
                 view[2] - (view[2] - view[0]) * 0.1, view[3] - (view[3] - view[1]) * 0.1)
    frames = projected(crs)
    for name, size, colour, upper in (("countries", 13, "#8a8378", True), ("oblasts", 9.5, "#77716a", False)):
        frame_ = frames[name]
        for i, (label, geom) in enumerate(zip(frame_["label"], frame_.geometry)):
            part = geom.intersection(shrink) if geom.intersects(shrink) else None
            if part is None or part.is_empty or part.area < frame.area * 0.04:
                continue
            if name == "countries":
                label = country_label(frame_["code"].iloc[i], label, script)
            elif script != "en":
                label = frame_[script].iloc[i] or oblast_names(index, script).get(label, "")
                if not label:
                    continue
            point = part.representative_point()
            placer.add(Label(label.upper() if upper else label, point.x, point.y, size=size, colour=colour,
                             centred=True, weight="bold" if upper else "normal", style="normal" if upper else
                             "italic"))


@lru_cache(maxsize=4)
def oblast_names(index, script: str) -> dict[str, str]:
    """English oblast name ("Kursk Oblast") -> its name in ``script``, from the gazetteer's oblasts."""
    if index is None or script == "en":
        return {}
    names = {}
    for place in index.within(-90, -180, 90, 180, feature_class="A"):
        if place.is_admin1:
            found = oblast_label(place.alternate_names, script)
            if found:
                names[place.name] = found
    return names
