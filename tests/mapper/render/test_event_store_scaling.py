"""The event store grows without re-reading itself: an update gives what ``merge_events(stored + new)``
gives (checked against that full merge, step by step, on new events, repeats, merges with stored
events, merges of merges and older stores), its index look-ups find every partner the merge could
pair, and the work of an update (events read, SQLite VM steps) stays the same when the store is 10x
larger. Work is counted, never timed."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

import pytest

from mapper.assemble.merge import DATE_TOLERANCE_DAYS, PLACE_TOLERANCE_KM, merge_events, same_event
from mapper.assemble.merge_candidates import candidate_pairs
from mapper.model.events import Event, EventLocation
from mapper.render.export import store as store_module
from mapper.render.export.store import EventStore, _unique_sources, add_to_store
from mapper.render.export.store_keys import KEY_TABLE, EventKeys
from mapper.render.export.tables import places_layer

START = dt.date(2024, 8, 6)


def at(lat: float, lon: float, gid: str) -> EventLocation:
    return EventLocation(gid, gid, lat, lon, "RU", "Kursk Oblast", None, gid, 1, True, "")


def unresolved(mention: str) -> EventLocation:
    return EventLocation(mention, None, None, None, None, None, None, None, None, False, "not in the gazetteer")


def claim(eid: str, doc: str, locations, day: int | None, *, end: int | None = None, **figures) -> Event:
    date = None if day is None else START + dt.timedelta(days=day)
    date_end = None if date is None else START + dt.timedelta(days=day if end is None else end)
    src = {"doc_id": doc, "url": f"https://example.org/{doc}", "source_name": doc.split("-")[0],
           "published": date.isoformat() if date else None, "quote": f"{doc}: {eid} reported."}
    return Event(event_id=eid, doc_id=doc, event_date=date, event_date_end=date_end, actor="Russian forces",
                 locations=tuple(locations), source_quote=src["quote"], sources=(src,), **figures)


class FullMerge:
    """The store as the earlier version kept it: every update merges all stored events with the new ones."""

    def __init__(self):
        self.events: list[Event] = []

    def add(self, incoming: list[Event]) -> tuple[int, int]:
        ids = {ev.event_id for ev in self.events}
        recorded = {(s.doc_id, s.quote) for ev in self.events for s in ev.sources}
        fresh = []
        for ev in incoming:
            if ev.event_id in ids or (ev.sources and all((s.doc_id, s.quote) in recorded for s in ev.sources)):
                continue
            ids.add(ev.event_id)
            fresh.append(ev)
        if not fresh:
            return len(incoming), 0
        result = [_unique_sources(ev) for ev in merge_events(self.events + fresh)]
        before = {ev.event_id: ev for ev in self.events}
        changed = [ev for ev in result if before.get(ev.event_id) != ev]
        kept = {ev.event_id for ev in result} - {ev.event_id for ev in changed}
        self.events = [ev for ev in self.events if ev.event_id in kept] + changed
        return len(incoming) - len(fresh), len(fresh)


def places_of(path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return dict(db.execute('SELECT gazetteer_id, "events" FROM places'))


def expected_places(events: list[Event]) -> dict[str, int]:
    table = places_layer(events, index=None).table
    return dict(zip(table["gazetteer_id"].to_pylist(), table["events"].to_pylist()))


def assert_same(path, model: FullMerge) -> None:
    assert EventStore(path, index=None).events() == model.events  # same events, same order, same sources
    assert places_of(path) == expected_places(model.events)


def random_claims(rng: random.Random, tag: str, n: int, spots: list[EventLocation]) -> list[Event]:
    """Claims crowded into few places, days and figures, so that many merge (some with several, some
    long, undated, unresolved or at several places)."""
    out = []
    for k in range(n):
        kind = rng.random()
        locs = [rng.choice(spots)]
        if kind < 0.15:
            locs.append(rng.choice(spots))
        elif kind < 0.22:
            locs = [unresolved(rng.choice(["Lower Mill", "Old Ford"]))]
        day = None if kind > 0.95 else rng.randrange(40)
        end = day + rng.choice([0, 0, 1, 70]) if day is not None else None
        figures = {rng.choice(["killed", "wounded"]): rng.choice([2, 3]), }
        if rng.random() < 0.3:
            figures["missing"] = 1
        out.append(claim(f"ev-{tag}-{k}", f"{tag}-doc-{k % max(1, n // 2)}", locs, day, end=end, **figures))
    return out


def test_every_update_gives_what_a_full_merge_gives(tmp_path):
    p, q, s = at(51.0, 35.0, "p"), at(51.0, 35.115, "q"), at(51.0, 34.885, "s")  # q, s: 8 km east, west of p
    path = tmp_path / "store.gpkg"
    model = FullMerge()
    a = claim("ev-a", "doc-a", [p], 10, killed=5)
    b = claim("ev-b", "doc-b", [s], 11, wounded=2)
    x = claim("ev-x", "doc-x", [q], 12, killed=5, wounded=2)
    later = claim("ev-later", "doc-later", [at(51.6, 36.0, "far")], 30, killed=9)
    steps = [
        [a, b],                                  # new
        [a, claim("ev-a2", "doc-a", [p], 10, killed=5).with_updates(sources=a.sources)],  # stored: by id, by source
        [x],                                     # merges with a; a+x would merge with b (not x alone with b) ...
        [later],                                 # ... which the next update does, as a full merge would
        [claim("ev-y", "doc-y", [p], 11, killed=5, wounded=2), claim("ev-z", "doc-z", [p], 11, killed=5)],
    ]
    for batch in steps:
        update = add_to_store(path, batch, index=None)
        stored, fresh = model.add(batch)
        assert update.already_stored == stored and update.added + update.merged == fresh
        assert update.total == len(model.events)
        assert_same(path, model)
    merged = [ev for ev in model.events if ev.number_of_sources > 1]
    assert {s.doc_id for s in merged[0].sources} >= {"doc-a", "doc-x", "doc-b"}


@pytest.mark.parametrize("seed", [1, 2])
def test_random_updates_match_the_full_merge(tmp_path, seed):
    rng = random.Random(seed)
    spots = [at(51.0 + 0.05 * i, 35.0 + 0.07 * j, f"g{i}{j}") for i in range(3) for j in range(3)]
    path = tmp_path / "store.gpkg"
    model = FullMerge()
    for step in range(5):
        batch = random_claims(rng, f"s{step}", 24, spots)
        batch += rng.sample(model.events, min(3, len(model.events)))  # repeats of stored events
        add_to_store(path, batch, index=None)
        model.add(batch)
        assert_same(path, model)
    assert any(ev.number_of_sources > 2 for ev in model.events)  # the case was one of merges


def test_the_keys_find_every_pair_the_merge_can_join():
    rng = random.Random(7)
    spots = [at(50.0 + rng.random() * 3, 34.0 + rng.random() * 4, f"g{i}") for i in range(60)]
    spots += [at(56.0 + 0.02 * i, 37.0, f"edge{i}") for i in range(-4, 5)]  # both sides of a band edge
    events = random_claims(rng, "k", 600, spots)
    keys = [EventKeys.of(ev) for ev in events]
    joined = 0
    for i, j in candidate_pairs(events, days=DATE_TOLERANCE_DAYS, km=PLACE_TOLERANCE_KM):
        if same_event(events[i], events[j]):
            joined += 1
            assert keys[i].filed & keys[j].probe and keys[j].filed & keys[i].probe, (events[i], events[j])
    assert joined > 50


def test_a_store_of_the_earlier_version_is_read_and_given_its_indexes(tmp_path):
    rng = random.Random(3)
    spots = [at(51.0 + 0.05 * i, 35.0, f"g{i}") for i in range(3)]
    path = tmp_path / "old.gpkg"
    first = random_claims(rng, "old", 30, spots)
    add_to_store(path, first, index=None)
    with sqlite3.connect(path) as db:  # what the earlier version left: no lookup keys, no places index
        db.execute(f'DROP TABLE "{KEY_TABLE}"')
        db.execute('DROP INDEX "places_gazetteer_id"')
    model = FullMerge()
    model.events = EventStore(path, index=None).events()
    batch = random_claims(rng, "new", 20, spots)
    add_to_store(path, batch, index=None)
    model.add(batch)
    assert_same(path, model)
    with sqlite3.connect(path) as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert {KEY_TABLE, "places_gazetteer_id", "events_event_id", "sources_event_id"} <= names


def theatre_claims(index, tag: str, n: int, seed: int) -> list[Event]:
    """Claims spread over two years and the theatre's places, with varied figures: few merge."""
    rng = random.Random(seed)
    places = index.within(50.0, 33.0, 52.5, 39.0)
    out = []
    for k in range(n):
        pl = rng.choice(places)
        loc = EventLocation(pl.name, pl.name, pl.latitude, pl.longitude, pl.country_code, pl.admin1 or None,
                            pl.admin2 or None, pl.id, 1, True, "")
        out.append(claim(f"ev-{tag}-{k}", f"{tag}-doc-{k}", [loc], rng.randrange(730),
                         killed=rng.randrange(1, 40), wounded=rng.choice([None, rng.randrange(1, 60)])))
    return out


def work_of_adding(path, batch, monkeypatch) -> tuple[int, int]:
    """``(events read from the store, SQLite VM steps / 1000)`` of one update."""
    counts = {"read": 0, "steps": 0}
    real_read, real_connect = store_module.read_events_by_fid, EventStore._connect

    def read(conn, fids):
        got = real_read(conn, fids)
        counts["read"] += len(got)
        return got

    def connect(self, *, write):
        conn = real_connect(self, write=write)

        def step():
            counts["steps"] += 1
        conn.set_progress_handler(step, 1000)
        return conn

    def whole(*_args):
        raise AssertionError("the update read the whole store")

    with monkeypatch.context() as patch:
        patch.setattr(store_module, "read_events_by_fid", read)
        patch.setattr(store_module, "read_events_sqlite", whole)
        patch.setattr(EventStore, "_connect", connect)
        update = add_to_store(path, batch, index=None)
    assert update.added + update.merged == len(batch)
    return counts["read"], counts["steps"]


def test_the_work_of_an_update_does_not_grow_with_the_store(index, tmp_path, monkeypatch):
    work = []
    for size in (300, 3000):
        path = tmp_path / f"store-{size}.gpkg"
        stored = theatre_claims(index, "stored", size, seed=11)
        add_to_store(path, stored, index=None)  # a new store: written in one go
        new = theatre_claims(index, "new", 30, seed=12)
        new += [ev.with_updates(event_id=f"again-{ev.event_id}", doc_id="again",
                                sources=({"doc_id": "again", "quote": ev.event_id},)) for ev in stored[:5]]
        work.append(work_of_adding(path, new, monkeypatch))
    (read_small, steps_small), (read_large, steps_large) = work
    assert read_small >= 5 and read_large >= 5          # the stored partners of the 5 repeats were read ...
    assert read_large <= read_small + 15                # ... and about as many others, 10x more stored or not
    assert steps_large <= 1.5 * steps_small + 20, work  # SQLite's work: the same (the old code: 10x)


def test_events_another_program_appended_are_found(tmp_path):
    from mapper.render.export.gpkg import _write_layer
    from mapper.render.export.tables import event_tables

    p = at(51.0, 35.0, "p")
    path = tmp_path / "store.gpkg"
    add_to_store(path, [claim("ev-a", "doc-a", [p], 3, killed=7)], index=None)
    foreign = claim("ev-qgis", "doc-qgis", [p], 20, killed=4)
    tables = event_tables([foreign], index=None)
    for layer in (tables.events, tables.event_locations, tables.sources):  # appended by GDAL, as QGIS would
        _write_layer(layer, path, first=False)
    model = FullMerge()
    model.events = EventStore(path, index=None).events()
    assert [ev.event_id for ev in model.events] == ["ev-a", "ev-qgis"]
    batch = [claim("ev-b", "doc-b", [p], 21, killed=4)]  # the same claim as the appended one
    update = add_to_store(path, batch, index=None)
    model.add(batch)
    assert update.merged == 1
    assert EventStore(path, index=None).events() == model.events
