"""Reports in, events out: the seed article and the extract / geoparse commands."""

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from gazetteer import haversine_km
from mapper.ingest.documents import Document, read_documents
from mapper.extract.extractor import Extractor, extract_events, extract_geodataframe
from mapper.extract.geoparse import Geoparser

SEED = REPO / "mapper" / "samples" / "seed_article_kursk_nk_casualties.txt"
PUBLISHED = dt.date(2024, 12, 16)  # a Monday



@pytest.fixture(scope="module")
def seed_events(gazetteer):
    docs = list(read_documents([SEED], published=PUBLISHED))
    return extract_events(docs, gazetteer=gazetteer)


def test_seed_article_gives_the_kursk_claim_and_the_missing_claim(seed_events):
    assert len(seed_events) == 2
    main = next(e for e in seed_events if e.killed_or_wounded is not None)
    assert main.killed_or_wounded == 30 and main.approximate and main.casualties_low == 30
    assert main.actor == "North Korean forces"
    assert main.claimed_by == "Ukraine's military intelligence (GUR)"
    assert (main.event_date, main.event_date_end, main.date_precision) == (
        dt.date(2024, 12, 14), dt.date(2024, 12, 15), 2)
    assert main.date_text == "Over the recent weekend"
    missing = next(e for e in seed_events if e.missing is not None)
    assert missing.missing == 3 and missing.killed_or_wounded is None


def test_seed_places_are_the_kursk_villages_not_the_sumy_town(seed_events):
    main = next(e for e in seed_events if e.killed_or_wounded is not None)
    by_mention = {loc.mention: loc for loc in main.locations}
    assert set(by_mention) == {"Plekhovo", "Vorozhba", "Martynovka"}
    assert by_mention["Plekhovo"].resolved and by_mention["Plekhovo"].admin1 == "Kursk Oblast"
    assert by_mention["Martynovka"].resolved and by_mention["Martynovka"].country_code == "RU"
    assert not by_mention["Vorozhba"].resolved and "Sumy" in by_mention["Vorozhba"].reason
    assert main.geometry.geom_type == "MultiPoint" and len(main.geometry.geoms) == 2
    assert main.geo_precision == 2
    for pt in main.geometry.geoms:  # nothing in Ukraine's Sumy oblast
        assert haversine_km(pt.y, pt.x, 51.17, 34.23) > 50


def test_seed_gives_no_event_from_troop_numbers(seed_events):
    assert all(e.casualties_best is not None and e.casualties_best < 100 for e in seed_events)
    assert not any("10,000" in e.source_quote and e.casualties_best == 10000 for e in seed_events)


def test_event_ids_are_stable(gazetteer):
    docs = list(read_documents([SEED], published=PUBLISHED))
    first = [e.event_id for e in extract_events(docs, gazetteer=gazetteer)]
    second = [e.event_id for e in extract_events(docs, gazetteer=gazetteer)]
    assert first == second and len(set(first)) == len(first)


def test_quote_span_points_into_the_text(gazetteer):
    doc = next(read_documents([SEED], published=PUBLISHED))
    for ev in Extractor(gazetteer).extract(doc)[0]:
        assert doc.text[ev.quote_start:ev.quote_end] == ev.source_quote
        assert str(ev.casualties_best) in ev.source_quote or "three" in ev.source_quote


def test_geodataframe_is_wgs84_with_one_row_per_claim(gazetteer):
    docs = list(read_documents([SEED], published=PUBLISHED))
    frame = extract_geodataframe(docs, gazetteer=gazetteer)
    assert frame.crs.to_epsg() == 4326 and len(frame) == 2
    assert str(frame["killed_or_wounded"].dtype) == "Int64"
    assert frame.geometry.iloc[0].geom_type == "MultiPoint"


def test_report_without_casualties_gives_no_events(gazetteer):
    doc = Document(id="calm", text="Officials in Sudzha discussed the harvest. Prices rose by 30 percent.",
                   published=PUBLISHED)
    assert Extractor(gazetteer).extract(doc)[0] == []


def test_region_only_claim_gets_precision_3(gazetteer):
    doc = Document(id="region", text="At least 12 Russian soldiers were killed in the Kursk region, "
                   "Ukraine's General Staff said.", published=PUBLISHED)
    (ev,), _ = Extractor(gazetteer).extract(doc)
    assert ev.geo_precision == 3 and ev.locations[0].name == "Kursk Oblast" and ev.killed == 12


def test_geoparse_spans_and_shape(gazetteer):
    text = SEED.read_text(encoding="utf-8")
    mentions = Geoparser(gazetteer).parse(text, doc_id="seed")
    names = [m.text for m in mentions]
    for person_or_org in ("Zelenskyy", "Ryder", "GUR", "Pentagon", "Kim", "Jong"):
        assert person_or_org not in names
    for m in mentions:
        assert text[m.start:m.end] == m.text
    record = mentions[0].to_dict()
    for key in ("doc", "mention", "start", "end", "resolved", "name", "latitude", "longitude", "country_code",
                "admin1", "feature", "gazetteer_id", "geo_precision", "score", "reason", "alternatives"):
        assert key in record


def test_cli_extract_jsonl_and_geojson(tmp_path):
    proc = run_cli("extract", str(SEED), "--published", "2024-12-16")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == 2 and lines[0]["doc_id"] and lines[0]["locations"]
    assert {"name", "latitude", "longitude", "country_code", "admin1", "geo_precision", "mention"} <= set(
        lines[0]["locations"][0])
    out = tmp_path / "events.geojson"
    proc = run_cli("extract", str(SEED), "--published", "2024-12-16", "--format", "geojson", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == ""
    fc = json.loads(out.read_text())
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    lon, lat = fc["features"][0]["geometry"]["coordinates"][0]
    assert 30 < lon < 41 and 48 < lat < 55  # RFC 7946 order: longitude first


def test_cli_geoparse_jsonl():
    proc = run_cli("geoparse", str(SEED))
    assert proc.returncode == 0
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    vorozhba = next(r for r in rows if r["mention"] == "Vorozhba")
    assert vorozhba["resolved"] is False and vorozhba["reason"]


def test_cli_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "events.jsonl"
    proc = run_cli("extract", str(empty), str(tmp_path / "missing.txt"), str(SEED), "--published",
                   "2024-12-16", "-o", str(out))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2 and "empty.txt" in errors[0] and "missing.txt" in errors[1]
    assert len(out.read_text().splitlines()) == 2


def test_cli_stdin_and_bad_published():
    text = Path(SEED).read_text(encoding="utf-8")
    proc = run_cli("extract", "-", "--published", "2024-12-16", input=text)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2
    proc = run_cli("extract", "-", "--published", "16/12/2024", input=text)
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def test_two_reports_of_one_event_merge_conservatively(gazetteer):
    a = Document(id="wire", url="https://wire.example/a", source_name="wire.example", published=PUBLISHED,
                 text="At least 7 civilians were killed in a strike on Sudzha on Saturday, the governor said.")
    b = Document(id="tg", url="https://t.example/b", source_name="t.example", published=PUBLISHED,
                 text="В результате удара по Судже в субботу погибли 7 мирных жителей, 9 ранены.")
    c = Document(id="other", url="https://other.example/c", published=PUBLISHED,
                 text="Two soldiers were killed near Belgorod on Sunday.")
    events = extract_events([a, b, c], gazetteer=gazetteer)
    merged = [e for e in events if e.number_of_sources == 2]
    assert len(events) == 2 and len(merged) == 1
    ev = merged[0]
    assert ev.killed == 7 and ev.wounded == 9 and ev.actor == "Civilians"
    assert ev.casualties_low <= ev.casualties_best == 16 <= ev.casualties_high
    assert {s.doc_id for s in ev.sources} == {"wire", "tg"}
    assert ev.locations[0].name == "Sudzha"
    unmerged = extract_events([a, b], gazetteer=gazetteer, merge=False)
    assert len(unmerged) == 2
