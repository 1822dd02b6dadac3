"""The event store: accumulates across runs, merges duplicate reports by extract's rule, keeps every
source, stays a valid GeoPackage, and two writer processes at once store every event exactly once."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time

import pyogrio
import pytest
from conftest import REPO
from export_helpers import sample_events

from mapper.model.events import Event, EventLocation
from mapper.exc import ConflictMapError, InputError
from mapper.render.export import read_any_events
from mapper.render.export.store import EventStore, add_to_store
from mapper.assemble.merge import merge_events

def make_events(index, tag: str, count: int, *, start: int = 0) -> list[Event]:
    """``count`` distinct claims at real gazetteer places (unique figures, so none merge), ids tagged."""
    places = index.within(50.5, 34.0, 52.0, 37.5)
    events = []
    for k in range(start, start + count):
        p = places[k % len(places)]
        loc = EventLocation(p.name, p.name, p.latitude, p.longitude, p.country_code, p.admin1 or None,
                            p.admin2 or None, p.id, 1, True, "")
        day = dt.date(2024, 8, 6) + dt.timedelta(days=k % 200)
        doc = f"{tag}-doc-{k}"
        events.append(Event(event_id=f"ev-{tag}-{k}", doc_id=doc, event_date=day, event_date_end=day, date_precision=1,
                            killed=1000 + k, casualties_low=1000 + k, casualties_best=1000 + k,
                            casualties_high=1000 + k, actor="Russian forces", claimed_by="a governor",
                            locations=(loc,), geo_precision=1, source_quote=f"{1000 + k} killed.",
                            sources=({"doc_id": doc, "url": f"https://example.org/{doc}", "source_name": "ex",
                                      "published": day.isoformat(), "quote": f"{1000 + k} killed."},)))
    return events


def second_report(ev: Event, doc: str) -> Event:
    """The same claim as ``ev`` reported by another document."""
    src = {"doc_id": doc, "url": f"https://example.org/{doc}", "source_name": doc, "published": "2024-12-17",
           "quote": f"{doc} repeats the claim."}
    return ev.with_updates(event_id=f"ev-{doc}", doc_id=doc, source_quote=src["quote"], sources=(src,))


@pytest.fixture(scope="module")
def events(gazetteer, index):
    return sample_events(gazetteer, index)


def test_store_accumulates_across_runs_and_skips_what_it_has(events, tmp_path):
    store = EventStore(tmp_path / "store.gpkg", index=None)
    first = store.add(events[:3])
    assert (first.added, first.total) == (3, 3)
    again = store.add(events[:3])
    assert (again.already_stored, again.added, again.total) == (3, 0, 3)
    more = store.add(events)
    assert (more.already_stored, more.added, more.total) == (3, len(events) - 3, len(events))
    stored = store.events()
    assert {ev.event_id for ev in stored} == {ev.event_id for ev in events}
    assert sorted(stored, key=lambda e: e.event_id) == sorted(
        [_nul_free(ev) for ev in events], key=lambda e: e.event_id)


def _nul_free(ev: Event) -> Event:
    from test_export_roundtrip import without_nul

    return without_nul(ev)


def test_duplicate_reports_merge_by_extracts_rule_and_keep_every_source(events, tmp_path):
    seed = next(ev for ev in events if ev.killed_or_wounded == 30)
    repeat = second_report(seed, "kyiv-independent")
    path = tmp_path / "store.gpkg"
    add_to_store(path, [seed], index=None)
    update = add_to_store(path, [repeat], index=None)
    assert (update.merged, update.added, update.total) == (1, 0, 1)
    (stored,) = read_any_events(path)
    assert stored == merge_events([seed, repeat])[0]  # the very rule extract applies
    assert stored.number_of_sources == 2
    assert [s.doc_id for s in stored.sources] == [seed.doc_id, "kyiv-independent"]
    # a report the store has already folded in is recognised by its source, not stored twice
    again = add_to_store(path, [repeat, seed], index=None)
    assert (again.already_stored, again.total) == (2, 1)
    assert read_any_events(path) == [stored]


def test_store_stays_a_valid_geopackage_with_a_working_spatial_index(events, index, tmp_path):
    path = tmp_path / "store.gpkg"
    add_to_store(path, events, index=index)
    add_to_store(path, [second_report(events[0], "other-wire")], index=index)  # rewrites one event
    run = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    info = pyogrio.read_info(path, layer="events")
    assert info["features"] == len(events) and info["geometry_type"] == "MultiPoint"
    west = pyogrio.read_dataframe(path, layer="events", bbox=(-80, 37, -75, 40))  # answered by the R-tree
    assert list(west.event_id) == ["ev-west"]
    kursk = pyogrio.read_dataframe(path, layer="event_locations", bbox=(35.2, 51.0, 35.4, 51.3))
    assert {"Plyokhovo", "Martynovka", "Sudzha"} <= set(kursk.name)
    with sqlite3.connect(path) as db:
        extent = db.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name='events'").fetchone()
        count = db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name='events'").fetchone()[0]
    assert extent[0] < -77 and extent[2] > 36 and count == len(events)
    places = pyogrio.read_dataframe(path, layer="places")
    assert "curated:ru-kursk-pristen" in set(places.gazetteer_id) and places.in_gazetteer.all()


def test_a_failed_update_leaves_the_store_as_it_was(events, tmp_path, monkeypatch):
    from mapper.render.export import store as store_module

    path = tmp_path / "store.gpkg"
    add_to_store(path, events[:2], index=None)
    before = read_any_events(path)
    calls = []

    def failing_insert(conn, layer):
        calls.append(layer.name)
        if layer.name == "sources":
            raise sqlite3.OperationalError("disk I/O error")
        return real_insert(conn, layer)

    real_insert = store_module.insert_layer
    monkeypatch.setattr(store_module, "insert_layer", failing_insert)
    with pytest.raises(ConflictMapError, match="disk I/O error"):
        add_to_store(path, events[2:], index=None)
    assert calls[:2] == ["events", "event_locations"]  # rows were written inside the transaction ...
    assert read_any_events(path) == before  # ... and rolled back


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    text = tmp_path / "notes.gpkg"
    text.write_text("not a database")
    with pytest.raises(InputError, match="not a GeoPackage"):
        add_to_store(text, [], index=None)
    other = tmp_path / "roads.gpkg"
    import geopandas
    from shapely.geometry import Point

    geopandas.GeoDataFrame({"name": ["x"]}, geometry=[Point(35.33, 51.1)], crs="EPSG:4326").to_file(other)
    with pytest.raises(InputError, match="not an event store: no 'events' layer"):
        add_to_store(other, [], index=None)


WRITER = """
import json, sys, time
from mapper.model.events import Event
from mapper.render.export.store import add_to_store
tag, start_at, path, batches_file = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
with open(batches_file, encoding="utf-8") as f:
    batches = [[Event.from_dict(d) for d in batch] for batch in json.load(f)]
while time.time() < start_at:
    time.sleep(0.002)
began = time.time()
for batch in batches:
    add_to_store(path, batch, index=None, timeout=120)
print(json.dumps({"began": began, "ended": time.time()}))
"""


def test_two_writer_processes_at_once_store_every_event_once(index, tmp_path):
    path = tmp_path / "shared_store.gpkg"
    shared = make_events(index, "shared", 4, start=100)
    claim = make_events(index, "claim", 1, start=200)[0]
    mine = {}
    for tag, first in (("a", 0), ("b", 30)):
        mine[tag] = make_events(index, tag, 30, start=first)
        batches = [mine[tag][i:i + 3] for i in range(0, 30, 3)]
        batches[2] += shared                                   # both writers add the same events ...
        batches[5] += [second_report(claim, f"report-{tag}")]  # ... and each its own report of one claim
        (tmp_path / f"{tag}.json").write_text(json.dumps([[ev.to_dict() for ev in b] for b in batches]))
    start_at = time.time() + 3.0  # both interpreters are up and importing by then
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, tag, str(start_at), str(path), str(tmp_path / f"{tag}.json")],
                              cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for tag in ("a", "b")]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    spans = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    assert max(s["began"] for s in spans) < min(s["ended"] for s in spans), "the writers did not overlap"

    stored = read_any_events(path)
    ids = [ev.event_id for ev in stored]
    assert len(ids) == len(set(ids))
    merged = [ev for ev in stored if ev.killed == claim.killed]
    assert len(merged) == 1 and merged[0].number_of_sources == 2
    assert sorted(s.doc_id for s in merged[0].sources) == ["report-a", "report-b"]
    expected = {ev.event_id for ev in [*mine["a"], *mine["b"], *shared]} | {merged[0].event_id}
    assert set(ids) == expected and len(stored) == 30 + 30 + 4 + 1
    assert pyogrio.read_info(path, layer="events")["features"] == len(stored)
    run = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
