"""Every event of a large map carried once, as one compressed table the page unpacks itself.

Above :data:`BULK_THRESHOLD` events, the map does not give each layer (events
by actor, places, rings, heat map, clusters, time slider) its own copy of the
events. It embeds one table of columns (text columns as their distinct values
plus one index per event), as JSON, gzip, base64. The browser
unpacks it with its own ``DecompressionStream`` and builds every layer from it.
Strings stay plain data; the popup script sets them with ``textContent``::

    >>> table = event_table([])
    >>> table["n"], table["text"]["quote"]
    (0, {'values': [], 'codes': None})
    >>> decode_table(encode_table(table)) == table
    True

Quotes longer than :data:`QUOTE_LIMIT` characters are shortened in the popup
(the full quote is in the events file); the legend says so.
"""

from __future__ import annotations

import base64
import gzip
import json
import math

from mapper.model.events import Event
from mapper.render.web.popup_js import POPUP_FIELDS, popup_record
from gazetteer.theatre import Theatre
from mapper.render.web.popups import actor_colour

__all__ = ["BULK_THRESHOLD", "QUOTE_LIMIT", "event_table", "encode_table", "decode_table", "radius"]

#: Maps with more located events than this use the table (and Leaflet's canvas renderer).
BULK_THRESHOLD = 2000
QUOTE_LIMIT = 300
_PAIRS = {"figures", "places", "sources"}  # popup fields that hold [text, text] pairs
_ITEM, _PART = "\x1e", "\x1f"
_DECIMALS = 5  # about 1 m; the data is never more precise than that


def radius(best: int | None) -> float:
    """Circle radius in pixels; the area follows the casualty figure.

    >>> radius(0), radius(25)
    (4.0, 19.0)
    """
    return 4.0 + 3.0 * math.sqrt(max(0, best or 0))


def _shorten(quote: str) -> str:
    if len(quote) <= QUOTE_LIMIT:
        return quote
    cut = quote[:QUOTE_LIMIT].rsplit(" ", 1)[0]
    return cut + " … [shortened; the full quote is in the events file]"


def _joined(pairs) -> str:
    """``[[a, b], [c, d]]`` as ``"a\x1fb\x1ec\x1fd"`` (the page splits it again)."""
    return _ITEM.join(f"{a}{_PART}{b}" for a, b in pairs)


def _factorized(values: list[str]) -> dict:
    """A text column as its distinct ``values`` and one index per row (``codes``; None when all differ)."""
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(values, dtype=object), sort=False)
    if len(uniques) == len(values):  # every value distinct (quotes, mostly): row i holds value i
        return {"values": uniques.tolist(), "codes": None}
    return {"values": uniques.tolist(), "codes": codes.tolist()}


def event_table(events: list[Event], *, links: bool = True, theatre: Theatre | None = None) -> dict:
    """The located events as columns: numbers as lists, text as distinct values plus codes.

    Keys: ``n``; ``lon``, ``lat`` (the representative point), ``best``,
    ``precision``, ``actor`` (an index into ``actors``: ``[name, colour]``, colours of ``theatre``'s sides),
    ``places`` (``[[lon, lat], ...]`` of a multi-place claim, else ``[]``),
    and ``text``: for ``start``, ``end`` and every popup field
    (:data:`~mapper.render.web.popup_js.POPUP_FIELDS`) a factorized column; the list
    fields (figures, places, sources) are joined with ``\x1e`` between
    items and ``\x1f`` between the two parts of an item.
    """
    actors: dict[str, int] = {}
    lon, lat, best, precision, actor, places = [], [], [], [], [], []
    text: dict[str, list[str]] = {k: [] for k in ("start", "end", *POPUP_FIELDS)}
    for ev in events:
        points = ev.points
        if not points:
            continue
        lon.append(round(sum(x for x, _ in points) / len(points), _DECIMALS))
        lat.append(round(sum(y for _, y in points) / len(points), _DECIMALS))
        best.append(ev.casualties_best or 0)
        precision.append(ev.geo_precision or 0)
        actor.append(actors.setdefault(ev.actor or "", len(actors)))
        places.append([[round(x, _DECIMALS), round(y, _DECIMALS)] for x, y in points] if len(points) > 1 else [])
        record = popup_record(ev, links=links)
        record["quote"] = _shorten(record["quote"] or "")
        record["start"] = ev.event_date.isoformat() if ev.event_date else ""
        record["end"] = (ev.event_date_end or ev.event_date).isoformat() if ev.event_date else ""
        for key, column in text.items():
            value = record[key]
            column.append(_joined(value) if key in _PAIRS else str(value))
    return {"n": len(lon), "lon": lon, "lat": lat, "best": best, "precision": precision, "actor": actor,
            "actors": [[a, actor_colour(a, theatre)] for a in actors], "places": places,
            "text": {key: _factorized(column) for key, column in text.items()}}


def encode_table(table: dict) -> str:
    """JSON, gzip, base64: what the page embeds."""
    raw = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=3, mtime=0)).decode("ascii")


def decode_table(encoded: str) -> dict:
    """The inverse of :func:`encode_table` (for tests and tools)."""
    return json.loads(gzip.decompress(base64.b64decode(encoded)).decode("utf-8"))
