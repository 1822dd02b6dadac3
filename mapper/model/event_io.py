"""Read and write event files: JSON Lines and GeoJSON (RFC 7946).

``conflictmap extract`` writes these; ``map``, ``export`` and ``brief`` read them::

    >>> write_events(events, "events.geojson")          # doctest: +SKIP
    >>> read_events("events.geojson")[0].event_id       # doctest: +SKIP
    'ev-1f0c3a9b2d4e'
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO

from shapely.geometry import mapping

from mapper._internal.atomic import atomic_write
from mapper._internal.surrogates import without_surrogates
from mapper.model.events import Event
from mapper.exc import InputError

__all__ = ["write_events", "read_events", "events_to_jsonl_lines", "events_to_geojson"]

#: Coordinate decimals in GeoJSON: 6 places is about 0.1 m, far below the data's precision.
COORDINATE_DECIMALS = 6


def events_to_jsonl_lines(events: list[Event]) -> list[str]:
    """One JSON object per event (:meth:`Event.to_dict`), without line ends."""
    return [json.dumps(ev.to_dict(), ensure_ascii=False) for ev in events]


def _rounded(geom_mapping: dict) -> dict:
    def r(c):
        return [r(x) for x in c] if isinstance(c, (list, tuple)) and c and isinstance(c[0], (list, tuple)) \
            else [round(v, COORDINATE_DECIMALS) for v in c]
    return {"type": geom_mapping["type"], "coordinates": r(geom_mapping["coordinates"])}


def events_to_geojson(events: list[Event]) -> dict:
    """A FeatureCollection: lon/lat order, no ``crs`` member, one Feature per event."""
    features = []
    for ev in events:
        props = ev.to_dict()
        props.pop("geometry_wkt", None)
        geom = ev.geometry
        features.append({"type": "Feature", "id": ev.event_id,
                         "geometry": _rounded(mapping(geom)) if geom is not None else None,
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_events(events: list[Event], path: str | Path | None, *, fmt: str | None = None,
                 stream: IO | None = None) -> None:
    """Write events as ``jsonl`` or ``geojson`` (by ``fmt`` or the suffix); ``path=None`` writes to ``stream``.

    A stream gets the whole text in one piece once every event is written out; a file gets JSON
    Lines :data:`_CHUNK_EVENTS` events at a time (a 5 MB report's events are 180 MB of lines) and
    replaces an earlier file only when all are written (:func:`mapper._internal.atomic.atomic_write`).
    """
    fmt = fmt or ("geojson" if path and str(path).endswith((".geojson", ".json")) else "jsonl")
    to_stream = path is None or str(path) == "-"
    if fmt == "geojson":
        parts = [json.dumps(events_to_geojson(events), ensure_ascii=False), "\n"]
    elif to_stream:
        lines = events_to_jsonl_lines(events)
        parts = ["\n".join(lines), "\n"] if lines else []
    else:
        parts = _jsonl_chunks(events)
    if to_stream:
        out = stream or sys.stdout
        for part in parts:
            out.write(part)
        return
    with atomic_write(path) as f:
        for part in parts:
            f.write(part)


#: Events a file of JSON Lines is written in at a time.
_CHUNK_EVENTS = 2000


def _jsonl_chunks(events: list[Event]) -> Iterator[str]:
    """The JSON Lines of ``events``, each line ended, :data:`_CHUNK_EVENTS` events to a string."""
    remaining = iter(events)
    while chunk := list(islice(remaining, _CHUNK_EVENTS)):
        yield "".join([line + "\n" for line in events_to_jsonl_lines(chunk)])


def read_events(path: str | Path) -> list[Event]:
    """Events from a file written by :func:`write_events` (JSON Lines or GeoJSON).

    Lines end at ``"\\n"`` only: a field may hold U+2028, U+0085, form feeds and the other
    characters :meth:`str.splitlines` would split at. A lone surrogate (a ``"\\udc80"`` escape
    written by another tool) becomes U+FFFD, so the events can be written again.
    """
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (UnicodeDecodeError, IsADirectoryError) as exc:
        raise InputError(path, f"not an events file ({exc.__class__.__name__})") from None
    stripped = text.lstrip()
    if not stripped:
        raise InputError(path, "empty file")
    try:
        if stripped.startswith("{") and '"FeatureCollection"' in stripped[:200]:
            return [Event.from_dict(f["properties"]) for f in _loads(text)["features"]]
        events = []
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    events.append(Event.from_dict(_loads(line)))
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                    raise InputError(f"{path}:{n}", f"not an event record: {str(exc).splitlines()[0][:120]}") \
                        from None
        return events
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(path, f"not an events file: {str(exc).splitlines()[0][:120]}") from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _loads(text: str):
    """``json.loads``, with every lone surrogate in the strings it holds replaced by U+FFFD."""
    value = json.loads(text)
    return without_surrogates(value) if _SURROGATE_ESCAPE.search(text) else value
