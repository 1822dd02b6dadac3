"""``conflictmap run`` on what analysts hold besides reports: Telegram exports with their channel's
username, events files (ACLED, GeoJSON, our own) mapped as they are, and bad files, one line each.

Every file is written here: posts and rows of our own, under ACLED's codebook columns.
"""

from __future__ import annotations

import csv
import json

import pytest

from conftest import run_cli
from mapper.exc import InputError
from mapper.ingest.events_files import events_file_kind, split_inputs
from mapper.model.codebooks import ACLED_COLUMNS
from mapper.model.loaders import load_events

ACLED_ROW = {"event_id_cnty": "UKR61001", "event_date": "2025-02-03", "year": "2025", "time_precision": "1",
             "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Russia (2000-)",
             "inter1": "State forces", "actor2": "Civilians (Ukraine)", "inter2": "Civilians",
             "interaction": "State forces-Civilians", "civilian_targeting": "Civilian targeting", "iso": "804",
             "region": "Europe", "country": "Ukraine", "admin1": "Sumy", "admin2": "Sumskyi", "location": "Sumy",
             "latitude": "50.9077", "longitude": "34.7981", "geo_precision": "1", "source": "Town Paper",
             "source_scale": "Local", "notes": "Air/drone strike on a courtyard: one man died.", "fatalities": "1",
             "timestamp": "1738540800"}
POSTS = [
    {"id": 1, "type": "service", "date": "2025-02-01T09:00:00", "action": "create_channel", "text": ""},
    {"id": 2, "type": "message", "date": "2025-02-04T07:10:00",
     "text": ["A Russian drone hit a bus stop in ", {"type": "bold", "text": "Sudzha"},
              ". Three civilians were killed and four wounded."]},
]
REPORT = ("SUMY, Feb 5, 2025 - Two civilians were killed when shells hit a house in Krasnopillia, "
          "the regional military administration said.\n")


def _acled(path, rows, columns=ACLED_COLUMNS):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _export(path, posts, **header):
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"name": "Border Posts", "type": "public_channel", "id": 5005, **header, "messages": posts}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _geojson(path, geometry):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": geometry, "properties": {"place": "Somewhere", "dead": 2}}]}))
    return path


def test_events_files_are_told_from_reports_by_their_content(tmp_path):
    acled = _acled(tmp_path / "acled_export.csv", [ACLED_ROW])
    ours = tmp_path / "events.jsonl"
    ours.write_text(json.dumps(load_events(acled)[0].to_dict()) + "\n", encoding="utf-8")
    report_json = tmp_path / "reports.jsonl"
    report_json.write_text(json.dumps({"id": "r1", "text": REPORT, "published": "2025-02-05"}) + "\n")
    prose = tmp_path / "notes.txt"
    prose.write_text("event_id_cnty,event_date\nThis looks like a header but is a text file.\n")
    points = _geojson(tmp_path / "p.json", {"type": "Point", "coordinates": [35.27, 51.19]})
    export = _export(tmp_path / "result.json", POSTS)
    kinds = {p.name: events_file_kind(p) for p in (acled, ours, report_json, prose, points, export, tmp_path)}
    assert kinds == {"acled_export.csv": "acled", "events.jsonl": "jsonl", "reports.jsonl": None, "notes.txt": None,
                     "p.json": "table", "result.json": None, tmp_path.name: None}
    assert events_file_kind("-") is None and events_file_kind(tmp_path / "missing.csv") is None


def test_extract_refuses_an_events_file_in_one_line_and_reads_the_rest(tmp_path):
    acled = _acled(tmp_path / "acled_export.csv", [ACLED_ROW])
    ours = tmp_path / "events.jsonl"
    ours.write_text("".join(json.dumps(ev.to_dict()) + "\n" for ev in load_events(acled) * 3), encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    done = run_cli("extract", str(acled), str(ours), str(report))
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 2, done.stderr
    assert lines[0] == (f"conflictmap: error: {acled}: an events file (ACLED export), not a report: give the file "
                        "itself to `conflictmap run`, `map`, `brief` or `export`")
    assert lines[1].startswith(f"conflictmap: error: {ours}: an events file (conflictmap's own JSON Lines")
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events and {e["doc_id"] for e in events} == {"report"}
    assert not any(loc["mention"] in ("Air", "Air/drone strike") for e in events for loc in e["locations"])


def test_split_inputs_loads_events_files_and_keeps_reports_in_order(tmp_path):
    acled = _acled(tmp_path / "a.csv", [ACLED_ROW, dict(ACLED_ROW, event_id_cnty="UKR61002", fatalities="0")])
    broken = _acled(tmp_path / "b.csv", [ACLED_ROW], [c for c in ACLED_COLUMNS if c != "fatalities"])
    errors: list[InputError] = []
    reports, events = split_inputs(["-", str(broken), str(tmp_path), str(acled), "r.txt"], errors)
    assert reports == ["-", str(tmp_path), "r.txt"]
    assert [(ev.event_id, ev.killed, ev.actor) for ev in events] == [("UKR61001", 1, "Civilians"),
                                                                     ("UKR61002", 0, "Civilians")]
    assert [str(e) for e in errors] == [f"{broken}: no column 'fatalities' (ACLED files have it)"]


def test_a_point_outside_any_crs_and_a_polygon_are_one_line_each(tmp_path):
    far = _geojson(tmp_path / "far.geojson", {"type": "Point", "coordinates": [35.27, 500.0]})
    with pytest.raises(InputError, match=r"far.geojson: row 1: 500.0 is not a latitude in degrees"):
        load_events(far)
    area = _geojson(tmp_path / "area.geojson", {"type": "Polygon", "coordinates": [
        [[35.0, 51.0], [35.5, 51.0], [35.5, 51.5], [35.0, 51.0]]]})
    with pytest.raises(InputError, match=r"area.geojson: row 1: a Polygon geometry: only points are mapped"):
        load_events(area)


def test_the_dask_engine_reads_exports_with_the_channel_given(tmp_path):
    from mapper.engines.dask_engine import _Files, _read_files

    export = _export(tmp_path / "result.json", POSTS)
    (doc,) = _read_files(_Files((str(export),)), None, {"": "border_posts"})
    assert (doc.id, doc.url) == ("telegram-5005:2", "https://t.me/border_posts/2")
    (plain,) = _read_files(_Files((str(export),)), None)
    assert plain.url == ""


def test_run_maps_exports_reports_and_events_files_and_names_each_bad_file_once(tmp_path):
    """One run: a Telegram export (its links from --telegram-channel), a report, an ACLED export mapped as it is;
    a cut export, an ACLED export without fatalities, a GeoJSON of lines and one with latitude 500: four lines."""
    export = _export(tmp_path / "posts" / "result.json", POSTS)
    cut_text = json.dumps({"name": "Other Posts", "type": "public_channel", "id": 6006,
                           "messages": [dict(POSTS[1], id=9, text="Shelling of Tetkino killed one resident."),
                                        dict(POSTS[1], id=10)]}, indent=1)
    cut = tmp_path / "cut" / "result.json"
    cut.parent.mkdir()
    cut.write_text(cut_text[:cut_text.index('"id": 10') + 12], encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    acled = _acled(tmp_path / "acled_export.csv", [ACLED_ROW])
    no_fatalities = _acled(tmp_path / "acled_old.csv", [ACLED_ROW], [c for c in ACLED_COLUMNS if c != "fatalities"])
    lines = _geojson(tmp_path / "front.geojson", {"type": "LineString", "coordinates": [[35.2, 51.1], [35.4, 51.3]]})
    far = _geojson(tmp_path / "far.geojson", {"type": "Point", "coordinates": [35.27, 500.0]})
    out = tmp_path / "out"
    done = run_cli("run", str(export), str(cut), str(no_fatalities), str(report), str(lines), str(acled), str(far),
                   "-o", str(out), "--no-pdf", "--telegram-channel", "@border_posts")
    errors = [line for line in done.stderr.splitlines() if line.startswith("conflictmap: error:")]
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(errors) == 4, done.stderr
    for path, reason in ((cut, "Telegram export cut short"), (no_fatalities, "no column 'fatalities'"),
                         (lines, "a LineString geometry"), (far, "500.0 is not a latitude")):
        (line,) = [e for e in errors if f" {path}: " in e]
        assert reason in line
    assert "events: " in done.stderr and "(1 read from events files)" in done.stderr
    events = [json.loads(x) for x in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    by_doc = {e["doc_id"]: e for e in events}
    assert by_doc["ACLED:UKR61001"]["actor"] == "Civilians" and by_doc["ACLED:UKR61001"]["killed"] == 1
    urls = {src["doc_id"]: src["url"] for e in events for src in e["sources"]}
    assert urls["telegram-5005:2"] == "https://t.me/border_posts/2"
    assert urls["telegram-6006:9"] == "https://t.me/border_posts/9"       # the message before the cut
    assert "report" in urls and "telegram-6006:10" not in urls
    assert not any(loc["mention"].startswith("Air") for e in events for loc in e["locations"])
    for name in ("map.html", "events.gpkg", "briefing.pptx"):
        assert (out / name).stat().st_size > 0


@pytest.mark.parametrize("geometry, reason", [
    ({"type": "Point", "coordinates": [35.27, 500.0]}, "row 1: 500.0 is not a latitude in degrees"),
    ({"type": "MultiLineString", "coordinates": [[[35.2, 51.1], [35.4, 51.3]]]}, "a MultiLineString geometry")])
def test_map_and_export_of_a_bad_geojson_are_one_line_naming_it(tmp_path, geometry, reason):
    path = _geojson(tmp_path / "bad.geojson", geometry)
    for command in (["map", str(path), "-o", str(tmp_path / "m.html")],
                    ["export", str(path), "--to", "geojson", "-o", str(tmp_path / "out")]):
        done = run_cli(*command)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        (line,) = done.stderr.strip().splitlines()
        assert line.startswith(f"conflictmap: error: {path}: ") and reason in line
    assert not (tmp_path / "m.html").exists() and not (tmp_path / "out" / "events.geojson").exists()
