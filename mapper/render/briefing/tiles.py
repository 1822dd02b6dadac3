"""Web-map tiles under the situation map: opt-in, online only, never needed.

The map is complete without tiles. When asked for (``tiles="OpenStreetMap.Mapnik"`` or
an :mod:`xyzservices` provider), the tiles covering the view are fetched once, with a
user agent and a short timeout, stitched, and drawn in Web Mercator (EPSG:3857). Any
failure raises :class:`~mapper.exc.OutputError` with the reason, and the caller draws
the map without them::

    >>> provider = tile_provider("OpenStreetMap.Mapnik")
    >>> provider.name
    'OpenStreetMap.Mapnik'
    >>> tiles_for((3_900_000, 6_600_000, 3_960_000, 6_640_000), zoom=10)[:2]
    [(10, 611, 342), (10, 612, 342)]
"""

from __future__ import annotations

import io

from mapper import __version__
from mapper.exc import OutputError

__all__ = ["tile_provider", "tiles_for", "draw_tiles", "MAX_TILES"]

#: Web Mercator half-width in metres.
_ORIGIN = 20037508.342789244
#: At most this many tiles per map (tile servers' usage policies forbid bulk downloads).
MAX_TILES = 48
USER_AGENT = f"conflictmap/{__version__} (briefing situation map)"


def tile_provider(spec):
    """An xyzservices ``TileProvider`` from a dotted name ("OpenStreetMap.Mapnik") or a provider."""
    import xyzservices

    if isinstance(spec, xyzservices.TileProvider):
        return spec
    try:
        return xyzservices.providers.query_name(str(spec))
    except ValueError:
        raise OutputError(str(spec), "unknown tile provider (see xyzservices.providers)") from None


def _tile_xy(x: float, y: float, zoom: int) -> tuple[int, int]:
    n = 2 ** zoom
    col = int((x + _ORIGIN) / (2 * _ORIGIN) * n)
    row = int((_ORIGIN - y) / (2 * _ORIGIN) * n)
    return min(max(col, 0), n - 1), min(max(row, 0), n - 1)


def _zoom_for(bounds: tuple[float, float, float, float]) -> int:
    """The deepest zoom at which the view needs no more than :data:`MAX_TILES` tiles."""
    for zoom in range(14, 0, -1):
        if len(tiles_for(bounds, zoom)) <= MAX_TILES:
            return zoom
    return 1


def tiles_for(bounds: tuple[float, float, float, float], zoom: int) -> list[tuple[int, int, int]]:
    """``(z, x, y)`` of the tiles covering Web Mercator ``bounds`` (minx, miny, maxx, maxy)."""
    x0, y0 = _tile_xy(bounds[0], bounds[3], zoom)
    x1, y1 = _tile_xy(bounds[2], bounds[1], zoom)
    return [(zoom, x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


def draw_tiles(ax, bounds: tuple[float, float, float, float], provider, *, timeout: float = 10.0) -> str:
    """Fetch and draw the tiles for ``bounds`` (EPSG:3857) on ``ax``; return the provider's attribution."""
    import numpy as np
    import requests
    from PIL import Image

    provider = tile_provider(provider)
    zoom = min(_zoom_for(bounds), int(provider.get("max_zoom", 19)))
    tiles = tiles_for(bounds, zoom)
    cols = sorted({x for _, x, _ in tiles})
    rows = sorted({y for _, _, y in tiles})
    size = 256
    mosaic = Image.new("RGB", (len(cols) * size, len(rows) * size), "white")
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    for z, x, y in tiles:
        url = provider.build_url(x=x, y=y, z=z)
        try:
            response = session.get(url, timeout=timeout)
            response.raise_for_status()
            tile = Image.open(io.BytesIO(response.content)).convert("RGB")
        except (requests.RequestException, OSError) as exc:
            raise OutputError(url, f"web tiles unavailable ({exc.__class__.__name__})") from None
        mosaic.paste(tile.resize((size, size)), ((x - cols[0]) * size, (y - rows[0]) * size))
    span = 2 * _ORIGIN / 2 ** zoom
    left, top = -_ORIGIN + cols[0] * span, _ORIGIN - rows[0] * span
    extent = (left, left + len(cols) * span, top - len(rows) * span, top)
    ax.imshow(np.asarray(mosaic), extent=extent, zorder=0, interpolation="bilinear")
    return provider.get("attribution") or provider.get("html_attribution") or provider.name
