"""Offline HTML for Folium maps: every CDN asset inlined from installed packages.

Folium's templates load Leaflet, jQuery, Bootstrap, Font Awesome, awesome-markers
and plugin files from CDNs. :func:`make_offline` replaces each ``<script src>``
with an inline ``<script>``, each stylesheet ``<link>`` with a ``<style>``, and
each CSS ``url(...)`` (fonts, marker sprites) with a ``data:`` URI, all read at
write time from the packages below; nothing is fetched. Controls whose assets no
installed package has are left out (give it the ``folium.Map``, not the HTML, so
their code goes too) and named in ``dropped``; no external URL remains::

    >>> import folium
    >>> m = folium.Map(location=[51.2, 35.3], zoom_start=8, tiles=None)
    >>> result = make_offline(m)
    >>> result.dropped, external_refs(result.html)
    ([], [])
    >>> "https://cdn.jsdelivr.net" in result.html
    False
"""
# Asset packages (PyPI name, minimum version), read from disk at write time, never fetched:
#   XStatic-Leaflet>=1.9.3.0                Leaflet JS/CSS and its marker/layer images
#   XStatic-Leaflet-MarkerCluster>=1.4.1.1  MarkerCluster / FastMarkerCluster
#   XStatic-jQuery>=3.7.1.1                 jQuery
#   XStatic-Font-Awesome>=6.2.1.2           Font Awesome CSS and webfonts
#   folium-offline>=0.20.0.2                the rest: Bootstrap 5 CSS/JS, glyphicons CSS, awesome-markers,
#                                           plugin files (fullscreen, measure, minimap, search, ...) kept
#                                           as strings in ``offlinefolium.elements._res``, keyed by CDN URL
#   folium>=0.17                            leaflet_heat.min.js in folium/templates
# (XStatic-Bootstrap is not used: its 5.x release is an sdist that does not build; 4.x is the wrong major.)

from __future__ import annotations

import base64
import functools
import importlib
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

from mapper.exc import OutputError

__all__ = ["OfflineResult", "make_offline", "find_asset", "external_refs", "unavailable_plugins"]

#: normalised library name (see :func:`_library`) -> ``xstatic.pkg`` module that carries it
_XSTATIC = {"leaflet": "leaflet", "leafletmarkercluster": "leaflet_markercluster", "jquery": "jquery",
            "fontawesome": "font_awesome", "fontawesomefree": "font_awesome"}
#: where the library name (and version) sit in the CDN URLs Folium uses
_LIB_PATTERNS = [re.compile(p) for p in (
    r"/npm/(?:@[^/]+/)?([^/@]+)(?:@([^/]+))?/",       # jsdelivr npm, incl. @scope/name
    r"/gh/[^/]+/([^/@]+)(?:@([^/]+))?/",               # jsdelivr GitHub: owner/repo@ref
    r"/ajax/libs/([^/]+)/([^/]+)/",                    # cdnjs
    r"unpkg\.com/(?:@[^/]+/)?([^/@]+)(?:@([^/]+))?/",  # unpkg
    r"//code\.(jquery)\.com/jquery-([\d.]+)",
    r"bootstrapcdn\.com/(bootstrap)/([\d.]+)/",
    r"//([^/]+?)\.[a-z]+/()",                          # last resort: the host (d3js.org, ...)
)]
#: Base64 data blocks (a large map's event table): nothing in them can be a URL, so they are set
#: aside while the page is scanned (megabytes of it would only slow the scan down)
_DATA_BLOCK_RE = re.compile(r'(<script type="application/octet-stream" id="[\w-]+">)([A-Za-z0-9+/=]*)(</script>)')
#: Legacy font formats: stubbed (not inlined) when the same CSS also offers WOFF/WOFF2
_LEGACY_FONT = (".eot", ".ttf", ".otf")
_EMPTY = "data:,"
_EXT = r"(?:https?:)?//[^\s\"'<>()\\]+"
_TAG_RE = re.compile(r"<script\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>\s*</script\s*>|<link\b[^>]*>", re.I)
_ATTR_RE = re.compile(r"\b(href|rel|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
_CSS_URL_RE = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)'\"\s]*))\s*\)", re.I)
_SOURCEMAP_RE = re.compile(r"(?m)^\s*(?://[#@]|/\*[#@])\s*sourceMappingURL=[^\n]*$")
_LEFT_ATTR_RE = re.compile(r"\b(src|href|srcset|poster|action|data)\s*=\s*(\\?[\"'])(" + _EXT + r")\2", re.I)
_LEFT_CSS_RE = re.compile(r"url\(\s*(\\?[\"']?)(" + _EXT + r")\1\s*\)", re.I)
_LEFT_IMPORT_RE = re.compile(r"@import\s+(\\?[\"'])(" + _EXT + r")\1", re.I)
_LEFT_TILES_RE = re.compile(r"\btileLayer(?:\.wms)?\(\s*(\\?[\"'`])(" + _EXT + r")\1")  # web tiles in script


@dataclass
class OfflineResult:
    """What :func:`make_offline` wrote and what it had to leave out."""

    html: str
    #: asset URLs replaced by inline content (scripts, stylesheets, and fonts/images inside them)
    inlined: list[str] = field(default_factory=list)
    #: plugins (class names) left out, then asset URLs that no installed package has (tag or
    #: ``url()`` removed); meant for a note in the legend
    dropped: list[str] = field(default_factory=list)
    #: external targets of hyperlinks (``<a href>``, e.g. Leaflet's attribution) set to ``#``:
    #: navigation only, nothing is lost from the map
    unlinked: list[str] = field(default_factory=list)


def _library(url: str) -> tuple[str, str]:
    """``(name, version)`` of the library a CDN URL belongs to: name lower-cased, letters/digits only."""
    for pattern in _LIB_PATTERNS:
        if m := pattern.search(url):
            return re.sub(r"[^a-z0-9]", "", m.group(1).lower()), m.group(2) or ""
    return "", ""


def _same_major(wanted: str, have: str) -> bool:
    """Whether two versions share a major number (unknown versions, e.g. ``@latest``, pass)."""
    a, b = re.match(r"v?(\d+)\.", wanted + "."), re.match(r"v?(\d+)\.", have + ".")
    return not (a and b) or a.group(1) == b.group(1)


def _from_xstatic(lib: str, version: str, path: str) -> bytes | None:
    try:
        pkg = importlib.import_module(f"xstatic.pkg.{_XSTATIC[lib]}")
    except (KeyError, ImportError):
        return None
    if not _same_major(version, getattr(pkg, "VERSION", "")):
        return None
    parts = [p for p in path.split("/") if p]
    best, score = None, 0
    for candidate in Path(pkg.BASE_DIR).rglob(parts[-1] if parts else "-"):  # longest matching path tail wins
        tail = candidate.relative_to(pkg.BASE_DIR).parts
        n = next((i for i in range(min(len(tail), len(parts))) if tail[-1 - i] != parts[-1 - i]),
                 min(len(tail), len(parts)))
        if candidate.is_file() and n > score:
            best, score = candidate, n
    return best.read_bytes() if best else None


@functools.lru_cache(maxsize=1)
def _offline_folium() -> tuple[dict[str, str], dict[tuple[str, str], tuple[str, str]]]:
    """folium-offline's embedded files ``{CDN URL: text}``, and ``(library, file name) -> (version, URL)``."""
    try:
        from offlinefolium.elements import _res  # type: ignore[import-untyped]
    except ImportError:
        return {}, {}
    index: dict[tuple[str, str], tuple[str, str]] = {}
    for url in _res:
        lib, version = _library(url)
        index.setdefault((lib, url.rsplit("/", 1)[-1].lower()), (version, url))
    return _res, index


def _from_offline_folium(url: str, lib: str, version: str, name: str) -> bytes | None:
    files, index = _offline_folium()
    if url in files:
        return files[url].encode("utf-8")
    hit = index.get((lib, name))
    return files[hit[1]].encode("utf-8") if hit and _same_major(version, hit[0]) else None


def _from_folium(lib: str, name: str) -> bytes | None:
    if lib != "folium":
        return None
    import folium

    path = Path(folium.__file__).parent / "templates" / name
    return path.read_bytes() if name and path.is_file() else None


@functools.lru_cache(maxsize=256)
def find_asset(url: str) -> bytes | None:
    """The bytes of the file a CDN ``url`` names, from an installed package; ``None`` if none has it.

    Matched by library (from the URL's package segment) and file name, same major version;
    XStatic packages first, then folium's own templates, then folium-offline. Never fetches.
    """
    url = urlsplit("https:" + url if url.startswith("//") else url)._replace(query="", fragment="").geturl()
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1].lower()
    lib, version = _library(url)
    return (_from_xstatic(lib, version, path) or _from_folium(lib, name)
            or _from_offline_folium(url, lib, version, name))


def _data_uri(url: str, data: bytes) -> str:
    mime = mimetypes.guess_type(urlsplit(url).path)[0]
    mime = {".woff2": "font/woff2", ".woff": "font/woff"}.get(Path(urlsplit(url).path).suffix.lower(), mime)
    return f"data:{mime or 'application/octet-stream'};base64,{base64.b64encode(data).decode('ascii')}"


def _inline_css(css: str, base: str, inlined: list[str], dropped: list[str]) -> str:
    """``css`` with each ``url()`` a ``data:`` URI from a package, or ``data:,`` where it has none."""
    has_woff = "woff" in css.lower()

    def replace(m: re.Match[str]) -> str:
        ref = next(g for g in m.groups() if g is not None).strip()
        if not ref or ref.startswith(("data:", "#", "%23")):
            return m.group(0)
        target = urljoin(base, ref)
        path = urlsplit(target).path.lower()
        if has_woff and (path.endswith(_LEGACY_FONT) or (path.endswith(".svg") and "#" in ref)):
            return f'url("{_EMPTY}")'  # the browser takes the WOFF/WOFF2 source of the same @font-face
        data = find_asset(target)
        if data is None:
            dropped.append(target)
            return f'url("{_EMPTY}")'
        inlined.append(target)
        return f'url("{_data_uri(target, data)}")'

    return _CSS_URL_RE.sub(replace, css)


def _text(data: bytes) -> str:
    return _SOURCEMAP_RE.sub("", data.decode("utf-8-sig", errors="replace"))


def _leaflet_icon_fix(leaflet_url: str) -> str:
    """Script pointing ``L.Icon.Default`` at inline images (Leaflet looks them up next to leaflet.css)."""
    options = []
    for key, file in (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                      ("shadowUrl", "marker-shadow.png")):
        image_url = urljoin(leaflet_url, f"images/{file}")
        if (data := find_asset(image_url)) is not None:
            options.append(f'{key}: "{_data_uri(image_url, data)}"')
    if not options:
        return ""
    return ("<script>L.Icon.Default.imagePath = '';\nL.Icon.Default.mergeOptions({"
            + ", ".join(options) + "});</script>")


def _inline_tags(html: str, inlined: list[str], dropped: list[str]) -> str:
    def script(m: re.Match[str]) -> str:
        url = m.group(1)
        if not re.match(r"(?:https?:)?//", url):
            return m.group(0)
        data = find_asset(url)
        if data is None:
            dropped.append(url)
            return ""
        inlined.append(url)
        js = _text(data).replace("</script", "<\\/script")
        extra = _leaflet_icon_fix(url) if url.rsplit("/", 1)[-1] in ("leaflet.js", "leaflet-src.js") else ""
        return f"<script>/* {url.rsplit('/', 1)[-1]} */\n{js}\n</script>{extra}"

    def link(m: re.Match[str]) -> str:
        attrs = {k.lower(): v for k, v in _ATTR_RE.findall(m.group(0))}
        url = attrs.get("href", "")
        if not re.match(r"(?:https?:)?//", url):
            return m.group(0)
        data = find_asset(url) if "stylesheet" in attrs.get("rel", "").lower() else None
        if data is None:
            dropped.append(url)
            return ""
        inlined.append(url)
        css = _inline_css(_text(data), "https:" + url if url.startswith("//") else url, inlined, dropped)
        css = css.replace("</style", "<\\/style")
        return f"<style>/* {url.rsplit('/', 1)[-1]} */\n{css}\n</style>"

    return _TAG_RE.sub(lambda m: script(m) if m.group(1) else link(m), html)  # one pass: inlined code is not re-read


def external_refs(html: str) -> list[str]:
    """External URLs (``http://``, ``https://``, ``//host``) that ``html`` would load or link to.

    Looks everywhere, inline scripts included: ``src``/``href``/``srcset``/``poster``/``action``/
    ``data`` attributes, CSS ``url()`` and ``@import``, and ``L.tileLayer("https://...")`` tile
    templates. XML namespaces, comments and message text are not references and are not reported.
    """
    return ([m.group(3) for m in _LEFT_ATTR_RE.finditer(html)]
            + [m.group(2) for rx in (_LEFT_CSS_RE, _LEFT_IMPORT_RE, _LEFT_TILES_RE) for m in rx.finditer(html)])


def _scrub(html: str, dropped: list[str], unlinked: list[str]) -> str:
    """Remove what :func:`external_refs` finds: hyperlinks go to ``#``, anything loaded to ``data:,``."""
    def attr(m: re.Match[str]) -> str:
        hyperlink = m.group(1).lower() == "href"
        (unlinked if hyperlink else dropped).append(m.group(3))
        return f"{m.group(1)}={m.group(2)}{'#' if hyperlink else _EMPTY}{m.group(2)}"

    def loaded(m: re.Match[str]) -> str:
        dropped.append(m.group(2))
        return m.group(0).replace(m.group(2), _EMPTY)

    html = _LEFT_ATTR_RE.sub(attr, html)
    for rx in (_LEFT_CSS_RE, _LEFT_IMPORT_RE, _LEFT_TILES_RE):
        html = rx.sub(loaded, html)
    return html


def _missing(element: Any) -> list[str]:
    """Asset URLs of a folium element that no installed package has."""
    urls = [url for _, url in [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]]
    return [url for url in urls if find_asset(url) is None]


def _web_layer(layer: Any) -> bool:
    """Whether ``layer`` shows web tiles or a web image (TileLayer, WmsTileLayer, ImageOverlay, ...)."""
    from folium.map import Layer

    source = getattr(layer, "tiles", None) or getattr(layer, "url", None)
    return isinstance(layer, Layer) and isinstance(source, str) and bool(re.match(r"(?:https?:)?//", source))


def _prune(root: Any) -> list[str]:
    """Take out of the element tree what cannot work offline (missing assets, web tiles); class names."""
    import folium

    left_out: list[str] = []
    stack = [root]
    while stack:
        parent = stack.pop()
        for key, child in list(parent._children.items()):
            if isinstance(child, folium.Map):
                if any(url.endswith(("/leaflet.js", "/leaflet.css")) for url in _missing(child)):
                    raise OutputError("offline map", "no installed package has Leaflet (pip install XStatic-Leaflet)")
            elif _missing(child) or _web_layer(child) or _web_layer(getattr(child, "tile_layer", None)):
                del parent._children[key]
                left_out.append(type(child).__name__)
                continue
            stack.append(child)
    return left_out


def unavailable_plugins(plugins: Iterable[type] | None = None) -> list[str]:
    """Names of the plugin classes (default: all of ``folium.plugins``) with an asset no package has."""
    if plugins is None:
        import folium.plugins

        plugins = [c for c in vars(folium.plugins).values() if isinstance(c, type) and hasattr(c, "default_js")]
    return sorted({cls.__name__ for cls in plugins if _missing(cls)})


def make_offline(source: str | Any) -> OfflineResult:
    """HTML with every external asset inlined from installed packages, and no external URL left.

    ``source`` is rendered HTML or (better) a ``folium.Map``/``Figure``: given the map, controls whose
    assets are missing — or that show web tiles, like ``MiniMap`` — are taken out before rendering,
    so their code goes too; given HTML, only their ``<script>``/``<link>`` can be removed.
    """
    inlined: list[str] = []
    dropped: list[str] = []
    unlinked: list[str] = []
    if not isinstance(source, str):
        dropped += _prune(source.get_root())
        source = source.get_root().render()
    blocks: list[str] = []
    source = _DATA_BLOCK_RE.sub(lambda m: blocks.append(m.group(2)) or f"{m.group(1)}\0{len(blocks) - 1}\0{m.group(3)}",
                                source)
    html = _scrub(_inline_tags(source, inlined, dropped), dropped, unlinked)
    if left := external_refs(html):  # cannot happen unless the patterns above disagree
        raise OutputError("offline map", f"external URLs remain: {', '.join(left[:5])}")
    html = re.sub("\0(\\d+)\0", lambda m: blocks[int(m.group(1))], html) if blocks else html
    return OfflineResult(html, list(dict.fromkeys(inlined)), list(dict.fromkeys(dropped)),
                         list(dict.fromkeys(unlinked)))
