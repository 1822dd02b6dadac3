"""Other tools' event files in: ACLED and UCDP GED exports, any point table, our own formats read back.

Every fixture is written here, with rows of our own under the column names the ACLED and UCDP GED
codebooks define.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json

import geopandas
import pytest
from shapely.geometry import LineString, Point

from mapper.exc import InputError
from mapper.model.event_io import write_events
from mapper.model.events import Event, EventLocation
from mapper.model.loaders import LOADERS, EventLoader, Probe, load_events, loader_for
from mapper.model.loaders.foreign import ACLED_COLUMNS, GED_COLUMNS
from mapper.model.source import Source
from mapper.render.export import EXPORTERS
from mapper.render.export.losses import FORMAT_LOSSES

ACLED_ROWS = [
    {"event_id_cnty": "UKR90001", "event_date": "14 December 2024", "year": "2024", "time_precision": "1",
     "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
     "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Russia (2000-)", "inter1": "State forces",
     "actor2": "Civilians (Ukraine)", "inter2": "Civilians", "interaction": "State forces-Civilians",
     "civilian_targeting": "Civilian targeting", "iso": "804", "region": "Europe", "country": "Ukraine",
     "admin1": "Sumy", "admin2": "Sumskyi", "admin3": "Sumska", "location": "Sumy", "latitude": "50.9077",
     "longitude": "34.7981", "geo_precision": "1", "source": "Suspilne; Ukrainska Pravda",
     "source_scale": "National", "notes": "On 14 December 2024, a drone hit a house in Sumy; two people died.",
     "fatalities": "2", "tags": "", "timestamp": "1734567890"},
    {"event_id_cnty": "RUS90002", "event_date": "2024-12-15", "year": "2024", "time_precision": "2",
     "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
     "actor1": "Military Forces of Ukraine (2019-)", "inter1": "State forces",
     "actor2": "Military Forces of Russia (2000-)", "inter2": "State forces",
     "interaction": "State forces-State forces", "iso": "643", "region": "Europe", "country": "Russia",
     "admin1": "Kursk", "admin2": "Sudzhanskiy", "location": "Plekhovo", "latitude": "51.104",
     "longitude": "35.331", "geo_precision": "2", "source": "Example Wire", "source_scale": "National",
     "notes": "Fighting went on near the village.", "fatalities": "0", "timestamp": "1734567891"},
]


def write_csv(path, header, rows, *, delimiter=",", encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(header), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def acled_csv(tmp_path):
    return write_csv(tmp_path / "acled_export.csv", ACLED_COLUMNS, ACLED_ROWS)


def test_acled_export_ids_figures_sides_places_and_the_tool(acled_csv):
    strike, clash = load_events(acled_csv)
    assert (strike.event_id, strike.doc_id) == ("UKR90001", "ACLED:UKR90001")
    assert strike.event_date == dt.date(2024, 12, 14) and strike.date_precision == 1
    assert (strike.killed, strike.casualties_best, clash.killed) == (2, 2, 0)
    assert strike.actor == "Civilians"                    # the civilians targeted, coded second by ACLED
    assert clash.actor == "Ukrainian forces"              # actor1 otherwise, as the theatre names the side
    assert dict(clash.sources[0].extra)["actor1"] == "Military Forces of Ukraine (2019-)"  # ACLED's name kept
    assert (strike.event_type, strike.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    (place,) = strike.locations
    assert (place.name, place.admin1, place.admin2, place.latitude, place.longitude) == \
        ("Sumy", "Sumy", "Sumskyi", 50.9077, 34.7981)
    assert place.resolved and strike.geo_precision == place.geo_precision == 1 and clash.geo_precision == 2
    assert strike.source_quote.startswith("On 14 December 2024") and strike.source_name == "Suspilne; Ukrainska Pravda"
    assert strike.number_of_sources == 2
    extra = dict(strike.sources[0].extra)
    assert extra["origin"] == "ACLED" and extra["admin3"] == "Sumska" and extra["timestamp"] == "1734567890"
    assert loader_for(Probe(acled_csv)).name == "acled"


def test_acled_actor_names_are_read_as_the_theatre_sides(tmp_path):
    from gazetteer.theatres import default_theatre

    rows = [dict(ACLED_ROWS[1], event_id_cnty=f"RUS9{i}", actor1=name) for i, name in enumerate((
        "Military Forces of Russia (2000-)", "Military  Forces of Ukraine (2014-2019)",
        "Military Forces of North Korea (2011-)", "Civilians (Russia)", "Wagner Group",
        "Military Forces of Russia (2000-) Air Force"))]
    events = load_events(write_csv(tmp_path / "a.csv", ACLED_COLUMNS, rows))
    sides = [ev.actor for ev in events]
    assert sides == ["Russian forces", "Ukrainian forces", "North Korean forces", "Civilians", "Wagner Group",
                     "Military Forces of Russia (2000-) Air Force"]   # no guess for a name ACLED's rules do not give
    theatre = {s.name for s in default_theatre().sides}
    assert set(sides[:4]) <= theatre


def test_acled_export_without_a_column_is_one_line_naming_file_and_column(tmp_path):
    path = write_csv(tmp_path / "cut.csv", [c for c in ACLED_COLUMNS if c != "fatalities"],
                     [{k: v for k, v in row.items() if k != "fatalities"} for row in ACLED_ROWS])
    with pytest.raises(InputError) as err:
        load_events(path)
    message = str(err.value)
    assert message.startswith(str(path)) and "'fatalities'" in message and "\n" not in message


def test_a_bad_cell_names_the_line_and_the_column(tmp_path):
    rows = [dict(ACLED_ROWS[0], fatalities="two")]
    with pytest.raises(InputError, match=r"line 2: column 'fatalities': 'two' is not a number"):
        load_events(write_csv(tmp_path / "bad.csv", ACLED_COLUMNS, rows))


GED_ROWS = [
    {"id": "512345", "relid": "UKR-2024-1-1", "year": "2024", "active_year": "1", "code_status": "Clear",
     "type_of_violence": "1", "conflict_name": "Russia - Ukraine", "side_a": "Government of Russia (Soviet Union)",
     "side_b": "Government of Ukraine", "number_of_sources": "3", "source_article": "Example Wire 2024-12-15",
     "source_office": "Example Wire", "source_date": "2024-12-15", "source_headline": "Shelling kills four",
     "source_original": "Ukrainian military", "where_prec": "1", "where_coordinates": "Sudzha town",
     "adm_1": "Kursk oblast", "adm_2": "Sudzhanskiy raion", "latitude": "51.19", "longitude": "35.27",
     "country": "Russia (Soviet Union)", "region": "Europe", "event_clarity": "1", "date_prec": "3",
     "date_start": "2024-12-10", "date_end": "2024-12-16", "deaths_a": "4", "deaths_b": "0",
     "deaths_civilians": "0", "deaths_unknown": "0", "best": "4", "high": "6", "low": "3"},
    {"id": "512346", "type_of_violence": "1", "side_a": "Government of Russia (Soviet Union)",
     "side_b": "Government of Ukraine", "number_of_sources": "1", "where_prec": "4",
     "where_coordinates": "Kursk oblast", "latitude": "51.7", "longitude": "36.2", "date_prec": "1",
     "date_start": "2024-12-12", "date_end": "2024-12-12", "deaths_a": "1", "deaths_b": "2",
     "deaths_civilians": "1", "deaths_unknown": "0", "best": "4", "high": "4", "low": "4"},
]


def test_ucdp_ged_estimates_precision_and_the_side_only_when_one_side_died(tmp_path):
    path = write_csv(tmp_path / "ged.csv", GED_COLUMNS, GED_ROWS)
    one_side, mixed = load_events(path)
    assert (one_side.event_id, one_side.doc_id) == ("512345", "UCDP GED:512345")
    assert (one_side.event_date, one_side.event_date_end) == (dt.date(2024, 12, 10), dt.date(2024, 12, 16))
    assert (one_side.killed, one_side.casualties_low, one_side.casualties_best, one_side.casualties_high) == (4, 3, 4, 6)
    assert one_side.actor == "Russian forces" and mixed.actor == ""     # GED's side_a, as the theatre names it
    assert dict(one_side.sources[0].extra)["side_a"] == "Government of Russia (Soviet Union)"
    assert (one_side.date_precision, one_side.geo_precision, mixed.date_precision, mixed.geo_precision) == (2, 1, 1, 3)
    assert one_side.claimed_by == "Ukrainian military" and one_side.number_of_sources == 3
    assert one_side.locations[0].name == "Sudzha town" and one_side.locations[0].admin1 == "Kursk oblast"
    assert dict(one_side.sources[0].extra)["origin"] == "UCDP GED"
    assert loader_for(Probe(path)).name == "ucdp_ged"


def test_a_geojson_with_only_a_geometry_and_two_properties(tmp_path):
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.27, 51.19]},
         "properties": {"place": "Sudzha", "dead": 3}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [34.80, 50.91]},
         "properties": {"place": "Sumy", "dead": 1}}]}))
    events = load_events(path)
    assert [(e.killed, e.locations[0].name, e.latitude, e.longitude) for e in events] == \
        [(3, "Sudzha", 51.19, 35.27), (1, "Sumy", 50.91, 34.8)]
    assert events[0].event_id == "points-1" and dict(events[0].sources[0].extra)["origin"] == "points.geojson"


def test_the_issue_geojson_with_acled_properties_is_mapped_not_dropped(tmp_path):
    path = tmp_path / "other_tool.geojson"
    props = {"event_id": "x-1", "doc_id": "r-1", "event_date": "2024-12-14", "fatalities": 5,
             "actor1": "Military Forces of Russia (2000-)", "notes": "Five soldiers died near the village."}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.33, 51.10]}, "properties": props}]}))
    (ev,) = load_events(path)
    assert (ev.event_id, ev.doc_id, ev.killed, ev.actor, ev.latitude) == ("x-1", "r-1", 5, "Russian forces", 51.1)
    assert dict(ev.sources[0].extra)["actor1"] == "Military Forces of Russia (2000-)"    # as written, kept
    assert ev.source_quote == props["notes"]


def test_a_csv_with_a_bom_semicolons_and_decimal_commas(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("\ufeffDatum;Ort;Tote;Breite;Länge\n14.12.2024;Sudzha;3;51,19;35,27\n", encoding="utf-8")
    with pytest.raises(InputError, match="no coordinates"):  # German headers: nothing found by itself
        load_events(path)
    (ev,) = load_events(path, columns="date=Datum,place=Ort,killed=Tote,lat=Breite,lon=Länge")
    assert (ev.event_date, ev.killed, ev.locations[0].name, ev.latitude, ev.longitude) == \
        (dt.date(2024, 12, 14), 3, "Sudzha", 51.19, 35.27)


def test_a_column_mapping_naming_no_column_of_the_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Date,Deaths,Y,X\n2024-12-14,2,51.19,35.27\n", encoding="utf-8")
    (ev,) = load_events(path, columns="date=Date,killed=Deaths,lat=Y,lon=X")
    assert (ev.killed, ev.latitude) == (2, 51.19)
    with pytest.raises(InputError, match=r"no column 'Dead' \(given by --columns for killed"):
        load_events(path, columns="killed=Dead")
    with pytest.raises(InputError, match="unknown key 'deaths'"):
        load_events(path, columns="deaths=Deaths")


def test_non_point_geometries_and_projected_coordinates_are_refused_in_one_line(tmp_path):
    lines = tmp_path / "front.geojson"
    geopandas.GeoDataFrame({"dead": [2]}, geometry=[LineString([(35.2, 51.1), (35.4, 51.3)])],
                           crs="EPSG:4326").to_file(lines)
    with pytest.raises(InputError, match="a LineString geometry: only points are mapped"):
        load_events(lines)
    metres = tmp_path / "metres.geojson"
    metres.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [3926000.0, 6640000.0]},
         "properties": {"dead": 1}}]}))
    with pytest.raises(InputError, match="is not a longitude in degrees"):
        load_events(metres)


def test_a_layer_in_another_crs_is_reprojected(tmp_path):
    path = tmp_path / "utm.gpkg"
    frame = geopandas.GeoDataFrame({"killed": [4]}, geometry=[Point(35.27, 51.19)], crs="EPSG:4326")
    frame.to_crs("EPSG:32636").to_file(path)
    (ev,) = load_events(path)
    assert ev.killed == 4 and abs(ev.latitude - 51.19) < 1e-6 and abs(ev.longitude - 35.27) < 1e-6


def test_our_record_with_short_locations_and_without_ids(tmp_path):
    path = tmp_path / "short.geojson"
    record = {"event_id": "e1", "doc_id": "d1", "killed": 2,
              "locations": [{"mention": "Sudzha", "name": "Sudzha", "latitude": 51.19, "longitude": 35.27}],
              "sources": []}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.27, 51.19]}, "properties": record}]}))
    (ev,) = load_events(path)
    assert ev.locations[0].resolved and ev.locations[0].admin2 is None and ev.latitude == 51.19
    lines = tmp_path / "no_ids.jsonl"
    lines.write_text(json.dumps({"doc_id": "d1", "killed": 2, "locations": []}) + "\n")
    with pytest.raises(InputError) as err:
        load_events(lines)
    assert "no event_id" in str(err.value) and "__init__" not in str(err.value)


PLACES = (EventLocation("Sudzha", "Sudzha", 51.191234, 35.271234, "RU", "Kursk Oblast", "Sudzhansky District",
                        "geonames:491023", 1, True, ""),
          EventLocation("Plekhovo", "Plyokhovo", 51.104321, 35.331234, "RU", "Kursk Oblast", None, None, 1, True, ""),
          EventLocation("Nowhereville", None, None, None, None, None, None, None, None, False, "not in the gazetteer"))
FULL = Event(
    event_id="ev-1", doc_id="report-1", event_date=dt.date(2024, 12, 14), event_date_end=dt.date(2024, 12, 15),
    date_precision=2, date_text="14-15 December", event_type="Battles", sub_event_type="Armed clash", killed=12,
    wounded=8, missing=3, captured=2, killed_or_wounded=20, casualties_low=25, casualties_best=30,
    casualties_high=40, approximate=True, qualifier="at least", cumulative=True, actor="North Korean troops",
    claimed_by="Ukraine's military intelligence", claim_words="according to the GUR", locations=PLACES,
    geo_precision=2, location_note="two villages; one not found", source_url="https://example.org/a",
    source_name="Example Wire", published=dt.date(2024, 12, 16), source_quote="-12 in the trenches, the GUR said.",
    quote_start=41, quote_end=75, number_of_sources=2,
    sources=(Source("report-1", "https://example.org/a", "Example Wire", "2024-12-16", "-12 in the trenches"),
             Source.from_dict({"doc_id": "report-2", "quote": "8 wounded", "channel": "@example"})))


@pytest.mark.parametrize("fmt", ["gpkg", "geojson", "parquet", "fgb", "csv"])
def test_each_of_our_writers_reads_back_with_every_field(tmp_path, fmt):
    """GeoPackage, GeoJSON, GeoParquet, FlatGeobuf and CSV give the record back whole: their documented
    losses touch only the geometry type, NUL characters and how CSV spells its cells."""
    for event in (FULL, dataclasses.replace(FULL, event_id="ev-2", killed=None, actor="", locations=())):
        path = tmp_path / f"{event.event_id}.{EXPORTERS[fmt].suffix.lstrip('.')}"
        EXPORTERS[fmt].write([event], path, index=None)
        (got,) = load_events(path)
        for name in Event.__dataclass_fields__:
            assert getattr(got, name) == getattr(event, name), (fmt, name)
    assert set(FORMAT_LOSSES[fmt]) <= {"nul_removed", "single_as_multipoint", "coordinates_6_decimals",
                                        "dates_as_datetimes", "nested_as_json", "all_text", "empty_is_missing",
                                        "line_breaks_lf", "formula_prefix", "geometry_as_wkt"}


@pytest.mark.parametrize("suffix", ["jsonl", "geojson"])
def test_the_extract_record_reads_back(tmp_path, suffix):
    path = tmp_path / f"events.{suffix}"
    write_events([FULL], path)
    assert load_events(path) == [FULL]


def test_a_loader_is_one_protocol_and_a_plugin_can_be_forced(tmp_path, acled_csv):
    assert all(isinstance(LOADERS[name], EventLoader) for name in LOADERS.builtin)
    with pytest.raises(InputError, match="no column 'event_id_cnty'"):  # the ACLED loader forced on a GED file
        load_events(write_csv(tmp_path / "ged.csv", GED_COLUMNS, GED_ROWS), kind="acled")
    with pytest.raises(InputError, match="unknown event loader 'xls'"):
        load_events(acled_csv, kind="xls")


def test_our_shapefile_reads_back_as_a_point_layer_with_its_documented_loss(tmp_path):
    """Shapefile keeps no places or sources (docs/EXPORT.md): they come back from the MultiPoint and the
    place names; every other field is whole."""
    path = tmp_path / "events.shp"
    EXPORTERS["shp"].write([FULL], path, index=None)
    (got,) = load_events(path)
    for name in Event.__dataclass_fields__:
        if name not in ("locations", "sources"):
            assert getattr(got, name) == getattr(FULL, name), name
    assert [(p.name, p.latitude, p.longitude) for p in got.locations] == \
        [(p.name, p.latitude, p.longitude) for p in PLACES[:2]]
    assert dict(got.sources[0].extra)["origin"] == "events.shp"


def test_a_plugin_loader_is_tried_before_the_table_reader(tmp_path, monkeypatch):
    class Tally:
        name, description = "tally", "one event per line of a tally file"

        def accepts(self, probe):
            return probe.path.suffix == ".tally"

        def load(self, probe, **options):
            return [Event(f"tally-{i}", "tally", killed=int(n)) for i, n in enumerate(probe.path.read_text().split())]

    monkeypatch.setattr(LOADERS, "_plugins", {"tally": Tally()})
    path = tmp_path / "counts.tally"
    path.write_text("3\n4\n")
    assert [e.killed for e in load_events(path)] == [3, 4]
    assert loader_for(Probe(path)).name == "tally" and isinstance(LOADERS["tally"], EventLoader)
