"""The HTTP side of the online geocoder: one bounded GET per request, and server URLs.

geopy's own adapters give each socket read a timeout but put no bound on the
whole answer: a server trickling one byte every few seconds keeps them waiting
for ever, and a 200 MB answer is read whole into memory. :class:`BoundedAdapter`
is a geopy adapter (plain :mod:`urllib`, system proxies honoured as geopy's
``URLLibAdapter`` does) that adds two limits to every request:

* a **deadline**: connecting, the TLS handshake, the headers and every read of
  the body must all be done within ``deadline`` seconds. A watchdog timer shuts
  the socket down when the time is up, so even a read that is still receiving
  one byte at a time stops;
* a **size limit**: an answer whose ``Content-Length`` is over ``max_bytes`` is
  not read at all, and reading stops as soon as more than ``max_bytes`` came.
  No ``Accept-Encoding`` is sent, so the bytes counted are the bytes kept.

Both raise :class:`ResponseRefused` with a one-line reason. Name resolution
(DNS) happens before the first socket exists and is not covered by the deadline.

:func:`check_server_url` turns a user-given server URL into ``scheme://host[:port]``
or says in one line what is wrong with it::

    >>> check_server_url("https://nominatim.openstreetmap.org/")
    'https://nominatim.openstreetmap.org'
    >>> check_server_url("http://[::1")
    Traceback (most recent call last):
    ValueError: 'http://[::1' is not a URL: Invalid IPv6 URL
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import (HTTPHandler, HTTPSHandler, ProxyHandler, Request, build_opener,
                            getproxies)

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable

__all__ = ["BoundedAdapter", "ResponseRefused", "check_server_url", "sent_at",
           "DEFAULT_DEADLINE", "DEFAULT_MAX_BYTES"]

#: Seconds one request may take in all (connect, headers, body).
DEFAULT_DEADLINE = 12.0
#: Largest answer read, in bytes. Nominatim answers one place in a few KB.
DEFAULT_MAX_BYTES = 2_000_000
_CHUNK = 65536

_local = threading.local()  # the deadline of the request this thread is making


class ResponseRefused(Exception):
    """An answer broke the deadline or the size limit; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _shut(sock: socket.socket) -> None:
    try:  # the plain socket call: wakes a blocked read, TLS or not
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


class _Deadline:
    """A watchdog that shuts the attached socket down ``seconds`` from now."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock, expired = sock, self.expired
        if expired:
            _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._sock = None

    def _expire(self) -> None:
        with self._lock:
            self.expired, sock = True, self._sock
        if sock is not None:
            _shut(sock)


def _connect_plain(conn: http.client.HTTPConnection) -> None:
    """TCP connect (and proxy tunnel) within what is left of the deadline, then watch the socket."""
    deadline: _Deadline = _local.deadline
    read_timeout = conn.timeout
    conn.timeout = max(0.001, min(read_timeout, deadline.remaining()))
    http.client.HTTPConnection.connect(conn)
    conn.timeout = read_timeout
    conn.sock.settimeout(read_timeout)
    deadline.attach(conn.sock)


def sent_at() -> tuple[float, float] | None:
    """``(time.monotonic(), time.time())`` when this thread's last request was sent, if it was."""
    return getattr(_local, "sent", None)


class _Stamped(http.client.HTTPConnection):
    def endheaders(self, *args: Any, **kwargs: Any) -> None:
        super().endheaders(*args, **kwargs)  # the request is on the wire now
        _local.sent = (time.monotonic(), time.time())


class _HTTPConnection(_Stamped):
    def connect(self) -> None:
        _connect_plain(self)


class _HTTPSConnection(_Stamped, http.client.HTTPSConnection):
    def connect(self) -> None:
        _connect_plain(self)
        host = self._tunnel_host or self.host
        # wrap first, handshake after: the watchdog then covers the handshake too
        self.sock = self._context.wrap_socket(self.sock, server_hostname=host,
                                              do_handshake_on_connect=False)
        _local.deadline.attach(self.sock)
        self.sock.do_handshake()


class _HTTPHandler(HTTPHandler):
    def http_open(self, req: Request) -> Any:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(HTTPSHandler):
    def https_open(self, req: Request) -> Any:
        return self.do_open(_HTTPSConnection, req, context=self._context)


def _megabytes(size: int) -> str:
    return f"{size / 1e6:g} MB"


class BoundedAdapter(BaseSyncAdapter):
    """A geopy adapter whose requests end within ``deadline`` s and read at most ``max_bytes``.

    Pass it to a geopy geocoder with
    ``adapter_factory=functools.partial(BoundedAdapter, deadline=10, max_bytes=10**6)``.
    ``timeout`` (from the geocoder) still bounds each socket read.
    """

    def __init__(self, *, proxies: Any, ssl_context: Any,
                 deadline: float = DEFAULT_DEADLINE, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        proxies = getproxies() if proxies is None else dict(proxies or {})
        proxies = {k: v if "://" in v else f"http://{v}" for k, v in proxies.items() if v}
        self.deadline, self.max_bytes = float(deadline), int(max_bytes)
        self._open = build_opener(_HTTPHandler(), _HTTPSHandler(context=ssl_context),
                                  ProxyHandler(proxies)).open

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError:
            raise GeocoderParseError("the answer is not JSON") from None

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        where = urlsplit(url).netloc
        deadline = _local.deadline = _Deadline(self.deadline)
        _local.sent = None
        try:
            try:
                page, failed = self._open(Request(url, headers=headers), timeout=timeout), False
            except HTTPError as error:  # an error status is an answer too: read it the same way
                page, failed = error, True
            try:  # an error's body only goes to the log: over the limit it is cut, not refused
                body = self._read(page, deadline, where, cut=failed)
                status, charset = page.getcode(), page.headers.get_content_charset()
                response_headers = {k.lower(): v for k, v in page.headers.items()}
            finally:
                page.close()
        except ResponseRefused:
            raise
        except Exception as error:
            if deadline.expired:
                raise ResponseRefused(self._late(where)) from None
            raise self._translate(error) from error
        finally:
            deadline.cancel()
            _local.deadline = None
        try:
            text = body.decode(charset or "utf-8")
        except (LookupError, ValueError):
            raise GeocoderParseError("the answer is not text in its charset") from None
        if status >= 400:
            raise AdapterHTTPError(f"Non-successful status code {status}", status_code=status,
                                   headers=response_headers, text=text)
        return text

    def _late(self, where: str) -> str:
        return f"no complete answer from {where} within the {self.deadline:g} s deadline"

    def _read(self, page: Any, deadline: _Deadline, where: str, cut: bool = False) -> bytes:
        limit = self.max_bytes
        declared = (page.headers.get("Content-Length") or "").strip()
        if declared.isdigit() and int(declared) > limit:
            if cut:
                return b""
            raise ResponseRefused(f"answer from {where} announces {_megabytes(int(declared))}, "
                                  f"over the {_megabytes(limit)} limit; not read")
        chunks: list[bytes] = []
        size = 0
        while True:
            if deadline.expired:
                raise ResponseRefused(self._late(where))
            chunk = page.read1(min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                if cut:
                    return b"".join(chunks)[:limit]
                raise ResponseRefused(f"answer from {where} is over the {_megabytes(limit)} "
                                      "limit; stopped reading")
        if deadline.expired:  # the watchdog ends a read like an end of file
            raise ResponseRefused(self._late(where))
        return b"".join(chunks)

    @staticmethod
    def _translate(error: Exception) -> Exception:
        """The geopy error for a failed request, as geopy's urllib adapter raises them."""
        reason = error.reason if isinstance(error, URLError) else error
        message = str(reason.args[0]) if getattr(reason, "args", None) else str(reason)
        if isinstance(reason, TimeoutError) or "timed out" in message:
            return GeocoderTimedOut("Service timed out")
        if isinstance(reason, http.client.HTTPException) and not isinstance(reason, OSError):
            return GeocoderServiceError(f"not a valid HTTP answer: {message}")
        if isinstance(reason, OSError) or isinstance(error, URLError):
            return GeocoderUnavailable(message)
        return GeocoderServiceError(message)


def check_server_url(url: str) -> str:
    """``scheme://host[:port]`` of a Nominatim server URL; ValueError (one line) if unusable.

    A bare ``host[:port]`` means https. Only http and https, with a host, no
    user name, path, query or fragment (the path ``/`` is fine).
    """
    text = str(url).strip()
    if not text or not text.isprintable() or any(c.isspace() for c in text):
        raise ValueError(f"{text!r} is not a URL: empty, or has spaces or control characters")
    full = text if "://" in text else f"https://{text}"
    try:
        parts = urlsplit(full)
        port = parts.port  # checks the port
        host = parts.hostname
    except ValueError as error:
        raise ValueError(f"{text!r} is not a URL: {error}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"{text!r}: the scheme must be http or https, not {parts.scheme!r}")
    if not host:
        raise ValueError(f"{text!r} has no host name")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{text!r}: a user name or password in the URL is not supported")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{text!r}: give only scheme://host[:port], no path or query")
    netloc = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{netloc}" + (f":{port}" if port is not None else "")
