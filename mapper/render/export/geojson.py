"""GeoJSON (RFC 7946): a FeatureCollection, one Feature per event, the full event record.

Coordinates are longitude, latitude in WGS 84 with six decimals (about 0.1 m,
far finer than any gazetteer position); there is no ``crs`` member (RFC 7946
§4). Geometry is the event's own: Point for one place, MultiPoint for several,
``null`` when no place was resolved. Properties hold every field of the record,
places and sources as nested arrays, so the file reads back losslessly with
:func:`mapper.model.event_io.read_events`.

The document is the one :func:`mapper.model.event_io.events_to_geojson` builds,
streamed feature by feature and built without ``dataclasses.asdict`` (which
deep-copies every record), so 100,000 events take seconds::

    >>> write(events, "out/events.geojson")      # doctest: +SKIP
    [PosixPath('out/events.geojson')]
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from operator import attrgetter
from pathlib import Path

from mapper._internal.atomic import atomic_write
from mapper.model.event_io import COORDINATE_DECIMALS
from mapper.model.events import Event, EventLocation
from mapper.model.fields import names_of_kind
from mapper.render.export.tables import EventTables, event_points, event_tables

__all__ = ["write", "features", "COORDINATE_DECIMALS"]

_EVENT_FIELDS = tuple(Event.__dataclass_fields__)
_DATE_FIELDS = names_of_kind("date")
_LOCATION_FIELDS = tuple(EventLocation.__dataclass_fields__)
_get_event = attrgetter(*_EVENT_FIELDS)
_get_location = attrgetter(*_LOCATION_FIELDS)


def _geometry(points: list[tuple[float, float]]) -> dict | None:
    if not points:
        return None
    coords = [[round(x, COORDINATE_DECIMALS), round(y, COORDINATE_DECIMALS)] for x, y in points]
    return {"type": "Point", "coordinates": coords[0]} if len(coords) == 1 else \
        {"type": "MultiPoint", "coordinates": coords}


def features(events: Sequence[Event], tables: EventTables | None = None) -> Iterator[dict]:
    """One GeoJSON Feature per event (``latitude``/``longitude`` taken from ``tables`` when given)."""
    tables = tables or event_tables(events, index=None)
    lats = tables.events.table["latitude"].to_pylist()
    lons = tables.events.table["longitude"].to_pylist()
    for ev, lat, lon in zip(events, lats, lons):
        props = dict(zip(_EVENT_FIELDS, _get_event(ev)))
        for key in _DATE_FIELDS:
            if props[key] is not None:
                props[key] = props[key].isoformat()
        props["locations"] = [dict(zip(_LOCATION_FIELDS, _get_location(loc))) for loc in ev.locations]
        props["sources"] = [src.to_dict() for src in ev.sources]
        props["latitude"], props["longitude"] = lat, lon
        yield {"type": "Feature", "id": ev.event_id, "geometry": _geometry(event_points(ev)), "properties": props}


def write(events: Sequence[Event], path: str | Path, *, tables: EventTables | None = None,
          **options) -> list[Path]:
    """Write ``events`` as an RFC 7946 FeatureCollection at ``path`` (atomically)."""
    path = Path(path)
    events = list(events)
    with atomic_write(path) as f:
        f.write('{"type":"FeatureCollection","features":[')
        for i, feature in enumerate(features(events, tables)):
            if i:
                f.write(",")
            f.write(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
        f.write("]}\n")
    return [path]
