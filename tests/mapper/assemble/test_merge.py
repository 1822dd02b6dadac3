"""Merging duplicate reports: the blocking that makes it fast never misses a pair."""

import datetime as dt
import random

import mapper.assemble.merge as merge
from mapper.assemble.merge_candidates import candidate_pairs
from mapper.model.events import Event, EventLocation


def _event(rng: random.Random, i: int) -> Event:
    # Synthetic points (test data only): clustered so that many pairs fall within 10 km.
    lat = 51.0 + rng.choice([0.0, 0.05, 0.11, 0.3]) + rng.uniform(-0.08, 0.08)
    lon = 35.0 + rng.choice([0.0, 0.1, 0.15, 0.5]) + rng.uniform(-0.12, 0.12)
    day = dt.date(2024, 12, 1) + dt.timedelta(days=rng.randint(0, 20))
    loc = EventLocation(f"place{i}", f"Place {i}", lat, lon, "RU", "Kursk Oblast", None, f"test:{i}", 1, True, "")
    killed = rng.choice([3, 4, 5])
    return Event(event_id=f"ev-{i:04d}", doc_id=f"doc{i % 7}", event_date=day, event_date_end=day,
                 date_precision=1, killed=killed, casualties_low=killed, casualties_best=killed,
                 casualties_high=killed, actor="Russian forces", locations=(loc,),
                 sources=({"doc_id": f"doc{i % 7}"},))


def test_blocking_finds_every_pair_brute_force_finds():
    rng = random.Random(11)
    events = [_event(rng, i) for i in range(400)]
    brute = {(i, j) for i in range(len(events)) for j in range(i + 1, len(events))
             if merge.same_event(events[i], events[j])}
    assert len(brute) > 50  # the data really has duplicates to find
    assert brute <= set(candidate_pairs(events, days=merge.DATE_TOLERANCE_DAYS, km=merge.PLACE_TOLERANCE_KM))


def test_points_ten_km_apart_across_cells_still_merge():
    a = _event(random.Random(1), 1)
    loc_b = EventLocation("b", "B", a.locations[0].latitude, a.locations[0].longitude + 0.14, "RU", "", None,
                          "test:b", 1, True, "")  # 0.14° of longitude at 51° N is about 9.8 km
    b = Event(**{**a.__dict__, "event_id": "ev-b", "doc_id": "other", "locations": (loc_b,),
                 "sources": ({"doc_id": "other"},)})
    merged = merge.merge_events([a, b])
    assert len(merged) == 1 and merged[0].number_of_sources == 2


def _brute_and_blocked(events):
    brute = {(i, j) for i in range(len(events)) for j in range(i + 1, len(events))
             if merge.same_event(events[i], events[j])}
    return brute, set(candidate_pairs(events, days=merge.DATE_TOLERANCE_DAYS, km=merge.PLACE_TOLERANCE_KM))


def test_blocking_misses_no_pair_at_any_latitude_or_across_band_edges():
    rng = random.Random(5)
    events = []
    for i in range(600):  # clusters on the equator, at the 56° and 73° band edges, far north and south
        lat0, lon0 = rng.choice([(0.0, 30.0), (55.97, 37.6), (72.95, 80.0), (-33.9, 18.4), (80.0, 20.0)])
        lat, lon = lat0 + rng.uniform(-0.12, 0.12), lon0 + rng.uniform(-0.3, 0.3)
        day = dt.date(2024, 12, 1) + dt.timedelta(days=rng.randint(0, 12))
        loc = EventLocation(f"p{i}", f"P {i}", lat, lon, "RU", "", None, f"test:{i}", 1, True, "")
        events.append(Event(event_id=f"ev-{i:04d}", doc_id=f"doc{i % 5}", event_date=day, event_date_end=day,
                            date_precision=1, killed=3, actor="Russian forces", locations=(loc,)))
    brute, blocked = _brute_and_blocked(events)
    assert len(brute) > 100
    assert brute <= blocked


def test_a_claim_over_several_weeks_finds_a_partner_in_its_last_days():
    day = dt.date(2024, 11, 1)
    loc = EventLocation("x", "X", 51.1, 35.3, "RU", "", None, "test:x", 1, True, "")
    long = Event(event_id="ev-a", doc_id="a", event_date=day, event_date_end=day + dt.timedelta(days=30),
                 killed=3, locations=(loc,))
    late = Event(event_id="ev-b", doc_id="b", event_date=day + dt.timedelta(days=33), killed=3, locations=(loc,))
    brute, blocked = _brute_and_blocked([long, late])
    assert brute == blocked == {(0, 1)}


def test_places_without_points_pair_by_their_id():
    rng = random.Random(8)
    events = []
    for i in range(300):
        day = dt.date(2024, 12, 1) + dt.timedelta(days=rng.randint(0, 8))
        kind = rng.choice(["unresolved", "no point", "point"])
        name = rng.choice(["Novaya", "Staraya", "Lesnoye"])
        if kind == "unresolved":
            loc = EventLocation(name, None, None, None, None, None, None, None, None, False, "not in the gazetteer")
        elif kind == "no point":
            loc = EventLocation(name, name, None, None, "RU", "", None, f"test:{name}", 1, True, "")
        else:
            loc = EventLocation(name, name, 51.0 + rng.uniform(0, 0.2), 35.0, "RU", "", None, f"test:{name}{i}", 1,
                                True, "")
        events.append(Event(event_id=f"ev-{i:04d}", doc_id=f"doc{i % 6}", event_date=day, event_date_end=day,
                            killed=rng.choice([2, 3]), locations=(loc,)))
    brute, blocked = _brute_and_blocked(events)
    assert len(brute) > 100
    assert brute <= blocked


def _pairs_before(events, *, days, km):
    """``candidate_pairs`` as it was before each key kept its events per document (every event of
    a key in one list, the same document's dropped one by one): the reference for the tests below."""
    from mapper.model.events import CATEGORIES
    from mapper.assemble.merge_candidates import _weeks, grid_keys

    buckets: dict = {}
    probes = []
    for i, ev in enumerate(events):
        figures = [(c, getattr(ev, c)) for c in CATEGORIES if getattr(ev, c) is not None]
        weeks, probe_weeks = _weeks(ev, days) if ev.event_date else ((None,), (None,))
        filed_places, probe_places = set(), set()
        for lon, lat in ev.points:
            filed, probe = grid_keys(lon, lat)
            filed_places.update(filed)
            probe_places.update(probe)
        ids = {loc.gazetteer_id or loc.mention.casefold() for loc in ev.locations if not loc.has_point}
        filed_places.update(ids)
        probe_places.update(ids)
        probes.append((figures, probe_weeks, probe_places))
        for f in figures:
            for w in weeks:
                for place in filed_places:
                    buckets.setdefault((f, w, place), []).append(i)
    for j, (figures, probe_weeks, probe_places) in enumerate(probes):
        partners: set[int] = set()
        for f in figures:
            for w in probe_weeks:
                for place in probe_places:
                    partners.update(i for i in buckets.get((f, w, place), ())
                                    if i < j and events[i].doc_id != events[j].doc_id)
        yield from ((i, j) for i in sorted(partners))


def _varied_events(rng: random.Random, n: int, documents: int) -> list[Event]:
    """Events of ``documents`` documents mixing everything the blocking files by: several figures,
    no date, date ranges over weeks, unresolved places, places without points, several places,
    points near band edges and on both sides of the equator and the antimeridian."""
    names = ["Novaya", "Staraya", "Lesnoye", "Sudzha"]
    centres = [(51.1, 35.3), (55.98, 37.6), (72.97, 80.0), (-0.05, 179.95), (0.02, -179.97), (80.0, 20.0)]
    events = []
    for i in range(n):
        locations = []
        for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
            kind, name = rng.choice(["point", "point", "point", "no point", "unresolved"]), rng.choice(names)
            if kind == "unresolved":
                locations.append(EventLocation(name.upper() if rng.random() < 0.3 else name, None, None, None,
                                               None, None, None, None, None, False, "not in the gazetteer"))
            elif kind == "no point":
                locations.append(EventLocation(name, name, None, None, "RU", "", None, f"test:{name}", 1, True, ""))
            else:
                lat0, lon0 = rng.choice(centres)
                lat, lon = lat0 + rng.uniform(-0.1, 0.1), max(-180.0, min(180.0, lon0 + rng.uniform(-0.2, 0.2)))
                pid = f"test:{rng.randint(0, 30)}"
                locations.append(EventLocation(name, name, lat, lon, "RU", "", None, pid, 1, True, ""))
        figures = {c: rng.choice([None, None, 2, 3, 30]) for c in ("killed", "wounded", "missing", "captured",
                                                                   "killed_or_wounded")}
        if all(v is None for v in figures.values()):
            figures["killed"] = rng.choice([2, 3])
        start = None if rng.random() < 0.1 else dt.date(2024, 11, 20) + dt.timedelta(days=rng.randint(0, 30))
        end = start and start + dt.timedelta(days=rng.choice([0, 0, 0, 1, 6, 20, 80]))
        events.append(Event(event_id=f"ev-{i:05d}", doc_id=f"doc{rng.randrange(documents)}", event_date=start,
                            event_date_end=end, locations=tuple(locations), **figures))
    return events


def test_candidate_pairs_are_those_of_the_implementation_before_in_the_same_order():
    rng = random.Random(2024)
    cases = [[_event(random.Random(11), i) for i in range(400)]]
    for documents in (1, 2, 3, 7, 50, 1000):
        for n in (0, 1, 2, 40, 300):
            cases.append(_varied_events(rng, n, documents))
    total = 0
    for events in cases:
        for days, km in ((merge.DATE_TOLERANCE_DAYS, merge.PLACE_TOLERANCE_KM), (0, 0.5), (1, 5.0)):
            pairs = list(candidate_pairs(events, days=days, km=km))
            assert pairs == list(_pairs_before(events, days=days, km=km))
            total += len(pairs)
    assert total > 10_000  # the cases really have pairs to find


def test_merged_events_are_those_of_the_implementation_before(monkeypatch):
    rng = random.Random(7)
    cases = [_varied_events(rng, 300, documents) for documents in (1, 2, 5, 40)]
    cases.append([_event(random.Random(11), i) for i in range(400)])
    merged_now = [merge.merge_events(events) for events in cases]
    monkeypatch.setattr(merge, "candidate_pairs", _pairs_before)
    merged_before = [merge.merge_events(events) for events in cases]
    assert merged_now == merged_before
    assert sum(len(m) < len(e) for m, e in zip(merged_now, cases)) >= 3  # events really merged
