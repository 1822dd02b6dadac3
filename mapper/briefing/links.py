"""Is this a web link safe to make clickable? One answer for the deck (and the map and KML code).

Only ``http`` and ``https`` URLs with a host become links; the decision is made by parsing
the URL, never by looking at how the text starts. Anything else (``javascript:``, ``file:``,
``httpfoo:calc``, ``http:evil`` without a host, a user part before the host, text with spaces
or control characters) is shown as plain text::

    >>> safe_web_link("https://t.me/s/channel")
    'https://t.me/s/channel'
    >>> safe_web_link("  HTTP://Example.org/a?b=1  ")
    'HTTP://Example.org/a?b=1'
    >>> [safe_web_link(u) for u in ("httpfoo:calc", "http:evil", "javascript:alert(1)", "https://", "http:///x")]
    ['', '', '', '', '']
    >>> is_safe_web_link("https://example.org/path with space"), is_safe_web_link("https://a.example@b.example/")
    (False, False)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["safe_web_link", "is_safe_web_link", "WEB_SCHEMES"]

WEB_SCHEMES = frozenset({"http", "https"})
#: Never in a link: whitespace, controls (C0, DEL, C1), quotes and angle brackets, backslashes
#: (browsers read ``\\`` as ``/``, so ``https:\\\\evil`` would reach another host), lone surrogates.
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"'<>\\`\ud800-\udfff]")


def safe_web_link(url: object) -> str:
    """``url`` (stripped of surrounding whitespace) when it is an http(s) URL with a host, else ``""``."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    if not url or len(url) > 2048 or _FORBIDDEN.search(url):
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return ""
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc or not host or "@" in parts.netloc:
        return ""  # a user part ("https://bank.example@evil.example") only hides the real host
    return url


def is_safe_web_link(url: object) -> bool:
    """True when :func:`safe_web_link` keeps ``url`` as a link."""
    return bool(safe_web_link(url))
