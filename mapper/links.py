"""Which URLs may become links in an artefact: http(s) with a host, decided by parsing the URL.

Report text supplies URLs (a JSON report's ``url``, a page's canonical link), so
every artefact that links one (the map's popups, the KML balloons, the deck)
asks :func:`web_link` first; anything else is shown as text, never linked::

    >>> web_link(" https://example.org/a?b=1 ")
    'https://example.org/a?b=1'
    >>> [web_link(u) for u in ("httpfoo:calc", "http:evil", "javascript:alert(1)", "http://", "https://[::1")]
    [None, None, None, None, None]
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

__all__ = ["web_link", "WEB_SCHEMES"]

WEB_SCHEMES = frozenset({"http", "https"})


def web_link(url: object) -> str | None:
    """``url`` without edge spaces if it is an http(s) URL with a host, else ``None``.

    Refused: other schemes (``javascript:``, ``data:``, ``httpfoo:``), no ``//host``,
    a host or port that does not parse, and any control, format or space character
    inside the URL (a browser would drop or reinterpret them).

    >>> web_link("HTTPS://Example.org:8443/x"), web_link("https://example.org:99999/"), web_link("https://exa mple.org/")
    ('HTTPS://Example.org:8443/x', None, None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(unicodedata.category(c)[0] in "CZ" for c in url):
        return None
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # .port raises ValueError for a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc or not host:
        return None
    return url
