"""The sample map as a user sees it (issue 19): no default pins, heat map above the base, title,
settlement labels, spread symbols, one layer control, search, slider, popups, totals panel, border.

Headless Chromium with every network request blocked. Screenshots of the sample map at zoom 7 and
11 and of an open popup are kept under ``outputs/screenshots/`` (look at them)."""

from __future__ import annotations


import pytest

from browser import open_offline, wait_for_leaflet
from conftest import REPO

from mapper.render.web.webmap import write_map

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
SHOTS = REPO / "outputs" / "screenshots"
LAYER_CONTROL = ".leaflet-control-layers:not(.leaflet-timeline-control)"
MAP = "Object.values(window).find(v => v instanceof L.Map)"


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory, seed_events, gazetteer):
    path = tmp_path_factory.mktemp("map") / "map.html"
    write_map(seed_events, path, offline=True, gazetteer=gazetteer)
    return path


def _open(page, path):
    pg, errors, requests = open_offline(page, path)
    wait_for_leaflet(pg)
    pg.wait_for_timeout(300)
    return pg, errors, requests


def _view(pg, lat: float, lon: float, zoom: int) -> None:
    pg.evaluate(f"() => {MAP}.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
    pg.wait_for_timeout(300)


def test_no_default_leaflet_marker_icon_anywhere(seed_map, page):
    pg, errors, _ = _open(page, seed_map)
    for box in pg.locator(f"{LAYER_CONTROL} input[type=checkbox]").all():   # every overlay on, the slider's too
        box.check()
    pg.wait_for_timeout(300)
    for zoom in (7, 9, 11):
        _view(pg, 51.17, 35.35, zoom)
        srcs = pg.eval_on_selector_all("img.leaflet-marker-icon", "els => els.map(e => e.src)")
        default = pg.evaluate("() => new L.Icon.Default()._getIconUrl('icon')")
        assert [s for s in srcs if s == default or "marker-icon" in s] == [], zoom
    assert errors == []


def test_heat_map_shows_above_the_base_layers_when_switched_on(seed_map, page):
    pg, errors, _ = _open(page, seed_map)
    _view(pg, 51.17, 35.35, 9)
    x, y = pg.evaluate(f"() => {{ var m = {MAP}, p = m.latLngToContainerPoint([51.17, 35.35]),"
                       " r = m.getContainer().getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }")
    clip = {"x": x + 25, "y": y - 40, "width": 30, "height": 80}     # beside the symbol, inside the heat blob
    before = pg.screenshot(clip=clip)
    pg.locator(".leaflet-control-layers label", has_text="Casualty heat map").locator("input").check()
    pg.wait_for_timeout(400)
    assert pg.locator(".leaflet-cmHeat-pane canvas.leaflet-heatmap-layer").count() == 1
    z = pg.evaluate("() => ['cmBase', 'cmHeat'].map(p => +getComputedStyle(document.querySelector("
                    "'.leaflet-' + p + '-pane')).zIndex)")
    assert z[1] > z[0]
    assert pg.screenshot(clip=clip) != before                   # drawn where the base land is
    assert errors == []


def test_title_block_names_the_theatre_the_period_and_the_date(seed_map, page):
    pg, errors, _ = _open(page, seed_map)
    title = pg.locator("#cm-title")
    assert title.is_visible()
    text = title.inner_text()
    assert "Kursk" in text and "2024-12-14" in text and "as of 2024-12-16" in text


def _box(pg, selector):
    return pg.locator(selector).bounding_box()


def _apart(a, b) -> bool:
    return (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


def test_time_slider_only_while_its_layer_is_on_and_clear_of_the_legend(seed_map, page):
    pg, errors, _ = _open(page, seed_map)
    slider = pg.locator(".leaflet-timeline-control")
    assert slider.count() == 1 and not slider.is_visible()
    layer = pg.locator(".leaflet-control-layers label", has_text="Events over time").locator("input")
    layer.check()
    pg.wait_for_timeout(200)
    assert slider.is_visible()
    for other in ("#cm-legend", "#cm-title", LAYER_CONTROL):
        assert _apart(_box(pg, ".leaflet-timeline-control"), _box(pg, other)), other
    layer.uncheck()
    pg.wait_for_timeout(200)
    assert not slider.is_visible()
    assert errors == []


def test_one_layer_control(seed_map, page):
    pg, _, _ = _open(page, seed_map)
    assert pg.locator(LAYER_CONTROL).count() == 1
    groups = pg.eval_on_selector_all(".leaflet-control-layers-group-name", "els => els.map(e => e.textContent.trim())")
    assert groups == ["Background", "Events by side", "Analysis", "Base map"]


LABELS = "els => els.map(e => e.textContent)"


def test_settlement_labels_at_zoom_10_around_the_sample_villages_and_none_at_zoom_7(seed_map, page):
    pg, errors, _ = _open(page, seed_map)
    _view(pg, 51.17, 35.35, 7)
    at_7 = pg.eval_on_selector_all(".cm-place-label", LABELS)
    assert {"Kursk", "Sumy", "Belgorod"} & set(at_7) and not {"Plyokhovo", "Sudzha"} & set(at_7)  # cities only
    _view(pg, 51.17, 35.35, 10)
    at_10 = pg.eval_on_selector_all(".cm-place-label", LABELS)
    assert {"Plyokhovo", "Martynovka", "Sudzha"} <= set(at_10), at_10
    assert all(not any("\u0400" <= c <= "\u04ff" for c in label) for label in at_10)   # one script: Latin
    boxes = pg.eval_on_selector_all(".cm-place-label .cm-text, path.cm-event", """els => els.map(e => {
        var r = e.getBoundingClientRect(); return [e.tagName, r.left, r.top, r.right, r.bottom]; })""")
    symbols = [b for b in boxes if b[0] == "path"]
    labels = [b for b in boxes if b[0] != "path"]
    assert symbols and labels and all(lab[3] > lab[1] for lab in labels)
    for s in symbols:                                   # no label over an event symbol
        assert all(lab[3] <= s[1] or s[3] <= lab[1] or lab[4] <= s[2] or s[4] <= lab[2] for lab in labels)
    assert errors == []


def test_labels_in_the_chosen_script(tmp_path, seed_events, gazetteer, page):
    path = tmp_path / "ru.html"
    write_map(seed_events, path, offline=True, gazetteer=gazetteer, labels="ru")
    pg, errors, _ = _open(page, path)
    _view(pg, 51.17, 35.35, 10)
    labels = pg.eval_on_selector_all(".cm-place-label", LABELS)
    assert "\u041c\u0430\u0440\u0442\u044b\u043d\u043e\u0432\u043a\u0430" in labels       # Martynovka in Russian
    assert all(any("\u0400" <= c <= "\u04ff" for c in label) for label in labels)
    assert errors == []


def test_overlapping_symbols_are_spread_apart_with_a_count(seed_map, page):
    pg, errors, _ = _open(page, seed_map)
    for zoom in (7, 11):
        _view(pg, 51.17, 35.35, zoom)
        boxes = pg.eval_on_selector_all("path.cm-event", """els => els.map(e => {
            var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
        assert len(boxes) == 2
        a, b = boxes
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], zoom   # neither hides the other
        assert pg.locator(".cm-stack-count").inner_text() == "2"
    assert errors == []


@pytest.mark.parametrize("typed, found", [("Plekh", "Plyokhovo"), ("Sudzha", "Sudzha"), ("Mart", "Martynovka")])
def test_search_finds_event_places_and_the_gazetteer_s_names(seed_map, page, typed, found):
    pg, errors, requests = _open(page, seed_map)
    search = pg.locator(".leaflet-control-search")
    search.locator(".search-button").click()
    search.locator("input.search-input").press_sequentially(typed, delay=50)
    tips = pg.locator(".search-tip")
    tips.first.wait_for(timeout=5000)
    assert any(found in t for t in tips.all_inner_texts())
    tips.first.click()
    pg.wait_for_timeout(600)
    assert pg.evaluate(f"() => {MAP}.getZoom()") == 11
    assert errors == [] and requests == []


def _shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / name))


def test_popup_names_outlet_url_and_date_not_the_file(tmp_path, seed_events, gazetteer, page):
    from dataclasses import replace

    from mapper.model.events import Source

    source = Source("report_file_0042", "https://news.example.org/kursk", "Example News", "2024-12-16")
    ev = replace(seed_events[0], sources=(source,), doc_id="report_file_0042")
    path = tmp_path / "sourced.html"
    write_map([ev], path, offline=True, gazetteer=gazetteer)
    pg, errors, _ = _open(page, path)
    pg.locator("path.cm-event").first.click(force=True)
    text = pg.locator(".leaflet-popup-content").inner_text()
    assert "Example News, published 2024-12-16" in text and "https://news.example.org/kursk" in text
    assert "report_file_0042" not in text
    assert errors == []


def test_screenshots_of_the_sample_map_at_zoom_7_and_11_and_of_a_popup(seed_map, page):
    pg, errors, _ = _open(page, seed_map)
    for zoom in (7, 11):
        _view(pg, 51.17, 35.33, zoom)
        _shot(pg, f"map_zoom{zoom}.png")
    pg.locator("path.cm-event").first.click(force=True)
    popup = pg.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    assert "seed_article" not in popup.inner_text() and "Outlet not stated, published 2024-12-16" in popup.inner_text()
    pg.wait_for_timeout(400)
    _shot(pg, "map_popup.png")
    assert all((SHOTS / n).stat().st_size > 10_000 for n in ("map_zoom7.png", "map_zoom11.png", "map_popup.png"))
    assert errors == []
