"""The situation map PNG: drawn offline, labels never overlap, a true scale bar, symbols by side and size."""

from __future__ import annotations

import datetime as dt
import io
import math
import warnings

import pytest
from pyproj import Geod, Transformer

from mapper.render.briefing.labels import LABEL_GID
from mapper.render.briefing.map_furniture import nice_length, size_steps
from mapper.render.briefing.map_symbols import MAX_DIAMETER_PT, symbol_diameter
from mapper.render.briefing.situation_map import draw_situation_map, save_situation_map
from mapper.model.events import Event, EventLocation
from mapper.render.web.popups import actor_colour

PLYOKHOVO = EventLocation("Plekhovo", "Plyokhovo", 51.1, 35.33, "RU", "Kursk Oblast", "Sudzhansky District",
                          "curated:ru-kursk-plyokhovo", 1, True, "")
MARTYNOVKA = EventLocation("Martynovka", "Martynovka", 51.23889, 35.36639, "RU", "Kursk Oblast",
                           "Sudzhansky District", "curated:ru-kursk-martynovka-sudzhansky-district", 1, True, "")
VOROZHBA = EventLocation("Vorozhba", None, None, None, None, None, None, None, None, False, "ambiguous")


def event(event_id, locations, best, *, actor="North Korean forces", precision=None) -> Event:
    return Event(event_id=event_id, doc_id="d", event_date=dt.date(2024, 12, 14), killed_or_wounded=best,
                 casualties_low=best, casualties_best=best, casualties_high=best, actor=actor,
                 locations=tuple(locations), geo_precision=precision or (1 if len(locations) == 1 else 2))


SEED_LIKE = [event("kw", [PLYOKHOVO, VOROZHBA, MARTYNOVKA], 30), event("missing", [PLYOKHOVO, MARTYNOVKA], 3)]


def label_boxes(fig):
    renderer = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for ax in fig.axes for t in ax.texts
            if t.get_gid() == LABEL_GID]


def scale_bar_ground_metres(ax, crs: str) -> float:
    """Measure the drawn bar independently: its two segments' ends, back to lon/lat, geodesic distance."""
    bars = sorted((p for p in ax.patches if p.get_zorder() == 30), key=lambda p: p.get_x())
    x0, y0 = bars[0].get_x(), bars[0].get_y()
    x1 = bars[-1].get_x() + bars[-1].get_width()
    to_lonlat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    (lon0, lat0), (lon1, lat1) = to_lonlat.transform(x0, y0), to_lonlat.transform(x1, y0)
    return Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)[2]


@pytest.fixture(scope="module")
def seed_map(index):
    return draw_situation_map(SEED_LIKE, index=index)


def test_seed_map_in_utm_around_the_claimed_villages(seed_map):
    fig, result = seed_map
    assert result.crs == "EPSG:32636"                                  # UTM zone 36N holds 35.3° E
    west, south, east, north = result.bounds
    for loc in (PLYOKHOVO, MARTYNOVKA):
        assert west < loc.longitude < east and south < loc.latitude < north
    assert east - west < 3 and north - south < 2                       # zoomed to the events, not the theatre
    assert result.events_shown == 2 and result.events_unplaced == 0
    assert {"Plyokhovo", "Martynovka"} <= set(result.labels)
    assert "Sudzha" in result.labels                                   # settlements from the offline gazetteer
    assert "Vorozhba" not in result.labels                             # unresolved: nowhere on the map


def test_labels_never_overlap_and_stay_inside(seed_map):
    fig, _ = seed_map
    ax = fig.axes[0]  # labels were placed in the axes' final position (not one geopandas left behind)
    assert ax.get_position().bounds == pytest.approx(ax.get_position(original=True).bounds)
    boxes = label_boxes(fig)
    assert len(boxes) >= 10
    frame = fig.axes[0].get_window_extent(fig.canvas.get_renderer())
    for i, (text, box) in enumerate(boxes):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, text
        for other, other_box in boxes[i + 1:]:
            assert not box.overlaps(other_box), (text, other)


def test_multi_place_claim_has_a_symbol_at_each_place_joined_by_a_line(seed_map):
    from mapper.render.briefing.map_symbols import JOIN_GID

    fig, result = seed_map
    ax = fig.axes[0]
    to_map = Transformer.from_crs("EPSG:4326", result.crs, always_xy=True)
    places = [to_map.transform(loc.longitude, loc.latitude) for loc in (PLYOKHOVO, MARTYNOVKA)]
    middle = ((places[0][0] + places[1][0]) / 2, (places[0][1] + places[1][1]) / 2)
    centres = [tuple(xy) for c in ax.collections if c.get_zorder() in (10, 10.5) for xy in c.get_offsets()]
    assert centres and all(min(math.dist(xy, p) for p in places) < 1 for xy in centres)   # only at the places
    assert not any(math.dist(xy, middle) < 1000 for xy in centres)                       # none in between
    for place in places:                               # both claims (30 and 3) have a ring at both villages
        assert sum(math.dist(xy, place) < 1 for xy in centres) == 4           # 2 claims x (fill + outline)
    joins = [c for c in ax.collections if c.get_gid() == JOIN_GID]
    assert len(joins) == 1
    for segment in joins[0].get_segments():
        ends = sorted(map(tuple, segment))
        assert ends == pytest.approx(sorted(places))


MANILA = EventLocation("Manila", "Manila", 14.5995, 120.9842, "PH", "NCR", None, "geonames:1701668", 1, True, "")


def test_a_point_outside_the_theatre_is_listed_not_drawn_and_never_widens_the_map(index, seed_map):
    _, seed = seed_map
    stray = event("stray", [MANILA], 12, actor="Civilians")
    half = event("half", [PLYOKHOVO, MANILA], 4)                     # one place in, one far away
    fig, result = draw_situation_map([*SEED_LIKE, stray, half], index=index)
    assert result.bounds == pytest.approx(seed.bounds, abs=0.05)      # the same view as without them
    assert result.events_shown == 3 and result.outside == ["Manila (PH, 14.60, 120.98) ×2"]
    ax = fig.axes[0]
    to_map = Transformer.from_crs("EPSG:4326", result.crs, always_xy=True)
    manila = to_map.transform(MANILA.longitude, MANILA.latitude)
    centres = [tuple(xy) for c in ax.collections for xy in c.get_offsets()]
    assert centres and not any(math.dist(xy, manila) < 1e6 for xy in centres)
    notes = [a.txt.get_text() for a in ax.artists if hasattr(a, "txt")]
    assert any("outside the theatre" in n and "Manila (PH, 14.60, 120.98)" in n for n in notes)
    assert any("Manila" in n for n in result.notes)


def test_only_out_of_theatre_points_give_the_theatre_not_the_world(index):
    _, result = draw_situation_map([event("stray", [MANILA], 12)], index=index)
    west, south, east, north = result.bounds
    assert 29 < west < 33.5 and 38 < east < 43 and 48 < south < 50.5 and 52 < north < 54   # theatre, widened to fit
    assert result.events_shown == 0 and result.outside


def test_title_block_names_the_theatre_period_and_as_of_date(index):
    fig, result = draw_situation_map(SEED_LIKE, index=index, generated=dt.date(2025, 1, 2))
    texts = {t.get_gid(): t.get_text() for t in fig.texts if t.get_gid()}
    assert texts["map-title"] == "Casualty claims: Kursk–Belgorod–Sumy border"
    assert texts["map-date"] == "Claims dated 14 Dec 2024 · as of 2 Jan 2025"
    renderer = fig.canvas.get_renderer()
    map_box = fig.axes[0].get_window_extent(renderer)
    for gid in ("map-title", "map-date"):                       # above the map, not over it
        text = next(t for t in fig.texts if t.get_gid() == gid)
        assert text.get_window_extent(renderer).y0 >= map_box.y1
    _, titled = draw_situation_map(SEED_LIKE, index=index, title="Sudzha sector")
    assert titled.title[0] == "Sudzha sector"


def test_locator_inset_shows_the_map_extent_inside_the_theatre(seed_map):
    from matplotlib.patches import Rectangle

    from mapper.render.briefing.map_inset import INSET_GID

    fig, result = seed_map
    ax = fig.axes[0]
    insets = [a for a in ax.child_axes if a.get_gid() == INSET_GID]
    assert len(insets) == 1
    inset = insets[0]
    extent_box = next(p for p in inset.patches if isinstance(p, Rectangle) and p.get_gid() == INSET_GID)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert (extent_box.get_x(), extent_box.get_y()) == pytest.approx((x0, y0))
    assert (extent_box.get_width(), extent_box.get_height()) == pytest.approx((x1 - x0, y1 - y0))
    ix0, ix1 = inset.get_xlim()
    iy0, iy1 = inset.get_ylim()
    assert (ix1 - ix0) > 5 * (x1 - x0)                                 # an overview, several times the map
    to_map = Transformer.from_crs("EPSG:4326", result.crs, always_xy=True)
    for lon, lat in ((33.0, 49.9), (38.5, 52.4), (36.25, 50.0)):      # the theatre's corners, Kharkiv's area
        x, y = to_map.transform(lon, lat)
        assert ix0 < x < ix1 and iy0 < y < iy1
    assert ix1 - ix0 < 1_500_000                                      # never a world map
    renderer = fig.canvas.get_renderer()
    inset_box, map_box = inset.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert map_box.x0 <= inset_box.x0 and inset_box.x1 <= map_box.x1 and inset_box.y1 <= map_box.y1
    for loc in (PLYOKHOVO, MARTYNOVKA):                                # clear of the claims' symbols
        px, py = ax.transData.transform(to_map.transform(loc.longitude, loc.latitude))
        assert not (inset_box.x0 - 20 < px < inset_box.x1 + 20 and inset_box.y0 - 20 < py < inset_box.y1 + 20)
    for text, box in label_boxes(fig):
        assert not box.overlaps(inset_box), text


def _all_texts(fig) -> list[str]:
    """Every name drawn on the map: place and area labels, the inset's cities (furniture and figures aside)."""
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.texts if t.get_gid() == LABEL_GID and not t.get_text()[:1].isdigit()]
    return names + [t.get_text() for inset in ax.child_axes for t in inset.texts]


def test_labels_are_latin_by_default(seed_map, index):
    from gazetteer.normalize import is_cyrillic

    fig, result = seed_map
    texts = _all_texts(fig)
    assert len(texts) >= 15 and {"Plyokhovo", "Martynovka", "Sudzha", "Kursk"} <= set(texts)
    assert not [t for t in texts + result.labels if is_cyrillic(t)]
    # a place the gazetteer names only in Cyrillic is romanised, never dropped nor left in Cyrillic
    petrushivka = [p for p in index.within(50.0, 34.0, 52.0, 37.0) if p.id == "osm:relation/17421585"]
    if petrushivka and is_cyrillic(petrushivka[0].name):
        fig, result = draw_situation_map([event("p", [EventLocation(
            petrushivka[0].name, petrushivka[0].name, petrushivka[0].latitude, petrushivka[0].longitude, "UA", "",
            "", petrushivka[0].id, 1, True, "")], 5)], index=index)
        assert "Petrushivka" in result.labels


@pytest.mark.parametrize("script, martynovka", [("uk", "Мартинівка"), ("ru", "Мартыновка")])
def test_labels_in_one_cyrillic_script_on_request(index, script, martynovka):
    import re

    fig, result = draw_situation_map(SEED_LIKE, index=index, labels=script)
    assert martynovka in result.labels
    assert "Плёхово" in result.labels                           # no Ukrainian form: the Russian one, not Latin
    texts = _all_texts(fig)
    assert len(texts) >= 15 and not [t for t in texts if re.search("[A-Za-z]", t)]
    if script == "uk":
        assert "Суджа" in texts and "РОСІЯ" in texts
    with pytest.raises(ValueError):
        draw_situation_map(SEED_LIKE, index=index, labels="de")


def test_scale_bar_measures_ground_distance_in_utm(seed_map):
    fig, result = seed_map
    assert result.scale_bar_m == nice_length(result.scale_bar_m)
    assert scale_bar_ground_metres(fig.axes[0], result.crs) == pytest.approx(result.scale_bar_m, rel=0.005)


def test_web_mercator_scale_bar_is_latitude_corrected_and_tiles_fail_softly(index):
    from xyzservices import TileProvider

    nowhere = TileProvider(name="local.closed", url="http://127.0.0.1:9/{z}/{x}/{y}.png", attribution="none")
    fig, result = draw_situation_map(SEED_LIKE, index=index, tiles=nowhere)
    assert result.crs == "EPSG:3857" and result.tiles is None
    assert any("Web tiles not drawn" in note for note in result.notes)
    # at 51° N a Web Mercator metre is ~0.63 m on the ground: an uncorrected bar would be 1.6x too long
    assert scale_bar_ground_metres(fig.axes[0], result.crs) == pytest.approx(result.scale_bar_m, rel=0.005)


def test_symbols_are_proportional_and_coloured_by_side(index):
    assert symbol_diameter(30, 30) == MAX_DIAMETER_PT
    assert symbol_diameter(30, 30) ** 2 / symbol_diameter(10, 30) ** 2 == pytest.approx(3.0)
    assert size_steps(3000) == [3000, 500, 100]
    sudzha = EventLocation("Sudzha", "Sudzha", 51.19139, 35.27056, "RU", "Kursk Oblast", "", "x", 1, True, "")
    region = EventLocation("Kursk region", "Kursk Oblast", 51.6, 36.2, "RU", "Kursk Oblast", "", "y", 3, True, "")
    events = [event("a", [sudzha], 40, actor="Civilians"), event("b", [region], 10, actor="Ukrainian forces",
                                                                  precision=3)]
    fig, _ = draw_situation_map(events, index=index)
    ax = fig.axes[0]
    collections = [c for c in ax.collections if c.get_zorder() in (10, 10.5)]
    filled = [c for c in collections if c.get_zorder() == 10 and c.get_alpha() == 0.75]
    assert len(filled) == 1 and filled[0].get_sizes()[0] == pytest.approx(MAX_DIAMETER_PT ** 2)
    assert filled[0].get_facecolors()[0][:3] == pytest.approx(_rgb(actor_colour("Civilians")), abs=0.01)
    dashed = [c for c in collections if c.get_zorder() == 10.5]
    assert len(dashed) == 1 and dashed[0].get_linestyle()[0][1] is not None    # region-only claim: dashed ring
    assert dashed[0].get_edgecolors()[0][:3] == pytest.approx(_rgb(actor_colour("Ukrainian forces")), abs=0.01)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def test_png_is_written_atomically_and_not_blank(tmp_path, index):
    from PIL import Image, ImageStat

    path = tmp_path / "situation_map.png"
    result = save_situation_map(SEED_LIKE, path, index=index, dpi=80)
    assert result.path == path and [p.name for p in tmp_path.iterdir()] == ["situation_map.png"]
    with Image.open(path) as image:
        assert image.size == (960, 424)
        stat = ImageStat.Stat(image.convert("L"))
        assert stat.stddev[0] > 20                     # base map, symbols, labels: far from uniform
        assert len(image.convert("RGB").getcolors(1 << 20)) > 500


def test_cyrillic_labels_draw_without_missing_glyphs(index):
    cyr = EventLocation("Мартинівка", "Мартинівка", 50.29, 35.78, "UA", "Сумська область", "", "c", 1, True, "")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, result = draw_situation_map([event("c", [cyr], 2, actor="Civilians")], index=index, labels="uk")
        fig.savefig(io.BytesIO(), format="png", dpi=60)
    assert "Мартинівка" in result.labels
    assert not [w for w in caught if "missing" in str(w.message).lower()]


def test_no_events_and_unplaced_events(index):
    fig, result = draw_situation_map([event("u", [VOROZHBA], 5)], index=index)
    assert result.events_shown == 0 and result.events_unplaced == 1
    west, south, east, north = result.bounds
    assert west < 33.5 and east > 38 and south < 50.5 and north > 52     # the whole theatre
    credits = [t.get_text() for t in fig.texts]
    assert any("1 claim(s) with no placeable location not shown" in t and "GeoNames" in t
               and "OpenStreetMap" in t and "Natural Earth" in t for t in credits)


def test_brief_labels_option_reaches_the_map(monkeypatch, tmp_path):
    import mapper.render.briefing as briefing
    import mapper.render.export as export
    from mapper.cli.commands import build_parser, main

    assert build_parser().parse_args(["brief", "e.jsonl", "-o", "b.pptx"]).labels == "en"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["brief", "e.jsonl", "-o", "b.pptx", "--labels", "de"])
    seen = {}

    def fake_write(events, path, **options):
        seen.update(options)
        return briefing.BriefingResult(path, tmp_path / "m.png", None, 1, len(events))

    monkeypatch.setattr(export, "read_any_events", lambda *a, **k: SEED_LIKE)
    monkeypatch.setattr(briefing, "write_briefing", fake_write)
    assert main(["brief", "e.jsonl", "-o", str(tmp_path / "b.pptx"), "--labels", "uk", "-q"]) == 0
    assert seen["labels"] == "uk"


def test_locator_inset_moves_off_claims_in_its_corner(index):
    from mapper.render.briefing.map_inset import INSET_GID

    north_west = EventLocation("Alpha", "Alpha", 51.30, 34.10, "RU", "Kursk Oblast", "", "nw", 1, True, "")
    south_east = EventLocation("Bravo", "Bravo", 50.62, 36.55, "RU", "Belgorod Oblast", "", "se", 1, True, "")
    fig, result = draw_situation_map([event("nw", [north_west], 9), event("se", [south_east], 4)], index=index)
    ax = fig.axes[0]
    (inset,) = [a for a in ax.child_axes if a.get_gid() == INSET_GID]
    box = inset.get_window_extent(fig.canvas.get_renderer())
    to_map = Transformer.from_crs("EPSG:4326", result.crs, always_xy=True)
    for loc in (north_west, south_east):
        px, py = ax.transData.transform(to_map.transform(loc.longitude, loc.latitude))
        assert not (box.x0 - 20 < px < box.x1 + 20 and box.y0 - 20 < py < box.y1 + 20), loc.name
