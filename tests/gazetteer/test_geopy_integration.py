"""geopy and geopandas use the offline geocoder with the network switched off."""

import socket

import geopandas
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location
from shapely.geometry import Point

from gazetteer.geocoder import OfflineGeocoder


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket or resolve a host fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_geopandas_geocode_offline(gazetteer, no_network):
    df = geopandas.tools.geocode(["Sudzha", "Korenevo"], provider=OfflineGeocoder)
    assert df.crs.to_epsg() == 4326
    assert df.geometry.y.round(1).tolist() == [51.2, 51.4]
    assert df.geometry.x.round(1).tolist() == [35.3, 34.9]
    assert all("Kursk Oblast" in a for a in df["address"])


def test_geopandas_geocode_unknown_name_gives_empty_point(gazetteer, no_network):
    df = geopandas.tools.geocode(["Qwxzyvillebergstadt"], provider=OfflineGeocoder)
    assert df.geometry.iloc[0].is_empty


def test_geopandas_reverse_geocode_offline(gazetteer, no_network):
    df = geopandas.tools.reverse_geocode([Point(35.3302, 51.1001)], provider=OfflineGeocoder)
    assert df["address"].iloc[0].startswith("Plyokhovo")


def test_rate_limiter_wraps_it(gazetteer, no_network):
    geocode = RateLimiter(OfflineGeocoder(gazetteer=gazetteer).geocode, min_delay_seconds=0)
    loc = geocode("Pliekhovo")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 51.10) < 0.02 and abs(loc.longitude - 35.33) < 0.02
    assert loc.raw["gazetteer_id"] == "curated:ru-kursk-plyokhovo"


def test_context_and_exactly_one_false(gazetteer, no_network):
    coder = OfflineGeocoder(gazetteer=gazetteer)
    assert coder.geocode("Vorozhba", context="in Russia's Kursk region") is None
    many = coder.geocode("Vorozhba", exactly_one=False)
    assert len(many) == 2 and many[0].raw["score"] >= many[1].raw["score"]
