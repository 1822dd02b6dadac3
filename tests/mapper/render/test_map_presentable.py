"""The sample map as a user sees it (issue 19): no default pins, heat map above the base, title,
settlement labels, spread symbols, one layer control, search, slider, popups, totals panel, border.

Headless Chromium with every network request blocked. Screenshots of the sample map at zoom 7 and
11 and of an open popup are kept under ``outputs/screenshots/`` (look at them)."""

from __future__ import annotations

import datetime as dt

import pytest

from browser import open_offline, wait_for_leaflet
from conftest import REPO

from mapper.extract.extractor import extract_events
from mapper.ingest.documents import read_documents
from mapper.render.web.webmap import write_map

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
SHOTS = REPO / "outputs" / "screenshots"
MAP = "Object.values(window).find(v => v instanceof L.Map)"


@pytest.fixture(scope="module")
def seed_events(gazetteer):
    return extract_events(read_documents([SEED], published=dt.date(2024, 12, 16)), gazetteer=gazetteer)


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
