"""The opt-in online fallback wired into resolution and the CLI, against a local fake Nominatim."""

import json

import pytest

import test_online_geocoder
from conftest import run_cli
from gazetteer import Gazetteer
from gazetteer.online import OnlineGeocoder
from test_online_geocoder import AGENT, server  # noqa: F401  (the fake Nominatim fixture)

#: A synthetic answer for a name the offline data does not hold.
UNKNOWN_OFFLINE = {"place_id": 9, "osm_type": "node", "osm_id": 424242, "lat": "50.0", "lon": "36.0",
                   "display_name": "Qwxzyville, Test Oblast, Ukraine", "class": "place", "type": "village",
                   "address": {"country_code": "ua"}}


def online(server, tmp_path, **kw):
    return OnlineGeocoder(user_agent=AGENT, domain=f"127.0.0.1:{server.port}", scheme="http",
                          min_delay_seconds=0.0, timeout=0.5, cache_path=tmp_path / "nominatim.sqlite", **kw)


def test_known_names_never_go_online(index, server, tmp_path):
    gaz = Gazetteer(index, online=online(server, tmp_path))
    assert gaz.resolve("Sudzha").place.id == "curated:ru-kursk-sudzha"
    assert server.hits == 0


def test_unknown_name_is_found_online_then_cached(index, server, tmp_path, monkeypatch):
    monkeypatch.setitem(test_online_geocoder.PLACES, "qwxzyville", UNKNOWN_OFFLINE)
    gaz = Gazetteer(index, online=online(server, tmp_path))
    assert not Gazetteer(index).resolve("Qwxzyville").resolved
    res = gaz.resolve("Qwxzyville")
    assert res.match == "online"
    assert res.place.id == "nominatim:node/424242" and res.place.country_code == "UA"
    assert res.place.name == "Qwxzyville" and res.geo_precision == 1
    assert "Nominatim" in res.reason and "OpenStreetMap" in res.place.source
    again = Gazetteer(index, online=online(server, tmp_path)).resolve("Qwxzyville")
    assert again.place.id == res.place.id and "cache" in again.reason
    assert server.hits == 1


@pytest.mark.parametrize("mode", ["429", "500", "garbage", "hang"])
def test_online_failures_leave_the_name_unresolved_with_a_reason(index, server, tmp_path, mode):
    server.mode = mode
    gaz = Gazetteer(index, online=online(server, tmp_path, max_retries=0))
    res = gaz.resolve("Qwxzyvillebergstadt")
    assert not res.resolved
    assert "online lookup failed" in res.reason and "\n" not in res.reason


def test_cli_online_flag(server, tmp_path):
    proc = run_cli("geocode", "Qwxzyvillebergstadt", "--online", "--user-agent", AGENT,
                   "--nominatim-url", f"http://127.0.0.1:{server.port}", "--format", "json")
    out = json.loads(proc.stdout)
    assert out["resolved"] is False and "none online either" in out["reason"]
    assert server.hits == 1 and server.seen[0]["agent"] == AGENT


def test_cli_online_needs_a_user_agent(server):
    proc = run_cli("geocode", "Qwxzyvillebergstadt", "--online", "--nominatim-url",
                   f"http://127.0.0.1:{server.port}")
    assert proc.returncode == 1 and "user_agent" in proc.stderr and "Traceback" not in proc.stderr
    assert server.hits == 0
