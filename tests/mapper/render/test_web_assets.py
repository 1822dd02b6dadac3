"""mapper.render.web.web_assets: offline Folium HTML, every asset inlined from installed packages.

The map is a real Folium map with the controls ``conflictmap map`` uses; no browser is needed
here (the browser suite checks the page with the network cut off).
"""

from __future__ import annotations

import re
import socket
from html.parser import HTMLParser

import pytest

folium = pytest.importorskip("folium")
from branca.element import MacroElement  # noqa: E402
from folium import plugins  # noqa: E402
from folium.elements import JSCSSMixin  # noqa: E402

from mapper.render.web import web_assets  # noqa: E402
from mapper.exc import OutputError  # noqa: E402
from mapper.render.web.web_assets import external_refs, find_asset, make_offline, unavailable_plugins  # noqa: E402

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
#: Bare URLs that may stay outside comments: an XML namespace and an error-message text, never loaded.
INERT = {"http://www.w3.org/2000/svg", "https://popper.js.org"}


class NoSuchPlugin(JSCSSMixin, MacroElement):
    """A control whose assets no package carries (a fake CDN URL)."""

    default_js = [("nosuch_js", "https://cdn.jsdelivr.net/npm/leaflet-no-such-plugin@1.0.0/dist/nosuch.min.js")]
    default_css = [("nosuch_css", "https://cdn.jsdelivr.net/npm/leaflet-no-such-plugin@1.0.0/dist/nosuch.css")]


def build_map(*extra) -> folium.Map:
    m = folium.Map(location=[51.2, 35.3], zoom_start=8, tiles=None)
    folium.Marker([51.2, 35.3], popup=folium.Popup("Strike on <b>Sumy</b>")).add_to(m)
    folium.Marker([51.3, 35.1], icon=folium.Icon(icon="info-sign")).add_to(m)  # awesome-markers + glyphicons
    folium.Marker([51.1, 35.5], icon=folium.Icon(icon="person", prefix="fa")).add_to(m)  # Font Awesome
    cluster = plugins.MarkerCluster(name="Clusters").add_to(m)
    for i in range(5):
        folium.Marker([51.0 + i / 50, 35.0]).add_to(cluster)
    heat = folium.FeatureGroup(name="Heat").add_to(m)
    plugins.HeatMap([[51.2, 35.3, 3], [51.25, 35.35, 1]]).add_to(heat)
    plugins.Fullscreen().add_to(m)
    plugins.MiniMap(toggle_display=True).add_to(m)  # needs web tiles: must be left out offline
    plugins.MeasureControl(primary_length_unit="kilometers").add_to(m)
    for element in extra:
        element.add_to(m)
    folium.LayerControl().add_to(m)
    return m


@pytest.fixture(scope="module")
def offline():
    return make_offline(build_map())


class Tags(HTMLParser):
    """The markup's real tags (script and style bodies are data, as in a browser)."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def has(text: str | bytes, needle) -> bool:
    """``needle in text``, asserted through a call: pytest would diff megabytes of HTML on failure."""
    return needle in text


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(?m)^\s*//.*$", "", text)


def test_the_plain_render_is_full_of_cdn_urls():
    """Guard for the other tests: without make_offline the same map loads from CDNs."""
    html = build_map().get_root().render()
    assert has(html, LEAFLET_JS) and len(external_refs(html)) > 15


def test_no_external_url_remains(offline):
    html = offline.html
    assert external_refs(html) == []
    assert not re.search(r"""\b(?:src|href)\s*=\s*\\?["']?(?:https?:)?//""", html, re.I)
    assert not re.search(r"""url\(\s*\\?["']?(?:https?:)?//""", html, re.I)
    assert not re.search(r"""@import\s""", html)
    tags = Tags(html).tags
    assert [t for t, a in tags if t == "link" or (t == "script" and "src" in a)] == []
    assert [v for _, a in tags for v in a.values() if v and re.match(r"\s*(?:https?:)?//", v)] == []
    # Bare URLs left are licence/comment text, a namespace or message text: none is loaded.
    assert set(re.findall(r"https?://[^\s\"'<>)\\]+", strip_comments(html))) <= INERT


def test_leaflet_js_and_css_are_inlined(offline):
    assert LEAFLET_JS in offline.inlined
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css" in offline.inlined
    scripts = re.findall(r"<script>(.*?)</script>", offline.html, re.S)
    leaflet = [s for s in scripts if "Leaflet 1.9.3, a JS library for interactive maps" in s]
    assert len(leaflet) == 1 and has(leaflet[0], '.version="1.9.3"')
    styles = re.findall(r"<style>(.*?)</style>", offline.html, re.S)
    assert any(".leaflet-container" in s and ".leaflet-pane" in s for s in styles)
    assert any(".marker-cluster" in s for s in styles) and any(".fa-solid" in s for s in styles)


def test_every_cdn_asset_of_the_controls_is_inlined(offline):
    names = {url.rsplit("/", 1)[-1] for url in offline.inlined}
    for name in ("jquery-3.7.1.min.js", "bootstrap.bundle.min.js", "bootstrap.min.css", "bootstrap-glyphicons.css",
                 "all.min.css", "leaflet.awesome-markers.js", "leaflet.awesome-markers.css",
                 "leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css", "leaflet_heat.min.js",
                 "Control.FullScreen.min.js", "Control.FullScreen.css", "leaflet-measure.min.js",
                 "leaflet-measure.min.css"):
        assert name in names, name
    assert has(offline.html, "L.heatLayer") and has(offline.html, "L.markerClusterGroup")
    assert has(offline.html, "L.control.fullscreen(") and has(offline.html, "new L.Control.Measure(")


def test_fonts_and_images_become_data_uris(offline):
    html = offline.html
    assert len(re.findall(r"url\(\"data:font/woff2;base64,", html)) >= 3  # Font Awesome solid/regular/brands
    assert "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/webfonts/fa-solid-900.woff2" in offline.inlined
    assert not has(html, "data:font/ttf") and not [u for u in offline.inlined if u.endswith((".ttf", ".eot"))]
    assert re.search(r"\.leaflet-control-layers-toggle\s*\{[^}]*url\(\"data:image/png;base64,", html)
    glyphicons = re.search(r"@font-face\s*\{[^}]*Glyphicons Halflings[^}]*\}", html).group(0)
    assert has(glyphicons, "base64,") and has(glyphicons, "woff")
    # Leaflet finds its default marker next to leaflet.css; offline it is told the inline images.
    assert re.search(r"L\.Icon\.Default\.mergeOptions\(\{iconUrl: \"data:image/png;base64,", html)


def test_dropped_names_exactly_the_controls_left_out(offline):
    assert offline.dropped == ["MiniMap"]  # its tiles are on the web; every other asset is installed
    assert not has(offline.html, "L.Control.MiniMap(") and not has(offline.html, "tile.openstreetmap.org")


def test_control_without_installed_assets_is_left_out_with_its_code():
    result = make_offline(build_map(NoSuchPlugin()))
    assert sorted(result.dropped) == ["MiniMap", "NoSuchPlugin"]
    assert not has(result.html, "nosuch")
    assert "leaflet-measure.min.js" in {u.rsplit("/", 1)[-1] for u in result.inlined}
    assert unavailable_plugins([NoSuchPlugin, plugins.Fullscreen, plugins.MeasureControl]) == ["NoSuchPlugin"]


def test_plugins_the_map_uses_are_all_available():
    used = [plugins.MarkerCluster, plugins.FastMarkerCluster, plugins.HeatMap, plugins.Fullscreen,
            plugins.MeasureControl, plugins.MiniMap, plugins.Search]
    assert unavailable_plugins(used) == []


def test_html_input_removes_what_it_cannot_inline():
    html = build_map().get_root().render().replace(
        "</head>",
        '<script src="https://cdn.example.org/x/1.0/x.js"></script>'
        '<link rel="stylesheet" href="//cdn.example.org/x/1.0/x.css"/>'
        '<link rel="preconnect" href="https://cdn.example.org"/></head>',
    ).replace("</body>", '<img src="https://example.org/a.png"><a href="https://example.org/src">source</a></body>')
    result = make_offline(html)
    assert external_refs(result.html) == []
    for url in ("https://cdn.example.org/x/1.0/x.js", "//cdn.example.org/x/1.0/x.css", "https://cdn.example.org",
                "https://example.org/a.png", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"):
        assert url in result.dropped, url  # MiniMap stays as code, but its web tiles are neutralised
    assert "https://example.org/src" in result.unlinked and has(result.html, '<a href="#">source</a>')
    assert LEAFLET_JS in result.inlined


def test_find_asset_maps_cdn_urls_to_installed_files():
    leaflet = find_asset(LEAFLET_JS)
    assert leaflet is not None and has(leaflet, b"Leaflet 1.9.3")
    assert find_asset("//cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js?v=1") == leaflet
    font = find_asset("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/webfonts/fa-solid-900.woff2")
    assert font is not None and font[:4] == b"wOF2"
    png = find_asset("https://unpkg.com/leaflet@1.9.4/dist/images/marker-icon.png")  # same major: installed 1.9.3
    assert png is not None and png[:8] == b"\x89PNG\r\n\x1a\n"
    assert find_asset("https://cdn.jsdelivr.net/npm/leaflet@2.0.0/dist/leaflet.js") is None  # other major
    assert find_asset("https://cdn.example.org/npm/nothing@1.0.0/nothing.js") is None


def test_writing_offline_html_never_touches_the_network(monkeypatch):
    web_assets.find_asset.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert external_refs(make_offline(build_map()).html) == []


def test_missing_leaflet_is_an_error_not_a_blank_map(monkeypatch):
    real = web_assets.find_asset
    monkeypatch.setattr(web_assets, "find_asset", lambda url: None if url.endswith("/leaflet.js") else real(url))
    with pytest.raises(OutputError, match="Leaflet"):
        make_offline(build_map())


def test_inline_code_cannot_close_its_tag_early(monkeypatch):
    files = {"https://cdn.example.org/npm/x@1.0.0/x.js": b'var s = "</script><b>";\n//# sourceMappingURL=x.js.map\n',
             "https://cdn.example.org/npm/x@1.0.0/x.css": b".x::after {content: '</style>'}\n/*# sourceMappingURL=x.map */"}
    monkeypatch.setattr(web_assets, "find_asset", files.get)
    html = ('<html><head><script src="https://cdn.example.org/npm/x@1.0.0/x.js"></script>'
            '<link rel="stylesheet" href="https://cdn.example.org/npm/x@1.0.0/x.css"/></head><body></body></html>')
    result = make_offline(html)
    assert result.inlined == list(files) and result.dropped == []
    script = re.search(r"<script>(.*?)</script>", result.html, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", result.html, re.S).group(1)
    assert has(script, 'var s = "<\\/script><b>";') and has(style, "content: '<\\/style>'")
    assert not has(result.html, "sourceMappingURL")
