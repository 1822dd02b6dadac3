"""Importing an OpenStreetMap extract through GDAL's OSM driver (offline, with the osmconf.ini pyogrio ships).

The .osm file is written by the test: invented settlement names at points inside the
Kursk-Belgorod-Sumy theatre, one far outside it, a cafe, a nameless hamlet and a suburb.
"""

import datetime
import shutil

import pyogrio
import pytest

from conftest import run_cli
from gazetteer import Gazetteer
from gazetteer.loaders import LOADERS, LoadReport, detect_kind, read_osm_extract
from gazetteer.loaders.osm_extract import parse_other_tags
from gazetteer.theatres import default_theatre
from mapper.extract.extractor import extract_events
from mapper.ingest.documents import Document

NODES = [
    (101, 51.3051, 35.1702, {"place": "city", "name": "Qwyxograd", "population": "12 500"}),
    (102, 51.2211, 35.0413, {"place": "town", "name": "Кввыхово", "name:en": "Kvvykhovo", "name:uk": "Кввихове"}),
    (103, 51.1822, 35.2233, {"place": "village", "name": "Жжупино", "name:ru": "Жжупино", "name:en": "Zhzhupino"}),
    (104, 50.8114, 34.9127, {"place": "hamlet", "name": "Ччорнівка", "name:uk": "Ччорнівка", "name:ru": "Ччерновка"}),
    (105, 51.0411, 35.3120, {"place": "locality", "name": "Urochishche Pwyx", "alt_name": "Pwyx;Pvyx"}),
    (106, 59.9000, 30.3000, {"place": "village", "name": "Farawayovo"}),      # outside the theatre
    (107, 51.1100, 35.1100, {"amenity": "cafe", "name": "Cafe Qwyx"}),        # not a place
    (108, 51.1200, 35.1200, {"place": "hamlet"}),                             # no name
    (109, 51.1300, 35.1300, {"place": "suburb", "name": "Qwyxograd-Sever"}),  # not a settlement kind read
]


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@pytest.fixture
def extract_osm(tmp_path):
    nodes = "".join(
        f'  <node id="{nid}" lat="{lat}" lon="{lon}" version="1">'
        + "".join(f'<tag k="{_xml_escape(k)}" v="{_xml_escape(v)}"/>' for k, v in tags.items()) + "</node>\n"
        for nid, lat, lon, tags in NODES)
    path = tmp_path / "theatre.osm"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">\n{nodes}</osm>\n',
                    encoding="utf-8")
    return path


def test_gdal_reads_osm_offline_with_the_shipped_osmconf():
    assert "OSM" in pyogrio.list_drivers()
    assert (pyogrio.get_gdal_data_path() or "") and "osmconf.ini" in {
        p.name for p in __import__("pathlib").Path(pyogrio.get_gdal_data_path()).iterdir()}


def test_other_tags_are_parsed_as_data_with_escapes():
    tags = parse_other_tags('"name:en"=>"A \\"B\\" => C","bad,"x"=>"1"')
    assert tags["name:en"] == 'A "B" => C' and tags["x"] == "1"
    assert parse_other_tags("os.system('x')") == {} and parse_other_tags(float("nan")) == {}


def test_the_extract_is_detected_and_registered(extract_osm):
    assert detect_kind(extract_osm) == "osm_extract"
    assert LOADERS["osm_extract"] is read_osm_extract


def test_each_place_type_and_name_language_is_read_and_bad_nodes_counted(extract_osm):
    report = LoadReport(str(extract_osm))
    places = {p.id: p for p in read_osm_extract(extract_osm, report=report)}
    assert set(places) == {f"osm:node/{n}" for n in (101, 102, 103, 104, 105, 106)}
    assert places["osm:node/101"].population == 12500 and places["osm:node/101"].feature_code == "PPLA2"
    assert places["osm:node/102"].name == "Kvvykhovo" and "Кввихове" in places["osm:node/102"].alternate_names
    assert places["osm:node/104"].name == "Ччорнівка" and "Ччерновка" in places["osm:node/104"].alternate_names
    assert {"Pwyx", "Pvyx"} <= set(places["osm:node/105"].alternate_names)
    assert places["osm:node/103"].latitude == pytest.approx(51.1822)
    assert all(p.source.startswith("OpenStreetMap") and p.source_url.endswith(p.id[4:]) for p in places.values())
    assert report.loaded == 6 and report.skipped == {"empty name": 1}


def test_clipping_keeps_the_theatre_only(extract_osm):
    places = list(read_osm_extract(extract_osm, bbox=default_theatre().bbox))
    assert "Farawayovo" not in {p.name for p in places} and len(places) == 5


def test_imported_extract_reaches_geocode_and_extract(index_copy, extract_osm):
    report = index_copy.import_file(extract_osm, options={"bbox": list(default_theatre().bbox)})
    assert report.loaded == 5
    gaz = Gazetteer(index_copy)
    res = gaz.resolve("Zhzhupino")
    assert res.resolved and res.place.id == "osm:node/103" and res.place.country_code == "RU"
    assert gaz.resolve("Жжупино").place.id == "osm:node/103"
    assert not gaz.resolve("Farawayovo").resolved
    doc = Document(id="osm", text="Four soldiers were killed in a drone strike on Zhzhupino in the Kursk region "
                   "on Monday, the regional governor said.", published=datetime.date(2024, 12, 16))
    events = extract_events([doc], gazetteer=gaz)
    assert [loc.gazetteer_id for ev in events for loc in ev.locations] == ["osm:node/103"]


def test_the_cli_imports_with_clip_and_geocodes(index, extract_osm, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(index.path, cache / index.path.name)
    env = {"CONFLICTMAP_CACHE_DIR": str(cache)}
    out = run_cli("gazetteer", "import", str(extract_osm), "--clip-to-theatre", env=env)
    assert out.returncode == 0, out.stderr
    assert "5 rows loaded, 1 skipped (1 empty name)" in out.stdout
    found = run_cli("geocode", "Kvvykhovo", env=env)
    assert found.returncode == 0 and "[osm:node/102]" in found.stdout
