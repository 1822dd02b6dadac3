"""Settlements mapped as areas in an OpenStreetMap extract: closed ways and multipolygon relations
with a ``place`` tag, read from GDAL's ``multipolygons`` layer (the .osm file is written by the test;
invented names at points inside the Kursk-Belgorod-Sumy theatre)."""

import shutil
from pathlib import Path

import pyogrio
import pytest
from shapely import Point, Polygon

from conftest import run_cli
from gazetteer import Gazetteer
from gazetteer.loaders import LoadReport, read_osm_extract

# An L-shaped village (its centroid lies outside it), drawn as a closed way.
L_SHAPE = [(51.200, 35.100), (51.200, 35.140), (51.204, 35.140), (51.204, 35.104), (51.230, 35.104),
           (51.230, 35.100)]
# A square hamlet drawn as a multipolygon relation of one outer way.
SQUARE = [(51.300, 35.300), (51.300, 35.320), (51.312, 35.320), (51.312, 35.300)]
# A village mapped twice: as a node and as an area around it.
TWICE = [(51.400, 35.500), (51.400, 35.530), (51.420, 35.530), (51.420, 35.500)]
# A field (landuse) with a name: no settlement.
FIELD = [(51.100, 35.000), (51.100, 35.010), (51.110, 35.010), (51.110, 35.000)]


def _tags(tags: dict) -> str:
    return "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())


def _osm() -> str:
    nodes, ways, relations = [], [], []
    next_id = [1]

    def ring(points):
        ids = []
        for lat, lon in points:
            nodes.append((next_id[0], f'<node id="{next_id[0]}" lat="{lat}" lon="{lon}" version="1"/>'))
            ids.append(next_id[0])
            next_id[0] += 1
        return "".join(f'<nd ref="{i}"/>' for i in ids + ids[:1])

    ways.append(f'<way id="500" version="1">{ring(L_SHAPE)}'
                + _tags({"place": "village", "name": "Ккрупалово", "name:ru": "Ккрупалово",
                         "name:uk": "Ккрупалове", "name:en": "Kkrupalovo", "population": "340"}) + "</way>")
    ways.append(f'<way id="501" version="1">{ring(SQUARE)}</way>')
    relations.append('<relation id="900" version="1"><member type="way" ref="501" role="outer"/>'
                     + _tags({"type": "multipolygon", "place": "hamlet", "name": "Ззвонарівка",
                              "name:ru": "Ззвонаревка", "name:en": "Zzvonarivka"}) + "</relation>")
    ways.append(f'<way id="502" version="1">{ring(TWICE)}'
                + _tags({"place": "village", "name": "Ббирюково", "name:uk": "Ббирюкове"}) + "</way>")
    nodes.append((7000, '<node id="7000" lat="51.41" lon="35.51" version="1">'
                  + _tags({"place": "village", "name": "Ббирюково", "name:en": "Bbiryukovo"}) + "</node>"))
    ways.append(f'<way id="503" version="1">{ring(FIELD)}' + _tags({"landuse": "farmland", "name": "Пполе"})
                + "</way>")
    body = "\n".join([xml for _, xml in sorted(nodes)] + ways + relations)  # OSM files list nodes by id
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">\n{body}\n</osm>\n'


@pytest.fixture
def areas_osm(tmp_path):
    path = tmp_path / "areas.osm"
    path.write_text(_osm(), encoding="utf-8")
    return path


def test_a_closed_way_and_a_relation_become_places_inside_their_polygons(areas_osm):
    report = LoadReport(str(areas_osm))
    places = {p.id: p for p in read_osm_extract(areas_osm, report=report)}
    assert set(places) == {"osm:way/500", "osm:relation/900", "osm:node/7000"}
    village, hamlet = places["osm:way/500"], places["osm:relation/900"]
    assert Polygon([(lon, lat) for lat, lon in L_SHAPE]).contains(Point(village.longitude, village.latitude))
    assert Polygon([(lon, lat) for lat, lon in SQUARE]).contains(Point(hamlet.longitude, hamlet.latitude))
    assert village.name == "Kkrupalovo" and {"Ккрупалово", "Ккрупалове"} <= set(village.alternate_names)
    assert village.population == 340 and village.feature_code == "PPL"
    assert hamlet.name == "Zzvonarivka" and "Ззвонаревка" in hamlet.alternate_names
    assert village.source_url.endswith("/way/500") and hamlet.source_url.endswith("/relation/900")


def test_an_area_around_a_node_of_its_name_is_the_nodes_place(areas_osm):
    report = LoadReport(str(areas_osm))
    places = {p.id: p for p in read_osm_extract(areas_osm, report=report)}
    node = places["osm:node/7000"]
    assert (node.latitude, node.longitude) == (pytest.approx(51.41), pytest.approx(35.51))
    assert "Ббирюкове" in node.alternate_names and "osm:way/502" not in places
    assert report.loaded == 3 and report.skipped == {"same place as a node": 1}


def test_the_place_tag_is_found_in_other_tags_when_the_osmconf_leaves_it_out(areas_osm, tmp_path):
    shipped = Path(pyogrio.get_gdal_data_path()) / "osmconf.ini"
    text = shipped.read_text(encoding="utf-8")
    section = text.index("[multipolygons]")
    start = text.index("attributes=", section)
    end = text.index("\n", start)
    conf = tmp_path / "osmconf.ini"
    conf.write_text(text[:start] + "attributes=name,type,landuse" + text[end:], encoding="utf-8")
    pyogrio.set_gdal_config_options({"OSM_CONFIG_FILE": str(conf)})
    try:
        assert "place" not in pyogrio.read_info(areas_osm, layer="multipolygons")["fields"]
        ids = {p.id for p in read_osm_extract(areas_osm)}
    finally:
        pyogrio.set_gdal_config_options({"OSM_CONFIG_FILE": None})
    assert ids == {"osm:way/500", "osm:relation/900", "osm:node/7000"}


def test_clipping_keeps_an_area_whose_point_is_in_the_box(areas_osm):
    ids = {p.id for p in read_osm_extract(areas_osm, bbox=(51.25, 35.25, 51.35, 35.35))}
    assert ids == {"osm:relation/900"}


def test_imported_areas_reach_geocode(index, areas_osm, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(index.path, cache / index.path.name)
    env = {"CONFLICTMAP_CACHE_DIR": str(cache)}
    out = run_cli("gazetteer", "import", str(areas_osm), "--clip-to-theatre", env=env)
    assert out.returncode == 0, out.stderr
    assert "3 rows loaded, 1 skipped (1 same place as a node)" in out.stdout
    for query, place_id in (("Kkrupalovo", "osm:way/500"), ("Ккрупалове", "osm:way/500"),
                            ("Ззвонаревка", "osm:relation/900"), ("Ббирюкове", "osm:node/7000")):
        found = run_cli("geocode", query, env=env)
        assert found.returncode == 0 and f"[{place_id}]" in found.stdout, (query, found.stdout)


def test_imported_area_is_resolved_in_a_report(index_copy, areas_osm):
    index_copy.import_file(areas_osm)
    res = Gazetteer(index_copy).resolve("Zzvonarivka")
    assert res.resolved and res.place.id == "osm:relation/900"
