"""Tests of gazetteer.online against a fake Nominatim on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import geopy
import pytest

from gazetteer import online
from gazetteer.exc import ConflictMapError, OnlineGeocoderError
from gazetteer.online import OnlineGeocoder, OnlineResult

AGENT = "conflictmap-tests/0.1 (tests@example.invalid)"
CLIENT_TIMEOUT = 0.5
HANG_SECONDS = 3.0

PLACES = {
    "bakhmut": {"place_id": 1, "osm_type": "relation", "osm_id": 1234567,
                "lat": "48.5956", "lon": "38.0000",
                "display_name": "Bakhmut, Donetsk Oblast, Ukraine",
                "address": {"city": "Bakhmut", "country": "Ukraine", "country_code": "ua"}},
    "belgorod": {"place_id": 2, "osm_type": "node", "osm_id": 27505129,
                 "lat": "50.5955595", "lon": "36.5873394", "display_name": "Белгород, Россия",
                 "address": {"city": "Белгород", "country": "Россия", "country_code": "ru"}},
    "kursk": {"place_id": 3, "osm_type": "node", "osm_id": 27504363,
              "lat": "51.7303637", "lon": "36.1925603", "display_name": "Курск, Россия",
              "address": {"city": "Курск", "country": "Россия", "country_code": "ru"}},
    "sudzha": {"place_id": 4, "osm_type": "node", "osm_id": 1,
               "lat": "51.1916", "lon": "35.2709", "display_name": "Суджа, Россия",
               "address": {"country_code": "ru"}},
}


class FakeNominatim(ThreadingHTTPServer):
    """Plays /search. ``mode`` is the default behaviour; ``script`` overrides the next requests."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, handler: type[BaseHTTPRequestHandler] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), handler or Handler)
        self.mode = "normal"
        self.script: list[str] = []
        self.seen: list[dict] = []
        self.release = threading.Event()
        self.lock = threading.Lock()

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def hits(self) -> int:
        return len(self.seen)


class Handler(BaseHTTPRequestHandler):
    server: FakeNominatim

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        with self.server.lock:
            self.server.seen.append({"time": time.monotonic(), "path": url.path, "params": params,
                                     "agent": self.headers.get("User-Agent")})
            mode = self.server.script.pop(0) if self.server.script else self.server.mode
        if url.path != "/search":
            return self.reply(404, b"not found", "text/plain")
        if mode == "hang":
            self.server.release.wait(HANG_SECONDS)
            mode = "normal"
        if mode == "normal":
            place = PLACES.get(params.get("q", "").casefold())
            codes = params.get("countrycodes", "").split(",") if params.get("countrycodes") else []
            if place and codes and place["address"]["country_code"] not in codes:
                place = None
            if place and params.get("addressdetails") != "1":
                place = {k: v for k, v in place.items() if k != "address"}
            body = json.dumps([place] if place else [])
            return self.reply(200, body.encode(), "application/json")
        if mode == "empty":
            return self.reply(200, b"[]", "application/json")
        if mode == "429-long":
            return self.reply(429, b"slow down", "text/plain", {"Retry-After": "120"})
        if mode.isdigit():
            extra = {"Retry-After": "0"} if mode == "429" else {}
            return self.reply(int(mode), b'{"error": "busy"}', "application/json", extra)
        if mode == "garbage":
            return self.reply(200, b"<html>\n<body>Bad gateway\n</body>", "application/json")
        if mode == "no-lat":
            body = b'[{"display_name": "Nowhere", "lon": "1.0"}]'
            return self.reply(200, body, "application/json")
        if mode == "ints":
            return self.reply(200, b"[1, 2, 3]", "application/json")
        raise AssertionError(f"unknown mode {mode}")

    def reply(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (hang tests)
            pass


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """No proxies, no DNS, no connection anywhere but 127.0.0.1; fresh rate-limit state."""
    for var in ("http_proxy", "https_proxy", "all_proxy",
                "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(online, "_slots", {})
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", b"127.0.0.1"):
            raise AssertionError(f"test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self, address):
        if isinstance(address, tuple) and address[0] != "127.0.0.1":
            raise AssertionError(f"test tried to connect to {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(name="server")   # imported by the other online tests as fake_server: no name clash there
def fake_server():
    srv = FakeNominatim()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield srv
    srv.release.set()
    srv.shutdown()
    srv.server_close()
    thread.join(5)


@pytest.fixture
def make(server, tmp_path):
    def make(**options) -> OnlineGeocoder:
        options.setdefault("user_agent", AGENT)
        options.setdefault("timeout", CLIENT_TIMEOUT)
        options.setdefault("min_delay_seconds", 0.05)
        options.setdefault("cache_path", tmp_path / "cache.sqlite")
        return OnlineGeocoder(domain=f"127.0.0.1:{server.port}", scheme="http", **options)
    return make


def cache_rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]


def assert_one_line(error: OnlineGeocoderError, query: str) -> None:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text
    assert error.source == query and text.startswith(f"{query}: ")


# -- answers and cache --------------------------------------------------------

def test_normal_answer_parses(make, server):
    geocoder = make()
    result = geocoder.geocode("Belgorod", country_codes=["RU"])
    assert isinstance(result, OnlineResult)
    assert (result.latitude, result.longitude) == (50.5955595, 36.5873394)
    assert result.country_code == "RU" and result.name == "Белгород, Россия"
    assert (result.osm_type, result.osm_id, result.query) == ("node", 27505129, "Belgorod")
    assert result.raw["place_id"] == 2 and result.from_cache is False
    assert geocoder.requests_made == 1 == server.hits
    params = server.seen[0]["params"]
    assert server.seen[0]["path"] == "/search"
    assert params == {"q": "Belgorod", "format": "json", "limit": "1",
                      "addressdetails": "1", "countrycodes": "ru"}


def test_no_match_returns_none_and_is_cached(make, server):
    geocoder = make()
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("atlantis ") is None
    assert geocoder.requests_made == 1 == server.hits
    # the country filter is part of the key: Kursk in UA is a different question
    assert geocoder.geocode("Kursk", country_codes=["ua"]) is None
    assert geocoder.geocode("Kursk").country_code == "RU"
    assert server.hits == 3


def test_country_codes_as_one_string(make, server):
    assert make().geocode("Bakhmut", country_codes="UA").country_code == "UA"
    assert server.seen[0]["params"]["countrycodes"] == "ua"


def test_second_query_comes_from_cache(make, server):
    geocoder = make()
    first = geocoder.geocode("Kursk")
    again = geocoder.geocode("  KURSK ")
    assert first.from_cache is False and again.from_cache is True
    assert geocoder.requests_made == 1 == server.hits
    assert (again.latitude, again.longitude, again.country_code) == (51.7303637, 36.1925603, "RU")
    assert again.query == "  KURSK " and again.raw == first.raw


def test_cache_survives_a_new_instance(make, server, tmp_path):
    make().geocode("Bakhmut", country_codes=["ua"])
    make().geocode("Atlantis")
    fresh = make()
    result = fresh.geocode("bakhmut", country_codes=["UA"])
    assert result.from_cache is True and result.country_code == "UA" and result.osm_id == 1234567
    assert fresh.geocode("Atlantis") is None
    assert fresh.requests_made == 0 and server.hits == 2
    assert cache_rows(tmp_path / "cache.sqlite") == 2


def test_default_cache_path_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("CONFLICTMAP_CACHE_DIR", str(tmp_path / "c"))
    assert OnlineGeocoder(user_agent=AGENT).cache_path == tmp_path / "c" / "nominatim-cache.sqlite"
    monkeypatch.delenv("CONFLICTMAP_CACHE_DIR")
    import platformdirs
    expected = Path(platformdirs.user_cache_dir("conflictmap")) / "nominatim-cache.sqlite"
    assert OnlineGeocoder(user_agent=AGENT).cache_path == expected


# -- failures -----------------------------------------------------------------

@pytest.mark.parametrize("status, retries", [(429, 1), (500, 1), (500, 0), (503, 2), (502, 1)])
def test_http_errors_raise_one_line_with_bounded_retries(make, server, tmp_path, status, retries):
    server.mode = str(status)
    geocoder = make(max_retries=retries)
    with pytest.raises(OnlineGeocoderError) as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert f"HTTP {status}" in str(caught.value)
    assert geocoder.requests_made == 1 + retries == server.hits


def test_long_retry_after_is_not_waited_for(make, server, monkeypatch):
    server.mode = "429-long"
    geocoder = make(max_retries=3)
    slept: list[float] = []
    monkeypatch.setattr(online.time, "sleep", slept.append)   # what the client asks to wait, not a clock
    with pytest.raises(OnlineGeocoderError, match=r"HTTP 429 .*wait 120 s") as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert sum(slept) < 1.0 and server.hits == 1


@pytest.mark.parametrize("status", [400, 403, 404])
def test_client_errors_are_not_retried(make, server, status):
    server.mode = str(status)
    geocoder = make(max_retries=3)
    with pytest.raises(OnlineGeocoderError, match=f"HTTP {status}"):
        geocoder.geocode("Kursk")
    assert geocoder.requests_made == 1 == server.hits


def test_retry_after_a_server_error_can_succeed(make, server):
    server.script = ["500"]
    geocoder = make(max_retries=1, min_delay_seconds=0.2)
    result = geocoder.geocode("Sudzha")
    assert result.country_code == "RU" and server.hits == 2
    gap = geocoder.request_times[1] - geocoder.request_times[0]
    assert gap >= 0.2  # the retry waits its turn like any request


def test_errors_are_not_cached(make, server, tmp_path):
    geocoder = make(max_retries=0)
    for mode in ("500", "429", "garbage", "no-lat"):
        server.mode = mode
        with pytest.raises(OnlineGeocoderError):
            geocoder.geocode("Kursk")
    assert cache_rows(tmp_path / "cache.sqlite") == 0
    server.mode = "normal"
    result = geocoder.geocode("Kursk")
    assert result.from_cache is False and result.country_code == "RU"
    assert server.hits == 5 and cache_rows(tmp_path / "cache.sqlite") == 1


def test_hang_times_out_quickly(make, server):
    server.mode = "hang"
    geocoder = make(max_retries=0)
    with pytest.raises(OnlineGeocoderError) as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert "within 0.5 s" in str(caught.value)
    assert geocoder.requests_made == 1 == server.hits  # no hidden retries in the adapter


def test_hang_is_retried_a_bounded_number_of_times(make, server):
    server.mode = "hang"
    geocoder = make(max_retries=1, min_delay_seconds=0.1)
    with pytest.raises(OnlineGeocoderError, match="after 2 attempts"):
        geocoder.geocode("Kursk")
    assert geocoder.requests_made == 2 == server.hits


@pytest.mark.parametrize("mode, reason", [("garbage", "not JSON"), ("no-lat", "missing 'lat'"),
                                          ("ints", "unexpected answer")])
def test_bad_answers_raise(make, server, mode, reason):
    server.mode = mode
    geocoder = make(max_retries=2)
    with pytest.raises(OnlineGeocoderError, match=reason) as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert "<html>" not in str(caught.value)
    assert server.hits == 1  # a bad answer is not worth asking again


def test_connection_refused(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    geocoder = OnlineGeocoder(user_agent=AGENT, domain=f"127.0.0.1:{port}", scheme="http",
                              timeout=CLIENT_TIMEOUT, cache_path=tmp_path / "c.sqlite")
    with pytest.raises(OnlineGeocoderError, match="cannot reach") as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert geocoder.requests_made == 1


def test_error_is_a_conflictmap_error(make, server):
    server.mode = "500"
    with pytest.raises(ConflictMapError):
        make(max_retries=0).geocode("Kursk")


def test_bad_arguments(make, server):
    geocoder = make()
    with pytest.raises(OnlineGeocoderError, match="empty query"):
        geocoder.geocode("   ")
    with pytest.raises(OnlineGeocoderError, match="alpha-2"):
        geocoder.geocode("Kursk", country_codes=["rus"])
    with pytest.raises(OnlineGeocoderError, match="max_retries"):
        make(max_retries=50)
    assert server.hits == 0


# -- politeness: rate limit and user agent ------------------------------------

def test_rate_limit_small_delay(make, server):
    geocoder = make(min_delay_seconds=0.3)
    for name in ("Kursk", "Belgorod", "Sudzha"):
        geocoder.geocode(name)
    times = geocoder.request_times
    assert len(times) == 3 == server.hits
    assert times[-1] - times[0] >= 0.6
    assert all(b - a >= 0.3 for a, b in zip(times, times[1:]))
    arrived = [seen["time"] for seen in server.seen]  # the server saw the same spacing
    assert all(b - a >= 0.25 for a, b in zip(arrived, arrived[1:]))


def test_rate_limit_default_is_one_request_per_second(make, server):
    geocoder = make(min_delay_seconds=1.0)
    assert OnlineGeocoder.__init__.__kwdefaults__["min_delay_seconds"] == 1.0
    geocoder.geocode("Kursk")
    geocoder.geocode("Belgorod")
    first, second = geocoder.request_times
    assert second - first >= 1.0
    assert server.seen[1]["time"] - server.seen[0]["time"] >= 0.95


def test_rate_limit_holds_across_instances_and_threads(make, server):
    geocoders = [make(min_delay_seconds=0.2) for _ in range(3)]
    names = ["Kursk", "Belgorod", "Sudzha"]
    threads = [threading.Thread(target=g.geocode, args=(n,)) for g, n in zip(geocoders, names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    times = sorted(t for g in geocoders for t in g.request_times)
    assert len(times) == 3 == server.hits
    assert all(b - a >= 0.2 for a, b in zip(times, times[1:]))


def test_public_server_refuses_faster_than_one_per_second(tmp_path):
    with pytest.raises(OnlineGeocoderError, match="too small"):
        OnlineGeocoder(user_agent=AGENT, min_delay_seconds=0.5, cache_path=tmp_path / "c")


def test_user_agent_is_sent(make, server):
    make().geocode("Kursk")
    assert server.seen[0]["agent"] == AGENT


@pytest.mark.parametrize("agent", ["", "   ", f"geopy/{geopy.__version__}", "my-application",
                                   "specify_your_app_name_here", "bad\nagent"])
def test_bad_user_agent_is_refused(server, tmp_path, agent):
    with pytest.raises(OnlineGeocoderError, match="user_agent"):
        OnlineGeocoder(user_agent=agent, domain=f"127.0.0.1:{server.port}", scheme="http",
                       cache_path=tmp_path / "c.sqlite")
    assert server.hits == 0
