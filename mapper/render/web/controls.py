"""The map's controls: one grouped layer control, and a time slider shown only while its layer is on.

    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> script = slider_follows_layer(m, folium.FeatureGroup(name="t").add_to(m), "timeline_slider_x")
    >>> "display" in script._template.module.script(script, {})
    True
"""

from __future__ import annotations

__all__ = ["slider_follows_layer", "layer_control", "place_search"]

_SLIDER_SCRIPT = """{%% macro script(this, kwargs) %%}
(function () {
  var group = %(group)s, slider = %(slider)s, map = %(map)s;
  function show() { slider.getContainer().style.display = map.hasLayer(group) ? '' : 'none'; }
  group.on('add remove', function () { setTimeout(show, 0); });
  setTimeout(show, 0);
})();
{%% endmacro %%}"""


def slider_follows_layer(m, group, slider_name: str):
    """A script showing the slider control ``slider_name`` only while ``group`` is on the map."""
    from branca.element import MacroElement
    from jinja2 import Template

    script = MacroElement()
    script._template = Template(_SLIDER_SCRIPT % {"group": group.get_name(), "slider": slider_name,
                                                  "map": m.get_name()})
    return script.add_to(m)


def layer_control(m, groups: dict[str, list], tiles: list) -> None:
    """One grouped layer control: the tile layers as one exclusive group ("Background"), then the overlays."""
    from folium import plugins

    control = plugins.GroupedLayerControl({"Background": tiles, **{k: v for k, v in groups.items() if v}},
                                          exclusive_groups=False, collapsed=False)
    control.options["exclusiveGroups"] = ["Background"]
    control.layers_untoggle.update(layer.get_name() for layer in tiles[1:])  # the first tile layer is on
    control.add_to(m)


_SEARCH_SCRIPT = """{%% macro script(this, kwargs) %%}
(function () {
  var entries = %(entries)s;
  var search = new L.Control.Search({
    sourceData: function (text, callResponse) { callResponse(entries); return {abort: function () {}}; },
    formatData: function (rows) {
      var records = {};
      rows.forEach(function (r) { if (!(r[0] in records)) { records[r[0]] = L.latLng(r[1], r[2]); } });
      return records;
    },
    textPlaceholder: 'Search a place', collapsed: true, initial: false, marker: false, zoom: 11,
    minLength: 2, autoType: false, firstTipSubmit: true
  });
  %(map)s.addControl(search);
})();
{%% endmacro %%}"""


def place_search(m, values, entries: list[list]):
    """A search box over ``entries`` (``[name, lat, lon]``: event places, then every name variant of
    the gazetteer's places), held in ``values`` (never in a template); leaflet-search's assets."""
    from branca.element import MacroElement
    from folium.elements import JSCSSMixin
    from folium.plugins import Search
    from jinja2 import Template

    class PlaceSearch(JSCSSMixin, MacroElement):
        default_js = Search.default_js
        default_css = Search.default_css
        _template = Template(_SEARCH_SCRIPT % {"entries": f'"{values.token(entries)}"', "map": m.get_name()})

    return PlaceSearch().add_to(m)
