"""A fully populated event through every codec and format, read back field by field.

Every field holds a value other than its default, with Cyrillic text, a MultiPoint of two
places plus an unplaced one, and three sources (one with a key of another tool). Each format
must give every field back exactly, except the fields the field table says it does not carry
(``mapper.model.fields.lost_by``); the formats without a reader of ours (CSV, Shapefile, KML)
are read with GDAL, pandas or lxml and typed by the field kinds of the same table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math

import geopandas
import pandas as pd
import pyogrio
import pytest
from lxml import etree

from mapper.model.event_io import read_events, write_events
from mapper.model.events import Event, EventLocation, events_from_geodataframe, events_to_geodataframe
from mapper.model.fields import DERIVED, FIELDS, KIND_COLUMN, carried_by, lost_by
from mapper.model.source import Source
from mapper.render.export import EXPORTERS
from mapper.render.export.gpkg_read import read_events_gpkg
from mapper.render.export.rebuild import events_from_rows
from mapper.render.export.shapefile import SHAPEFILE_FIELDS

_PLACES = (
    EventLocation("Плехово", "Плёхово", 51.104321, 35.331234, "RU", "Курская область", "Суджанский район",
                  "curated:ru-kursk-plyokhovo", 1, True, ""),
    EventLocation("Мартыновке", "Мартыновка", 51.187654, 35.412345, "RU", "Курская область",
                  "Суджанский район", "geonames:514171", 1, True, ""),
    EventLocation("Воробжа", None, None, None, None, None, None, None, None, False, "нет в справочнике мест"),
)
_SOURCES = (
    Source("отчёт-1", "https://example.org/новости/1", "Пример Медиа", "2024-12-16",
           "Под Плёховом погибли 12 северокорейских военных."),
    Source("отчёт-2", "https://example.net/2", "Второй источник", "2024-12-17", "Раненых — 8."),
    Source.from_dict({"doc_id": "отчёт-3", "url": "https://example.com/3", "source_name": "Канал",
                      "published": "2024-12-18", "quote": "Пропали без вести трое.", "channel": "@канал"}),
)
FULL = Event(
    event_id="ев-000001", doc_id="отчёт-1", event_date=dt.date(2024, 12, 14), event_date_end=dt.date(2024, 12, 15),
    date_precision=2, date_text="14–15 декабря", event_type="Battles", sub_event_type="Armed clash", killed=12, wounded=8, missing=3, captured=2,
    killed_or_wounded=20, casualties_low=25, casualties_best=30, casualties_high=40, approximate=True,
    qualifier="не менее", cumulative=True, actor="Северокорейские военные", claimed_by="ГУР Минобороны Украины",
    claim_words="по данным ГУР",
    locations=_PLACES, geo_precision=2, location_note="несколько сёл; одно не найдено",
    source_url="https://example.org/новости/1", source_name="Пример Медиа", published=dt.date(2024, 12, 16),
    source_quote="Под Плёховом и Мартыновкой погибли 12 северокорейских военных.", quote_start=41, quote_end=104,
    number_of_sources=3, sources=_SOURCES,
)


def test_the_event_sets_every_field_to_a_value_other_than_its_default():
    for spec in dataclasses.fields(Event):
        if spec.default is not dataclasses.MISSING:
            assert getattr(FULL, spec.name) != spec.default, spec.name
    assert FULL.geometry.geom_type == "MultiPoint" and len(FULL.sources) == 3


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _typed(name: str, value):
    """A read-back cell as the field's value, by the kind the field table gives it."""
    column = FIELDS[name].column
    if _missing(value):
        return "" if column == "str" else None
    if column == "int":
        return int(value)
    if column == "bool":
        return value in (True, 1, "1", "true")
    if column == "date":
        if isinstance(value, str):
            return dt.date.fromisoformat(value[:10])
        return value if type(value) is dt.date else pd.Timestamp(value).date()
    return value


def _event(row: dict, fmt: str) -> Event:
    """The event of a flat row (named as the fields), the fields ``fmt`` does not carry left at their defaults."""
    record = {name: _typed(name, row.get(name)) for name in carried_by(fmt) if FIELDS[name].column}
    record["locations"] = json.loads(row["locations_json"]) if "locations_json" in row else []
    record["sources"] = json.loads(row["sources_json"]) if "sources_json" in row else []
    return Event.from_dict(record)


def _expected(fmt: str) -> Event:
    return dataclasses.replace(FULL, **{name: FIELDS[name].default for name in lost_by(fmt)})


def _check(got: list[Event], fmt: str) -> None:
    assert len(got) == 1, fmt
    want = _expected(fmt)
    for name in FIELDS:  # field by field first, for a readable failure
        assert getattr(got[0], name) == getattr(want, name), (fmt, name)
    assert got[0] == want, fmt


def _check_derived(row: dict, fmt: str) -> None:
    """The derived columns a format carries hold the event's representative point and place names."""
    want = {"latitude": FULL.latitude, "longitude": FULL.longitude, "place_count": 2,
            "location_names": "Плёхово; Мартыновка; Воробжа (unresolved)"}
    for name, value in want.items():
        if fmt in DERIVED[name].formats:
            got = row[name]
            assert (type(value)(got) if not _missing(got) else None) == value, (fmt, name)


def test_json_lines_and_geojson_codecs(tmp_path):
    for suffix in ("jsonl", "geojson"):
        path = tmp_path / f"events.{suffix}"
        write_events([FULL], path)
        _check(read_events(path), suffix)
    EXPORTERS["geojson"].write([FULL], tmp_path / "export.geojson")
    _check(read_events(tmp_path / "export.geojson"), "geojson")


def test_geodataframe_keeps_every_field_quote_offsets_too():
    frame = events_to_geodataframe([FULL])
    assert frame.loc[0, "quote_start"] == 41 and frame.loc[0, "quote_end"] == 104
    _check(events_from_geodataframe(frame), "geodataframe")
    _check_derived(frame.iloc[0].to_dict(), "geodataframe")


def test_geopackage(tmp_path):
    path = tmp_path / "events.gpkg"
    EXPORTERS["gpkg"].write([FULL], path, index=None)
    _check(read_events_gpkg(path), "gpkg")
    _check_derived(pyogrio.read_dataframe(path, layer="events").iloc[0].to_dict(), "gpkg")


def test_geoparquet_nested_places_and_sources(tmp_path):
    path = tmp_path / "events.parquet"
    EXPORTERS["parquet"].write([FULL], path, index=None)
    frame = geopandas.read_parquet(path)
    row = frame.iloc[0].to_dict()
    _check_derived(row, "parquet")
    events_row = {name: row[name] for name in FIELDS if FIELDS[name].column}
    locations = [{**loc, "event_id": FULL.event_id, "location_index": i} for i, loc in enumerate(row["locations"])]
    sources = [{**src, "event_id": FULL.event_id, "source_index": i} for i, src in enumerate(row["sources"])]
    _check(events_from_rows([events_row], locations, sources), "parquet")


def test_flatgeobuf(tmp_path):
    path = tmp_path / "events.fgb"
    EXPORTERS["fgb"].write([FULL], path, index=None)
    frame = pyogrio.read_dataframe(path)
    _check(events_from_geodataframe(frame), "fgb")
    _check_derived(frame.iloc[0].to_dict(), "fgb")


def test_csv(tmp_path):
    path = tmp_path / "events.csv"
    EXPORTERS["csv"].write([FULL], path, index=None)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    row = {k: (None if v == "" else v) for k, v in frame.iloc[0].to_dict().items()}
    _check([_event(row, "csv")], "csv")
    _check_derived(row, "csv")


def test_shapefile_keeps_every_field_but_places_and_sources(tmp_path):
    path = tmp_path / "events.shp"
    EXPORTERS["shp"].write([FULL], path, index=None)
    frame = pyogrio.read_dataframe(path)
    by_field = {column: name for name, column in SHAPEFILE_FIELDS.items()}
    row = {by_field[k]: v for k, v in frame.iloc[0].to_dict().items() if k in by_field}
    assert set(lost_by("shapefile")) == {"locations", "sources"}
    _check([_event(row, "shapefile")], "shapefile")
    _check_derived(row, "shapefile")


def test_kml_extended_data(tmp_path):
    path = tmp_path / "events.kml"
    EXPORTERS["kml"].write([FULL], path, index=None)
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    (placemark,) = etree.parse(str(path)).findall(".//k:Placemark", ns)
    row = {el.get("name"): el.text for el in placemark.findall(".//k:SimpleData", ns)}
    _check([_event(row, "kml")], "kml")
    _check_derived(row, "kml")


@pytest.mark.parametrize("fmt", ["shapefile", "kml"])
def test_a_format_that_drops_a_field_fails_the_check(fmt):
    """The check is able to fail: an event read back without its figures is not the expected one."""
    with pytest.raises(AssertionError):
        _check([dataclasses.replace(_expected(fmt), killed=None)], fmt)
    assert KIND_COLUMN[FIELDS["killed"].kind] == "int"
