"""Opt-in online geocoding fallback through a Nominatim server.

Nominatim searches OpenStreetMap data. The public instance at
``nominatim.openstreetmap.org`` is run by the OpenStreetMap Foundation under a
usage policy (https://operations.osmfoundation.org/policies/nominatim/): an
application must identify itself with its own ``User-Agent``, send at most one
request per second and cache what it gets. :class:`OnlineGeocoder` does all
three; it is never used unless asked for, and it needs internet access.

Answers are kept in a SQLite file, no-match answers included, so asking again
never reaches the network. A failed lookup is not kept. A damaged cache entry
counts as a miss; a cache file that is not a usable SQLite database is moved
aside (or, if that fails, left alone) with a logged warning, and lookups go on
online. Every failure (rate limit, server error, timeout, unreachable host,
unreadable answer, an answer too slow in all or too large) raises
:class:`gazetteer.exc.OnlineGeocoderError` with a one-line reason.

Hostile or broken servers are bounded (see :mod:`gazetteer.online_http`): each
request has an overall ``deadline`` (default 12 s for connect, headers and body
together, on top of the per-read ``timeout``) and answers over
``max_response_bytes`` (default 2 MB) are refused. The one request per second is
kept across processes too: every process using the same cache directory takes
its turn through a lock file there (``nominatim-pace.json``, :func:`fcntl.flock`)
that holds the time of the last request to each server::

    >>> from gazetteer.online import OnlineGeocoder
    >>> geocoder = OnlineGeocoder(user_agent="conflictmap-docs/1.0 (you@example.org)")
    >>> result = geocoder.geocode("Bakhmut", country_codes=["ua"])  # doctest: +SKIP
    >>> result.country_code, round(result.latitude, 2)  # doctest: +SKIP
    ('UA', 48.6)
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from geopy import exc as gexc
from geopy.adapters import AdapterHTTPError
from geopy.geocoders import Nominatim

from gazetteer.exc import OnlineGeocoderError
from gazetteer.online_http import (DEFAULT_DEADLINE, DEFAULT_MAX_BYTES, BoundedAdapter,
                                   ResponseRefused, check_server_url, sent_at)
from gazetteer.paths import cache_dir

try:  # POSIX; elsewhere the pacing holds within one process only
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

try:  # private in geopy; used to refuse the sample agents geopy refuses
    from geopy.geocoders.nominatim import _REJECTED_USER_AGENTS
except ImportError:  # pragma: no cover
    _REJECTED_USER_AGENTS = ("my-application", "specify_your_app_name_here")

__all__ = ["OnlineGeocoder", "OnlineResult", "PUBLIC_NOMINATIM", "default_cache_path",
           "check_server_url"]

log = logging.getLogger(__name__)

PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"
CACHE_FILE_NAME = "nominatim-cache.sqlite"
PACE_FILE_NAME = "nominatim-pace.json"
_MAX_RETRIES = 5
_MAX_RETRY_AFTER = 30.0  # a longer Retry-After is not waited for: we give up
_SAMPLE_AGENTS = frozenset(a.casefold() for a in _REJECTED_USER_AGENTS)

# One pacing slot per server, shared by all instances: the policy is per application.
_slots: dict[str, list[Any]] = {}
_slots_lock = threading.Lock()


def default_cache_path() -> Path:
    """The cache file in :func:`gazetteer.paths.cache_dir` (``$CONFLICTMAP_CACHE_DIR``
    or ``platformdirs.user_cache_dir("conflictmap")``)."""
    return cache_dir() / CACHE_FILE_NAME


def _one_line(text: object, limit: int = 160) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass(frozen=True)
class OnlineResult:
    """One place found by Nominatim (or taken from the cache)."""

    query: str
    name: str
    latitude: float
    longitude: float
    country_code: str | None
    osm_type: str | None
    osm_id: int | None
    raw: dict[str, Any] = field(repr=False, compare=False, hash=False)
    from_cache: bool = False


def _parse(query: str, raw: Any, *, from_cache: bool) -> OnlineResult:
    """Build a result from one Nominatim place; ValueError(one line) if unusable."""
    try:
        if not isinstance(raw, dict):
            raise TypeError("a place is not a JSON object")
        lat, lon = float(raw["lat"]), float(raw["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # also rejects NaN
            raise ValueError(f"coordinates out of range: {lat}, {lon}")
        address = raw.get("address")
        country = address.get("country_code") if isinstance(address, dict) else None
        osm_id = raw.get("osm_id")
        return OnlineResult(
            query=query, name=str(raw.get("display_name") or ""), latitude=lat,
            longitude=lon, country_code=str(country).upper() if country else None,
            osm_type=raw.get("osm_type"), osm_id=None if osm_id is None else int(osm_id),
            raw=raw, from_cache=from_cache)
    except KeyError as error:
        raise ValueError(f"missing {error}") from None
    except (TypeError, ValueError) as error:
        raise ValueError(_one_line(error)) from None


class OnlineGeocoder:
    """Geocode place names with Nominatim, politely, with an on-disk cache.

    :param user_agent: your application's own name and contact, sent as the
        ``User-Agent`` header. Required; empty or sample agents are refused.
    :param domain: host (and ``:port``) of the Nominatim server.
    :param scheme: ``"https"`` or ``"http"``.
    :param timeout: seconds to wait for each read of the answer.
    :param deadline: seconds one request may take in all: connecting, the
        headers and the whole body (default 12). Not retried when exceeded.
    :param max_response_bytes: largest answer read (default 2 MB); a larger one
        fails, and is not retried.
    :param min_delay_seconds: least time between the starts of two requests to
        the same server, from all threads of this process and all processes
        sharing the cache directory. At least 1.0 for the public server.
    :param max_retries: extra attempts after HTTP 429, HTTP 5xx or a timeout
        (0 to 5). Other failures are not retried.
    :param cache_path: SQLite cache file; default :func:`default_cache_path`.
        The cross-process pacing file lives in the same directory.

    ``requests_made`` counts the HTTP requests sent (cache hits send none) and
    ``request_times`` holds their :func:`time.monotonic` start times::

        >>> geocoder = OnlineGeocoder(user_agent="my-tool/0.1 (me@example.org)")
        >>> geocoder.geocode("Mariupol").name  # doctest: +SKIP
        'Маріуполь, Маріупольська міська громада, ..., Україна'
    """

    def __init__(self, *, user_agent: str, domain: str = PUBLIC_NOMINATIM,
                 scheme: str = "https", timeout: float = 5.0,
                 deadline: float = DEFAULT_DEADLINE,
                 max_response_bytes: int = DEFAULT_MAX_BYTES,
                 min_delay_seconds: float = 1.0, max_retries: int = 1,
                 cache_path: Path | str | None = None) -> None:
        agent = (user_agent or "").strip()
        if (not agent or not agent.isprintable() or agent.casefold() in _SAMPLE_AGENTS
                or agent.startswith("geopy/")):
            raise OnlineGeocoderError("", f"user_agent {agent!r} is empty, not one line or a "
                                      "sample; name your application, e.g. "
                                      "'mytool/1.0 (me@example.org)'")
        if scheme not in ("http", "https"):
            raise OnlineGeocoderError("", f"scheme must be 'http' or 'https', not {scheme!r}")
        for name, value in (("timeout", timeout), ("deadline", deadline),
                            ("max_response_bytes", max_response_bytes)):
            if not value > 0:
                raise OnlineGeocoderError("", f"{name} must be positive, not {value!r}")
        if not 0 <= max_retries <= _MAX_RETRIES:
            raise OnlineGeocoderError("", f"max_retries must be 0..{_MAX_RETRIES}")
        self.domain = str(domain).strip().strip("/")
        try:
            check_server_url(f"{scheme}://{self.domain}")
        except ValueError as error:
            raise OnlineGeocoderError("", f"domain {self.domain!r}: {error}") from None
        if not min_delay_seconds >= (1.0 if self.domain == PUBLIC_NOMINATIM else 0.0):
            raise OnlineGeocoderError("", f"min_delay_seconds {min_delay_seconds!r} is too "
                                      f"small for {self.domain} (at most 1 request/s)")
        self.user_agent, self.scheme, self.timeout = agent, scheme, float(timeout)
        self.min_delay_seconds, self.max_retries = float(min_delay_seconds), int(max_retries)
        self.deadline, self.max_response_bytes = float(deadline), int(max_response_bytes)
        self.cache_path = Path(cache_path) if cache_path is not None else default_cache_path()
        self.pace_path = self.cache_path.parent / PACE_FILE_NAME
        self.requests_made = 0
        self.request_times: list[float] = []
        self._endpoint = f"{scheme}://{self.domain}"
        self._warned: set[str] = set()
        adapter = partial(BoundedAdapter, deadline=self.deadline, max_bytes=self.max_response_bytes)
        self._nominatim = Nominatim(user_agent=agent, domain=self.domain, scheme=scheme,
                                    timeout=self.timeout, adapter_factory=adapter)

    def geocode(self, query: str, *, country_codes: list[str] | None = None
                ) -> OnlineResult | None:
        """Return the best match for *query*, or None when Nominatim has none.

        :param country_codes: ISO 3166-1 alpha-2 codes to restrict the search to.
        :raises OnlineGeocoderError: on any failure; nothing is cached then.
        """
        text = " ".join(str(query).split())
        if not text:
            raise OnlineGeocoderError(query, "empty query")
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        codes = sorted({str(c).strip().lower() for c in (country_codes or [])})
        if any(len(c) != 2 or not c.isascii() or not c.isalpha() for c in codes):
            raise OnlineGeocoderError(query, "country codes must be ISO alpha-2: "
                                      f"{country_codes!r}")
        key = unicodedata.normalize("NFKC", text).casefold() + "|" + ",".join(codes)

        row = self._db("SELECT answer FROM answers WHERE endpoint = ? AND key = ?",
                       (self._endpoint, key))
        if row is not None:
            try:
                raw = json.loads(row[0])
                return None if raw is None else _parse(query, raw, from_cache=True)
            except (TypeError, ValueError):
                pass  # damaged entry: ask again, the answer replaces it
        raw = self._fetch(query, text, codes)
        try:
            result = None if raw is None else _parse(query, raw, from_cache=False)
        except ValueError as error:
            reason = f"unexpected answer from {self.domain}: {error}"
            raise OnlineGeocoderError(query, reason) from None
        self._db("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                 (self._endpoint, key, json.dumps(raw), time.time()))
        return result

    def _fetch(self, query: str, text: str, codes: list[str]) -> Any:
        not_before = 0.0
        for attempt in range(1 + self.max_retries):
            try:
                with self._turn(not_before):
                    location = self._nominatim.geocode(text, exactly_one=True,
                                                       addressdetails=True,
                                                       country_codes=codes or None)
                return None if location is None else location.raw
            except Exception as error:
                reason, retryable, retry_after = self._explain(error)
            too_long = (retry_after or 0.0) > _MAX_RETRY_AFTER
            if not retryable or attempt == self.max_retries or too_long:
                note = f" (after {attempt + 1} attempts)" if attempt else ""
                if too_long:
                    note += f" (server asks to wait {retry_after:g} s)"
                raise OnlineGeocoderError(query, reason + note) from None
            not_before = time.monotonic() + (retry_after or 0.0)
        raise AssertionError("unreachable")  # pragma: no cover

    def _explain(self, error: Exception) -> tuple[str, bool, float | None]:
        """One-line reason, whether to retry, and the server's Retry-After."""
        where, cause = self.domain, error.__cause__
        if isinstance(error, ResponseRefused):  # too slow in all, or too large: not retried
            return error.reason, False, None
        if isinstance(cause, AdapterHTTPError):  # geopy maps 503/504 to "timed out"
            code = cause.status_code
            return (f"HTTP {code} from {where}" + (" (rate limited)" if code == 429 else ""),
                    code in (408, 429) or code >= 500, getattr(error, "retry_after", None))
        if isinstance(error, gexc.GeocoderTimedOut):
            return f"no answer from {where} within {self.timeout:g} s", True, None
        if isinstance(error, gexc.GeocoderParseError):
            return f"{where} sent an answer that is not JSON", False, None
        if isinstance(error, gexc.GeocoderUnavailable) or isinstance(error.__context__, OSError):
            # urllib reports a refused connection as a plain GeocoderServiceError
            detail = "connection refused" if "refused" in str(error).lower() else _one_line(error)
            return f"cannot reach {where}: {detail}", False, None
        if isinstance(error, gexc.GeopyError):
            return f"request to {where} failed: {_one_line(error)}", False, None
        # geopy choking on well-formed JSON of the wrong shape
        return f"unexpected answer from {where}: {_one_line(error)}", False, None

    @contextmanager
    def _turn(self, not_before: float) -> Iterator[None]:
        """Wait until this server may be asked again, count the request, and hold the turn
        while it runs.

        Threads queue on a lock per server in this process; processes queue on
        the pacing file. Both then keep the time the request went out (not the
        time it was due), so the next one waits a full delay from the sending.
        """
        with _slots_lock:
            slot = _slots.setdefault(self._endpoint, [threading.Lock(), None])
        with slot[0], self._shared_pace() as last_sent:
            due = not_before
            if slot[1] is not None:
                due = max(due, slot[1] + self.min_delay_seconds)
            last = last_sent.get(self._endpoint)
            if isinstance(last, (int, float)):  # a clock set back never waits more than one delay
                wait = min(float(last), time.time()) + self.min_delay_seconds - time.time()
                due = max(due, time.monotonic() + wait)
            while (now := time.monotonic()) < due:
                time.sleep(due - now)
            self.requests_made += 1
            self.request_times.append(now)
            before = sent_at()
            try:
                yield
            finally:
                sent = sent_at()
                if sent is None or sent is before:  # never went out: count from the start
                    sent = (now, time.time() - (time.monotonic() - now))
                slot[1], last_sent[self._endpoint] = sent

    @contextmanager
    def _shared_pace(self) -> Iterator[dict[str, Any]]:
        """The pacing file's ``{endpoint: last request time}``, locked; written back after."""
        try:
            if fcntl is None:
                raise OSError("no fcntl.flock on this system")
            self.pace_path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.pace_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            self._warn(f"cannot share the request pacing with other processes through "
                       f"{self.pace_path}: {_one_line(error)}; pacing within this process only")
            yield {}
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                times = json.loads(os.pread(fd, 1 << 16, 0) or b"{}")
            except ValueError:
                times = None
            times = times if isinstance(times, dict) else {}  # a damaged file starts afresh
            try:
                yield times
            finally:  # a failed request was sent all the same
                data = json.dumps(times).encode()
                os.ftruncate(fd, 0)
                os.pwrite(fd, data, 0)
        finally:
            os.close(fd)  # also releases the lock

    def _warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            log.warning("conflictmap: warning: %s", message)

    def _db(self, sql: str, params: tuple[Any, ...]) -> Any:
        """Run one statement on the cache and return its first row (None when it is unusable).

        A file that is not a SQLite database, or a damaged one, is renamed
        ``*.corrupt-<time>`` and a new cache started; if even that fails the
        cache is skipped for this statement. Either way a warning is logged once.
        """
        for attempt in range(2):
            try:
                self.cache_path.parent.mkdir(parents=True, exist_ok=True)
                with closing(sqlite3.connect(self.cache_path, timeout=10)) as db, db:
                    db.execute("CREATE TABLE IF NOT EXISTS answers (endpoint TEXT NOT NULL, "
                               "key TEXT NOT NULL, answer TEXT NOT NULL, saved REAL NOT NULL, "
                               "PRIMARY KEY (endpoint, key))")
                    return db.execute(sql, params).fetchone()
            except sqlite3.Error as error:
                name = str(getattr(error, "sqlite_errorname", ""))
                damaged = (type(error) is sqlite3.DatabaseError
                           or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")))
                if attempt == 0 and damaged and self._move_aside(error):
                    continue
                problem = error
            except OSError as error:
                problem = error  # type: ignore[assignment]
            self._warn(f"cannot use the cache {self.cache_path}: {_one_line(problem)}; "
                       "online lookups go on without it")
            return None
        return None  # pragma: no cover

    def _move_aside(self, error: Exception) -> bool:
        """Rename the damaged cache file; True when the statement is worth running again."""
        try:  # another process may have replaced it already: then keep the new one
            with closing(sqlite3.connect(self.cache_path, timeout=10)) as db:
                if db.execute("PRAGMA quick_check").fetchone() == ("ok",):
                    return True
        except sqlite3.Error:
            pass
        aside = self.cache_path.with_name(f"{self.cache_path.name}.corrupt-{int(time.time())}")
        try:
            os.replace(self.cache_path, aside)
        except OSError:
            return False
        self._warn(f"the cache {self.cache_path} is not a usable SQLite database "
                   f"({_one_line(error)}); moved it to {aside.name} and started a new one")
        return True
