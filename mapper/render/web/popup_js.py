"""Popups and tooltips built in the browser from plain data, with ``textContent`` only.

The map carries each event's fields as JSON (folium escapes ``<`` and ``>`` in it)
and one small function turns them into DOM nodes, so report text can never
become markup, and the page stays small (no pre-rendered HTML per event)::

    >>> record = popup_record(event)            # doctest: +SKIP
    >>> sorted(record)[:3]                      # doctest: +SKIP
    ['actor', 'claimed_by', 'date']
"""

from __future__ import annotations

from mapper.model.events import CATEGORIES, Event, Source
from mapper.render.links import web_link
from mapper.render.web.popups import DATE_PRECISION_WORDS, PRECISION_WORDS

__all__ = ["popup_record", "source_label", "POPUP_SCRIPT", "ON_EACH_FEATURE", "POPUP_FIELDS"]

_CATEGORY_WORDS = {"killed": "killed", "wounded": "wounded", "missing": "missing", "captured": "captured",
                   "killed_or_wounded": "killed or wounded"}

#: The fields of a popup record, in the order a large map's table carries them (``links`` is map-wide).
POPUP_FIELDS = ("actor", "figures", "date", "date_precision", "date_text", "where", "places", "claimed_by", "quote",
                "sources", "n_sources")


def _source_pair(label: str, url: str) -> list[str]:
    """``[label, link]``: the link only for an http(s) URL with a host; any other URL is shown as text.

    >>> _source_pair("TASS", "https://tass.ru/x"), _source_pair("tg", "httpfoo:calc")
    (['TASS', 'https://tass.ru/x'], ['tg — httpfoo:calc', ''])
    """
    href = web_link(url)
    if href is not None or not url:
        return [label, href or ""]
    return [f"{label} — {url}", ""]


def source_label(source: Source) -> str:
    """What a popup names a source by: its outlet (else the web address's host) and when it was published;
    never the file name it was read from.

    >>> source_label(Source("seed_article", "https://www.example.org/a", "", "2024-12-16"))
    'www.example.org, published 2024-12-16'
    >>> source_label(Source("seed_article", "", "", ""))
    'Outlet not stated'
    """
    outlet = source.source_name
    if not outlet and source.url:  # the host only when no outlet is named (a URL check is not free)
        from urllib.parse import urlsplit

        href = web_link(source.url)
        outlet = urlsplit(href).hostname if href else None
    outlet = outlet or "Outlet not stated"
    return f"{outlet}, published {source.published}" if source.published else outlet


def popup_record(ev: Event, *, links: bool = True) -> dict:
    """The plain fields the browser-side popup shows (no HTML in them)."""
    figures = [[_CATEGORY_WORDS[c], getattr(ev, c)] for c in CATEGORIES if getattr(ev, c) is not None]
    if ev.casualties_best is not None:
        span = (f"{ev.casualties_low}–{ev.casualties_high}" if ev.casualties_low != ev.casualties_high
                else f"{ev.casualties_best}")
        note = f" ({ev.qualifier})" if ev.qualifier else (" (approximate)" if ev.approximate else "")
        figures.append(["all casualties", f"{ev.casualties_best} [range {span}]{note}"])
    date = ev.event_date.isoformat() if ev.event_date else "unknown"
    if ev.event_date_end and ev.event_date_end != ev.event_date:
        date += f" – {ev.event_date_end.isoformat()}"
    places = []
    for loc in ev.locations:
        if loc.resolved:
            places.append([", ".join(x for x in (loc.name, loc.admin2, loc.admin1, loc.country_code) if x), ""])
        else:
            places.append([loc.mention, loc.reason or "not in the gazetteer"])
    sources = [_source_pair(source_label(s), s.url or "")
               for s in (ev.sources or (Source(ev.doc_id, ev.source_url, ev.source_name),))]
    return {
        "actor": ev.actor or "Unknown side", "figures": figures, "date": date,
        "date_precision": DATE_PRECISION_WORDS.get(ev.date_precision or 0, "unknown"), "date_text": ev.date_text,
        "where": PRECISION_WORDS.get(ev.geo_precision or 0, "unplaced"), "places": places,
        "claimed_by": ev.claimed_by or "not stated", "quote": ev.source_quote, "sources": sources,
        "n_sources": ev.number_of_sources, "links": links,
    }


#: Defines ``window.conflictmapPopup(record)``: DOM from a popup record, text via textContent only.
POPUP_SCRIPT = r"""
<script>
// Popups open clear of the title block (top) and the layer control (right).
window.conflictmapPopupOptions = {maxWidth: 420, autoPanPaddingTopLeft: [60, 100], autoPanPaddingBottomRight: [270, 30]};
window.conflictmapPopup = function (p) {
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function line(label, text, small) {
    var e = el('p'); e.appendChild(el('b', label)); e.appendChild(document.createTextNode(text || ''));
    if (small) { e.appendChild(el('small', small)); }
    return e;
  }
  var div = el('div', null, 'cm-popup');
  div.appendChild(el('h4', p.actor));
  var table = el('table');
  (p.figures || []).forEach(function (f) {
    var tr = el('tr'); tr.appendChild(el('th', f[0])); tr.appendChild(el('td', f[1])); table.appendChild(tr);
  });
  div.appendChild(table);
  div.appendChild(line('Date: ', p.date + ' ', '(precision: ' + p.date_precision + (p.date_text ? '; ' + p.date_text : '') + ')'));
  div.appendChild(line('Where ', '', '(' + p.where + ')'));
  var places = el('ul');
  (p.places || []).forEach(function (x) {
    var li = el('li', x[0]);
    if (x[1]) { li.appendChild(el('em', ' (not placed: ' + x[1] + ')')); }
    places.appendChild(li);
  });
  div.appendChild(places);
  div.appendChild(line('Claimed by: ', p.claimed_by));
  div.appendChild(el('blockquote', p.quote, 'cm-quote'));
  div.appendChild(el('p', 'Sources (' + p.n_sources + '):'));
  var sources = el('ul');
  (p.sources || []).forEach(function (s) {
    var li = el('li');
    if (p.links && s[1] && /^https?:\/\/[^\/]/i.test(s[1])) {  // s[1] is set for http(s) links only
      var a = el('a', s[0]); a.href = s[1]; a.target = '_blank'; a.rel = 'noopener noreferrer'; li.appendChild(a);
    } else {
      li.textContent = s[0] + (s[1] ? ' — ' + s[1] : '');
    }
    sources.appendChild(li);
  });
  div.appendChild(sources);
  return div;
};
</script>
"""

#: Binds the popup and tooltip of each event feature (GeoJSON ``onEachFeature``).
ON_EACH_FEATURE = """
function (feature, layer) {
  layer.bindPopup(function () { return window.conflictmapPopup(feature.properties.popup); }, window.conflictmapPopupOptions);
  layer.bindTooltip(function () {
    var s = document.createElement('span'); s.textContent = feature.properties.tooltip; return s;
  });
}
"""
