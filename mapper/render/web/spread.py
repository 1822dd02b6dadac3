"""Symbols at one point spread apart: each drawn beside the point, joined to it by a thin line, with
the count at the point.

Two claims at the same place (both of the sample's events sit on one point) would otherwise draw one
circle over the other: the 3-missing symbol hid the 30-killed-or-wounded one. The offset is in
screen pixels, worked out again at every zoom, so the symbols stay apart and close to their point
at any scale::

    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> spread = spread_overlaps(m, [])
    >>> "setLatLng" in spread._template.module.script(spread, {})
    True
"""

from __future__ import annotations

__all__ = ["spread_overlaps", "SPREAD_SCRIPT"]

SPREAD_SCRIPT = r"""
(function () {
  var map = %(map)s, sources = [%(layers)s], groups = {}, stacks = [];
  var lines = L.layerGroup().addTo(map), badges = L.layerGroup().addTo(map);
  sources.forEach(function (g) {
    g.eachLayer(function (l) {
      if (!l.getLatLng) { return; }
      var ll = l.getLatLng(), k = ll.lat.toFixed(5) + ',' + ll.lng.toFixed(5);
      l.cmHome = ll;
      (groups[k] = groups[k] || []).push(l);
    });
  });
  Object.keys(groups).forEach(function (k) { if (groups[k].length > 1) { stacks.push(groups[k]); } });
  function place() {
    lines.clearLayers(); badges.clearLayers();
    stacks.forEach(function (s) {
      var home = s[0].cmHome, centre = map.latLngToLayerPoint(home), n = s.length, rmax = 0;
      s.forEach(function (l) { rmax = Math.max(rmax, l.getRadius()); });
      var d = (2 * rmax + 4) / (2 * Math.sin(Math.PI / Math.max(n, 2))) + 8;
      s.forEach(function (l, i) {
        var a = -Math.PI / 2 + 2 * Math.PI * i / n;
        var at = map.layerPointToLatLng(centre.add(L.point(Math.cos(a) * d, Math.sin(a) * d)));
        l.setLatLng(at);
        lines.addLayer(L.polyline([home, at], {color: '#444', weight: 1, interactive: false}));
      });
      var count = document.createElement('div');
      count.className = 'cm-stack-count'; count.textContent = String(n);
      count.title = n + ' claims at this point';
      badges.addLayer(L.marker(home, {icon: L.divIcon({html: count, className: 'cm-stack-icon', iconSize: [16, 16]}),
                                      keyboard: false, title: n + ' claims at this point'}));
    });
  }
  map.on('zoomend', place);
  place();
})();
"""

_STYLE = """<style>
.cm-stack-icon {background:none; border:none}
.cm-stack-count {width:16px; height:16px; border-radius:50%; background:#fff; border:1px solid #444;
  font:bold 10px/16px sans-serif; text-align:center; color:#222; box-sizing:border-box}
</style>"""


def spread_overlaps(m, layers: list):
    """A script spreading apart the circle markers of ``layers`` (folium GeoJson objects) that share a point."""
    from branca.element import MacroElement
    from jinja2 import Template

    from mapper.render.web.web_values import raw_element

    script = MacroElement()
    body = SPREAD_SCRIPT % {"map": m.get_name(), "layers": ", ".join(layer.get_name() for layer in layers)}
    script._template = Template("{% macro script(this, kwargs) %}" + body + "{% endmacro %}")
    m.get_root().header.add_child(raw_element(_STYLE))
    return script.add_to(m)
