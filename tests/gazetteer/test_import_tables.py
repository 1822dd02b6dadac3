"""Importing settlement tables (CSV, TSV, GeoJSON, GeoPackage) into the gazetteer.

Every table is written by the test, with invented names at points inside the
Kursk-Belgorod-Sumy theatre; odd headers, a byte-order mark and bad rows included.
"""

import datetime
import json

import numpy as np
import pyogrio
import pytest
import shapely

from gazetteer import Gazetteer
from gazetteer.exc import DumpFormatError
from gazetteer.loaders import LOADERS, LoadReport, detect_kind, read_settlement_table
from gazetteer.loaders.table_columns import match_columns, parse_mapping
from mapper.extract.extractor import extract_events
from mapper.ingest.documents import Document

ODD_CSV = (
    "\ufeff Settlement Title ;Y;Lng;Other names;Pop.;Oblast\n"
    "Vvyzhnevka;51,3512;35,2511;Ввыжневка, Vvyzhnivka|Wwyschnewka;340;Kursk\n"
    ";51.20;35.10;;;Kursk\n"                          # no name
    "Noplaceovo;north;35.10;;;Kursk\n"                # not a number
    "Polarovo;91.5;35.10;;;Kursk\n"                   # latitude out of range
    "Dateline;51.2;181;;;Kursk\n"                     # longitude out of range
    "Shortrow;51.2\n"                                 # wrong column count
    "Qqlino;51.2233;35.0702;;many;\n"                # 1.4 km from the border
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_odd_csv_headers_bom_and_bad_rows(tmp_path):
    path = write(tmp_path, "villages.csv", ODD_CSV)
    assert detect_kind(path) == "settlement_table" and LOADERS["settlement_table"] is read_settlement_table
    report = LoadReport(str(path))
    places = {p.name: p for p in read_settlement_table(path, report=report, country="RU")}
    assert set(places) == {"Vvyzhnevka", "Qqlino"}
    v = places["Vvyzhnevka"]
    assert (v.latitude, v.longitude, v.population, v.country_code) == (51.3512, 35.2511, 340, "RU")
    assert v.alternate_names == ("Ввыжневка", "Vvyzhnivka", "Wwyschnewka") and v.admin1_code == "?Kursk"
    assert places["Qqlino"].population == 0 and v.source == "settlement table villages.csv"
    assert report.skipped == {"empty name": 1, "coordinates not numbers": 1, "latitude out of range": 1,
                              "longitude out of range": 1, "wrong column count": 1}


def test_tsv_with_a_column_mapping(tmp_path):
    path = write(tmp_path, "points.tsv", "pt\tnorthing\teasting\tnm\n1\t51.1501\t35.3011\tJjexovo\n2\t\t\tEmptyovo\n")
    with pytest.raises(DumpFormatError, match="lacks a column for: name, lat, lon"):
        list(read_settlement_table(path))
    report = LoadReport(str(path))
    places = list(read_settlement_table(path, report=report, columns="name=nm,lat=northing,lon=easting,id=pt",
                                        source="my survey (CC0)"))
    assert [(p.id, p.name, p.source) for p in places] == [("table:points/1", "Jjexovo", "my survey (CC0)")]
    assert report.skipped == {"coordinates not numbers": 1}
    with pytest.raises(DumpFormatError, match="no column 'nope' for name"):
        list(read_settlement_table(path, columns={"name": "nope"}))


def test_mapping_and_header_rules():
    assert parse_mapping("name=a, lat=b") == {"name": "a", "lat": "b"}
    with pytest.raises(ValueError, match="unknown column role"):
        parse_mapping("town=a")
    roles = match_columns(["x", "y", "name", "name_ru", "name:uk", "population"])
    assert roles.columns["lon"] == "x" and roles.columns["lat"] == "y" and roles.extra_names == ["name_ru", "name:uk"]


def test_geojson_points_and_clip(tmp_path):
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.1733, 51.2644]},
         "properties": {"name": "Xxelovka", "alt_names": "Ксселовка", "country": "RU"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.3, 59.9]},
         "properties": {"name": "Northovo", "alt_names": None, "country": "RU"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[35.0, 51.0], [35.1, 51.1]]},
         "properties": {"name": "Roadovo", "alt_names": None, "country": "RU"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.0, 51.0]},
         "properties": {"name": None, "alt_names": None, "country": "RU"}},
    ]
    path = write(tmp_path, "places.geojson", json.dumps({"type": "FeatureCollection", "features": features}))
    assert detect_kind(path) == "settlement_table"
    report = LoadReport(str(path))
    places = list(read_settlement_table(path, report=report, bbox=(49.5, 32.0, 53.5, 40.0)))
    assert [(p.name, p.latitude, p.longitude, p.alternate_names) for p in places] == [
        ("Xxelovka", 51.2644, 35.1733, ("Ксселовка",))]
    assert report.skipped == {"no point geometry": 1, "empty name": 1} and report.loaded == 1


def test_geopackage_in_another_crs_is_reprojected(tmp_path):
    path = tmp_path / "survey.gpkg"
    x, y = 3916000.0, 6651000.0  # Web Mercator metres near Sudzha
    pyogrio.raw.write(path, geometry=np.array([shapely.to_wkb(shapely.Point(x, y))], dtype=object),
                      field_data=[np.array(["Mmerkatovo"], dtype=object)], fields=["title"],
                      geometry_type="Point", crs="EPSG:3857", driver="GPKG", layer="villages")
    assert detect_kind(path) == "settlement_table"
    (place,) = read_settlement_table(path, layer="villages")
    assert place.name == "Mmerkatovo" and 51.0 < place.latitude < 51.4 and 35.0 < place.longitude < 35.4


def test_imported_table_reaches_geocode_and_extract(index_copy, tmp_path):
    path = write(tmp_path, "villages.csv", ODD_CSV)
    report = index_copy.import_file(path)
    assert report.loaded == 2 and report.n_skipped == 5
    gaz = Gazetteer(index_copy)
    res = gaz.resolve("Vvyzhnevka")
    assert res.resolved and res.place.id == "table:villages/2"
    assert res.place.country_code == "RU" and res.place.admin1 == "Kursk Oblast"   # from the boundaries
    assert gaz.resolve("Ввыжневка").place.id == "table:villages/2"
    near = index_copy.get("table:villages/8")   # too near the border for the simplified polygons to say
    assert near.name == "Qqlino" and (near.country_code, near.admin1_code, near.admin1) == ("", "", "")
    doc = Document(id="tbl", text="Two civilians were wounded when a shell hit Vvyzhnevka on Tuesday, "
                   "the Kursk governor said.", published=datetime.date(2024, 12, 18))
    events = extract_events([doc], gazetteer=gaz)
    assert [loc.gazetteer_id for ev in events for loc in ev.locations] == ["table:villages/2"]


def test_options_are_kept_for_the_rebuild(index_copy, tmp_path):
    from gazetteer.index import PlaceIndex

    path = write(tmp_path, "points.tsv", "nm\tnorthing\teasting\nJjexovo\t51.1501\t35.3011\n")
    index_copy.import_file(path, kind="settlement_table",
                           options={"columns": "name=nm,lat=northing,lon=easting", "country": "RU"})
    target = index_copy.path
    index_copy.close()
    rebuilt = PlaceIndex.open(target, rebuild=True)
    try:
        (place,) = [p for p in rebuilt.places() if p.name == "Jjexovo"]
        assert place.country_code == "RU"
        (src,) = [s for s in rebuilt.info()["sources"] if s["path"] == str(path.resolve())]
        assert src["kind"] == "settlement_table" and json.loads(src["options"])["country"] == "RU"
    finally:
        rebuilt.close()


def test_the_cli_takes_a_column_mapping_and_refuses_a_bad_one(index, tmp_path):
    import shutil

    from conftest import run_cli

    path = write(tmp_path, "survey.txt", "nm\tnorthing\teasting\nJjexovo\t51.1501\t35.3011\nNoname\tx\t35\n")
    bad = run_cli("gazetteer", "import", str(path), "--columns", "town=nm")
    assert bad.returncode == 2 and "unknown column role 'town'" in bad.stderr
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(index.path, cache / index.path.name)
    env = {"CONFLICTMAP_CACHE_DIR": str(cache)}
    out = run_cli("gazetteer", "import", str(path), "--columns", "name=nm,lat=northing,lon=easting", env=env)
    assert out.returncode == 0, out.stderr
    assert "1 rows loaded, 1 skipped (1 coordinates not numbers)" in out.stdout
    found = run_cli("geocode", "Jjexovo", env=env)
    assert found.returncode == 0 and "[table:survey/2]" in found.stdout
