"""The quick test for plain http(s) URLs decides as the parse does: never a link the parse refuses."""

from urllib.parse import urlsplit

import pytest

from mapper.render import links
from mapper.render.links import web_link


def _parsed(url: str) -> str | None:
    """What the parse alone decides (the rules of :func:`web_link` without its quick test)."""
    url = url.strip()
    if not url or len(url) > links.MAX_LINK_CHARS or links._FORBIDDEN.search(url):
        return None
    try:
        parts = urlsplit(url)
        host, _ = parts.hostname, parts.port
    except ValueError:
        return None
    ok = parts.scheme.lower() in links.WEB_SCHEMES and parts.netloc and host and "@" not in parts.netloc
    return url if ok else None


@pytest.mark.parametrize("url", [
    "https://example.org/a", "HTTP://Example.org/a?b=1", "https://t.me/chan/12", "http://a.b.c-d.e/x#y",
    "https://x/@a", "https://-bad.org/", "https://a..b/", "http://localhost", "https://example.org:8443/x",
    "https://example.org:99999/", "https://user@host/", "https://user:pw@host/x", "http:evil", "https:/x",
    "https://", "https:///x", "http://ex ample.org", "https://example.org/a@b", "ftp://x.org",
    "https://1.2.3.4/a", "https://[::1]/", "https://[::1", "javascript://example.org/%0aalert(1)",
    "https://exa\u202emple.org/", "https:\\\\evil.example/",
])
def test_the_quick_test_agrees_with_the_parse(url):
    assert web_link(url) == _parsed(url)
