"""The event record: one casualty claim, ACLED/UCDP-style, and its GeoDataFrame form.

One event per claim. A claim naming several places is one event with a
MultiPoint geometry and geo-precision 2, never one row per village with the
figure copied, so totals do not double count::

    >>> loc = EventLocation("Plekhovo", "Plyokhovo", 51.10, 35.33, "RU", "Kursk Oblast",
    ...                     "Sudzhansky District", "curated:ru-kursk-plyokhovo", 1, True, "")
    >>> ev = Event(event_id="ev-1", doc_id="seed", killed_or_wounded=30, casualties_low=30,
    ...            casualties_best=30, casualties_high=30, locations=(loc,))
    >>> ev.geometry.wkt
    'POINT (35.33 51.1)'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, asdict, dataclass, field, fields, replace

from mapper.model.fields import CATEGORIES, frame_columns, names_of_kind
from mapper.model.source import Source, as_source

__all__ = ["Event", "EventLocation", "Source", "events_to_geodataframe", "events_from_geodataframe", "as_events",
           "total_casualties", "CATEGORIES", "EVENT_COLUMNS", "MAX_FIGURE"]

#: The largest casualty figure an event may hold, read from a report or an events file. The largest
#: running totals any side claims in today's wars are around a million; a bigger number next to
#: "killed" is a serial or phone number, money, or text built to break the tools downstream (a
#: 64-bit overflow in the GIS writers), never a head count.
MAX_FIGURE = 10_000_000
_FIGURE_FIELDS = names_of_kind("figure")
#: Other whole numbers of the record and their largest value (SQLite's and Arrow's 32-bit-safe range).
_COUNT_FIELDS = names_of_kind("count")
_DATE_FIELDS = names_of_kind("date")
_TEXT_FIELDS = names_of_kind("text")
_MAX_COUNT = 2**31 - 1


def total_casualties(figures: dict) -> int:
    """All casualties of one claim from its per-category figures, killed-or-wounded never counted twice.

    >>> total_casualties({"killed_or_wounded": 30, "killed": 10, "missing": 3})
    33
    """
    get = lambda c: figures.get(c) or 0  # noqa: E731
    return max(get("killed_or_wounded"), get("killed") + get("wounded")) + get("missing") + get("captured")


@dataclass(frozen=True)
class EventLocation:
    """A place named by a claim; unresolved ones keep the mention and the reason, no coordinates."""

    mention: str
    name: str | None
    latitude: float | None
    longitude: float | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    gazetteer_id: str | None
    geo_precision: int | None
    resolved: bool
    reason: str

    @property
    def has_point(self) -> bool:
        return self.resolved and self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Event:
    """One casualty claim. Field meanings follow ``DESIGN.md`` (ACLED / UCDP GED conventions)."""

    event_id: str
    doc_id: str
    event_date: dt.date | None = None
    event_date_end: dt.date | None = None
    date_precision: int | None = None
    date_text: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    killed: int | None = None
    wounded: int | None = None
    missing: int | None = None
    captured: int | None = None
    killed_or_wounded: int | None = None
    casualties_low: int | None = None
    casualties_best: int | None = None
    casualties_high: int | None = None
    approximate: bool = False
    qualifier: str = ""
    cumulative: bool = False
    actor: str = ""
    claimed_by: str = ""
    claim_words: str = ""
    locations: tuple[EventLocation, ...] = ()
    geo_precision: int | None = None
    location_note: str = ""
    source_url: str = ""
    source_name: str = ""
    published: dt.date | None = None
    source_quote: str = ""
    quote_start: int | None = None
    quote_end: int | None = None
    number_of_sources: int = 1
    sources: tuple[Source, ...] = field(default=())

    def __post_init__(self) -> None:
        """Sources given as dicts (the form events held before :class:`Source`) become Sources."""
        if self.sources and not all(type(s) is Source for s in self.sources):
            object.__setattr__(self, "sources", tuple(map(as_source, self.sources)))

    @classmethod
    def of(cls, values: dict) -> "Event":
        """``Event(**values)``, made without the frozen class's ``object.__setattr__`` for each of its
        fields (the extractor makes one event per claim): the fields not given take their defaults,
        in the record's order; an unknown or missing required field is refused as ``Event(**values)``
        refuses it (TypeError).

        >>> Event.of({"event_id": "ev-1", "doc_id": "d", "killed": 3}) == Event("ev-1", "d", killed=3)
        True
        """
        if not (_REQUIRED_SET <= values.keys() <= _TEMPLATE.keys()):
            return cls(**values)
        event = object.__new__(cls)
        record = event.__dict__
        record.update(_TEMPLATE)
        record.update(values)
        event.__post_init__()
        return event

    @property
    def points(self) -> list[tuple[float, float]]:
        """``(lon, lat)`` of each resolved location, without repeats (computed once per event; kept
        in the instance's ``__dict__`` like a ``functools.cached_property``, without its lock)."""
        try:
            return self.__dict__["_points"]
        except KeyError:
            pts = list(dict.fromkeys((loc.longitude, loc.latitude) for loc in self.locations if loc.has_point))
            self.__dict__["_points"] = pts
            return pts

    @property
    def geometry(self):
        """Point for one place, MultiPoint for several, None when nothing resolved."""
        from shapely.geometry import MultiPoint, Point

        pts = self.points
        if not pts:
            return None
        return Point(pts[0]) if len(pts) == 1 else MultiPoint(pts)

    @property
    def latitude(self) -> float | None:
        """Representative latitude: the place's, or the centroid of the places (as shapely's for a MultiPoint)."""
        pts = self.points
        return round(sum(y for _, y in pts) / len(pts), 6) if pts else None

    @property
    def longitude(self) -> float | None:
        pts = self.points
        return round(sum(x for x, _ in pts) / len(pts), 6) if pts else None

    def with_updates(self, **changes) -> "Event":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """The ``extract --format jsonl`` record: JSON-ready, dates as ISO strings.

        The dict ``dataclasses.asdict`` gives, with the dates as strings, the sources as the event
        holds them and the point fields added. When every field and every location field is text, a
        number, a date or ``None`` (as the declared types are) they are read directly, without
        ``asdict``'s deep copies, which were most of the time of writing an events file; an event
        holding anything else goes through ``asdict``.
        """
        plain = {str, int, float, bool, type(None), dt.date}
        try:  # a field's value is in the instance's __dict__ (a ClassVar's is not: KeyError)
            d = {name: self.__dict__[name] for name in self.__dataclass_fields__}
            locations = [{name: loc.__dict__[name] for name in loc.__dataclass_fields__} for loc in self.locations]
            d["locations"] = d["sources"] = None
            direct = set(map(type, d.values())).union(*(map(type, loc.values()) for loc in locations)) <= plain
        except (AttributeError, KeyError):
            direct = False
        if not direct:
            d = asdict(self)  # a value of another type (or not a dataclass field): as asdict copies it
            locations = [asdict(loc) for loc in self.locations]
        for key in _DATE_FIELDS:
            d[key] = d[key].isoformat() if d[key] else None
        d["locations"] = locations
        d["sources"] = [s.to_dict() for s in self.sources]
        d["latitude"], d["longitude"] = self.latitude, self.longitude
        geom = self.geometry
        d["geometry_wkt"] = geom.wkt if geom is not None else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        """The event of a record :meth:`to_dict` made (or another tool wrote in that shape).

        A value no writer could store is refused with ``ValueError`` naming the field:
        a figure outside 0..:data:`MAX_FIGURE`, a count that is not a whole number, a
        coordinate outside the globe.

        >>> Event.from_dict({"event_id": "e", "doc_id": "d", "killed": 9223372036854775808})
        Traceback (most recent call last):
        ...
        ValueError: killed: 9223372036854775808 is not a casualty figure (a whole number from 0 to 10,000,000)
        """
        d = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        for key in _REQUIRED:
            if d.get(key) in (None, ""):
                raise ValueError(f"no {key} (every event record has one)")
            d[key] = str(d[key])
        for key in _FIGURE_FIELDS:  # only the fields the record has: a missing one keeps its default
            if key in d:
                d[key] = _whole_number(d[key], key, MAX_FIGURE, "a casualty figure")
        for key in _COUNT_FIELDS:
            if key in d:
                d[key] = _whole_number(d[key], key, _MAX_COUNT, "a count")
        for key in _DATE_FIELDS:
            if isinstance(d.get(key), str):
                d[key] = dt.date.fromisoformat(d[key])
        d["locations"] = tuple(_location(loc) for loc in d.get("locations") or ())
        d["sources"] = tuple(map(as_source, d.get("sources") or ()))
        return cls(**d)


#: Every field of an event with its default (None for the required ones), in the record's order.
_TEMPLATE = {f.name: None if f.default is MISSING else f.default for f in fields(Event)}
#: The fields an event record cannot do without ("event_id", "doc_id"), in the record's order.
_REQUIRED = tuple(f.name for f in fields(Event) if f.default is MISSING)
_REQUIRED_SET = frozenset(_REQUIRED)
assert all(f.default_factory is MISSING and f.init for f in fields(Event))  # (Event.of fills defaults only)


def _whole_number(value, key: str, largest: int, what: str):
    """``value`` as an int in ``0..largest`` (an integral float is taken), ``None`` kept, else ValueError."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= largest:
        raise ValueError(f"{key}: {value!r} is not {what} (a whole number from 0 to {largest:,})")
    return value



def _location(record: dict) -> EventLocation:
    """An :class:`EventLocation` from its dict; a coordinate off the globe is refused (ValueError).

    Keys other than the place's fields are ignored; a missing one takes its default (no admin2,
    gazetteer id or reason; ``resolved`` when the place has coordinates; the mention as the name).

    >>> _location({"mention": "Sudzha", "latitude": 51.19, "longitude": 35.27})
    EventLocation(mention='Sudzha', name='Sudzha', latitude=51.19, longitude=35.27, country_code=None, \
admin1=None, admin2=None, gazetteer_id=None, geo_precision=None, resolved=True, reason='')
    """
    if not isinstance(record, dict):
        raise ValueError(f"a location is an object of place fields, not {type(record).__name__}")
    if record.keys() != _LOCATION_KEYS:
        values = {key: record.get(key) for key in _LOCATION_KEYS}
        values["mention"] = values["mention"] or values["name"] or ""
        if "name" not in record:
            values["name"] = values["mention"] or None
        if "resolved" not in record:
            values["resolved"] = values["latitude"] is not None and values["longitude"] is not None
        values["resolved"] = bool(values["resolved"])
        values["reason"] = values["reason"] or ""
        record = values
    loc = EventLocation(**record)
    for key, limit in (("latitude", 90.0), ("longitude", 180.0)):
        value = getattr(loc, key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not -limit <= value <= limit):
            raise ValueError(f"location {loc.mention!r}: {key} {value!r} is not a coordinate")
    return loc


_LOCATION_KEYS = EventLocation.__dataclass_fields__.keys()
#: Flat columns of the GeoDataFrame, in order (nested fields become JSON strings).
EVENT_COLUMNS = frame_columns()


def events_to_geodataframe(events: list[Event]):
    """A GeoDataFrame in EPSG:4326 with one row per event (MultiPoint for multi-place claims)."""
    import json

    import geopandas
    import pandas as pd

    rows = []
    for ev in events:
        d = ev.to_dict()
        d["location_names"] = "; ".join(loc.name or f"{loc.mention} (unresolved)" for loc in ev.locations)
        d["locations_json"] = json.dumps(d.pop("locations"), ensure_ascii=False)
        d["sources_json"] = json.dumps(d.pop("sources"), ensure_ascii=False)
        rows.append({k: d.get(k) for k in EVENT_COLUMNS})
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    for col in _DATE_FIELDS:
        frame[col] = pd.to_datetime(frame[col]).dt.date if len(frame) else frame[col]
    for col in (*_FIGURE_FIELDS, *_COUNT_FIELDS):
        frame[col] = frame[col].astype("Int64")
    return geopandas.GeoDataFrame(frame, geometry=[ev.geometry for ev in events], crs="EPSG:4326")


def events_from_geodataframe(frame) -> list[Event]:
    """The events of a GeoDataFrame made by :func:`events_to_geodataframe` (or read back from its file).

    >>> ev = Event(event_id="ev-1", doc_id="d", killed=3, casualties_best=3, source_quote="3 killed",
    ...            quote_start=10, quote_end=18)
    >>> events_from_geodataframe(events_to_geodataframe([ev])) == [ev]
    True
    """
    import json

    import pandas as pd

    fields = set(Event.__dataclass_fields__)
    out = []
    for row in frame.drop(columns=frame.geometry.name).to_dict("records"):
        record = {k: (None if not isinstance(v, (list, tuple, dict)) and pd.isna(v) else v)
                  for k, v in row.items() if k in fields or k in ("locations_json", "sources_json")}
        record["locations"] = json.loads(record.pop("locations_json", None) or "[]")
        record["sources"] = json.loads(record.pop("sources_json", None) or "[]")
        for key in _DATE_FIELDS:
            if record.get(key) is not None and not isinstance(record[key], str):
                record[key] = pd.Timestamp(record[key]).date().isoformat()
        for key in _TEXT_FIELDS:
            record[key] = record.get(key) or ""
        for key in names_of_kind("flag"):
            record[key] = bool(record.get(key))
        for key in (*_FIGURE_FIELDS, *_COUNT_FIELDS):
            if record.get(key) is not None:
                record[key] = int(record[key])
        record["number_of_sources"] = record.get("number_of_sources") or 1
        out.append(Event.from_dict(record))
    return out


def as_events(events) -> list[Event]:
    """``events`` as a list of :class:`Event`: a list as is, a GeoDataFrame of events converted."""
    if hasattr(events, "geometry") and hasattr(events, "columns"):
        return events_from_geodataframe(events)
    return list(events)
