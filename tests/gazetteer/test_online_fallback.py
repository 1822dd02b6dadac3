"""The opt-in online fallback wired into resolution and the CLI, against a local fake Nominatim."""

import json

import pytest

import test_online_geocoder
from conftest import run_cli
from gazetteer import Gazetteer
from gazetteer.exc import OnlineGeocoderError
from gazetteer.online import OnlineGeocoder, check_server_url
from mapper.cli.commands import main
from test_online_geocoder import AGENT, fake_server  # noqa: F401  (the fake Nominatim fixture "server")

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


# -- the server URL (issue 14) --------------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("https://nominatim.openstreetmap.org", "https://nominatim.openstreetmap.org"),
    ("HTTP://LocalHost:8080/", "http://localhost:8080"),
    ("127.0.0.1:8080", "https://127.0.0.1:8080"),
    ("http://[::1]:8080", "http://[::1]:8080"),
])
def test_good_server_urls(url, expected):
    assert check_server_url(url) == expected


@pytest.mark.parametrize("url, reason", [
    ("http://[::1", "not a URL"), ("ftp://example.org", "http or https"),
    ("http://", "no host"), ("http://example.org:99999", "not a URL"),
    ("https://me:secret@example.org", "password"), ("https://example.org/search?q=x", "no path"),
    ("http://exa mple.org", "spaces"), ("", "empty"),
])
def test_bad_server_urls_are_a_usage_error(url, reason, capsys):
    with pytest.raises(ValueError, match=reason):
        check_server_url(url)
    code = main(["geocode", "Qwxzyvillebergstadt", "--online", "--user-agent", AGENT,
                 "--nominatim-url", url])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("conflictmap: error: --nominatim-url: ") and err.count("\n") == 1


def test_cli_bad_ipv6_url_is_one_line():
    proc = run_cli("geocode", "Qwxzyvillebergstadt", "--online", "--user-agent", AGENT,
                   "--nominatim-url", "http://[::1")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr == "conflictmap: error: --nominatim-url: 'http://[::1' is not a URL: Invalid IPv6 URL\n"


def test_geocoder_refuses_a_bad_domain(tmp_path):
    with pytest.raises(OnlineGeocoderError, match="domain"):
        OnlineGeocoder(user_agent=AGENT, domain="[::1", cache_path=tmp_path / "c.sqlite")
