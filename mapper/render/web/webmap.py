"""The layered interactive map (Folium / Leaflet): the API behind ``conflictmap map``.

    >>> from mapper.model.event_io import read_events
    >>> m = build_map(read_events("events.geojson"))          # doctest: +SKIP
    >>> write_map(read_events("events.geojson"), "map.html", offline=True)   # doctest: +SKIP

Layers: base geography drawn from the bundled data (border, oblasts, districts,
rivers — readable with no tiles), optional web tiles when online, events by
actor as circles whose area follows the casualty figure, the places of
multi-place claims, uncertainty rings for geo-precision 2 and 3, a casualty heat
map and clusters. Popups and tooltips are built from plain text in the browser.
No report text reaches a template: folium renders tokens and the page gets the
values afterwards (:mod:`mapper.render.web.web_values`).
With ``offline=True`` the page has no external URL at all: Leaflet and plugin
assets are inlined from installed packages, and controls whose assets cannot be
had that way are left out and named in the legend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapper._internal.atomic import atomic_write
from gazetteer.theatre import Theatre
from gazetteer.theatres import default_theatre
from mapper.render.web.basemap import BASE_CREDITS, base_layers
from mapper.render.web.bulk_layers import add_bulk_layers
from mapper.render.web.bulk_table import BULK_THRESHOLD, radius as _radius
from mapper.model.events import Event, as_events
from mapper.render.web.popup_js import ON_EACH_FEATURE, POPUP_SCRIPT, popup_record
from mapper.render.web.spread import spread_overlaps
from mapper.render.web.popups import actor_colour, escape_text, tooltip_text
from mapper.render.web.web_values import ValueVault, raw_element
from gazetteer import Gazetteer
from mapper.render.web.controls import layer_control, place_search, slider_follows_layer
from mapper.render.web.labels import add_labels, label_rows, place_entries, settlements
from mapper.render.web.furniture import add_side_panels, add_title

__all__ = ["build_map", "write_map", "render_page", "BuiltMap", "MapResult", "BLANK_TILE"]

#: A 1×1 transparent PNG: the "No tiles" base layer needs no network.
BLANK_TILE = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8"
              "AAAAASUVORK5CYII=")
_RING_KM = {2: 6.0, 3: 40.0}
CLUSTER_THRESHOLD = 500
#: Map panes, bottom to top (Leaflet's tiles are 200, its overlays — the events — 400, markers 600):
#: the base geography, the heat map above it, then the settlement labels under the event symbols.
PANES = (("cmBase", 250, True), ("cmHeat", 350, False), ("cmLabels", 380, False))


def _used_plugins() -> list[type]:
    """The folium plugins the map uses (for the offline asset check)."""
    from folium import plugins

    return [plugins.HeatMap, plugins.FastMarkerCluster, plugins.MarkerCluster, plugins.GroupedLayerControl,
            plugins.Fullscreen, plugins.MeasureControl,
            plugins.Timeline, plugins.TimelineSlider, plugins.Search]


@dataclass
class MapResult:
    """What :func:`write_map` wrote."""

    path: Path
    events: int
    bytes: int
    offline: bool
    dropped: list[str] = field(default_factory=list)


def _point(coordinates: list[float], **properties) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": coordinates}, "properties": properties}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


@dataclass
class BuiltMap:
    """What :func:`build_map` made: the ``folium.Map``, its layers by control group, and the
    report values held back from the template pass (:func:`render_page` puts them in)."""

    map: Any
    groups: dict[str, list]
    values: ValueVault


def _place_names(ev: Event) -> str:
    return ", ".join(loc.name or loc.mention for loc in ev.locations)


def _event_features(events: list[Event], values: ValueVault, links: bool = True,
                    theatre: Theatre | None = None) -> dict[str, list[dict]]:
    by_actor: dict[str, list[dict]] = {}
    for ev in sorted(events, key=lambda e: -(e.casualties_best or 0)):  # the larger drawn first, beneath
        if ev.geometry is None:
            continue
        by_actor.setdefault(ev.actor or "", []).append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [ev.longitude, ev.latitude]},
            "properties": {
                "event_id": values.text(ev.event_id), "popup": values.token(popup_record(ev, links=links)),
                "tooltip": values.text(tooltip_text(ev)), "radius": _radius(ev.casualties_best),
                "colour": actor_colour(ev.actor, theatre), "precision": ev.geo_precision or 0,
                "date": ev.event_date.isoformat() if ev.event_date else "",
                "place_names": values.text(escape_text(_place_names(ev))),
            },
        })
    return by_actor


def build_map(events: list[Event], *, offline: bool = False, title: str = "Casualty claims",
              dropped: list[str] | None = None, bulk: bool | None = None,
              theatre: Theatre | None = None, labels: str | None = "en", gazetteer=None) -> BuiltMap:
    """A ``folium.Map`` of the events (a list of events or their GeoDataFrame), its layers by
    control group, and the report values the page needs (:func:`render_page` renders it).
    See the module docstring.

    ``bulk`` (default: more than :data:`~mapper.render.web.bulk_table.BULK_THRESHOLD`
    located events) carries the events once in a compressed table and draws
    them on canvas (:mod:`mapper.render.web.bulk_layers`). ``theatre``: whose boundaries
    the offline base draws, whose side colours the events get, and where an empty map opens
    (default: :func:`~gazetteer.theatres.default_theatre`).
    """
    import folium
    from folium import plugins

    events = as_events(events)
    incidents = [ev for ev in events if not ev.cumulative]
    totals = [ev for ev in events if ev.cumulative]  # a running total is no incident at one point: a panel
    located = [ev for ev in incidents if ev.points]
    bulk = len(located) > BULK_THRESHOLD if bulk is None else bulk
    values = ValueVault()
    theatre = default_theatre() if theatre is None else theatre
    centre = theatre.view.centre
    if located:
        lats, lons = zip(*((e.latitude, e.longitude) for e in located))
        centre = (sum(lats) / len(lats), sum(lons) / len(lons))
    m = folium.Map(location=centre, zoom_start=theatre.view.zoom, tiles=None, prefer_canvas=bulk,
                   control_scale=True)
    tiles = []
    if not offline:
        import xyzservices.providers as xyz

        tiles += [folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(m),
                  folium.TileLayer(xyz.Esri.WorldImagery, name="Esri World Imagery").add_to(m)]
    tiles.append(folium.TileLayer(BLANK_TILE, name="No tiles (offline base)", attr=escape_text(BASE_CREDITS)).add_to(m))

    m.get_root().header.add_child(raw_element(POPUP_SCRIPT))
    for name, z_index, pointer_events in PANES:
        folium.map.CustomPane(name, z_index=z_index, pointer_events=pointer_events).add_to(m)
    base = [layer.add_to(m) for _, layer in base_layers(theatre)]
    if bulk:
        layers = add_bulk_layers(m, located, values, links=not offline,
                                 show_clusters=len(located) > CLUSTER_THRESHOLD, theatre=theatre)
        actor_layers, analysis, actors = layers.events, layers.analysis, layers.actors
    else:
        actor_layers, analysis = _small_layers(m, located, values, offline, theatre)
        actors = list(dict.fromkeys(ev.actor or "" for ev in located))  # the keys _small_layers groups by
    for control in (plugins.Fullscreen(), plugins.MeasureControl(primary_length_unit="kilometers")):
        if type(control).__name__ not in (dropped or []):
            control.add_to(m)
    if not offline:
        plugins.MiniMap(toggle_display=True).add_to(m)
    groups = {"Events by side": actor_layers, "Analysis": analysis, "Base map": base}
    if "GroupedLayerControl" not in (dropped or []):  # one control: tiles as radio buttons, overlays by group
        layer_control(m, groups, tiles)
    else:  # the grouped control's assets are missing: Leaflet's own control lists everything
        folium.LayerControl(collapsed=False).add_to(m)
    search = [[escape_text(_place_names(ev)), ev.latitude, ev.longitude] for ev in located] if not bulk else []
    if labels:
        rows, gazetteer_names = label_rows(settlements(gazetteer or Gazetteer.default(), theatre.bbox), labels)
        add_labels(m, values, rows)
    else:
        gazetteer_names = []
    place_search(m, values, search + place_entries(located, gazetteer if labels else None, labels or "en")
                 + [[escape_text(k), lat, lon] for k, lat, lon in gazetteer_names])
    add_title(m, title, theatre, incidents)
    add_side_panels(m, title, sorted(actors), dropped or [], totals=totals, shortened=bulk, offline=offline,
                    theatre=theatre)
    return BuiltMap(m, groups, values)


def render_page(built: BuiltMap, *, offline: bool = False) -> tuple[str, list[str]]:
    """The finished HTML page of a :func:`build_map` result, and the controls left out offline.

    Folium renders the page with tokens where report values go; the values are
    put in afterwards as inert JSON (:class:`~mapper.render.web.web_values.ValueVault`).
    """
    dropped: list[str] = []
    if offline:
        from mapper.render.web.web_assets import make_offline

        result = make_offline(built.map)  # the map itself, so controls it cannot support go with their code
        html, dropped = result.html, result.dropped
    else:
        html = built.map.get_root().render()
    return built.values.fill(html), dropped


def actor_layer_name(values: ValueVault, actor: str) -> str:
    """The layer-control label of an actor's layer (HTML in Leaflet), held back as a value."""
    return values.text(escape_text(actor or "Unknown side"))


def _small_layers(m, located: list[Event], values: ValueVault, offline: bool,
                  theatre: Theatre | None = None) -> tuple[list, list]:
    """One GeoJSON layer per actor and per overlay (SVG), each event's data in its features."""
    import folium
    from folium import plugins
    from folium.utilities import JsCode

    timeline = _time_slider(m, located, theatre)
    actor_layers, symbols = [], []
    for actor, features in sorted(_event_features(located, values, links=not offline, theatre=theatre).items()):
        layer = folium.FeatureGroup(name=actor_layer_name(values, actor), show=True)
        symbols.append(folium.GeoJson(
            {"type": "FeatureCollection", "features": features},
            marker=folium.CircleMarker(radius=6, fill=True, fill_opacity=0.6, weight=1.5, class_name="cm-event"),
            style_function=lambda f: {"radius": f["properties"]["radius"], "color": f["properties"]["colour"],
                                      "fillColor": f["properties"]["colour"]},
            on_each_feature=JsCode(ON_EACH_FEATURE),
        ).add_to(layer))
        actor_layers.append(layer.add_to(m))
    spread_overlaps(m, symbols)

    places = folium.FeatureGroup(name="Places of multi-place claims", show=True)
    rings = folium.FeatureGroup(name="Uncertainty (precision 2–3)", show=True)
    place_features, ring_features = [], []
    for ev in located:
        colour = actor_colour(ev.actor, theatre)
        points = [[loc.longitude, loc.latitude] for loc in ev.locations if loc.has_point]
        if len(points) > 1:
            place_features += [_point(p, colour=colour) for p in points]
        if (ev.geo_precision or 1) >= 2:
            ring_features += [_point(p, colour=colour, radius=_RING_KM[min(ev.geo_precision, 3)] * 1000)
                              for p in points]
    # One GeoJSON layer each (not one folium object per point): fast to write and to draw.
    folium.GeoJson(_collection(place_features), marker=folium.CircleMarker(
        radius=3, fill=True, fill_opacity=1.0, weight=1, class_name="cm-place"),
        style_function=lambda f: {"color": f["properties"]["colour"], "fillColor": f["properties"]["colour"]},
    ).add_to(places)
    folium.GeoJson(_collection(ring_features), marker=folium.Circle(
        radius=6000, fill=False, weight=1, dash_array="4 4", class_name="cm-ring"),
        style_function=lambda f: {"color": f["properties"]["colour"], "radius": f["properties"]["radius"]},
    ).add_to(rings)
    heat = folium.FeatureGroup(name="Casualty heat map", show=False)
    plugins.HeatMap([[e.latitude, e.longitude, max(1, e.casualties_best or 1)] for e in located],
                    radius=25, blur=18, pane="cmHeat").add_to(heat)
    clusters = folium.FeatureGroup(name="Clusters", show=len(located) > CLUSTER_THRESHOLD)
    plugins.FastMarkerCluster([[e.latitude, e.longitude] for e in located]).add_to(clusters)
    analysis = [layer.add_to(m) for layer in (places, rings, heat, clusters)]
    return actor_layers, analysis + ([timeline] if timeline is not None else [])


def _time_slider(m, located: list[Event], theatre: Theatre | None = None):
    """A time slider over event dates (its own layer, off by default; returned)."""
    import folium
    from folium import plugins
    from folium.utilities import JsCode

    features = []
    for ev in located:
        start = ev.event_date.isoformat() if ev.event_date else None
        if start is None:
            continue
        end = (ev.event_date_end or ev.event_date).isoformat()
        point = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
        features.append({"type": "Feature", "geometry": point,
                         "properties": {"start": start, "end": end + "T23:59:59", "colour": actor_colour(ev.actor, theatre)}})
    if not features:
        return None
    timeline_group = folium.FeatureGroup(name="Events over time (slider)", show=False).add_to(m)
    timeline = plugins.Timeline(_collection(features), name="Events over time", point_to_layer=JsCode(
        "function (f, ll) { return L.circleMarker(ll, {radius: 5, color: f.properties.colour, weight: 1, "
        "fillOpacity: 0.7, interactive: false}); }")).add_to(timeline_group)  # circles: no default pins
    slider = plugins.TimelineSlider(auto_play=False, date_options="YYYY-MM-DD", enable_keyboard_controls=True,
                                    playback_duration=20000, position="bottomright").add_timelines(timeline).add_to(m)
    slider_follows_layer(m, timeline_group, slider.get_name())
    return timeline_group


def write_map(events: list[Event], path: str | Path, *, offline: bool = False,
              title: str = "Casualty claims", bulk: bool | None = None,
              theatre: Theatre | None = None, labels: str | None = "en", gazetteer=None) -> MapResult:
    """Write the map as one HTML file (atomically). With ``offline`` it holds no external URL.

    ``bulk`` and ``theatre`` (whose boundaries are drawn) as for :func:`build_map`.
    """
    dropped: list[str] = []
    if offline:
        from mapper.render.web.web_assets import unavailable_plugins

        dropped = unavailable_plugins(_used_plugins())
    events = as_events(events)
    built = build_map(events, offline=offline, title=title, dropped=dropped, bulk=bulk, theatre=theatre,
                      labels=labels, gazetteer=gazetteer)
    html, left_out = render_page(built, offline=offline)
    dropped = sorted(set(dropped) | set(left_out))
    path = Path(path)
    with atomic_write(path) as f:
        f.write(html)
    return MapResult(path, len(events), len(html.encode("utf-8")), offline, dropped)
