"""Events as flat tables with real types: ``events``, ``event_locations``, ``places``, ``sources``.

Every exporter starts here. One event is one row of ``events`` (its geometry a
Point, or a MultiPoint when the claim names several places; figures are never
copied per village). ``event_locations`` has one row per place an event names
(resolved or not) and ``sources`` one row per report of it, both keyed by
``event_id``; ``places`` lists the gazetteer entries used, with their sources::

    >>> from mapper.model.events import Event, EventLocation
    >>> loc = EventLocation("Plekhovo", "Plyokhovo", 51.10, 35.33, "RU", "Kursk Oblast",
    ...                     "Sudzhansky District", "curated:ru-kursk-plyokhovo", 1, True, "")
    >>> tables = event_tables([Event("ev-1", "seed", killed=3, locations=(loc,))], index=None)
    >>> frame = tables.frame("events", points=True)
    >>> frame.loc[0, "killed"], str(frame["killed"].dtype), frame.geometry[0].wkt
    (np.int64(3), 'Int64', 'POINT (35.33 51.1)')
    >>> tables.frame("events").geometry[0].wkt          # the GIS layers: always MultiPoint
    'MULTIPOINT ((35.33 51.1))'
    >>> tables.frame("event_locations")[["event_id", "location_index", "name"]].values.tolist()
    [['ev-1', 0, 'Plyokhovo']]

Columns are declared once in :data:`LAYER_COLUMNS` as ``(name, kind)``, kind
one of ``str``, ``int``, ``float``, ``bool``, ``date``: pyarrow tables carry
exactly those types to GDAL and Parquet, and :meth:`EventTables.frame` gives
pandas ``Int64`` counts, ``datetime.date`` dates, floats and booleans.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from mapper.model.events import Event, EventLocation
from mapper.render.export.schema import (ARROW_TYPES, GEOMETRY_TYPES, LAYER_COLUMNS, SOURCE_KEYS, Layer, _table,
                                  struct_columns)
from mapper.render.export.source_table import sources_table
from mapper.render.export.wkb import point_sets_wkb

__all__ = ["event_tables", "EventTables", "Layer", "LAYER_COLUMNS", "GEOMETRY_TYPES", "ARROW_TYPES",
           "SOURCE_KEYS", "distinct_points", "location_names", "event_points", "place_lookup", "places_layer"]

#: The ``events`` columns read from the Event itself (the others are derived from its locations).
_EVENT_COLUMNS = tuple((name, kind) for name, kind in LAYER_COLUMNS["events"]
                       if name not in ("location_names", "place_count", "latitude", "longitude"))
_LOCATION_COLUMNS = tuple((name, kind) for name, kind in LAYER_COLUMNS["event_locations"]
                          if name in EventLocation.__dataclass_fields__)


class EventTables:
    """The four tables of a set of events; each layer is built when first used.

    ``events.geometry`` is always a MultiPoint (GIS layers want one type);
    ``events_points`` is the events' own geometry: a Point for a one-place claim.
    ``location_counts`` / ``source_counts``: rows of ``event_locations`` / ``sources`` per event.
    """

    def __init__(self, events: Sequence[Event], index=None):
        self._events = list(events)
        self._lookup = place_lookup(index)

    def layers(self) -> list[Layer]:
        return [self.events, self.event_locations, self.places, self.sources]

    def frame(self, name: str, *, points: bool = False):
        """The named layer as a (Geo)DataFrame; ``points=True`` gives events their Point/MultiPoint geometry."""
        if points and name == "events":
            return self.events.frame(self.events_points)
        return getattr(self, name).frame()

    # -- every location of every event, flattened once ---------------------------------------------
    @cached_property
    def _locations(self) -> dict:
        columns = struct_columns([loc.__dict__ for ev in self._events for loc in ev.locations], _LOCATION_COLUMNS)
        owner = np.repeat(np.arange(len(self._events)), self.location_counts)
        located = (np.asarray(columns["resolved"].fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
                   & np.asarray(columns["longitude"].is_valid()) & np.asarray(columns["latitude"].is_valid()))
        return {"columns": columns, "owner": owner, "located": located}

    @cached_property
    def location_counts(self) -> np.ndarray:
        return np.fromiter((len(ev.locations) for ev in self._events), np.int64, len(self._events))

    @cached_property
    def source_counts(self) -> np.ndarray:
        return np.fromiter((len(ev.sources) for ev in self._events), np.int64, len(self._events))

    @cached_property
    def _points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(xs, ys, owner, counts)``: each event's distinct points (:func:`event_points`), flattened."""
        flat = self._locations
        return distinct_points(flat["columns"]["longitude"], flat["columns"]["latitude"], flat["located"],
                               flat["owner"], len(self._events))

    # -- the layers --------------------------------------------------------------------------------
    @cached_property
    def events(self) -> Layer:
        cols = struct_columns([ev.__dict__ for ev in self._events], _EVENT_COLUMNS)
        xs, ys, owner, counts = self._points
        cols["location_names"] = self._location_names()
        cols["place_count"] = counts
        cols["latitude"], cols["longitude"] = _centroids(xs, ys, owner, counts)
        return Layer("events", _table("events", cols), point_sets_wkb(xs, ys, counts), GEOMETRY_TYPES["events"])

    @cached_property
    def events_points(self) -> pa.Array:
        xs, ys, _, counts = self._points
        return point_sets_wkb(xs, ys, counts, single_as_point=True)

    def _location_names(self) -> pa.Array:
        """:func:`location_names` of every event, joined by Arrow."""
        columns = self._locations["columns"]
        name, mention = columns["name"], columns["mention"]
        unresolved = pc.binary_join_element_wise(pc.fill_null(mention, "None"), " (unresolved)", "")
        labels = pc.if_else(pc.fill_null(pc.not_equal(name, ""), False), name, unresolved)
        offsets = np.zeros(len(self._events) + 1, dtype=np.int32)
        np.cumsum(self.location_counts, out=offsets[1:])
        return pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), labels), "; ")

    @cached_property
    def event_locations(self) -> Layer:
        flat = self._locations
        owner = flat["owner"]
        starts = np.concatenate([[0], np.cumsum(self.location_counts)[:-1]]) if len(owner) else owner
        cols = dict(flat["columns"])
        cols["event_id"] = self.events.table["event_id"].combine_chunks().take(pa.array(owner, type=pa.int64()))
        cols["location_index"] = np.arange(len(owner)) - starts[owner] if len(owner) else owner
        cols["places_in_event"] = self._points[3][owner]
        located = flat["located"]
        geoms = point_sets_wkb(cols["longitude"].to_numpy(zero_copy_only=False)[located],
                               cols["latitude"].to_numpy(zero_copy_only=False)[located],
                               located.astype(np.int64), single_as_point=True)
        return Layer("event_locations", _table("event_locations", cols), geoms, GEOMETRY_TYPES["event_locations"])

    @cached_property
    def places(self) -> Layer:
        return _places_layer(self.event_locations.table, self._locations["located"], self._lookup)

    @cached_property
    def sources(self) -> Layer:
        return Layer("sources", sources_table(self._events, self.events.table["event_id"].combine_chunks()))


def distinct_points(longitude: pa.Array, latitude: pa.Array, located: np.ndarray, owner: np.ndarray,
                    n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(xs, ys, owner, counts)`` of ``n`` events from their location rows (grouped by event, in
    order): the located points, a point repeated within one event kept once, in first-use order.

    >>> xs, ys, owner, counts = distinct_points(pa.array([1.0, 1.0, 2.0]), pa.array([5.0, 5.0, 6.0]),
    ...                                         np.array([True, True, True]), np.array([0, 0, 2]), 3)
    >>> xs.tolist(), counts.tolist()
    ([1.0, 2.0], [1, 0, 1])
    """
    idx = np.flatnonzero(located)
    x = np.asarray(longitude.to_numpy(zero_copy_only=False), dtype=float)[idx]
    y = np.asarray(latitude.to_numpy(zero_copy_only=False), dtype=float)[idx]
    o = np.asarray(owner)[idx]
    order = np.lexsort((idx, y, x, o))  # a repeated point of one event next to its first occurrence
    repeat = np.zeros(len(order), dtype=bool)
    repeat[1:] = (o[order][1:] == o[order][:-1]) & (x[order][1:] == x[order][:-1]) & \
        (y[order][1:] == y[order][:-1])
    keep = np.sort(order[~repeat])
    counts = np.bincount(o[keep], minlength=n).astype(np.int64)
    return x[keep], y[keep], o[keep], counts


def location_names(ev: Event) -> str:
    """``"Plyokhovo; Vorozhba (unresolved); Martynovka"``: the places of a claim, in the report's order."""
    return "; ".join(loc.name or f"{loc.mention} (unresolved)" for loc in ev.locations)


def event_points(ev: Event) -> list[tuple[float, float]]:
    """The same points as :attr:`Event.points` (resolved places, repeats dropped, in order),
    computed without caching a list on each of possibly millions of events."""
    locs = ev.locations
    if len(locs) == 1:
        loc = locs[0]
        if loc.resolved and loc.longitude is not None and loc.latitude is not None:
            return [(loc.longitude, loc.latitude)]
        return []
    return list(dict.fromkeys((loc.longitude, loc.latitude) for loc in locs if loc.has_point))


def _centroids(xs: np.ndarray, ys: np.ndarray, owner: np.ndarray, counts: np.ndarray) -> tuple[list, list]:
    """Mean point per event rounded to 6 decimals as :attr:`Event.latitude` does (None without points)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        cx = np.bincount(owner, weights=xs, minlength=len(counts)) / counts
        cy = np.bincount(owner, weights=ys, minlength=len(counts)) / counts
    empty = counts == 0
    return _round6(cy, empty), _round6(cx, empty)


def _round6(values: np.ndarray, empty: np.ndarray) -> list:
    """``round(v, 6)`` of each value (None where ``empty``), vectorised.

    numpy's ``round`` (scale, round half to even, unscale) agrees with Python's correctly
    rounded ``round`` except next to a tie; those few values are rounded by Python.
    """
    with np.errstate(invalid="ignore"):
        scaled = values * 1e6
        near_tie = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
        out = np.round(values, 6).tolist()
    for i in np.flatnonzero(near_tie & ~empty).tolist():
        out[i] = round(float(values[i]), 6)
    for i in np.flatnonzero(empty).tolist():
        out[i] = None
    return out


def place_lookup(index=None) -> Callable[[str], object | None]:
    """``gazetteer_id -> Place | None`` from a :class:`~gazetteer.PlaceIndex` (``index=None``: no lookup)."""
    if index is None:
        return lambda _id: None
    return index.get


def event_tables(events: Sequence[Event], *, index=...) -> EventTables:
    """The tables of ``events``. ``index``: the gazetteer the ``places`` layer is read from (default:
    the user's index; ``None`` builds ``places`` from the event locations alone, ``in_gazetteer`` false)."""
    if index is ...:
        from gazetteer import PlaceIndex

        index = PlaceIndex.open_default()
    return EventTables(events, index)


def places_layer(events: Sequence[Event], *, index=None) -> Layer:
    """Just the ``places`` layer of ``events`` (see :func:`event_tables` for ``index``)."""
    return EventTables(events, index).places


def _places_layer(locations: pa.Table, located: np.ndarray, lookup: Callable[[str], object | None]) -> Layer:
    """One row per gazetteer id placed by some event, in first-use order, with the number of events."""
    import pyarrow.compute as pc

    rows = pa.table({"gazetteer_id": locations["gazetteer_id"], "event_id": locations["event_id"],
                     "row": pa.array(np.arange(locations.num_rows))})
    rows = rows.filter(pa.array(located) if len(located) else pa.array([], pa.bool_()))
    rows = rows.filter(pc.is_valid(rows["gazetteer_id"]))
    grouped = rows.group_by("gazetteer_id", use_threads=False).aggregate(
        [("event_id", "count_distinct"), ("row", "min")]).sort_by("row_min")
    names = [c for c, _ in LAYER_COLUMNS["places"]]
    cols: dict[str, list] = {c: [] for c in names}
    for gid, n, first in zip(grouped["gazetteer_id"].to_pylist(), grouped["event_id_count_distinct"].to_pylist(),
                             grouped["row_min"].to_pylist()):
        place = lookup(gid)
        if place is not None:
            row = {"gazetteer_id": gid, "name": place.name, "latitude": place.latitude,
                   "longitude": place.longitude, "country_code": place.country_code or None,
                   "admin1": place.admin1 or None, "admin2": place.admin2 or None,
                   "feature_class": place.feature_class or None, "feature_code": place.feature_code or None,
                   "population": place.population or None, "source": place.source or None,
                   "source_url": place.source_url or None,
                   "coordinate_precision": place.coordinate_precision or None, "in_gazetteer": True}
        else:  # not in this machine's gazetteer: what the event recorded, marked as such
            recorded = locations.slice(first, 1).to_pylist()[0]
            row = {key: recorded[key] for key in ("name", "latitude", "longitude", "country_code", "admin1",
                                                  "admin2")}
            row.update(gazetteer_id=gid, in_gazetteer=False,
                       source="as recorded in the events file (id not in the local gazetteer)")
        row["events"] = n
        for c in names:
            cols[c].append(row.get(c))
    geoms = point_sets_wkb(cols["longitude"], cols["latitude"], [1] * len(cols["gazetteer_id"]),
                           single_as_point=True)
    return Layer("places", _table("places", cols), geoms, GEOMETRY_TYPES["places"])
