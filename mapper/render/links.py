"""Which URLs may become links in an artefact: http(s) with a host, decided by parsing the URL.

Report text supplies URLs (a JSON report's ``url``, a page's canonical link), so
every artefact that links one (the map's popups, the KML balloons, the deck)
asks :func:`web_link` first. Anything else (``javascript:``, ``file:``,
``httpfoo:calc``, ``http:evil`` without a host, a user part before the host,
text with spaces or control characters) is shown as text, never linked::

    >>> web_link("  HTTP://Example.org/a?b=1  ")
    'HTTP://Example.org/a?b=1'
    >>> [web_link(u) for u in ("httpfoo:calc", "http:evil", "javascript:alert(1)", "https://", "http:///x")]
    [None, None, None, None, None]
    >>> web_link("https://bank.example@evil.example/"), web_link("https://example.org/a b")
    (None, None)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["web_link", "is_web_link", "WEB_SCHEMES", "MAX_LINK_CHARS"]

WEB_SCHEMES = frozenset({"http", "https"})
MAX_LINK_CHARS = 2048
#: Never in a link: whitespace, controls (C0, DEL, C1), Unicode format characters (bidi overrides,
#: zero-width joiners), quotes and angle brackets, backslashes (browsers read ``\\`` as ``/``, so
#: ``https:\\\\evil`` would reach another host), lone surrogates.
_FORBIDDEN = re.compile("[\\s\x00-\x1f\x7f-\x9f\"'<>\\\\`\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
                        "\ud800-\udfff]")


#: A plain http(s) URL (a host of letters, digits, dots and hyphens; no port, no user part) is a link
#: without parsing: a narrower test than the parse below, which decides everything else.
_PLAIN = re.compile(r"https?://[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
                    r"(?:[/?#][^@]*)?", re.I)


def web_link(url: object) -> str | None:
    """``url`` without edge spaces if it is an http(s) URL with a host, else ``None``.

    Also refused: a host or port that does not parse, a user part (``user@host``
    only hides the real host), over :data:`MAX_LINK_CHARS` characters.

    >>> web_link("https://example.org:8443/x"), web_link("https://example.org:99999/"), web_link("https://[::1")
    ('https://example.org:8443/x', None, None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > MAX_LINK_CHARS or _FORBIDDEN.search(url):
        return None
    if _PLAIN.fullmatch(url):
        return url
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port  # .port raises ValueError for a bad port
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc or not host or "@" in parts.netloc:
        return None
    return url


def is_web_link(url: object) -> bool:
    """Whether :func:`web_link` keeps ``url`` as a link."""
    return web_link(url) is not None
