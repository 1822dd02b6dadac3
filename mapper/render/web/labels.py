"""Settlement labels and the place search, drawn offline from the gazetteer.

Each settlement of the theatre (and around the events) gets one name in one script, chosen by
``--labels`` as the situation map chooses it (:mod:`mapper.render.place_names`): ``en`` Latin,
``ru`` Russian or ``uk`` Ukrainian Cyrillic. Towns are labelled from zoom 8, villages
from zoom 10, cities from zoom 6. Labels lie in the ``cmLabels`` pane, under the event symbols,
beside their point and never over another label (the browser places them by size, largest first).
The search knows every name variant the gazetteer holds for these places::

    >>> from gazetteer.place import Place
    >>> p = Place("x", "Plyokhovo", 51.1, 35.33, alternate_names=("Plekhovo",))
    >>> label_name(p, "en"), rank(p), search_keys(p, "Plyokhovo")
    ('Plyokhovo', 2, ['Plyokhovo', 'Plekhovo (Plyokhovo)'])
"""

from __future__ import annotations


from mapper.render.place_names import place_label
from gazetteer.place import Place

__all__ = ["SCRIPTS", "label_name", "rank", "search_keys", "settlements", "place_entries", "add_labels", "label_rows", "LABEL_SCRIPT"]

SCRIPTS = ("en", "ru", "uk")
_MIN_ZOOM = (6, 8, 10)  # by rank: city, town, village
_PAD_DEG = 0.5


def label_name(place: Place, script: str) -> str:
    """The place's name in ``script``, chosen as the situation map chooses it
    (:func:`mapper.render.place_names.place_label`); Latin where it has no Cyrillic name."""
    return (place_label(place.name, place.alternate_names, script)
            or place_label(place.name, place.alternate_names, "en") or place.name)


def rank(place: Place) -> int:
    """0 city, 1 town, 2 village."""
    if place.feature_code in ("PPLC", "PPLA") or place.population >= 100_000:
        return 0
    if place.feature_code.startswith("PPLA") or place.population >= 3_000:
        return 1
    return 2


def search_keys(place: Place, shown: str) -> list[str]:
    """The search entries of a place: the name shown, then every other variant with it in brackets."""
    keys = [shown]
    for name in (place.name, *place.alternate_names):
        base = name.split(" (")[0].strip()
        if base and base not in keys and f"{base} ({shown})" not in keys:
            keys.append(f"{base} ({shown})")
    return keys


def settlements(gazetteer, bounds: tuple[float, float, float, float]) -> list[Place]:
    """The gazetteer's settlements in ``(south, west, north, east)`` padded by half a degree."""
    south, west, north, east = bounds
    return gazetteer.index.within(south - _PAD_DEG, west - _PAD_DEG, north + _PAD_DEG, east + _PAD_DEG, "P")


def label_rows(places: list[Place], script: str) -> tuple[list[list], list[list]]:
    """``(labels, search)``: labels as ``[lat, lon, name, min_zoom, population]`` (largest first), search
    entries as ``[key, lat, lon]``."""
    labels, search, kept = [], [], {}
    for p in sorted(places, key=lambda p: (rank(p), -p.population, p.name)):
        name = label_name(p, script)
        town, cell = rank(p) < 2, (int(p.latitude / 0.03), int(p.longitude / 0.05))
        near = (kept.get((cell[0] + i, cell[1] + j), ()) for i in (-1, 0, 1) for j in (-1, 0, 1))
        if any(abs(p.latitude - lat) < 0.03 and abs(p.longitude - lon) < 0.05 and (town or name == other)
               for bucket in near for lat, lon, other in bucket):
            continue  # the same town from two sources (GeoNames and OSM): labelled once
        kept.setdefault(cell, []).append((p.latitude, p.longitude, name))
        labels.append([round(p.latitude, 5), round(p.longitude, 5), name, _MIN_ZOOM[rank(p)], p.population])
        search += [[key, round(p.latitude, 5), round(p.longitude, 5)] for key in search_keys(p, name)]
    return labels, search


def place_entries(events, gazetteer, script: str) -> list[list]:
    """Search entries ``[key, lat, lon]`` (HTML-escaped keys: the search box shows them as markup) of
    every distinct resolved place of ``events``, with the name variants ``gazetteer`` knows for it."""
    from mapper.render.web.popups import escape_text

    seen: dict[tuple, list[str]] = {}
    for ev in events:
        for loc in ev.locations:
            key = (loc.name, loc.latitude, loc.longitude)
            if not loc.has_point or key in seen:
                continue
            place = gazetteer.index.get(loc.gazetteer_id) if gazetteer is not None and loc.gazetteer_id else None
            seen[key] = search_keys(place, loc.name or loc.mention) if place is not None else [loc.name or loc.mention]
    return [[escape_text(k), lat, lon] for (_, lat, lon), keys in seen.items() for k in keys]


#: Draws the labels in view at the zoom they are due, greedily: largest first, a label beside its dot
#: (right, else left) where it overlaps no label already placed. ``%(name)s`` slots: Folium names.
LABEL_SCRIPT = r"""
(function () {
  var map = %(map)s, rows = %(rows)s, group = L.layerGroup().addTo(map);
  function draw() {
    group.clearLayers();
    var z = map.getZoom(), view = map.getBounds().pad(0.1), placed = [], c = map.getContainer().getBoundingClientRect();
    // what is drawn already: oblast names, event symbols, their counts, clusters (labels keep clear of them)
    document.querySelectorAll('.cm-oblast-label, path.cm-event, .cm-stack-count, .marker-cluster').forEach(function (e) {
      var range = document.createRange();
      range.selectNodeContents(e);  // the text's own box: an oblast name overflows its 12-pixel icon
      var r = e.tagName === 'DIV' && e.textContent ? range.getBoundingClientRect() : e.getBoundingClientRect();
      if (r.width) { placed.push([r.left - c.left - 2, r.top - c.top - 2, r.right - c.left + 2, r.bottom - c.top + 2]); }
    });
    function free(b) {
      for (var k = 0; k < placed.length; k++) {
        var o = placed[k];
        if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { return false; }
      }
      return true;
    }
    for (var i = 0; i < rows.length && placed.length < 400; i++) {
      var r = rows[i];
      if (r[3] > z || !view.contains([r[0], r[1]])) { continue; }
      var p = map.latLngToContainerPoint([r[0], r[1]]), w = 6.2 * r[2].length + 4, h = 14;
      var right = [p.x + 4, p.y - h / 2, p.x + 4 + w, p.y + h / 2], left = [p.x - 4 - w, p.y - h / 2, p.x - 4, p.y + h / 2];
      var above = [p.x + 2, p.y - h - 4, p.x + 2 + w, p.y - 4], below = [p.x + 2, p.y + 4, p.x + 2 + w, p.y + h + 4];
      var box = [right, left, above, below].find(free);
      if (!box) { continue; }  // no room: the label is left out at this zoom
      placed.push(box);
      var div = document.createElement('div');
      div.className = 'cm-place-label' + (r[3] < 10 ? ' cm-town' : '') +
        {0: '', 1: ' cm-left', 2: ' cm-above', 3: ' cm-below'}[[right, left, above, below].indexOf(box)];
      var dot = document.createElement('span'); dot.className = 'cm-dot';
      var text = document.createElement('span'); text.className = 'cm-text'; text.textContent = r[2];
      div.appendChild(dot); div.appendChild(text);
      group.addLayer(L.marker([r[0], r[1]], {pane: 'cmLabels', interactive: false, keyboard: false,
        icon: L.divIcon({html: div, className: 'cm-label-icon', iconSize: null})}));
    }
  }
  map.on('zoomend moveend', function () { setTimeout(draw, 0); });  // after the symbols have moved
  map.whenReady(function () { setTimeout(draw, 0); });
  // A large map fills its layers (clusters) once its table is unpacked: place the labels again then.
  setTimeout(function () { if (window.conflictmapBulk) { window.conflictmapBulk.then(function () { setTimeout(draw, 300); }); } }, 0);
})();
"""

LABEL_STYLE = """<style>
.cm-label-icon {background:none; border:none}
.cm-place-label {position:absolute; left:0; top:0; font:11px sans-serif; color:#333}
.cm-place-label .cm-dot {position:absolute; left:-2.5px; top:-2.5px; width:5px; height:5px; border-radius:50%;
  background:#555}
.cm-place-label .cm-text {position:absolute; white-space:nowrap; line-height:14px; top:-7px; left:5px;
  text-shadow:0 0 2px #fff, 0 0 3px #fff}
.cm-place-label.cm-town .cm-text {font-weight:bold; font-size:12px}
.cm-place-label.cm-left .cm-text {left:auto; right:5px}
.cm-place-label.cm-above .cm-text {top:-19px; left:-2px}
.cm-place-label.cm-below .cm-text {top:5px; left:-2px}
</style>"""


def add_labels(m, values, rows: list[list]) -> None:
    """The label script with its rows (held in ``values``: never in a template) on the map ``m``."""
    from branca.element import MacroElement
    from jinja2 import Template

    from mapper.render.web.web_values import raw_element

    script = MacroElement()
    body = LABEL_SCRIPT % {"map": m.get_name(), "rows": f'"{values.token(rows)}"'}
    script._template = Template("{% macro script(this, kwargs) %}" + body + "{% endmacro %}")
    m.add_child(script)
    m.get_root().header.add_child(raw_element(LABEL_STYLE))
