"""The online geocoder against hostile or broken servers and caches (issue 14).

Everything runs against fake servers on 127.0.0.1. No test measures how long
the client took: a slow server is judged by the reason the client gave and by
the bytes the server managed to send; the shared rate limit is judged by the
gaps between the requests as the server saw them arrive.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from gazetteer.exc import OnlineGeocoderError
from gazetteer.online import PACE_FILE_NAME, OnlineGeocoder
from test_online_geocoder import (AGENT, PLACES, FakeNominatim, Handler, assert_one_line,  # noqa: F401
                                  cache_rows, fake_server, loopback_only)

REPO = Path(__file__).resolve().parents[2]
KURSK = json.dumps([PLACES["kursk"]]).encode()
TRICKLE_EVERY = 0.2  # seconds between two bytes of a trickling server


class HostileHandler(Handler):
    """Adds hostile modes to the fake Nominatim; counts the body bytes it got out."""

    server: HostileNominatim

    def do_GET(self) -> None:
        mode = self.server.hostile
        if mode is None:
            return super().do_GET()
        with self.server.lock:
            self.server.seen.append({"time": time.monotonic(), "mode": mode})
        try:
            if mode == "trickle-body":  # honest headers, then one byte at a time
                self.head(len(KURSK))
                self.trickle(KURSK)
            elif mode == "trickle-headers":  # even the status line comes one byte at a time
                self.trickle(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + KURSK,
                             count=False)
            elif mode == "huge-declared":  # says 200 MB up front, then sends it
                self.head(200_000_000)
                self.flood(200_000_000)
            elif mode == "huge-undeclared":  # no Content-Length: the end is the closed connection
                self.head(None)
                self.flood(200_000_000)
            elif mode == "header-flood":  # more header lines than any client keeps
                self.wfile.write(b"HTTP/1.0 200 OK\r\n" + b"X-Pad: 1\r\n" * 5000 + b"\r\n")
            elif mode == "just-under":  # a valid answer padded to just under the limit
                body = KURSK + b" " * (self.server.size_under - len(KURSK))
                self.head(len(body))
                self.send(body)
        except OSError:  # the client hung up, as it should
            pass

    def head(self, length: int | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if length is not None:
            self.send_header("Content-Length", str(length))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.flush()

    def send(self, data: bytes) -> None:
        self.wfile.write(data)
        with self.server.lock:
            self.server.body_bytes_sent += len(data)

    def trickle(self, data: bytes, count: bool = True) -> None:
        for i in range(len(data)):
            if self.server.release.wait(TRICKLE_EVERY):
                return
            if count:
                self.send(data[i:i + 1])
            else:
                self.wfile.write(data[i:i + 1])

    def flood(self, total: int) -> None:
        block = b" " * 65536
        while self.server.body_bytes_sent < total and not self.server.release.is_set():
            self.send(block)


class HostileNominatim(FakeNominatim):
    def __init__(self) -> None:
        super().__init__(HostileHandler)
        self.hostile: str | None = None
        self.body_bytes_sent = 0
        self.size_under = 0


@pytest.fixture
def hostile():
    srv = HostileNominatim()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.release.set()
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def geocoder_for(srv: FakeNominatim, tmp_path: Path, **options) -> OnlineGeocoder:
    options.setdefault("user_agent", AGENT)
    options.setdefault("timeout", 2.0)
    options.setdefault("min_delay_seconds", 0.0)
    options.setdefault("cache_path", tmp_path / "cache.sqlite")
    return OnlineGeocoder(domain=f"127.0.0.1:{srv.port}", scheme="http", **options)


# -- 1. an overall deadline per request ----------------------------------------

@pytest.mark.parametrize("mode", ["trickle-body", "trickle-headers"])
def test_trickling_server_hits_the_deadline(hostile, tmp_path, mode):
    """Each byte comes well within the 2 s read timeout, so only the deadline can end it."""
    hostile.hostile = mode
    geocoder = geocoder_for(hostile, tmp_path, deadline=1.0, max_retries=2)
    with pytest.raises(OnlineGeocoderError) as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert "within the 1 s deadline" in str(caught.value)
    assert hostile.body_bytes_sent < len(KURSK)  # gave up long before the whole answer
    assert geocoder.requests_made == 1 == hostile.hits  # a deadline is not retried
    assert cache_rows(tmp_path / "cache.sqlite") == 0


def test_trickled_tls_handshake_hits_the_deadline(tmp_path):
    """https: a 'server' that announces a 16 KB ServerHello and trickles it; no certificate is
    needed, the handshake never gets far enough to look at one."""
    stop, sent = threading.Event(), []
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)  # the ClientHello
            try:
                # a 16 KB handshake record holding a ServerHello of 16380 bytes...
                conn.sendall(b"\x16\x03\x03\x40\x00" + b"\x02\x00\x3f\xfc")
                while not stop.wait(TRICKLE_EVERY):
                    conn.sendall(b"\x00")  # ...that comes one byte at a time
                    sent.append(1)
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    geocoder = OnlineGeocoder(user_agent=AGENT, domain=f"127.0.0.1:{listener.getsockname()[1]}",
                              scheme="https", timeout=10.0, deadline=1.0, min_delay_seconds=0.0,
                              cache_path=tmp_path / "cache.sqlite")
    try:
        with pytest.raises(OnlineGeocoderError) as caught:
            geocoder.geocode("Kursk")
    finally:
        stop.set()
        thread.join(5)
        listener.close()
    assert_one_line(caught.value, "Kursk")
    assert "within the 1 s deadline" in str(caught.value)
    # ssl bounds a whole handshake by the 10 s timeout (50 bytes at this pace); the deadline
    # must end it long before that
    assert len(sent) < 25 and geocoder.requests_made == 1


def test_trickling_server_leaves_the_name_unresolved(index, hostile, tmp_path):
    from gazetteer import Gazetteer

    hostile.hostile = "trickle-body"
    gaz = Gazetteer(index, online=geocoder_for(hostile, tmp_path, deadline=0.5))
    res = gaz.resolve("Qwxzyvillebergstadt")
    assert not res.resolved
    assert "online lookup failed" in res.reason and "deadline" in res.reason


def test_deadline_leaves_normal_answers_alone(hostile, tmp_path):
    result = geocoder_for(hostile, tmp_path, deadline=5.0).geocode("Kursk")
    assert result.country_code == "RU" and hostile.hits == 1


def test_deadline_must_be_positive(tmp_path):
    with pytest.raises(OnlineGeocoderError, match="deadline must be positive"):
        OnlineGeocoder(user_agent=AGENT, deadline=0, cache_path=tmp_path / "c.sqlite")
    assert OnlineGeocoder.__init__.__kwdefaults__["deadline"] == 12.0


# -- 2. a size limit -------------------------------------------------------------

def test_declared_huge_answer_is_not_read(hostile, tmp_path):
    hostile.hostile = "huge-declared"
    geocoder = geocoder_for(hostile, tmp_path, max_retries=2)
    with pytest.raises(OnlineGeocoderError) as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert "announces 200 MB, over the 2 MB limit" in str(caught.value)
    assert hostile.hits == 1
    hostile.release.set()  # stop the flood now that the client is gone


def test_undeclared_huge_answer_stops_at_the_limit(hostile, tmp_path):
    hostile.hostile = "huge-undeclared"
    geocoder = geocoder_for(hostile, tmp_path, max_response_bytes=100_000, max_retries=2)
    with pytest.raises(OnlineGeocoderError) as caught:
        geocoder.geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert "over the 0.1 MB limit; stopped reading" in str(caught.value)
    assert hostile.hits == 1
    hostile.release.set()
    # what got out is the limit plus what the sockets buffer, nowhere near 200 MB
    assert hostile.body_bytes_sent < 20_000_000


def test_header_flood_is_a_one_line_failure(hostile, tmp_path):
    hostile.hostile = "header-flood"
    with pytest.raises(OnlineGeocoderError) as caught:
        geocoder_for(hostile, tmp_path, max_retries=0).geocode("Kursk")
    assert_one_line(caught.value, "Kursk")
    assert "not a valid HTTP answer: got more than 100 headers" in str(caught.value)


def test_answer_just_under_the_limit_is_read(hostile, tmp_path):
    hostile.hostile, hostile.size_under = "just-under", 100_000
    result = geocoder_for(hostile, tmp_path, max_response_bytes=100_000).geocode("Kursk")
    assert result.country_code == "RU" and hostile.body_bytes_sent == 100_000


def test_error_bodies_are_capped_too(server, tmp_path):
    server.mode = "500"  # a small body: still an HTTP 500, read through the same reader
    with pytest.raises(OnlineGeocoderError, match="HTTP 500"):
        geocoder_for(server, tmp_path, max_retries=0, max_response_bytes=8).geocode("Kursk")


# -- 3. one request per second across processes ------------------------------------

CHILD = """
import json, sys
from gazetteer.online import OnlineGeocoder
port, cache, names = sys.argv[1], sys.argv[2], sys.argv[3:]
geocoder = OnlineGeocoder(user_agent={agent!r}, domain="127.0.0.1:" + port, scheme="http",
                          min_delay_seconds=1.0, cache_path=cache)
print("ready", flush=True)
sys.stdin.readline()
for name in names:
    geocoder.geocode(name)
print(json.dumps(geocoder.requests_made), flush=True)
"""


def test_rate_limit_holds_across_processes(server, tmp_path):
    """Three processes, two names each, released at once: the server sees >= ~1 s gaps."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    code = CHILD.format(agent=AGENT)
    names = [["Kursk", "Belgorod"], ["Sudzha", "Bakhmut"], ["Atlantis", "Nowhere"]]
    children = [subprocess.Popen([sys.executable, "-c", code, str(server.port),
                                  str(tmp_path / "cache.sqlite"), *pair],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
                for pair in names]
    try:
        for child in children:
            assert child.stdout.readline().strip() == "ready"
        for child in children:  # all three start asking together
            child.stdin.write("go\n")
            child.stdin.flush()
        counts = [int(child.communicate(timeout=60)[0].strip()) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    assert counts == [2, 2, 2] and server.hits == 6
    arrived = sorted(seen["time"] for seen in server.seen)
    gaps = [b - a for a, b in zip(arrived, arrived[1:])]
    assert min(gaps) >= 0.9, f"gaps between requests at the server: {gaps}"
    pace = json.loads((tmp_path / PACE_FILE_NAME).read_text())
    assert list(pace) == [f"http://127.0.0.1:{server.port}"]


def test_damaged_pace_file_is_started_afresh(server, tmp_path):
    (tmp_path / PACE_FILE_NAME).write_bytes(b"\x00\xffnot json at all")
    geocoder = geocoder_for(server, tmp_path, min_delay_seconds=0.1)
    assert geocoder.geocode("Kursk").country_code == "RU"
    assert isinstance(json.loads((tmp_path / PACE_FILE_NAME).read_text()), dict)


def test_failed_request_is_paced_too(server, tmp_path):
    """A request that failed still went out: the next process must wait for it as well."""
    server.mode = "500"
    with pytest.raises(OnlineGeocoderError, match="HTTP 500"):
        geocoder_for(server, tmp_path, max_retries=0).geocode("Kursk")
    pace = json.loads((tmp_path / PACE_FILE_NAME).read_text())
    assert isinstance(pace.get(f"http://127.0.0.1:{server.port}"), float)


def test_pace_file_from_another_process_is_waited_for(server, tmp_path):
    """A request another process just made (as the file says) delays ours by the full delay."""
    endpoint = f"http://127.0.0.1:{server.port}"
    (tmp_path / PACE_FILE_NAME).write_text(json.dumps({endpoint: time.time()}))
    before = time.monotonic()
    geocoder_for(server, tmp_path, min_delay_seconds=0.5).geocode("Kursk")
    assert server.seen[0]["time"] - before >= 0.45  # the order of events, not a timeout


# -- 4. a damaged cache never turns lookups off ----------------------------------

def test_garbage_cache_file_is_moved_aside(server, tmp_path, caplog):
    cache = tmp_path / "cache.sqlite"
    cache.write_bytes(b"this is not an SQLite database\n" * 200)
    geocoder = geocoder_for(server, tmp_path)
    with caplog.at_level(logging.WARNING, logger="gazetteer.online"):
        assert geocoder.geocode("Kursk").country_code == "RU"
    assert server.hits == 1
    moved = list(tmp_path.glob("cache.sqlite.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not")
    assert any("moved it to" in r.getMessage() for r in caplog.records)
    assert geocoder.geocode("kursk").from_cache is True and server.hits == 1
    assert cache_rows(cache) == 1


def test_cache_that_cannot_be_moved_is_bypassed(server, tmp_path, caplog, monkeypatch):
    cache = tmp_path / "cache.sqlite"
    cache.write_bytes(b"\x00garbage" * 500)

    def refuse(*args):
        raise OSError("read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    geocoder = geocoder_for(server, tmp_path)
    with caplog.at_level(logging.WARNING, logger="gazetteer.online"):
        assert geocoder.geocode("Kursk").country_code == "RU"
        assert geocoder.geocode("Belgorod").country_code == "RU"
    assert server.hits == 2
    warnings = [r.getMessage() for r in caplog.records if "online lookups go on" in r.getMessage()]
    assert len(warnings) == 1 and "\n" not in warnings[0]  # said once, in one line
    assert cache.read_bytes().startswith(b"\x00garbage")  # left as it was


def test_cache_another_process_already_replaced_is_kept(server, tmp_path, monkeypatch):
    """The file was damaged when we looked, but another process has since put a good one there."""
    geocoder_for(server, tmp_path).geocode("Kursk")  # a good cache holding Kursk
    real_connect, calls = sqlite3.connect, []

    def connect(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # what this process saw before the other one's repair
            raise sqlite3.DatabaseError("file is not a database")
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    result = geocoder_for(server, tmp_path).geocode("Kursk")
    assert result.from_cache is True and server.hits == 1
    assert not list(tmp_path.glob("cache.sqlite.corrupt-*"))


def test_damaged_database_pages_are_moved_aside(server, tmp_path):
    cache = tmp_path / "cache.sqlite"
    with sqlite3.connect(cache) as db:
        db.execute("CREATE TABLE answers (endpoint TEXT NOT NULL, key TEXT NOT NULL, "
                   "answer TEXT NOT NULL, saved REAL NOT NULL, PRIMARY KEY (endpoint, key))")
        db.executemany("INSERT INTO answers VALUES (?, ?, ?, 0)",
                       [(f"http://127.0.0.1:{server.port}", f"name{i}|", "x" * 500)
                        for i in range(200)])
    db.close()
    data = bytearray(cache.read_bytes())
    data[4096:len(data) - 4096] = os.urandom(len(data) - 8192)  # scribble over the middle pages
    cache.write_bytes(bytes(data))
    assert geocoder_for(server, tmp_path).geocode("Kursk").country_code == "RU"
    assert server.hits == 1 and cache_rows(cache) >= 1


@pytest.mark.parametrize("answer", ['{"lat": ', b"\xff\xfe\x00", "[1, 2]", '{"lat": "x", "lon": 1}', 17])
def test_damaged_cache_entry_is_a_miss(server, tmp_path, answer):
    geocoder = geocoder_for(server, tmp_path)
    geocoder.geocode("Belgorod")  # creates the cache
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        db.execute("INSERT INTO answers VALUES (?, 'kursk|', ?, 0)",
                   (f"http://127.0.0.1:{server.port}", answer))
    db.close()
    result = geocoder.geocode("Kursk")
    assert result.country_code == "RU" and result.from_cache is False and server.hits == 2
    assert geocoder.geocode("Kursk").from_cache is True  # the good answer replaced the bad one
