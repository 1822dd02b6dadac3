"""Every format read back with geopandas and compared, column by column, with what was written.

What was written is the event record (the ``events`` columns of ``event_tables`` plus each
event's places, sources and own geometry). For each format the test applies exactly the
changes ``mapper.render.export.losses.FORMAT_LOSSES`` lists (and ``docs/EXPORT.md`` prints) — no
more — and then requires equality: a format that silently loses or changes anything else fails.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import asdict, replace

import geopandas
import numpy as np
import pandas as pd
import pytest
import shapely
from conftest import REPO
from shapely.geometry import MultiPoint
from export_helpers import exported_sample, shared_sample_events

from mapper.render.export import EXPORTERS, read_any_events
from mapper.render.export.losses import FORMAT_LOSSES
from mapper.render.export.rebuild import events_from_rows
from mapper.render.export.shapefile import SHAPEFILE_FIELDS
from mapper.render.export.tables import LAYER_COLUMNS, event_tables

KINDS = dict(LAYER_COLUMNS["events"])
TEXT = [c for c, k in LAYER_COLUMNS["events"] if k == "str"]


@pytest.fixture(scope="module")
def events(gazetteer, index):
    return shared_sample_events(gazetteer, index)


@pytest.fixture(scope="module")
def exported(gazetteer, index, tmp_path_factory):
    return exported_sample(gazetteer, index, tmp_path_factory)  # the same files test_export_formats reads


def written(events) -> dict[str, list]:
    """Column -> values as written: the events layer, places, sources and the event's own geometry."""
    table = event_tables(events, index=None).events.table
    cols = {name: table[name].to_pylist() for name in table.column_names}
    cols["locations"] = [[asdict(loc) for loc in ev.locations] for ev in events]
    cols["sources"] = [[s.to_dict() for s in ev.sources] for ev in events]
    cols["geometry"] = [ev.geometry for ev in events]
    return cols


# --- the documented losses, one function each -------------------------------------------------
def _map_text(cols, fn):
    return {c: ([fn(v) if isinstance(v, str) else v for v in vals] if c in TEXT else vals) for c, vals in cols.items()}


def _round6(geom):
    return None if geom is None else shapely.transform(geom, np.vectorize(lambda v: round(v, 6)))


def _cut254(text):
    data = text.encode()
    return text if len(data) <= 254 else data[:254].decode(errors="ignore")


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, str)):
        return value if isinstance(value, str) else value.isoformat()
    return repr(value) if isinstance(value, float) else str(value)


def _json_text(cols):
    cols = dict(cols)
    cols["locations_json"] = [json.dumps(v, ensure_ascii=False) for v in cols.pop("locations")]
    cols["sources_json"] = [json.dumps(v, ensure_ascii=False) for v in cols.pop("sources")]
    return cols


def _drop_nested(cols):
    return {c: v for c, v in cols.items() if c not in ("locations", "sources")}


TRANSFORMS = {
    "single_as_multipoint": lambda cols: {**cols, "geometry": [
        MultiPoint([g]) if g is not None and g.geom_type == "Point" else g for g in cols["geometry"]]},
    "coordinates_6_decimals": lambda cols: {**cols, "geometry": [_round6(g) for g in cols["geometry"]]},
    "dates_as_datetimes": lambda cols: {c: ([None if v is None else pd.Timestamp(v) for v in vals]
                                            if KINDS.get(c) == "date" else vals) for c, vals in cols.items()},
    "dates_as_text": lambda cols: {c: ([None if v is None else v.isoformat() for v in vals]
                                       if KINDS.get(c) == "date" else vals) for c, vals in cols.items()},
    "nested_as_json": _json_text,
    "nested_in_balloon": _drop_nested,
    "no_nested": _drop_nested,
    "xml_forbidden_characters": lambda cols: _map_text(cols, lambda s: re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", s)),
    "formula_prefix": lambda cols: _map_text(cols, lambda s: "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r")
                                             else s),
    "geometry_as_wkt": lambda cols: {**{c: v for c, v in cols.items() if c != "geometry"},
                                     "geometry_wkt": [None if g is None else shapely.to_wkt(g, rounding_precision=-1)
                                                      for g in cols["geometry"]]},
    "all_text": lambda cols: {c: [_as_text(v) for v in vals] for c, vals in cols.items()},
    "empty_is_missing": lambda cols: cols,  # applied per format below (CSV: both "", Shapefile: both missing)
    "field_names_10": lambda cols: {SHAPEFILE_FIELDS.get(c, c): v for c, v in cols.items()},
    "text_254_bytes": lambda cols: _map_text(cols, _cut254),
    "nul_removed": lambda cols: _map_text(cols, lambda s: s.replace("\x00", "")),
    "trailing_spaces": lambda cols: _map_text(cols, lambda s: s.rstrip(" ")),
    "line_breaks_lf": lambda cols: _map_text(cols, lambda s: s.replace("\r\n", "\n").replace("\r", "\n")),
}
#: The order losses happen in when a file is written (text is neutralised before it becomes CSV text, ...).
ORDER = ["single_as_multipoint", "coordinates_6_decimals", "nul_removed", "xml_forbidden_characters",
         "line_breaks_lf", "formula_prefix", "text_254_bytes", "trailing_spaces", "nested_as_json", "nested_in_balloon", "no_nested", "dates_as_datetimes", "dates_as_text",
         "geometry_as_wkt", "all_text", "empty_is_missing", "field_names_10"]


def expected(events, fmt: str) -> dict[str, list]:
    cols = written(events)
    for loss in ORDER:
        if loss in FORMAT_LOSSES[fmt]:
            cols = TRANSFORMS[loss](cols)
    if fmt == "shp" and "empty_is_missing" in FORMAT_LOSSES[fmt]:
        cols = {c: [None if v == "" else v for v in vals] for c, vals in cols.items()}
    return cols


def test_every_documented_loss_has_a_check_and_is_in_the_docs():
    docs = (REPO / "docs" / "EXPORT.md").read_text(encoding="utf-8")
    assert set(FORMAT_LOSSES) == set(EXPORTERS)
    for fmt, losses in FORMAT_LOSSES.items():
        for loss, sentence in losses.items():
            assert loss in TRANSFORMS and loss in ORDER, (fmt, loss)
            assert sentence in " ".join(docs.split()), (fmt, sentence)


# --- reading back -----------------------------------------------------------------------------
def plain(value):
    """A read-back cell as a plain Python value (missing -> None, arrays -> lists)."""
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA:
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def read_back(path, layer=None):
    """geopandas.read_file, with GDAL Date fields (``datetime64[D]``) as ``datetime.date`` again.

    pandas has no date type, so pyogrio hands a Date field over as midnight timestamps; a
    DateTime field (FlatGeobuf's) stays a timestamp, which is how its loss shows.
    """
    import pyogrio

    frame = geopandas.read_file(path, layer=layer, engine="pyogrio")
    info = pyogrio.read_info(path, layer=layer)
    for name, dtype in zip(info["fields"], info["dtypes"]):
        if dtype == "datetime64[D]":
            frame[name] = [None if pd.isna(v) else v.date() for v in frame[name]]
    return frame


def assert_columns_equal(frame, cols: dict[str, list], fmt: str):
    for name, want in cols.items():
        assert name in frame.columns or (name == "geometry" and frame.geometry is not None), (fmt, name)
        got = [plain(v) for v in (frame.geometry if name == "geometry" else frame[name])]
        if name == "geometry":
            assert [None if g is None else g.wkt for g in got] == [None if g is None else g.wkt for g in want], fmt
            assert all(a is None or a.equals_exact(b, 0) for a, b in zip(got, want)), fmt
        else:
            assert got == want, (fmt, name)


@pytest.mark.parametrize("fmt", ["gpkg", "fgb", "kml", "shp"])
def test_gdal_formats_read_back_with_only_the_documented_loss(exported, events, fmt):
    path = exported / f"events{EXPORTERS[fmt].suffix}"
    frame = read_back(path, layer="events" if fmt == "gpkg" else None)
    want = expected(events, fmt)
    if fmt == "gpkg":  # places and sources are their own layers here: checked by rebuilding the events below
        want = {c: v for c, v in want.items() if c not in ("locations", "sources")}
    assert len(frame) == len(events)
    assert_columns_equal(frame, want, fmt)


def test_geoparquet_reads_back_unchanged(exported, events):
    frame = geopandas.read_parquet(exported / "events.parquet")
    want = expected(events, "parquet")
    assert_columns_equal(frame, {c: v for c, v in want.items() if c not in ("locations", "sources")}, "parquet")
    # nested places and sources: rebuild the full events from the read-back columns
    event_rows = [{c: plain(frame[c].iloc[i]) for c in KINDS} for i in range(len(frame))]
    loc_rows = [dict(plain(loc), event_id=row["event_id"], location_index=j)
                for row, locs in zip(event_rows, frame["locations"]) for j, loc in enumerate(locs)]
    src_rows = [dict(plain(src), event_id=row["event_id"], source_index=j)
                for row, srcs in zip(event_rows, frame["sources"]) for j, src in enumerate(srcs)]
    assert events_from_rows(event_rows, loc_rows, src_rows) == events


def without_nul(ev):
    """The event as a GeoPackage keeps it: U+0000 removed from every text (the nul_removed loss)."""
    def clean(v):
        return v.replace("\x00", "") if isinstance(v, str) else v

    def clean_obj(obj):
        return replace(obj, **{f: clean(getattr(obj, f)) for f in obj.__dataclass_fields__
                               if isinstance(getattr(obj, f), str)})

    return replace(clean_obj(ev), locations=tuple(clean_obj(loc) for loc in ev.locations),
                   sources=tuple({k: clean(v) for k, v in s.to_dict().items()} for s in ev.sources))


def test_geopackage_rebuilds_the_full_events(exported, events):
    path = exported / "events.gpkg"
    want = [without_nul(ev) for ev in events]
    assert want != events  # the sample has a NUL, so this checks the loss is that and no more
    assert read_any_events(path) == want
    layers = {name: read_back(path, layer=name) for name in ("events", "event_locations", "sources")}
    rows = {name: [{c: plain(v) for c, v in rec.items() if c != "geometry"} for rec in frame.to_dict("records")]
            for name, frame in layers.items()}
    assert events_from_rows(rows["events"], rows["event_locations"], rows["sources"]) == want


def test_geojson_reads_back_unchanged_but_for_rounding(exported, events):
    path = exported / "events.geojson"
    assert read_any_events(path) == events  # our reader: the full record, NUL included (JSON escapes it)
    frame = geopandas.read_file(path, engine="pyogrio")
    geometry = expected(events, "geojson")["geometry"]
    assert_columns_equal(frame, {"geometry": geometry}, "geojson")
    records = [ev.to_dict() for ev in events]
    for name in records[0]:
        if name == "geometry_wkt":  # not a property: it is the geometry
            continue
        got = [plain(v) for v in frame[name]]
        want = [r[name] for r in records]
        if name in ("locations", "sources"):  # GDAL hands nested arrays over as JSON text
            got = [json.loads(v) if isinstance(v, str) else v for v in got]
        if name in ("event_date", "event_date_end", "published"):  # GDAL types ISO date strings as dates
            got = [None if v is None else pd.Timestamp(v).date().isoformat() for v in got]
        if name == "source_quote":  # GDAL's reader (not the file) stops at a NUL: compare up to it
            want = [v.split("\x00")[0] for v in want]
        assert got == want, name


def test_csv_reads_back_as_documented_text(exported, events):
    frame = geopandas.read_file(exported / "events.csv", engine="pyogrio")
    assert not isinstance(frame, geopandas.GeoDataFrame) or frame.geometry.isna().all()
    want = expected(events, "csv")
    shared = ("latitude", "longitude", "geo_precision", "event_date")  # written once, under ACLED's name
    assert_columns_equal(frame, {c: v for c, v in want.items() if c not in shared}, "csv")
    for name in shared:
        assert [plain(v) for v in frame[name]] == want[name], name
