"""The latitude shortcuts of the distance tests give what the great-circle distance gives."""

from __future__ import annotations

import math
import random

import pytest

from gazetteer.admin_phrases import admin_and_sector_spans, admin_phrase_spans, front_sector_spans
from gazetteer.place import Place, farther_than_km, within_km


def _place(lat: float, lon: float, n: int = 0) -> Place:
    return Place(id=f"t:{n}", name=f"P{n}", latitude=lat, longitude=lon)


def _pairs():
    rng = random.Random(5)
    for n in range(4000):
        lat = rng.uniform(-80, 80)
        yield _place(lat, rng.uniform(-179, 179), n), _place(lat + rng.uniform(-4, 4), rng.uniform(-179, 179), n + 1)
    # at the edge of each threshold in latitude (same meridian: the distance is the latitude's)
    for km in (40.0, 60.0, 200.0, 300.0):
        for dlat in (km / 111.0, km / 111.195, km / 111.3, km / 110.9):
            yield _place(50.0, 35.0), _place(50.0 + dlat, 35.0)
    yield _place(float("nan"), 35.0), _place(50.0, 35.0)


@pytest.mark.parametrize("km", [10.0, 40.0, 60.0, 200.0, 300.0])
def test_shortcuts_agree_with_the_distance(km):
    for a, b in _pairs():
        d = a.distance_km(b)
        assert farther_than_km(a, b, km) == (d > km)
        assert within_km(a, b, km) == (d <= km)


def test_a_latitude_difference_is_never_more_than_the_distance():
    for a, b in _pairs():
        if not math.isnan(a.latitude):
            assert a.distance_km(b) >= abs(a.latitude - b.latitude) * 111.0


def test_admin_and_sector_spans_is_both_scans():
    for text in ("Бои на Покровском и Курском направлениях, в Сумской области",
                 "the Kupiansk axis and the Kursk direction; Sudzhansky district of the Kursk region",
                 "No admin words at all here."):
        regions, districts, sectors = admin_and_sector_spans(text)
        assert (regions, districts) == admin_phrase_spans(text)
        assert sectors == front_sector_spans(text)


def test_quick_init_makes_the_same_frozen_values():
    from dataclasses import FrozenInstanceError, replace

    from gazetteer.context import Context
    from gazetteer.place import MatchKind
    from gazetteer.resolver import Candidate, Resolution
    from gazetteer.theatres import default_theatre

    place = _place(51.2, 35.3)
    assert Context().theatre is default_theatre()
    assert Context(theatre=None).theatre is None
    ctx = Context(countries=frozenset({"RU"}), near=(place,), text="near X")
    assert ctx == Context(countries=frozenset({"RU"}), near=(place,)) and hash(ctx) == hash(replace(ctx, text=""))
    cand = Candidate(place, 0.5, MatchKind.EXACT)
    assert (cand.reasons, cand.contradiction, cand.similarity) == ((), "", 1.0)
    res = Resolution("X", place, 0.5, "exact name", alternatives=(cand,))
    assert replace(res, query="Y").query == "Y" and res.resolved
    with pytest.raises(FrozenInstanceError):
        res.query = "Z"


def test_standing_is_kept_per_place_object_not_per_id():
    from gazetteer.place import MatchKind
    from gazetteer.prominence import _standing, standing
    from gazetteer.theatres import default_theatre

    theatre = default_theatre()
    small = Place(id="t:same", name="Ivanovka", latitude=51.2, longitude=35.3, population=100)
    large = Place(id="t:same", name="Ivanovka", latitude=59.0, longitude=60.0, population=90_000, feature_code="PPLA")
    for how, sim in [(MatchKind.EXACT, 1.0), (MatchKind.FUZZY, 0.9), (MatchKind.INFLECTED, 1.0)]:
        for place in (small, large, small):
            for t in (theatre, None):
                assert standing(place, how, sim, t) == _standing(place, how, sim, t)
    assert standing(small, MatchKind.EXACT, 1.0, theatre) != standing(large, MatchKind.EXACT, 1.0, theatre)
