"""ACLED and UCDP GED exports, and any other point table: the :class:`~mapper.model.loaders.rows.Schema` of each.

ACLED (codebook column names): ``event_id_cnty`` is the event id (``doc_id`` ``ACLED:<id>``),
``fatalities`` the killed, ``actor1`` the side (``actor2`` when it names the civilians an attack
targeted: ACLED always puts the civilians second), ``time_precision`` and ``geo_precision`` as they
are (the same 1-3 scales as ours), ``location``/``admin1``/``admin2`` the place, ``notes`` the
quote, ``source`` the outlet. ACLED's and GED's names of a state's forces and of civilians are read as
the theatre's sides (:mod:`~mapper.model.loaders.actors`: "Military Forces of Russia (2000-)" is
"Russian forces"; the name as written stays on the source record). UCDP GED: ``id`` (``doc_id`` ``UCDP GED:<id>``),
``date_start``/``date_end``, ``best`` the killed with ``low``/``best``/``high`` as the estimates,
the side only when one side's deaths are all of them (``deaths_a``, ``deaths_b``, or the
civilians), ``where_prec``/``date_prec`` turned into our precision scales. Every other column is
kept on the event's source record beside ``origin``::

    >>> ACLED.preset["killed"], UCDP_GED.preset["event_date"], is_acled(["event_id_cnty", "event_date"])
    ('fatalities', 'date_start', True)
"""

from __future__ import annotations

from mapper.model.codebooks import ACLED_COLUMNS, GED_COLUMNS
from mapper.model.loaders import values as v
from mapper.model.loaders.actors import CIVILIANS, side_of_acled, side_of_ged
from mapper.model.loaders.mapping import normalised
from mapper.model.loaders.rows import Schema

__all__ = ["ACLED", "UCDP_GED", "TABLE", "is_acled", "is_ucdp_ged", "ACLED_COLUMNS", "GED_COLUMNS"]

_ACLED_MARKS = {"event_id_cnty", "sub_event_type", "actor1", "inter1", "interaction", "time_precision",
                "fatalities", "disorder_type", "civilian_targeting", "assoc_actor_1", "geo_precision"}
_GED_MARKS = {"date_start", "date_end", "side_a", "side_b", "deaths_a", "deaths_b", "deaths_civilians",
              "deaths_unknown", "where_prec", "type_of_violence", "date_prec", "where_coordinates"}
_CIVILIANS = ("7", "civilians")


def is_acled(columns) -> bool:
    """ACLED's id column, or four of its distinctive columns."""
    names = {normalised(c) for c in columns}
    return "event_id_cnty" in names or len(names & _ACLED_MARKS) >= 4


def is_ucdp_ged(columns) -> bool:
    """Four of UCDP GED's distinctive columns."""
    return len({normalised(c) for c in columns} & _GED_MARKS) >= 4


def _cell(row: dict, name: str):
    if name in row:
        return row[name]
    for key, value in row.items():
        if normalised(key) == name:
            return value
    return None


def _finish_acled(row: dict, record: dict) -> None:
    """The side: ``actor1``, or the civilians targeted (ACLED codes them as actor2), as our side's name
    (:mod:`~mapper.model.loaders.actors`; the ACLED name stays on the source record); ``doc_id`` names
    ACLED; one source per outlet named."""
    if "actor" not in record:  # unless --columns named the side's column
        actor2 = v.text(_cell(row, "actor2"))
        inter2 = v.text(_cell(row, "inter2")).lower()
        targeted = v.text(_cell(row, "civilian_targeting")) or record.get("event_type") == "Violence against civilians"
        civilians = actor2 and targeted and (inter2 in _CIVILIANS or actor2.lower().startswith("civilians"))
        side = actor2 if civilians else v.text(_cell(row, "actor1"))
        record["actor"] = side_of_acled(side) if side else ""
    if record.get("event_id"):
        record["doc_id"] = f"ACLED:{record['event_id']}"
    outlets = [s for s in (record.get("source_name") or "").split(";") if s.strip()]
    record["number_of_sources"] = max(1, len(outlets))


#: UCDP GED's where_prec (1 exact place .. 7 international waters) on ACLED's geo-precision scale.
_WHERE_PREC = {1: 1, 2: 2, 3: 2, 4: 3, 5: 2, 6: 3, 7: 3}
#: UCDP GED's date_prec (1 a day, 2 2-6 days, 3 a week, 4 a month, 5 more) on our date-precision scale.
_DATE_PREC = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}


def _finish_ged(row: dict, record: dict) -> None:
    """Precision codes translated; the side only when one side's deaths are all the deaths."""
    try:
        where = v.whole(_cell(row, "where_prec"), 99)
        when = v.whole(_cell(row, "date_prec"), 99)
        deaths = {name: v.whole(_cell(row, f"deaths_{name}")) or 0 for name in ("a", "b", "civilians", "unknown")}
    except ValueError as exc:
        raise ValueError(f"a precision or deaths column: {exc}") from None
    record["geo_precision"] = _WHERE_PREC.get(where) if where is not None else None
    record["date_precision"] = _DATE_PREC.get(when) if when is not None else None
    total = sum(deaths.values())
    sides = {"a": v.text(_cell(row, "side_a")), "b": v.text(_cell(row, "side_b")), "civilians": CIVILIANS}
    for name, side in sides.items():
        if total and deaths[name] == total and side and "actor" not in record:
            record["actor"] = side_of_ged(side)
    if record.get("event_id"):
        record["doc_id"] = f"UCDP GED:{record['event_id']}"


ACLED = Schema(
    "acled", "ACLED",
    preset={"event_id": "event_id_cnty", "event_date": "event_date", "date_precision": "time_precision",
            "event_type": "event_type", "sub_event_type": "sub_event_type",
            "location": "location", "admin1": "admin1", "admin2": "admin2", "latitude": "latitude",
            "longitude": "longitude", "geo_precision": "geo_precision", "source_name": "source",
            "source_quote": "notes", "killed": "fatalities"},
    required=("event_id_cnty", "event_date", "latitude", "longitude", "fatalities"),
    detect=False, finish=_finish_acled)

UCDP_GED = Schema(
    "ucdp_ged", "UCDP GED",
    preset={"event_id": "id", "event_date": "date_start", "event_date_end": "date_end",
            "location": "where_coordinates", "admin1": "adm_1", "admin2": "adm_2", "latitude": "latitude",
            "longitude": "longitude", "claimed_by": "source_original", "source_name": "source_office",
            "source_quote": "source_headline", "number_of_sources": "number_of_sources", "killed": "best",
            "casualties_low": "low", "casualties_best": "best", "casualties_high": "high"},
    required=("id", "date_start", "latitude", "longitude", "best"),
    detect=False, finish=_finish_ged)

#: Any other table: the columns found from the headers (and ``--columns``).
TABLE = Schema("table")
