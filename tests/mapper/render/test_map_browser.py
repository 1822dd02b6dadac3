"""The offline map in a real headless Chromium with every network request blocked."""


import pytest

from browser import colour_count, open_offline, wait_for_leaflet
from conftest import REPO
from test_webmap import hostile_event

from mapper.render.web.webmap import write_map

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory, seed_events):
    path = tmp_path_factory.mktemp("map") / "map.html"
    result = write_map(seed_events, path, offline=True)
    return path, seed_events, result


def test_offline_map_loads_with_no_network_and_no_errors(seed_map, page):
    path, events, result = seed_map
    pg, errors, requests = open_offline(page, path)
    maps = wait_for_leaflet(pg)
    assert len(maps) == 1
    pg.wait_for_timeout(300)
    assert errors == [] and requests == []
    png = pg.screenshot()
    assert colour_count(png) > 20  # drawn: base geography, events, legend


def test_layer_control_lists_the_layers(seed_map, page):
    pg, _, _ = open_offline(page, seed_map[0])
    wait_for_leaflet(pg)
    names = pg.eval_on_selector_all(".leaflet-control-layers label", "els => els.map(e => e.textContent.trim())")
    for expected in ("No tiles (offline base)", "Border", "Oblasts", "Districts", "Rivers", "North Korean forces",
                     "Places of multi-place claims", "Uncertainty (precision 2\u20133)", "Casualty heat map",
                     "Clusters", "Events over time (slider)"):
        assert expected in names, names
    groups = pg.eval_on_selector_all(".leaflet-control-layers-group-name", "els => els.map(e => e.textContent.trim())")
    assert groups == ["Background", "Events by side", "Analysis", "Base map"]


def test_one_feature_per_event_and_popup_shows_the_quote(seed_map, page):
    path, events, _ = seed_map
    pg, errors, _ = open_offline(page, path)
    wait_for_leaflet(pg)
    markers = pg.locator("path.cm-event")
    assert markers.count() == len(events) == 2
    assert pg.locator("path.cm-place").count() == 4 and pg.locator("path.cm-ring").count() >= 2
    markers.first.click(force=True)
    popup = pg.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert "North Korean forces" in text
    assert "GUR" in text and "Vorozhba" in text and "not placed" in text
    assert any(phrase in text for phrase in ("killed or wounded", "missing"))
    assert errors == []


def test_hostile_text_is_shown_as_text_and_never_runs(tmp_path, page):
    path = tmp_path / "xss.html"
    write_map([hostile_event()], path, offline=True)
    pg, errors, requests = open_offline(page, path)
    wait_for_leaflet(pg)
    pg.locator("path.cm-event").first.click(force=True)
    popup = pg.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    pg.locator("path.cm-event").first.hover(force=True)
    pg.wait_for_timeout(300)
    assert pg.evaluate("() => window.__pwned") is None
    text = popup.inner_text()
    assert "<script>window.__pwned=1</script>" in text        # shown, as text
    assert pg.locator(".leaflet-popup-content a[href^='javascript']").count() == 0
    assert pg.locator(".leaflet-popup-content img, .leaflet-popup-content svg").count() == 0
    assert requests == [] and errors == []


def test_time_slider_and_place_search(seed_map, page):
    path, _, _ = seed_map
    pg, errors, requests = open_offline(page, path)
    wait_for_leaflet(pg)
    names = pg.eval_on_selector_all(".leaflet-control-layers label", "els => els.map(e => e.textContent.trim())")
    assert "Events over time (slider)" in names
    assert pg.locator(".leaflet-timeline-control").count() == 1
    search = pg.locator(".leaflet-control-search")
    assert search.count() == 1
    search.locator(".search-button").click()
    search.locator("input.search-input").press_sequentially("Mart", delay=50)  # any part of a name; fires on key-up
    tips = pg.locator(".search-tip")
    tips.first.wait_for(timeout=5000)
    assert any("Plyokhovo" in t and "Martynovka" in t for t in tips.all_inner_texts())
    assert errors == [] and requests == []


@pytest.mark.browser
def test_cli_png_screenshot_is_a_drawn_map(seed_map, tmp_path):
    from browser import browser_unavailable, skip_or_fail
    from conftest import run_cli
    from mapper.model.event_io import write_events

    reason = browser_unavailable()
    if reason:
        skip_or_fail(reason)
    _, events, _ = seed_map
    source = tmp_path / "events.jsonl"
    write_events(events, source)
    png = tmp_path / "map.png"
    proc = run_cli("map", str(source), "-o", str(tmp_path / "map.html"), "--png", str(png))
    assert proc.returncode == 0, proc.stderr
    assert colour_count(png.read_bytes()) > 20
