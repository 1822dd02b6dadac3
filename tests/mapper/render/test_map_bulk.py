"""Large maps: every event carried once in a compressed table, layers built in the browser.

The same checks as for small maps, on maps forced into the bulk mode, in headless Chromium with
every network request blocked.
"""

import datetime as dt

import pytest

from browser import open_offline, wait_for_leaflet
from conftest import REPO
from test_webmap import hostile_event

from mapper.render.web.bulk_table import QUOTE_LIMIT, event_table
from mapper.ingest.documents import read_documents
from mapper.model.events import Event, EventLocation
from mapper.extract.extractor import extract_events
from mapper.render.web.webmap import write_map

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"

#: Screen position of the first event of the table, and a click there.
CLICK_FIRST_EVENT = """() => {
  var m = Object.values(window).find(v => v instanceof L.Map), ll = null;
  m.eachLayer(l => { if (!ll && l.options && l.options.cmIndex === 0) { ll = l.getLatLng(); } });
  var c = m.latLngToContainerPoint(ll), r = m.getContainer().getBoundingClientRect();
  return [c.x + r.left, c.y + r.top];
}"""
COUNT_EVENT_MARKERS = """() => {
  var m = Object.values(window).find(v => v instanceof L.Map), n = 0;
  m.eachLayer(l => { if (l instanceof L.CircleMarker && l.options.cmIndex !== undefined) { n++; } });
  return n;
}"""


@pytest.fixture(scope="module")
def seed_events(gazetteer):
    return extract_events(read_documents([SEED], published=dt.date(2024, 12, 16)), gazetteer=gazetteer)


def _open(page, path, events: int):
    """Open the map and wait until its table is unpacked; it must hold ``events`` events."""
    pg, errors, requests = open_offline(page, path)
    wait_for_leaflet(pg)
    assert pg.evaluate("window.conflictmapBulk.then(r => r.events)") == events
    return pg, errors, requests


def _click_first(pg):
    x, y = pg.evaluate(CLICK_FIRST_EVENT)
    pg.mouse.click(x, y)
    popup = pg.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    return popup


def test_table_carries_each_event_once_and_round_trips(seed_events):
    table = event_table(seed_events)
    assert table["n"] == len([e for e in seed_events if e.points]) == 2
    quotes = table["text"]["quote"]["values"]
    assert len(quotes) == 2 and all(len(q) <= QUOTE_LIMIT + 60 for q in quotes)
    kursk = next(i for i in range(table["n"]) if table["places"][i])
    assert len(table["places"][kursk]) == 2                      # Plekhovo and Martynovka; Vorozhba unplaced
    places = table["text"]["places"]
    joined = places["values"][places["codes"][kursk] if places["codes"] else kursk]
    assert "Vorozhba" in joined and "Sumy Oblast" in joined     # named as unresolved, with the reason


def test_bulk_map_draws_every_event_and_shows_popups(seed_events, tmp_path, page):
    path = tmp_path / "bulk.html"
    result = write_map(seed_events, path, offline=True, bulk=True)
    assert "cm-event-table" in path.read_text(encoding="utf-8")
    pg, errors, requests = _open(page, path, 2)
    names = pg.eval_on_selector_all(".leaflet-control-layers label", "els => els.map(e => e.textContent.trim())")
    for expected in ("North Korean forces", "Places of multi-place claims", "Uncertainty (precision 2\u20133)",
                     "Casualty heat map", "Clusters", "Events over time (slider)"):
        assert expected in names, names
    assert pg.evaluate(COUNT_EVENT_MARKERS) == result.events == 2
    text = _click_first(pg).inner_text()
    assert "North Korean forces" in text and "GUR" in text and "Plyokhovo" in text
    assert errors == [] and requests == []


def test_bulk_map_shows_hostile_text_as_text(tmp_path, page):
    path = tmp_path / "xss.html"
    write_map([hostile_event()], path, offline=True, bulk=True)
    pg, errors, requests = _open(page, path, 1)
    text = _click_first(pg).inner_text()
    pg.wait_for_timeout(200)
    assert pg.evaluate("() => window.__pwned") is None
    assert "<script>window.__pwned=1</script>" in text
    assert pg.locator(".leaflet-popup-content a[href^='javascript'], .leaflet-popup-content img").count() == 0
    assert errors == [] and requests == []


def test_hidden_layers_are_built_when_shown(tmp_path, page):
    """Thousands of events open on clusters; the per-actor circles appear when switched on."""
    loc = EventLocation("Sudzha", "Sudzha", 51.19139, 35.27056, "RU", "Kursk Oblast", "Sudzhansky District",
                        "curated:ru-kursk-sudzha", 1, True, "")
    events = [Event(event_id=f"ev-{i}", doc_id=f"d{i}", event_date=dt.date(2024, 8, 6) + dt.timedelta(days=i % 90),
                    killed=1 + i % 7, casualties_low=1, casualties_best=1 + i % 7, casualties_high=1 + i % 7,
                    actor="Russian forces" if i % 2 else "Ukrainian forces", locations=(loc,), geo_precision=1,
                    source_quote=f"Report {i}.") for i in range(2500)]
    path = tmp_path / "many.html"
    write_map(events, path, offline=True)                       # over the threshold: bulk by itself
    pg, errors, _ = _open(page, path, 2500)
    pg.wait_for_timeout(500)
    assert pg.evaluate(COUNT_EVENT_MARKERS) == 0                 # clusters only; circles not built yet
    pg.locator(".leaflet-control-layers label", has_text="Russian forces").locator("input").check()
    pg.wait_for_timeout(300)
    assert pg.evaluate(COUNT_EVENT_MARKERS) == 1250
    assert errors == []
