"""Rows of another tool's table as events, through a column mapping (:class:`Schema`).

A :class:`Schema` names the columns a kind of file holds (ACLED, UCDP GED, or none: any
table, its columns found from the headers) and what to do with what the mapping cannot say
(a side read from two columns, precision codes). Each row becomes one event: its figures,
dates and texts typed by the field table, one place at the row's coordinates or geometry,
and one source that keeps the tool's name (``origin``) and every column the mapping did not
use, so nothing of the row is lost. A side named as ACLED or UCDP GED name a state's forces or
civilians is the theatre's side (:func:`~mapper.model.loaders.actors.side_of`); its cell as written
stays on the source record. A bad cell stops the file with one line naming the
file, the row and the column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mapper.exc import InputError
from mapper.model.events import CATEGORIES, Event, EventLocation, total_casualties
from mapper.model.fields import FIELDS
from mapper.model.loaders import values as v
from mapper.model.loaders.actors import side_of
from mapper.model.loaders.mapping import PLACE_TARGETS, detect, normalised
from mapper.model.loaders.tables import Table
from mapper.model.source import SOURCE_KEYS, Source

__all__ = ["Schema", "events_of_table", "points_of"]

_MAX_COUNT = 2**31 - 1


@dataclass(frozen=True)
class Schema:
    """How one kind of table becomes events.

    ``preset``: ``{target: column}`` (exact column names); ``detect``: also find the other targets
    from the headers; ``required``: columns a file of this kind must have; ``finish(row, record)``
    completes the record from the raw row; ``origin``: the tool's name ("" = the file's name).
    """

    name: str
    origin: str = ""
    preset: dict = field(default_factory=dict)
    required: tuple[str, ...] = ()
    detect: bool = True
    finish: Callable[[dict, dict], None] | None = None

    def columns_of(self, table: Table, given: dict[str, str]) -> dict[str, str]:
        """The ``{target: column}`` mapping for ``table``; ``InputError`` for a column it lacks."""
        for target, column in given.items():
            if column not in table.columns:
                raise InputError(table.path, f"no column {column!r} (given by --columns for {target}; "
                                             f"the file has {_listed(table.columns)})")
        by_name = {normalised(c): c for c in table.columns}
        for column in self.required:
            if column not in table.columns and normalised(column) not in by_name:
                raise InputError(table.path, f"no column {column!r} ({self.origin or self.name} files have it)")
        mapping = {t: by_name.get(normalised(c), c) for t, c in self.preset.items()
                   if by_name.get(normalised(c)) is not None}
        mapping.update(given)
        return detect(table.columns, mapping) if self.detect else mapping


def _listed(columns: list[str]) -> str:
    shown = ", ".join(repr(c) for c in columns[:12])
    return shown + (", ..." if len(columns) > 12 else "")


def points_of(geometry) -> list[tuple[float, float]]:
    """``(lon, lat)`` of a Point or each point of a MultiPoint; ``[]`` for none. Any other geometry is a
    ``ValueError``: an area or a line is not put at a point of our choosing."""
    if geometry is None or geometry.is_empty:
        return []
    kind = geometry.geom_type
    if kind == "Point":
        return [(geometry.x, geometry.y)]
    if kind == "MultiPoint":
        return [(p.x, p.y) for p in geometry.geoms]
    raise ValueError(f"a {kind} geometry: only points are mapped (convert the layer to points, or give "
                     "--columns lat=COLUMN,lon=COLUMN)")


def _typed(target: str, raw):
    kind = FIELDS[target].column
    if kind == "str":
        return v.text(raw)
    if kind == "date":
        return v.day(raw)
    if kind == "bool":
        return v.flag(raw)
    if kind == "float":
        return v.number(raw)
    return v.whole(raw) if FIELDS[target].kind == "figure" else v.whole(raw, _MAX_COUNT)


def _json_value(raw):
    if isinstance(raw, (str, int, float, bool)) or raw is None:
        return raw
    if hasattr(raw, "isoformat"):
        return raw.isoformat()[:10] if not hasattr(raw, "hour") else raw.isoformat()
    if isinstance(raw, (list, dict)):
        return raw
    return str(raw)


def events_of_table(table: Table, schema: Schema, given: dict[str, str] | None = None) -> list[Event]:
    """The events of ``table`` read with ``schema`` (``given``: the command line's ``--columns``)."""
    given = given or {}
    mapping = schema.columns_of(table, given)
    has_columns = "latitude" in mapping and "longitude" in mapping
    if not has_columns and table.geometries is None:
        raise InputError(table.path, "no coordinates: neither a geometry nor latitude and longitude columns "
                                     "(give --columns lat=COLUMN,lon=COLUMN)")
    origin = schema.origin or table.path.name
    used = set(mapping.values())
    plan = _plan(mapping)
    extra_columns = [c for c in table.columns if c not in used and c not in SOURCE_KEYS and c != "origin"]
    events = []
    for i, row in enumerate(table.rows):
        try:
            # A row's geometry is its place, unless --columns names the coordinate columns or it has none.
            geometry = table.geometries[i] if table.geometries is not None else None
            if has_columns and ("latitude" in given or geometry is None or geometry.is_empty):
                geometry = None
            events.append(_event(row, plan, extra_columns, geometry, origin, schema, f"{table.path.stem}-{i + 1}"))
        except ValueError as exc:
            raise InputError(table.path, f"{table.where(i)}: {exc}") from None
    return events


def _plan(mapping: dict) -> list[tuple[str, str, bool, Callable]]:
    """``(target, column, is a place part, converter)`` of each mapped column, decided once per table."""
    plan = []
    for target, column in mapping.items():
        if target in ("latitude", "longitude"):
            plan.append((target, column, True, lambda raw, axis=target: v.coordinate(raw, axis)))
        elif target in PLACE_TARGETS:
            plan.append((target, column, True, v.text))
        elif target in FIELDS and FIELDS[target].column is not None:
            plan.append((target, column, False, lambda raw, name=target: _typed(name, raw)))
    return plan


def _event(row: dict, plan: list, extra_columns: list, geometry, origin: str, schema: Schema,
           fallback_id: str) -> Event:
    record: dict = {}
    place: dict = {}
    for target, column, is_place, convert in plan:
        try:
            (place if is_place else record)[target] = convert(row.get(column))
        except ValueError as exc:
            raise ValueError(f"column {column!r}: {exc}") from None
    written = {}
    side = record.get("actor")
    if side and side_of(side) != side:  # a side named as ACLED or GED name it: the theatre's, as written kept
        written = {column: side for target, column, _, _ in plan if target == "actor"}
        record["actor"] = side_of(side)
    if schema.finish is not None:
        schema.finish(row, record)
    figures = {c: record.get(c) for c in CATEGORIES}
    if any(x is not None for x in figures.values()):  # the estimates, as extraction gives them
        for key in ("casualties_low", "casualties_best", "casualties_high"):
            if record.get(key) is None:
                record[key] = total_casualties(figures)
    record["event_id"] = record.get("event_id") or fallback_id
    record["doc_id"] = record.get("doc_id") or f"{origin}:{record['event_id']}"
    if not record.get("number_of_sources"):
        record["number_of_sources"] = 1
    record["locations"] = _places(place, geometry, record.get("geo_precision"), origin)
    published = record.get("published")
    source = {"doc_id": record["doc_id"], "url": record.get("source_url") or None,
              "source_name": record.get("source_name") or None,
              "published": published.isoformat() if published else None,
              "quote": record.get("source_quote") or None, "origin": origin}
    source.update(written)
    for column in extra_columns:  # every column the mapping left, so nothing of the row is lost
        raw = row.get(column)
        if raw is not None and not v.blank(raw):
            source[column] = raw if type(raw) is str else _json_value(raw)
    record["sources"] = (Source.from_dict(source),)
    return Event(**record)


def _places(place: dict, geometry, precision, origin: str) -> tuple[EventLocation, ...]:
    name = place.get("location") or ""
    if geometry is not None:
        points = [(v.coordinate(x, "longitude"), v.coordinate(y, "latitude")) for x, y in points_of(geometry)]
    elif place.get("latitude") is not None and place.get("longitude") is not None:
        points = [(place["longitude"], place["latitude"])]
    else:  # no geometry, or coordinate cells left empty: no point
        points = []
    country = place.get("country_code") or ""
    common = dict(mention=name, name=name or None, country_code=country.upper() if len(country) == 2 else None,
                  admin1=place.get("admin1") or None, admin2=place.get("admin2") or None, gazetteer_id=None,
                  geo_precision=precision)
    if not points:
        return (EventLocation(latitude=None, longitude=None, resolved=False,
                              reason=f"no coordinates in {origin}", **common),) if name else ()
    names = [n.strip() for n in name.split(";") if n.strip() and not n.strip().endswith("(unresolved)")]
    if len(points) > 1 and len(names) == len(points):  # "A; B" at a MultiPoint's two points (our files)
        return tuple(EventLocation(latitude=y, longitude=x, resolved=True, reason=f"coordinates from {origin}",
                                   **{**common, "mention": n, "name": n}) for (x, y), n in zip(points, names))
    return tuple(EventLocation(latitude=y, longitude=x, resolved=True, reason=f"coordinates from {origin}",
                               **common) for x, y in points)
