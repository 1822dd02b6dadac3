"""The fields of the event record, declared once: every reader and writer takes its columns from here.

One :class:`Field` per :class:`~mapper.model.events.Event` field, in the record's order, gives its
Python type, default, kind, a one-line meaning, the ACLED column it maps to, its Shapefile (dBASE)
name and the formats that carry it. :data:`DERIVED` lists the columns computed from the places
(the representative point, the place names). ``python -m mapper.model.fields`` prints the field
reference (``docs/FIELDS.md``)::

    >>> FIELDS["killed_or_wounded"].shapefile, FIELDS["quote_start"].kind
    ('kill_wound', 'count')
    >>> names_of_kind("date")
    ('event_date', 'event_date_end', 'published')
    >>> [c for c, _ in layer_columns()][22:26]
    ['location_names', 'place_count', 'latitude', 'longitude']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Field", "FIELDS", "DERIVED", "FORMATS", "CATEGORIES", "KIND_COLUMN", "names_of_kind",
           "layer_columns", "frame_columns", "shapefile_names", "carried_by", "lost_by", "field_reference"]

#: Every format the record is written to, and the web map's popup.
FORMATS = ("jsonl", "geojson", "geodataframe", "gpkg", "parquet", "fgb", "csv", "shapefile", "kml", "popup")
_ALL = frozenset(FORMATS)
#: Formats that keep the places and sources of each event (nested, as JSON text, or as linked layers).
_NESTED_KEPT = _ALL - {"shapefile", "kml", "popup"}
#: Casualty categories, in the order reports and tables list them.
CATEGORIES = ("killed", "wounded", "missing", "captured", "killed_or_wounded")
#: Column kind (``str``/``int``/``float``/``bool``/``date``) of each field kind; ``None``: not a flat column.
KIND_COLUMN = {"id": "str", "text": "str", "date": "date", "figure": "int", "count": "int", "flag": "bool",
               "coordinate": "float", "places": None, "sources": None}


@dataclass(frozen=True)
class Field:
    """One field of the event record (or one column derived from it)."""

    name: str
    type: str
    default: object
    kind: str
    description: str
    acled: str | None = None
    shapefile: str | None = None
    formats: frozenset = _ALL

    @property
    def column(self) -> str | None:
        """The kind of its column in the flat tables (``str``, ``int``, ...), None for places and sources."""
        return KIND_COLUMN[self.kind]


_NO_DEFAULT = object()
_POPUP_LESS = _ALL - {"popup"}


def _f(name, type_, default, kind, description, acled=None, shapefile=None, formats=_POPUP_LESS) -> Field:
    flat = KIND_COLUMN[kind] is not None
    return Field(name, type_, default, kind, description, acled, (shapefile or name) if flat else None,
                 frozenset(formats))


_RECORD = (
    _f("event_id", "str", _NO_DEFAULT, "id", "stable id of the claim", "event_id_cnty"),
    _f("doc_id", "str", _NO_DEFAULT, "id", "id of the report the claim was first read in"),
    _f("event_date", "date | None", None, "date", "first day of the claimed events", "event_date", formats=_ALL),
    _f("event_date_end", "date | None", None, "date", "last day (the same as event_date for one day)",
       shapefile="date_end", formats=_ALL),
    _f("date_precision", "int | None", None, "count", "1 a day, 2 a few days or a week, 3 a month",
       "time_precision", "date_prec", _ALL),
    _f("date_text", "str", "", "text", "the words the date was read from", formats=_ALL),
    _f("event_type", "str", "", "text", "ACLED event type (Battles, Explosions/Remote violence, ...)", "event_type",
       "event_type", _ALL),
    _f("sub_event_type", "str", "", "text", "ACLED sub-event type (Air/drone strike, Armed clash, ...)",
       "sub_event_type", "sub_type", _ALL),
    *(_f(c, "int | None", None, "figure", f"{c.replace('_', ' ')}, as reported",
         "fatalities" if c == "killed" else None, "kill_wound" if c == "killed_or_wounded" else None, _ALL)
      for c in CATEGORIES),
    _f("casualties_low", "int | None", None, "figure", "low estimate of all casualties of the claim (UCDP)",
       shapefile="cas_low"),
    _f("casualties_best", "int | None", None, "figure", "best estimate of all casualties of the claim (UCDP)",
       shapefile="cas_best"),
    _f("casualties_high", "int | None", None, "figure", "high estimate of all casualties of the claim (UCDP)",
       shapefile="cas_high"),
    _f("approximate", "bool", False, "flag", "the report qualifies the figure (about, at least, dozens)",
       shapefile="approx"),
    _f("qualifier", "str", "", "text", "the qualifying words (\"at least\")"),
    _f("cumulative", "bool", False, "flag", "a running total over the dates given (\"since August 6\"), "
       "not one incident: never mapped as one nor added to incident totals", formats=_ALL),
    _f("actor", "str", "", "text", "the side whose casualties are claimed, never the attacker", "actor1",
       formats=_ALL),
    _f("claimed_by", "str", "", "text", "who makes the claim (in ACLED notes, never its source)", formats=_ALL),
    _f("claim_words", "str", "", "text", "the words that name the claimant, as the report writes them",
       shapefile="claim_wrds"),
    _f("locations", "tuple[EventLocation, ...]", (), "places",
       "the places the claim names, resolved or not, in the report's order", "location, admin1, admin2",
       formats=_NESTED_KEPT | {"popup"}),
    _f("geo_precision", "int | None", None, "count", "ACLED geo-precision: 1 the place, 2 near it or several, "
       "3 a region", "geo_precision", "geo_prec", _ALL),
    _f("location_note", "str", "", "text", "why a place was or was not resolved", shapefile="loc_note"),
    _f("source_url", "str", "", "text", "URL of the first report"),
    _f("source_name", "str", "", "text", "outlet of the first report", "source", "src_name"),
    _f("published", "date | None", None, "date", "publication date of the first report"),
    _f("source_quote", "str", "", "text", "the sentence the claim was read from", "notes", "quote", _ALL),
    _f("quote_start", "int | None", None, "count", "offset of the quote in the report's text",
       shapefile="quote_strt"),
    _f("quote_end", "int | None", None, "count", "offset just after the quote"),
    _f("number_of_sources", "int", 1, "count", "distinct reports of the claim after merging",
       shapefile="n_sources", formats=_ALL),
    _f("sources", "tuple[Source, ...]", (), "sources", "every report of the claim (Source records)", "source",
       formats=_NESTED_KEPT | {"popup"}),
)
#: Event field name -> :class:`Field`, in the record's order.
FIELDS: dict[str, Field] = {f.name: f for f in _RECORD}
#: Columns computed from an event's places; they stand where ``locations`` stands in the record.
DERIVED: dict[str, Field] = {f.name: f for f in (
    _f("location_names", "str", "", "text", "the places named, \"(unresolved)\" after an unplaced one",
       "location", "locations", _ALL - {"jsonl", "geojson", "popup"}),
    _f("place_count", "int", 0, "count", "how many distinct points the event has", shapefile="place_cnt",
       formats=_ALL - {"jsonl", "geojson", "geodataframe", "popup"}),
    _f("latitude", "float | None", None, "coordinate", "representative point: mean of the places, 6 decimals",
       "latitude"),
    _f("longitude", "float | None", None, "coordinate", "representative point: mean of the places, 6 decimals",
       "longitude"),
)}


def names_of_kind(*kinds: str) -> tuple[str, ...]:
    """The Event fields of the given kinds, in the record's order."""
    return tuple(f.name for f in _RECORD if f.kind in kinds)


def layer_columns() -> tuple[tuple[str, str], ...]:
    """``(name, column kind)`` of the ``events`` table every GIS writer starts from: the record's flat
    fields, with the derived columns in the place of ``locations`` and no ``sources``."""
    out: list[tuple[str, str]] = []
    for f in _RECORD:
        if f.kind == "places":
            out.extend((d.name, d.column) for d in DERIVED.values())
        elif f.column is not None:
            out.append((f.name, f.column))
    return tuple(out)


def frame_columns() -> tuple[str, ...]:
    """Columns of :func:`~mapper.model.events.events_to_geodataframe`: the flat fields and derived
    columns it carries, then places and sources as JSON text."""
    return (*(c for c, _ in layer_columns() if "geodataframe" in (FIELDS.get(c) or DERIVED[c]).formats),
            "locations_json", "sources_json")


def shapefile_names() -> dict[str, str]:
    """Column of the ``events`` table -> its dBASE field name (at most 10 characters)."""
    return {c: (FIELDS.get(c) or DERIVED[c]).shapefile for c, _ in layer_columns()}


def carried_by(fmt: str) -> tuple[str, ...]:
    """The Event fields format ``fmt`` holds."""
    return tuple(f.name for f in _RECORD if fmt in f.formats)


def lost_by(fmt: str) -> tuple[str, ...]:
    """The Event fields format ``fmt`` does not hold (its documented field loss).

    >>> lost_by("shapefile")
    ('locations', 'sources')
    """
    return tuple(f.name for f in _RECORD if fmt not in f.formats)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def field_reference() -> str:
    """The Markdown field reference ``docs/FIELDS.md`` holds, made from :data:`FIELDS` and :data:`DERIVED`."""
    head = ["| field | type | default | kind | meaning | ACLED | Shapefile | not in |", "| --- " * 8 + "|"]

    def rows(fields):
        for f in fields:
            default = "(required)" if f.default is _NO_DEFAULT else repr(f.default)
            missing = ", ".join(x for x in FORMATS if x not in f.formats) or "—"
            yield (f"| `{f.name}` | `{_cell(f.type)}` | `{_cell(default)}` | {f.kind} | {_cell(f.description)} | "
                   f"{f.acled or '—'} | {f'`{f.shapefile}`' if f.shapefile else '—'} | {missing} |")

    return "\n".join([
        "# Event fields",
        "",
        "<!-- Generated by `python -m mapper.model.fields` from mapper/model/fields.py: do not edit. -->",
        "",
        "One event is one casualty claim. The record's fields, in order, as every format writes them",
        "(`extract` writes JSON Lines). Formats: " + ", ".join(f"`{x}`" for x in FORMATS) + ".",
        "`not in` lists the formats that do not carry a field (`popup`: the web map's popup).",
        "",
        *head, *rows(_RECORD),
        "",
        "## Derived columns",
        "",
        "Computed from the places; flat tables put them where `locations` stands in the record.",
        "",
        *head, *rows(DERIVED.values()),
        "",
        "## Sources",
        "",
        "Each report of a claim is a `Source`: `doc_id`, `url`, `source_name`, `published` (as written,",
        "normally `YYYY-MM-DD`) and `quote`. Keys another tool wrote beside these are kept in `extra`, and",
        "`keys` keeps the record's key order, so the record is written back exactly.",
        "",
    ])


if __name__ == "__main__":  # pragma: no cover - prints the reference
    print(field_reference(), end="")
