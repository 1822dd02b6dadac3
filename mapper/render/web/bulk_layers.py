"""The layers of a large map, all filled in the browser from one embedded event table.

:func:`add_bulk_layers` puts empty Folium layers on the map (so the layer
control, the plugins' assets and the offline inlining work as for a small map)
and one script that unpacks the table of :mod:`mapper.render.web.bulk_table` and fills
them: circles by actor on Leaflet's canvas renderer, the places of multi-place
claims, uncertainty rings, the heat map, clusters (built when first shown) and
the time slider. Popups are made on click by the same ``textContent``-only
function small maps use. Report text (actor layer names, place names for the
search) goes through the map's :class:`~mapper.render.web.web_values.ValueVault`::

    >>> import folium
    >>> from mapper.render.web.web_values import ValueVault
    >>> m = folium.Map(tiles=None, prefer_canvas=True)
    >>> layers = add_bulk_layers(m, [], ValueVault(), links=False)
    >>> [g.layer_name for g in layers.analysis]
    ['Places of multi-place claims', 'Uncertainty (precision 2–3)', 'Casualty heat map', 'Clusters', 'Events over time (slider)']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from gazetteer.theatre import Theatre
from mapper.render.web.bulk_table import encode_table, event_table
from mapper.model.events import Event
from mapper.render.web.controls import slider_follows_layer
from mapper.render.web.popup_js import POPUP_FIELDS
from mapper.render.web.popups import escape_text
from mapper.render.web.web_values import ValueVault, raw_element

__all__ = ["add_bulk_layers", "BulkLayers", "BULK_SCRIPT"]

#: Fills the layers once the table is unpacked. ``%(name)s`` slots take Folium variable names.
BULK_SCRIPT = r"""
(function () {
  var map = %(map)s, groups = [%(groups)s], places = %(places)s, rings = %(rings)s, heat = %(heat)s,
      heatGroup = %(heat_group)s;
  var clusterGroup = %(clusters)s, clusters = %(cluster_layer)s, timeGroup = %(time_group)s;
  var emptyTimeline = %(timeline)s, slider = %(slider)s;
  var FIELDS = %(fields)s, RING_M = [0, 0, 6000, 40000], LINKS = %(links)s;
  var renderer = L.canvas({padding: 0.5});
  function unpack(b64) {
    return fetch('data:application/octet-stream;base64,' + b64).then(function (r) {
      return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).text();
    }).then(JSON.parse);
  }
  function radius(best) { return 4 + 3 * Math.sqrt(Math.max(0, best)); }
  window.conflictmapBulk = unpack(document.getElementById('%(data_id)s').textContent.trim()).then(function (t) {
    var T = t.text, PAIRS = {figures: 1, places: 1, sources: 1};
    function text(key, i) {
      var column = T[key], v = column.values[column.codes ? column.codes[i] : i];
      if (!PAIRS[key]) { return v; }
      return v ? v.split('\x1e').map(function (item) { return item.split('\x1f'); }) : [];
    }
    function record(i) {
      var p = {links: LINKS};
      FIELDS.forEach(function (k) { p[k] = text(k, i); });
      return p;
    }
    function popupAt(e) {
      L.popup(window.conflictmapPopupOptions).setLatLng(e.latlng)
        .setContent(window.conflictmapPopup(record(e.layer.options.cmIndex))).openOn(map);
    }
    function tooltipOf(e) {
      if (e.layer.getTooltip()) { return; }
      var i = e.layer.options.cmIndex, s = document.createElement('span');
      s.textContent = text('places', i).map(function (x) { return x[0].split(', ')[0]; }).join(', ') +
        ': ' + t.best[i] + ' (' + text('actor', i) + ')';
      e.layer.bindTooltip(s).openTooltip(e.latlng);
    }
    function colourOf(i) { return t.actors[t.actor[i]][1]; }
    function circle(i, extra) {
      var c = colourOf(i);
      return L.circleMarker([t.lat[i], t.lon[i]], L.extend({radius: radius(t.best[i]), color: c, fillColor: c,
        fillOpacity: 0.6, weight: 1.5, cmIndex: i}, extra));
    }
    function eachPoint(i, fn) {
      (t.places[i].length ? t.places[i] : [[t.lon[i], t.lat[i]]]).forEach(function (p) { fn([p[1], p[0]]); });
    }
    // A hidden layer is built the first time it is shown: the page opens fast whatever the count.
    function lazy(group, build) {
      var built = false;
      function once() { if (!built) { built = true; build(); } }
      if (map.hasLayer(group)) { once(); } else { group.on('add', once); }
    }
    groups.forEach(function (g, a) {
      lazy(g, function () {
        var layers = [];
        for (var i = 0; i < t.n; i++) { if (t.actor[i] === a) { layers.push(circle(i, {renderer: renderer})); } }
        g.addLayer(L.featureGroup(layers).on('click', popupAt).on('mouseover', tooltipOf));
      });
    });
    lazy(places, function () {
      for (var i = 0; i < t.n; i++) {
        if (!t.places[i].length) { continue; }
        var c = colourOf(i);
        eachPoint(i, function (ll) { places.addLayer(L.circleMarker(ll, {renderer: renderer, radius: 3, color: c,
          fillColor: c, fillOpacity: 1, weight: 1, interactive: false})); });
      }
    });
    lazy(rings, function () {
      for (var i = 0; i < t.n; i++) {
        if (t.precision[i] < 2) { continue; }
        var c = colourOf(i), r = RING_M[Math.min(t.precision[i], 3)];
        eachPoint(i, function (ll) { rings.addLayer(L.circle(ll, {renderer: renderer, radius: r, color: c,
          fill: false, weight: 1, dashArray: '4 4', interactive: false})); });
      }
    });
    lazy(heatGroup, function () {
      var points = [];
      for (var i = 0; i < t.n; i++) { points.push([t.lat[i], t.lon[i], Math.max(1, t.best[i])]); }
      heat.setLatLngs(points);
    });
    clusters.on('click', popupAt).on('mouseover', tooltipOf);
    lazy(clusterGroup, function () {
      var markers = [];
      for (var i = 0; i < t.n; i++) { markers.push(circle(i, {})); }
      clusters.addLayers(markers);
    });
    // The slider needs every date up front (its range); the timeline draws only the events of the moment.
    var features = [];
    for (var i = 0; i < t.n; i++) {
      var start = text('start', i);
      if (start) {
        features.push({type: 'Feature', geometry: {type: 'Point', coordinates: [t.lon[i], t.lat[i]]},
                       properties: {start: start, end: text('end', i) + 'T23:59:59', colour: colourOf(i)}});
      }
    }
    var timeline = L.timeline({type: 'FeatureCollection', features: features}, {
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, {renderer: renderer, radius: 5, color: f.properties.colour, weight: 1,
                                   fillOpacity: 0.7, interactive: false});
      }});
    slider.removeTimelines(emptyTimeline);
    timeGroup.removeLayer(emptyTimeline);
    timeGroup.addLayer(timeline);
    slider.addTimelines(timeline);
    return {events: t.n};
  });
})();
"""


@dataclass
class BulkLayers:
    """The Folium layers :func:`add_bulk_layers` put on the map, for the layer control's groups."""

    events: list = field(default_factory=list)
    analysis: list = field(default_factory=list)
    actors: list[str] = field(default_factory=list)


def add_bulk_layers(m, events: list[Event], values: ValueVault, *, links: bool,
                    show_clusters: bool = True, theatre: Theatre | None = None) -> BulkLayers:
    """Empty layers for every overlay plus the data and script that fill them in the browser.

    With ``show_clusters`` the map opens on the clusters (drawn with the same
    symbols, so they open into them on zoom) and the per-actor circles, places
    and rings start switched off: thousands of overlapping circles do not read. Sides are
    coloured as ``theatre`` says (default: the default theatre).
    """
    import folium
    from branca.element import MacroElement
    from folium import plugins
    from jinja2 import Template

    table = event_table(events, links=links, theatre=theatre)
    layers = BulkLayers(actors=[a for a, _ in table["actors"]])
    detail = not show_clusters
    groups = [folium.FeatureGroup(name=values.text(escape_text(a or "Unknown side")), show=detail).add_to(m)
              for a, _ in table["actors"]]
    layers.events = groups
    places = folium.FeatureGroup(name="Places of multi-place claims", show=detail).add_to(m)
    rings = folium.FeatureGroup(name="Uncertainty (precision 2–3)", show=detail).add_to(m)
    heat_group = folium.FeatureGroup(name="Casualty heat map", show=False).add_to(m)
    heat = plugins.HeatMap([], radius=25, blur=18, pane="cmHeat").add_to(heat_group)
    cluster_group = folium.FeatureGroup(name="Clusters", show=show_clusters).add_to(m)
    cluster_layer = plugins.MarkerCluster(options={"chunkedLoading": True}).add_to(cluster_group)
    time_group = folium.FeatureGroup(name="Events over time (slider)", show=False).add_to(m)
    layers.analysis = [places, rings, heat_group, cluster_group, time_group]
    empty = plugins.Timeline({"type": "FeatureCollection", "features": []}, name="Events over time").add_to(time_group)
    slider = plugins.TimelineSlider(auto_play=False, date_options="YYYY-MM-DD", enable_keyboard_controls=True,
                                    playback_duration=20000, position="bottomright").add_timelines(empty).add_to(m)
    slider_follows_layer(m, time_group, slider.get_name())

    data_id = "cm-event-table"
    m.get_root().html.add_child(raw_element(
        f'<script type="application/octet-stream" id="{data_id}">{encode_table(table)}</script>'))
    names = {"map": m.get_name(), "groups": ", ".join(g.get_name() for g in groups), "places": places.get_name(),
             "rings": rings.get_name(), "heat": heat.get_name(), "heat_group": heat_group.get_name(), "clusters": cluster_group.get_name(),
             "cluster_layer": cluster_layer.get_name(), "time_group": time_group.get_name(),
             "timeline": empty.get_name(), "slider": slider.get_name(), "fields": json.dumps(list(POPUP_FIELDS)),
             "links": "true" if links else "false", "data_id": data_id}
    script = MacroElement()
    script._template = Template("{% macro script(this, kwargs) %}" + BULK_SCRIPT % names + "{% endmacro %}")
    m.add_child(script)
    return layers
