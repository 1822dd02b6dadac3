"""Each export format on its own terms: GDAL opens it, the GeoPackage validator passes, and the
format-specific promises hold (RFC 7946, KML styles/time/escaping, FlatGeobuf order, GeoParquet
metadata, ACLED columns and formula safety, the Shapefile field map, atomic writes).

The sample events and their export to every format come from ``export_helpers`` (made once per
session and shared with the round-trip tests; ``sample_events`` is also used by the store tests).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import lxml.html
import numpy as np
import pyarrow.parquet as pq
import pyogrio
import pytest
from export_helpers import exported_sample, shared_sample_events
from lxml import etree

from mapper.model.event_io import events_to_geojson
from mapper.render.export import DEFAULT_FORMATS, EXPORTERS, export_events, write_format
from mapper.render.export.csv_acled import ACLED_COLUMNS
from mapper.render.export.shapefile import SHAPEFILE_FIELDS

KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def events(gazetteer, index):
    return shared_sample_events(gazetteer, index)


@pytest.fixture(scope="module")
def exported(gazetteer, index, tmp_path_factory):
    return exported_sample(gazetteer, index, tmp_path_factory)


def _ogrinfo(*args: str) -> str:
    exe = shutil.which("ogrinfo")
    assert exe, "ogrinfo (Debian gdal-bin) is needed: CI installs it from scripts/ci_apt_packages.txt"
    run = subprocess.run([exe, "-ro", *args], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout


def _has_gdal_driver(name: str) -> bool:
    return f"{name} -" in _ogrinfo("--formats")


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_gdal_reads_every_file(exported, events, fmt):
    path = exported / f"events{EXPORTERS[fmt].suffix}"
    if fmt == "parquet" and not _has_gdal_driver("Parquet"):
        # Debian 12's GDAL 3.6 (and pyogrio's wheel) are built without Arrow/Parquet; pyarrow checks it below.
        assert pq.read_metadata(path).num_rows == len(events)
        pytest.skip("this GDAL has no Parquet driver; GeoParquet read back with pyarrow/geopandas instead")
    info = _ogrinfo("-so", "-al", str(path))
    counts = [int(line.split(":")[1]) for line in info.splitlines() if line.startswith("Feature Count:")]
    assert counts and counts[0] == len(events), info


def test_geopackage_passes_gdal_validator(exported):
    run = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", str(exported / "events.gpkg")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_geopackage_layers_types_crs_and_spatial_index(exported, events):
    path = exported / "events.gpkg"
    layers = {name: geom for name, geom in pyogrio.list_layers(path)}
    assert layers == {"events": "MultiPoint", "event_locations": "Point", "places": "Point", "sources": None}
    info = pyogrio.read_info(path, layer="events")
    assert info["crs"] == "EPSG:4326" and info["features"] == len(events)
    types = dict(zip(info["fields"], info["dtypes"]))
    assert types["event_date"] == types["published"] == "datetime64[D]"  # GDAL Date fields
    assert types["killed"] == types["casualties_best"] == "int64" and types["approximate"] == "bool"
    assert types["latitude"] == "float64" and types["event_id"] == "object"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # 'GPKG'
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10300
        rtrees = {r[0] for r in db.execute("SELECT table_name FROM gpkg_extensions "
                                           "WHERE extension_name = 'gpkg_rtree_index'")}
        assert rtrees == {"events", "event_locations", "places"}
    # the R-tree answers a bounding-box query: only the Washington-area claim lies west of Greenwich
    west = pyogrio.read_dataframe(path, layer="events", bbox=(-80, 37, -75, 40))
    assert list(west.event_id) == ["ev-west"]


def test_event_locations_are_one_point_per_place_without_figures(exported, events):
    frame = pyogrio.read_dataframe(exported / "events.gpkg", layer="event_locations")
    assert len(frame) == sum(len(ev.locations) for ev in events)
    assert not {"killed", "casualties_best", "killed_or_wounded"} & set(frame.columns)
    seed = next(ev for ev in events if ev.killed_or_wounded == 30)
    rows = frame[frame.event_id == seed.event_id].sort_values("location_index")
    assert list(rows["mention"]) == ["Plekhovo", "Vorozhba", "Martynovka"]
    assert list(rows["resolved"]) == [True, False, True] and rows.geometry.iloc[1] is None
    assert rows.geometry.iloc[0].coords[0] == (35.33, 51.1) and set(rows["places_in_event"]) == {2}


def test_places_layer_lists_gazetteer_entries_with_sources(exported, events, index):
    frame = pyogrio.read_dataframe(exported / "events.gpkg", layer="places")
    used = {loc.gazetteer_id for ev in events for loc in ev.locations if loc.resolved}
    assert set(frame.gazetteer_id) == used and frame.gazetteer_id.is_unique
    for row in frame.itertuples():
        place = index.get(row.gazetteer_id)
        assert (row.geometry.x, row.geometry.y) == (place.longitude, place.latitude)
        assert row.source == place.source and row.in_gazetteer
    pristen = frame[frame.gazetteer_id == "curated:ru-kursk-pristen"].iloc[0]
    assert pristen.source_url.startswith("http") and pristen.events == 1


def test_geojson_follows_rfc_7946(exported, events):
    doc = json.loads((exported / "events.geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert [f["id"] for f in doc["features"]] == [ev.event_id for ev in events]
    seed = doc["features"][0]
    assert seed["geometry"] == {"type": "MultiPoint", "coordinates": [[35.33, 51.1], [35.36639, 51.23889]]}
    pristen = next(f for f in doc["features"] if f["id"] == "ev-pristen")
    lon, lat = pristen["geometry"]["coordinates"]
    assert (lon, lat) == (round(36.695833333333, 6), round(51.233333333333, 6))  # lon first, 6 decimals
    assert next(f for f in doc["features"] if f["id"] == "ev-unplaced")["geometry"] is None
    assert doc == json.loads(json.dumps(events_to_geojson(events)))  # the document extract --format geojson writes


def _kml(exported):
    return etree.parse(str(exported / "events.kml"))


def test_kml_has_one_placemark_per_event_with_side_colour_scale_and_time(exported, events):
    doc = _kml(exported)
    placemarks = doc.findall(f".//{KML}Placemark")
    assert len(placemarks) == len(events)
    styles = {s.get("id"): s for s in doc.findall(f".//{KML}Style")}

    def icon(pm):
        style = styles[pm.findtext(f"{KML}styleUrl").lstrip("#")]
        return style.findtext(f".//{KML}color"), float(style.findtext(f".//{KML}scale"))

    by_id = {pm.find(f".//{KML}SimpleData[@name='event_id']").text: pm for pm in placemarks}
    seed = next(ev for ev in events if ev.killed_or_wounded == 30)
    colour, scale30 = icon(by_id[seed.event_id])
    assert colour == "ff005ed5"  # North Korean forces #D55E00 as aabbggrr
    assert icon(by_id["ev-hostile"])[0] == "ffa779cc" and icon(by_id["ev-west"])[0] == "ff6b6b6b"
    assert scale30 > icon(by_id["ev-west"])[1] > icon(by_id["ev-hostile"])[1] > icon(by_id["ev-unplaced"])[1]
    span = by_id[seed.event_id].find(f"{KML}TimeSpan")
    assert (span.findtext(f"{KML}begin"), span.findtext(f"{KML}end")) == ("2024-12-14", "2024-12-15")
    assert by_id["ev-pristen"].findtext(f"{KML}TimeStamp/{KML}when") == "2024-11-02"
    assert by_id["ev-unplaced"].find(f"{KML}TimeStamp") is None and by_id["ev-unplaced"].find(f"{KML}Point") is None
    assert len(by_id["ev-west"].findall(f"{KML}MultiGeometry/{KML}Point")) == 3


def test_kml_keeps_hostile_report_text_as_text(exported):
    raw = (exported / "events.kml").read_text(encoding="utf-8")
    assert "<script" not in raw and "<img" not in raw and "]]>" not in raw
    doc = _kml(exported)
    assert not [el for el in doc.iter() if isinstance(el.tag, str) and el.tag.split("}")[-1] in ("script", "img")]
    pm = next(p for p in doc.iter(f"{KML}Placemark")
              if p.find(f".//{KML}SimpleData[@name='event_id']").text == "ev-hostile")
    balloon = lxml.html.fragment_fromstring(pm.findtext(f"{KML}description"), create_parent="div")
    assert not balloon.xpath("//script | //img | //*[@onerror]")
    assert not [a for a in balloon.iter("a") if "javascript" in a.get("href", "")]
    assert "<script>alert('x')</script><img src=x onerror=alert(1)> ]]> &" in balloon.text_content()
    quote = pm.find(f".//{KML}SimpleData[@name='source_quote']").text
    assert quote == "Seven killed <script>alert('x')</script><img src=x onerror=alert(1)> ]]> & \r\nend"


def test_flatgeobuf_keeps_row_order(index, events, tmp_path):
    # far-apart places, interleaved, so a spatially sorted file would change the order
    shuffled = [events[i] for i in (2, 5, 0, 4, 3, 1)]
    write_format(shuffled, tmp_path / "e.fgb", "fgb", index=index)
    assert list(pyogrio.read_dataframe(tmp_path / "e.fgb").event_id) == [ev.event_id for ev in shuffled]
    assert pyogrio.read_info(tmp_path / "e.fgb")["geometry_type"] == "MultiPoint"


def test_geoparquet_metadata_and_types(exported, events):
    import geopandas
    import pyarrow as pa

    schema = pq.read_schema(exported / "events.parquet")
    geo = json.loads(schema.metadata[b"geo"])
    column = geo["columns"]["geometry"]
    assert geo["version"] == "1.1.0" and geo["primary_column"] == "geometry" and column["encoding"] == "WKB"
    assert column["geometry_types"] == ["MultiPoint", "Point"]
    points = np.array([p for ev in events for p in ev.points])
    assert column["bbox"] == [points[:, 0].min(), points[:, 1].min(), points[:, 0].max(), points[:, 1].max()]
    assert schema.field("event_date").type == pa.date32() and schema.field("killed").type == pa.int64()
    assert schema.field("approximate").type == pa.bool_()
    assert pa.types.is_list(schema.field("locations").type) and pa.types.is_struct(schema.field("sources").type.value_type)
    frame = geopandas.read_parquet(exported / "events.parquet")
    assert frame.crs.to_epsg() == 4326 and len(frame) == len(events)


def _csv_rows(exported):
    import csv

    raw = (exported / "events.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark only with excel=True
    return list(csv.DictReader(raw.decode("utf-8").splitlines(keepends=True)))


def test_csv_starts_with_acled_columns(exported, events):
    header = (exported / "events.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert {"event_id", "killed_or_wounded", "locations_json", "sources_json", "geometry_wkt"} <= set(header)
    rows = {r["event_id"]: r for r in _csv_rows(exported)}
    seed_event = next(ev for ev in events if ev.killed_or_wounded == 30)
    seed = rows[seed_event.event_id]
    assert (seed["event_date"], seed["year"], seed["time_precision"]) == ("2024-12-14", "2024", "2")
    assert (seed["actor1"], seed["admin1"], seed["location"]) == ("Military Forces of North Korea (2011-)",
                                                                  "Kursk Oblast", "Plyokhovo")
    assert (seed["event_type"], seed["sub_event_type"]) == ("Battles", "Armed clash") and seed["fatalities"] == "0"
    assert (seed["iso"], seed["country"], seed["event_id_cnty"]) == ("643", "Russia", "RUS" + seed_event.event_id)
    assert "Ukraine's military intelligence (GUR)" not in seed["source"]  # the outlet, not the claimant
    assert seed["notes"] == f"{seed_event.source_quote} (claimed by {seed_event.claimed_by})"
    pristen = rows["ev-pristen"]
    assert pristen["fatalities"] == "2" and pristen["geo_precision"] == "1" and pristen["source"] == "Telegram; example.org"
    assert (pristen["actor1"], pristen["civilian_targeting"]) == ("Civilians (Russia)", "Civilian targeting")


def test_csv_neutralises_formulas_but_not_numbers(exported):
    rows = {r["event_id"]: r for r in _csv_rows(exported)}
    hostile = rows["ev-hostile"]
    assert hostile["claimed_by"] == "'" + '=HYPERLINK("http://evil.example","click")'
    assert hostile["date_text"] == "'-2 days" and hostile["qualifier"] == "'+about"
    assert hostile["location_note"] == "'@SUM(A1:A9)" and hostile["source"].startswith("<b>bold</b>")
    west = rows["ev-west"]
    assert float(west["longitude"]) < 0 and west["longitude"].startswith("-")  # numbers untouched
    assert west["geometry_wkt"].startswith("MULTIPOINT ((-77.26693 38.56984)")


def test_shapefile_uses_the_field_map_and_declares_utf8(exported, events):
    for suffix in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        assert (exported / f"events{suffix}").is_file()
    assert (exported / "events.cpg").read_text().strip() == "UTF-8"
    info = pyogrio.read_info(exported / "events.shp")
    assert list(info["fields"]) == list(SHAPEFILE_FIELDS.values())
    assert all(len(name) <= 10 for name in info["fields"])
    assert info["geometry_type"] == "MultiPoint" and info["crs"] == "EPSG:4326"
    frame = pyogrio.read_dataframe(exported / "events.shp", encoding="UTF-8")
    pristen = frame[frame.event_id == "ev-pristen"].iloc[0]
    assert pristen.claimed_by == "губернатор Курской области" and len(pristen.quote.encode()) <= 254


def test_failed_write_leaves_the_earlier_file(events, index, tmp_path, monkeypatch):
    from mapper.exc import OutputError
    from mapper.render.export import gpkg

    target = tmp_path / "events.gpkg"
    write_format(events[:2], target, "gpkg", index=index)
    before = target.read_bytes()
    real = gpkg._write_layer

    def fail_on_sources(layer, path, *, first):
        if layer.name == "sources":
            raise RuntimeError("disk full")
        real(layer, path, first=first)

    monkeypatch.setattr(gpkg, "_write_layer", fail_on_sources)
    with pytest.raises(OutputError, match="disk full"):
        write_format(events, target, "gpkg", index=index)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.gpkg"]  # no temporary file left


def test_export_events_writes_the_default_formats_and_reports_failures(events, index, tmp_path):
    result = export_events(events, tmp_path / "out", index=index)
    assert result.ok and [p.name for p in result.written] == [f"events{EXPORTERS[f].suffix}" for f in DEFAULT_FORMATS]
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    failed = export_events(events, blocked, formats="csv,kml", index=None)
    assert not failed.ok and len(failed.failed) == 2 and all(str(blocked) in str(e) for e in failed.failed)


def test_kml_text_is_what_lxml_would_serialise(exported, events):
    # placemarks are written from string templates: parsing the file and serialising the tree again
    # with lxml must give the same bytes (well-formed, escaped and indented as lxml does it), but for
    # an empty text, which a parsed tree cannot tell from no text (<a></a> and <a/> are the same XML)
    import re

    raw = (exported / "events.kml").read_bytes()
    again = etree.tostring(etree.ElementTree(etree.fromstring(raw)), xml_declaration=True, encoding="UTF-8",
                           pretty_print=True)
    assert again == re.sub(rb"<(\w+)((?: [^<>]*)?)></\1>", rb"<\1\2/>", raw)
    assert raw.count(b"&#13;") >= 1  # the hostile quote's CR LF: the CR escaped as lxml escapes it
